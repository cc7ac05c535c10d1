/**
 * Masking for shareable exports and for messages that name an ID: keeps enough to recognise a
 * record (first 3 and last 4 characters) and hides the rest, including the birth date.
 */

/** '110105199003071234' → '110***********1234'. */
export function maskResidentId(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** '13812345678' → '138****5678'. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** '110115199003071234' → '**************1234' (only the last 4 shown, as in the case book). */
export function maskIdLast4(id: string): string {
  return id.length <= 4 ? id : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}
