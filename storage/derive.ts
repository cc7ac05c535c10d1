/**
 * Fields storage/ stores instead of asking for, each computed by rules/: gender and birth date from the
 * resident ID, the reversed ID for suffix search, and the day a document falls below its §五 validity rule.
 */
import type { IsoDate } from '../rules/model';
import { checkResidentId } from './identity';
import { fallsBelowRuleOn, type DocumentKind } from '../rules/validity';
import type { Gender, ValidUntil } from './schemas';

export function reverseString(s: string): string {
  return [...s].reverse().join('');
}

/** The ID-derived fields of an employee row. Throws on an ID that the validator refuses. */
export function deriveFromResidentId(residentId: string): {
  residentId: string;
  residentIdRev: string;
  gender: Gender;
  birthDate: IsoDate;
} {
  const r = checkResidentId(residentId);
  if (!r.ok) throw new Error(r.message);
  return { residentId: r.normalized, residentIdRev: reverseString(r.normalized), gender: r.gender, birthDate: r.birthDate };
}

/** The document's §五 "falls below the rule" day (rules/validity.ts); undefined without a validity date or when long-term. */
export function deriveFallsBelow(kind: DocumentKind, validUntil: ValidUntil | undefined): IsoDate | undefined {
  return validUntil ? fallsBelowRuleOn(kind, validUntil) : undefined;
}
