/**
 * Validity of documents at upload (§五, §六(二) 4②) and the age of children listed as 随往子女 (§六(二) 6).
 *
 * §五: "具备有效期限的材料（如身份证、居住证、合同类材料等），提供时材料截止期限须超过3个月以上（含），
 * 其中合同类材料为6个月以上（含）". Reading implemented: on the day it is provided, the document must still
 * be valid on the date `providedOn + 3 months` (contracts: + 6 months), months added as date-fns
 * `addMonths` does (same day number, clamped to the end of a shorter month); "（含）" makes that date itself
 * enough. Example: provided 2026-11-26 → must be valid until at least 2027-02-26; provided 2026-11-30 →
 * 2027-02-28.
 */
import { z } from 'zod';
import { IsoDate, isIsoDate, type Bilingual } from './model';
import { addDays, addMonths, addYears, fullYearsBetween } from './dates';
import { bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

/** Kinds of documents that carry a validity period, with zh/en labels. */
export const DocumentKind = z.enum([
  'resident-id-card',
  'beijing-residence-permit',
  'qualification-certificate',
  'business-licence',
  'labour-contract',
  'lease-contract',
  'other-contract',
  'other',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** zh/en label of each document kind. */
export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, Bilingual>> = {
  'resident-id-card': { zh: '居民身份证', en: 'Resident ID card' },
  'beijing-residence-permit': { zh: '北京市居住证', en: 'Beijing residence permit' },
  'qualification-certificate': { zh: '单位资质证书', en: 'Qualification certificate' },
  'business-licence': { zh: '营业执照', en: 'Business licence' },
  'labour-contract': { zh: '聘用（劳动）合同', en: 'Labour contract' },
  'lease-contract': { zh: '房屋租赁合同（住所证明）', en: 'Lease used as housing proof' },
  'other-contract': { zh: '其他合同类材料', en: 'Other contract' },
  other: { zh: '其他具备有效期限的材料', en: 'Other document with a validity period' },
};

/** Kinds that are 合同类 and need 6 months (§五; a lease as housing proof also §六(二) 4②). */
export const CONTRACT_KINDS: ReadonlySet<DocumentKind> = new Set(['labour-contract', 'lease-contract', 'other-contract']);

export const RULE_VALIDITY_GENERAL = defineRule({
  id: 'document-validity-3-months',
  section: '§五',
  file: 'rules/validity.ts',
  severity: 'error',
  description: {
    zh: '具备有效期限的材料，提供时距截止日须 3 个月以上（含）',
    en: 'A document with a validity period must remain valid for at least 3 months (inclusive) when provided',
  },
});

export const RULE_VALIDITY_CONTRACT = defineRule({
  id: 'contract-validity-6-months',
  section: '§五',
  file: 'rules/validity.ts',
  severity: 'error',
  description: {
    zh: '合同类材料提供时距截止日须 6 个月以上（含）',
    en: 'A contract must remain valid for at least 6 months (inclusive) when provided',
  },
});

export const RULE_LEASE_REMAINING = defineRule({
  id: 'lease-remaining-6-months',
  section: '§六(二) 4②, §五',
  file: 'rules/validity.ts',
  severity: 'error',
  description: {
    zh: '作为住所证明的租赁合同须尚有 6 个月以上租赁期限',
    en: 'A lease used as housing proof must have at least 6 months of term left',
  },
});

export const RULE_CHILD_AGE = defineRule({
  id: 'child-age-16',
  section: '§六(二) 6',
  file: 'rules/validity.ts',
  severity: 'warning',
  description: {
    zh: '随往子女原则上年龄不超过 16 周岁（按 17 周岁生日前计）',
    en: 'Accompanying children are in principle not over 16 (read: before their 17th birthday)',
  },
});

/** Input of {@link checkValidity}: `validUntil` is the last valid day, or 'long-term' for 长期. */
export const CheckValidityInput = z.object({
  document: z.object({ kind: DocumentKind, validUntil: z.union([IsoDate, z.literal('long-term')]) }),
  providedOn: IsoDate,
});
export type DocumentValidity = z.input<typeof CheckValidityInput>['document'];

/** The verdict on one document. */
export interface ValidityResult {
  readonly ok: boolean;
  readonly kind: DocumentKind;
  /** 3 or 6. */
  readonly monthsRequired: 3 | 6;
  /** The document must be valid at least until this day (inclusive). */
  readonly mustBeValidUntil: IsoDate;
  readonly validUntil: IsoDate | 'long-term';
  readonly providedOn: IsoDate;
  readonly findings: readonly Finding[];
}

/**
 * Whether a document may be uploaded on `providedOn`: valid until at least `providedOn` + 3 months
 * (contracts + 6 months), that day included (§五; leases §六(二) 4②). 'long-term' (长期) always passes.
 */
export function checkValidity(document: DocumentValidity, providedOn: IsoDate): ValidityResult {
  const { document: doc } = parseInput(CheckValidityInput, { document, providedOn });
  const isContract = CONTRACT_KINDS.has(doc.kind);
  const months = monthsRequired(doc.kind);
  const mustBeValidUntil = addMonths(providedOn, months);
  const ok = doc.validUntil === 'long-term' || doc.validUntil >= mustBeValidUntil;
  const rule = doc.kind === 'lease-contract' ? RULE_LEASE_REMAINING : isContract ? RULE_VALIDITY_CONTRACT : RULE_VALIDITY_GENERAL;
  const label = DOCUMENT_KIND_LABELS[doc.kind];
  const facts = { kind: doc.kind, validUntil: doc.validUntil, providedOn, monthsRequired: months, mustBeValidUntil };
  let message: Bilingual;
  if (doc.validUntil === 'long-term') {
    message = bi(`${label.zh}为长期有效`, `${label.en} is valid long-term`);
  } else if (doc.validUntil < providedOn) {
    message = bi(
      `${label.zh}已于 ${doc.validUntil} 过期`,
      `${label.en} expired on ${doc.validUntil}`,
    );
  } else if (ok) {
    message = bi(
      `${label.zh}有效期至 ${doc.validUntil}，满足提供时 ${months} 个月以上（含，即至少至 ${mustBeValidUntil}）的要求`,
      `${label.en} is valid until ${doc.validUntil}, meeting the ${months}-month rule (at least until ${mustBeValidUntil}, inclusive)`,
    );
  } else {
    message = bi(
      `${label.zh}有效期至 ${doc.validUntil}，不足 ${months} 个月：${providedOn} 提供时须至少有效至 ${mustBeValidUntil}（含），请更换或续期后再上传`,
      `${label.en} is valid only until ${doc.validUntil}, less than ${months} months: provided on ${providedOn} it must be valid until at least ${mustBeValidUntil} (inclusive) — renew it first`,
    );
  }
  return {
    ok,
    kind: doc.kind,
    monthsRequired: months,
    mustBeValidUntil,
    validUntil: doc.validUntil,
    providedOn,
    findings: [finding(rule, ok, message, facts)],
  };
}

/** Age limit of 随往子女 in full years (§六(二) 6). */
export const CHILD_AGE_LIMIT = 16;

/** Input of {@link childAgeOk}. */
export const ChildAgeInput = z
  .object({ birthDate: IsoDate, onDate: IsoDate })
  .refine((v) => v.birthDate <= v.onDate, {
    message: '出生日期不能晚于判断日期 / The birth date cannot be after the date judged',
    path: ['birthDate'],
  });

/** The verdict on a child's age. */
export interface ChildAgeResult {
  readonly ok: boolean;
  /** Age in full years (周岁) on `onDate`; the birthday itself completes a year. */
  readonly age: number;
  /** The first day the child is over the limit: the 17th birthday. */
  readonly overLimitFrom: IsoDate;
  readonly findings: readonly Finding[];
}

/**
 * Whether a child may be listed as 随往子女 on `onDate`: "原则上年龄不超过16周岁" (§六(二) 6).
 * Reading chosen: age in full years (周岁) ≤ 16, i.e. up to the day before the 17th birthday; a child of
 * 16 years and 11 months is still "16周岁". The stricter reading (only up to the 16th birthday) is
 * mentioned in the message so the agent can ask the locality. A 29 February birthday falls on
 * 28 February in common years. "原则上" makes this a warning, not an error.
 */
export function childAgeOk(birthDate: IsoDate, onDate: IsoDate): ChildAgeResult {
  parseInput(ChildAgeInput, { birthDate, onDate });
  const age = fullYearsBetween(birthDate, onDate);
  const overLimitFrom = addYears(birthDate, CHILD_AGE_LIMIT + 1);
  const ok = onDate < overLimitFrom;
  const reading = bi(
    '（按"不超过16周岁"即 17 周岁生日前计；如按满 16 周岁即超限的从严口径，请向属地部门确认）',
    ' (read as "not over 16" = before the 17th birthday; under the stricter reading — not past the 16th birthday — ask the locality)',
  );
  const message = ok
    ? bi(`子女 ${onDate} 时 ${age} 周岁，未超过 16 周岁${reading.zh}`, `The child is ${age} on ${onDate}, not over 16${reading.en}`)
    : bi(
        `子女 ${onDate} 时 ${age} 周岁，已超过 16 周岁（自 ${overLimitFrom} 起），原则上不能随往${reading.zh}`,
        `The child is ${age} on ${onDate}, over 16 since ${overLimitFrom}; in principle cannot be listed${reading.en}`,
      );
  return {
    ok,
    age,
    overLimitFrom,
    findings: [finding(RULE_CHILD_AGE, ok, message, { birthDate, onDate, age, overLimitFrom, limit: CHILD_AGE_LIMIT })],
  };
}

/** Months of validity §五 asks for at upload: 6 for 合同类 kinds (leases too, §六(二) 4②), 3 otherwise. */
export function monthsRequired(kind: DocumentKind): 3 | 6 {
  return CONTRACT_KINDS.has(kind) ? 6 : 3;
}

/**
 * The first day on which a document valid until `validUntil` no longer meets §五 ("提供时材料截止期限须超过
 * 3个月以上（含），其中合同类材料为6个月以上（含）"), or undefined when it is valid long-term (长期).
 * Reading: provided on day D, the document passes when D + months ≤ validUntil (both inclusive), so
 * it falls below the rule on the first D with D + months > validUntil. Month-end clamping makes
 * "validUntil − months" inexact (01-31 + 3 months = 04-30), hence the short forward search.
 * Stored with each document (storage/) so "falls below within N days" is a range query.
 */
export function fallsBelowRuleOn(kind: DocumentKind, validUntil: IsoDate | 'long-term'): IsoDate | undefined {
  if (validUntil === 'long-term') return undefined;
  const months = monthsRequired(kind);
  let d = addMonths(validUntil, -months); // always passes: clamping only ever moves it earlier
  for (;;) {
    const next = addDays(d, 1);
    if (addMonths(next, months) > validUntil) return next;
    d = next;
  }
}

// ───────────────────────────── Reading a typed validity (长期) ─────────────────────────────

/**
 * Every way an agent or a document writes "valid for life" that we read as long-term: 长期 (ID cards of holders
 * over 46, licences without a term), 长期有效, 永久 / 永久有效, 终身 / 终身有效, 无固定期限 (a labour contract without a
 * fixed term — still a 合同类 document that never falls below §五's 6 months), and long-term / long term /
 * permanent. Spaces, full-width spaces and a closing 。 are ignored.
 */
export const LONG_TERM_SPELLINGS: readonly string[] = [
  '长期', '长期有效', '永久', '永久有效', '终身', '终身有效', '无固定期限', 'long-term', 'long term', 'longterm', 'permanent',
];

/** True when `text` is one of {@link LONG_TERM_SPELLINGS} (spaces, case and a closing 。 ignored). */
export function isLongTermText(text: string): boolean {
  const compact = normaliseText(text).toLowerCase().replace(/ /g, '');
  return LONG_TERM_SPELLINGS.some((s) => s.replace(/ /g, '') === compact);
}

/**
 * Which 「有效期至」 a field is (issue #14 4.11): an identity or other document's (身份证, 居住证, 营业执照…, which
 * may be 长期), a contract's, or the permit's own (工作居住证有效期, which is never 长期: 《工作居住证》的有效期限为
 * 3 年, §六(三)). The portal labels both 「证件有效期至」; they are told apart by their section, never by the label.
 */
export const ExpiryField = z.enum(['document', 'contract', 'permit']);
export type ExpiryField = z.infer<typeof ExpiryField>;

/** The reading of a typed validity. */
export type ValidUntilReading =
  | { readonly kind: 'date'; readonly date: IsoDate }
  | { readonly kind: 'long-term' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly message: Bilingual };

const normaliseText = (s: string): string =>
  s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(/[。.]$/, '');

/**
 * Reads what was typed or shown as a validity: a date (2035-03-07, 2035.03.07, 2035/3/7, 2035年3月7日, 20350307, or the
 * end of a range 「2015.03.07-2035.03.07」) or one of {@link LONG_TERM_SPELLINGS}. The permit's own expiry is never
 * long-term: 长期 there is refused with a message.
 */
export function readValidUntil(text: string, field: ExpiryField): ValidUntilReading {
  const t = normaliseText(text);
  if (!t) return { kind: 'empty' };
  if (isLongTermText(t) || (/^.{0,12}[-—~至到]\s*(长期|长期有效|永久)$/.test(t))) {
    return field === 'permit'
      ? { kind: 'invalid', message: bi('工作居住证的有效期为 3 年，不会是「长期」：请填写证件上的具体日期', 'A work residence permit is valid for 3 years, never long-term: enter the date on it') }
      : { kind: 'long-term' };
  }
  // The end of a range "start - end" (ID cards print 2015.03.07-2035.03.07).
  const parts = t.split(/\s*(?:-{1}(?=\d{4})|—|~|至|到)\s*/);
  const last = parts[parts.length - 1];
  const m =
    /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(last) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(last);
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (isIsoDate(iso)) return { kind: 'date', date: iso };
  }
  return { kind: 'invalid', message: bi(`无法识别的日期「${text.trim()}」：请填写 yyyy-MM-dd 或「长期」`, `Cannot read the date "${text.trim()}": enter yyyy-MM-dd or 长期 (long-term)`) };
}

/**
 * Which 「证件有效期至」 a portal field is, from the title of the section (block) it sits in: 工作居住证 → the
 * permit's own expiry; 身份证 / 居住证 / 护照 / 营业执照 / 证件信息 → a document's; 合同 → a contract's; otherwise unknown
 * (the caller must not guess).
 */
export function expiryFieldOfSection(sectionTitle: string): ExpiryField | undefined {
  const s = sectionTitle.replace(/\s+/g, '');
  if (/工作居住证/.test(s)) return 'permit';
  if (/合同/.test(s)) return 'contract';
  if (/身份证|居住证|护照|通行证|营业执照|登记证书|法人证书|证件信息|身份信息/.test(s)) return 'document';
  return undefined;
}
