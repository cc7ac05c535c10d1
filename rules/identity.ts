/**
 * Identity numbers the portal compares automatically (§提示 特点 4: 身份证号 with the police data, 社会统一信用代码
 * with the business registry). The checks themselves (check characters, formats) are the assistant's (助手建议):
 * the guide states no format, only that the portal compares and the phone of the income annotation (§六(二) 5). Checking them before
 * filing saves a round trip.
 * - Resident ID: GB 11643-1999, 18 characters, ISO 7064 MOD 11-2 check character (0–9 or X), a real birth
 *   date, the 17th digit odd for men and even for women, the first two digits a province-level code.
 * - Unified social credit code: GB 32100-2015, 18 characters from 0–9 and A–Z without I O Z S V, check
 *   character = 31 − (Σ value × weight mod 31).
 * - Mainland mobile: 1[3-9] + 9 digits, optional +86 / 0086 prefix.
 * Full-width characters and spaces are normalised first ('１１０１０５…', '110105 1990…').
 */
import { z } from 'zod';
import { Gender, IsoDate, isIsoDate } from './model';
import { ADVICE, bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

export const RULE_RESIDENT_ID = defineRule({
  id: 'resident-id-valid',
  section: ADVICE,
  file: 'rules/identity.ts',
  severity: 'error',
  description: {
    zh: '居民身份证号码符合 GB 11643：18 位、校验码正确、出生日期真实、地区码有效',
    en: 'Resident ID number per GB 11643: 18 characters, correct check character, real birth date, valid region',
  },
});

export const RULE_CREDIT_CODE = defineRule({
  id: 'credit-code-valid',
  section: ADVICE,
  file: 'rules/identity.ts',
  severity: 'error',
  description: {
    zh: '统一社会信用代码符合 GB 32100-2015：18 位、字符集与校验码正确',
    en: 'Unified social credit code per GB 32100-2015: 18 characters, allowed alphabet and check character',
  },
});

export const RULE_MOBILE = defineRule({
  id: 'mobile-number-valid',
  // The guide asks for a 联系人及电话 on income screenshots (§六(二) 5) but states no number format: 助手建议.
  section: ADVICE,
  file: 'rules/identity.ts',
  severity: 'error',
  description: { zh: '大陆手机号码 1[3-9] 开头共 11 位（收入截图须注明的联系电话）', en: 'Mainland mobile number: 11 digits starting 1[3-9] (the contact phone of the income screenshots)' },
});

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to space. */
export function normalizeWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A person's name as stored and searched: full-width letters and digits folded, no space between two
 * Chinese characters (钱　浩 or 钱 浩 → 钱浩: a Chinese IME types U+3000), runs of other spaces made one,
 * trimmed. Chinese punctuation stays (张伟（研发部）).
 */
export function normalizePersonName(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/g, ' ')
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Full-width folded, all whitespace removed, letters upper-cased. */
export function normalizeCode(s: string): string {
  return normalizeWidth(s).replace(/\s+/g, '').toUpperCase();
}

/**
 * The verdict on a check character that does not match: the number is wrong somewhere. Which character
 * would make it pass is deliberately not said — for a typo elsewhere that gives someone else's valid number.
 */
export const CHECK_MISMATCH = {
  residentId: bi(
    '号码有误：校验位与前 17 位不符，说明其中某一位输错、漏输或被改动（例如被 Excel 改成了 0），请对照身份证逐位核对',
    'The number is wrong somewhere: its check character does not match the first 17 digits (a digit mistyped, missing or changed, e.g. by Excel); compare it with the ID card digit by digit',
  ),
  creditCode: bi(
    '代码有误：校验位与前 17 位不符，说明其中某一位输错或被改动，请对照营业执照逐位核对',
    'The code is wrong somewhere: its check character does not match the first 17 characters; compare it with the business licence character by character',
  ),
} as const;

/** Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao; 83 is used on residence permits for Taiwan residents). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}/.test(first17)) throw new RangeError('需要 17 位数字 / 17 digits expected');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Input of {@link checkResidentId}; `today` bounds the birth date. */
export const ResidentIdInput = z.object({ id: z.string(), today: IsoDate });

/** The verdict on a resident ID number. */
export interface ResidentIdResult {
  readonly ok: boolean;
  /** The normalised 18 characters (X upper-case). */
  readonly normalized: string;
  readonly birthDate?: IsoDate;
  readonly gender?: Gender;
  readonly region?: string;
  readonly findings: readonly Finding[];
}

/** Checks a resident ID number (GB 11643); `today` is needed to refuse a birth date in the future. */
export function checkResidentId(id: string, today: IsoDate): ResidentIdResult {
  parseInput(ResidentIdInput, { id, today });
  const s = normalizeCode(id);
  const problems: { zh: string; en: string }[] = [];
  if (!/^\d{17}[\dX]$/.test(s)) {
    problems.push(bi(`应为 18 位（前 17 位数字，末位数字或 X），实际「${s}」共 ${s.length} 位`, `Expected 18 characters (17 digits then a digit or X), got "${s}" (${s.length})`));
    return { ok: false, normalized: s, findings: [finding(RULE_RESIDENT_ID, false, problems[0], { input: id, normalized: s })] };
  }
  const region = s.slice(0, 6);
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const gender: Gender = Number(s[16]) % 2 === 1 ? 'male' : 'female';
  if (!PROVINCE_CODES.has(s.slice(0, 2))) problems.push(bi(`地区码 ${region} 的省级代码 ${s.slice(0, 2)} 无效`, `Province code ${s.slice(0, 2)} of region ${region} is invalid`));
  const realDate = isIsoDate(birth);
  if (!realDate) problems.push(bi(`出生日期 ${birth} 不存在`, `Birth date ${birth} does not exist`));
  else if (birth > today) problems.push(bi(`出生日期 ${birth} 晚于今天 ${today}`, `Birth date ${birth} is after today ${today}`));
  else if (birth < '1900-01-01') problems.push(bi(`出生日期 ${birth} 早于 1900 年`, `Birth date ${birth} is before 1900`));
  // Never name the check character that would make the number pass: the typo is usually elsewhere, and
  // "fixing" the last character turns it into someone else's valid number (issue #19).
  if (s[17] !== residentIdCheckChar(s)) problems.push(CHECK_MISMATCH.residentId);
  const ok = problems.length === 0;
  const facts = { input: id, normalized: s, region, birthDate: birth, gender, checkCharacterMatches: !problems.includes(CHECK_MISMATCH.residentId) };
  const findings = ok
    ? [finding(RULE_RESIDENT_ID, true, bi(`身份证号有效（${birth}，${gender === 'male' ? '男' : '女'}）`, `Valid resident ID (${birth}, ${gender})`), facts)]
    : problems.map((p) => finding(RULE_RESIDENT_ID, false, p, facts));
  return { ok, normalized: s, ...(realDate ? { birthDate: birth } : {}), gender, region, findings };
}

/** Input of {@link makeResidentId}. */
export const MakeResidentIdInput = z.object({
  region: z.string().regex(/^\d{6}$/, { message: '地区码应为 6 位数字 / Region must be 6 digits' }),
  birthDate: IsoDate,
  /** 0–999; its last digit's parity is the gender (odd = male). */
  sequence: z.number().int().min(0).max(999),
});
export type MakeResidentIdInput = z.input<typeof MakeResidentIdInput>;

/**
 * A valid made-up resident ID for tests and fixtures, e.g.
 * `makeResidentId({ region: '110115', birthDate: '1990-03-07', sequence: 123 })` (sequence odd → male).
 */
export function makeResidentId(input: MakeResidentIdInput): string {
  const v = parseInput(MakeResidentIdInput, input);
  const first17 = `${v.region}${v.birthDate.replace(/-/g, '')}${String(v.sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** The GB 32100-2015 alphabet (no I, O, Z, S, V), in value order. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length < 17 || [...first17.slice(0, 17)].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) {
    throw new RangeError('需要 17 位代码字符 / 17 code characters expected');
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CC_WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Input of {@link checkCreditCode}. */
export const CreditCodeInput = z.object({ code: z.string() });

/** The verdict on a unified social credit code. */
export interface CreditCodeResult {
  readonly ok: boolean;
  readonly normalized: string;
  readonly findings: readonly Finding[];
}

/** Checks a unified social credit code (GB 32100-2015). */
export function checkCreditCode(code: string): CreditCodeResult {
  parseInput(CreditCodeInput, { code });
  const s = normalizeCode(code);
  const facts = { input: code, normalized: s };
  const fail = (zh: string, en: string): CreditCodeResult => ({ ok: false, normalized: s, findings: [finding(RULE_CREDIT_CODE, false, bi(zh, en), facts)] });
  if (s.length !== 18) return fail(`应为 18 位，实际 ${s.length} 位`, `Expected 18 characters, got ${s.length}`);
  const bad = [...s].filter((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad.length) return fail(`含有不允许的字符：${[...new Set(bad)].join('')}（不使用 I、O、Z、S、V）`, `Characters not allowed: ${[...new Set(bad)].join('')} (I, O, Z, S, V are not used)`);
  if (!/^\d{6}$/.test(s.slice(2, 8))) return fail(`第 3–8 位行政区划码应为数字：${s.slice(2, 8)}`, `Positions 3–8 (region code) must be digits: ${s.slice(2, 8)}`);
  if (s[17] !== creditCodeCheckChar(s)) return fail(CHECK_MISMATCH.creditCode.zh, CHECK_MISMATCH.creditCode.en);
  return { ok: true, normalized: s, findings: [finding(RULE_CREDIT_CODE, true, bi('统一社会信用代码有效', 'Valid unified social credit code'), facts)] };
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Input of {@link makeCreditCode}. */
export const MakeCreditCodeInput = z.object({
  /** 登记管理部门码 + 机构类别码, e.g. '91' for an enterprise registered with market regulation. */
  prefix: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}$/).default('91'),
  /** 6-digit region, default 110115 (Daxing). */
  region: z.string().regex(/^\d{6}$/).default('110115'),
  /** 8-digit organisation code body (digits, for a fixture). */
  orgBody: z.string().regex(/^\d{8}$/),
});
export type MakeCreditCodeInput = z.input<typeof MakeCreditCodeInput>;

/**
 * A valid made-up unified social credit code for tests and fixtures: prefix + region + an organisation
 * code (body + its GB 11714 check character) + the GB 32100 check character.
 */
export function makeCreditCode(input: MakeCreditCodeInput): string {
  const v = parseInput(MakeCreditCodeInput, input);
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += ORG_CHARS.indexOf(v.orgBody[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  const orgCheck = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  const first17 = `${v.prefix}${v.region}${v.orgBody}${orgCheck}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Input of {@link checkMobile}. */
export const MobileInput = z.object({ phone: z.string() });

/** Checks a mainland mobile number; the result's `normalized` is the bare 11 digits. */
export function checkMobile(phone: string): { ok: boolean; normalized: string; findings: readonly Finding[] } {
  parseInput(MobileInput, { phone });
  const s = normalizeWidth(phone).replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  const ok = /^1[3-9]\d{9}$/.test(s);
  return {
    ok,
    normalized: s,
    findings: [
      finding(
        RULE_MOBILE,
        ok,
        ok ? bi('手机号有效', 'Valid mobile number') : bi(`手机号应为 1[3-9] 开头的 11 位数字：${s}`, `A mobile number is 11 digits starting 1[3-9]: ${s}`),
        { input: phone, normalized: s },
      ),
    ],
  };
}

/** zod schemas for forms: normalise, then validate, messages zh / en. */
export const ResidentIdSchema = z
  .string()
  .transform(normalizeCode)
  .refine((s) => /^\d{17}[\dX]$/.test(s) && PROVINCE_CODES.has(s.slice(0, 2)) && isIsoDate(`${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`) && residentIdCheckChar(s) === s[17], {
    message: '身份证号码无效 / Invalid resident ID number',
  });
export const CreditCodeSchema = z
  .string()
  .transform(normalizeCode)
  .refine((s) => checkCreditCode(s).ok, { message: '统一社会信用代码无效 / Invalid unified social credit code' });
export const MobileSchema = z
  .string()
  .transform((s) => normalizeWidth(s).replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .refine((s) => /^1[3-9]\d{9}$/.test(s), { message: '手机号码无效 / Invalid mobile number' });
