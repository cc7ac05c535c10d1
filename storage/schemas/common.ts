/** Building blocks: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { Gender, IsoDate } from '../../rules/model';
import { normalizePersonName } from '../../rules/identity';
import { checkCreditCode, checkResidentId, normalizeCode } from '../identity';

/** Record ids: random UUIDs made here, or ids from a backup — short, URL-safe, never personal data. */
export const RecordId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '编号格式无效 / Invalid record id' });

/** A calendar date limited to a plausible range (1900–2199), on top of IsoDate's real-date check. */
export const Day = IsoDate.refine((d) => d >= '1900-01-01' && d <= '2199-12-31', {
  message: '日期超出合理范围（1900–2199） / Date out of range (1900–2199)',
});

/** Timestamps are ISO-8601 UTC strings with milliseconds, e.g. 2026-03-01T08:00:00.000Z (sortable as text). */
export const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, { message: '时间戳格式无效 / Invalid timestamp' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: '时间戳无效 / Invalid timestamp' });

export const trimmed = (max: number) => z.string().trim().max(max);
export const required = (max: number) => z.string().trim().min(1, { message: '不能为空 / Must not be empty' }).max(max);

export const LIMITS = {
  name: 50,
  companyName: 200,
  localityOffice: 100,
  phone: 30,
  notes: 10_000,
  note: 2_000,
  kind: 100,
  label: 100,
  itemId: 100,
  capturedValue: 4_000,
  capturedFieldsPerRecord: 500,
  children: 10,
  changeNote: 200,
} as const;

export const PersonName = required(LIMITS.name);

/**
 * A person's name as the agent types or imports it. Refused: a name without any letter (「😀🎉」, 「123」),
 * emoji, control or invisible formatting characters (a NUL, a right-to-left override: they hide in every
 * later copy), and a leading = + - @ (`=cmd|' /C calc'!A0` is a spreadsheet formula waiting in the next
 * CSV export). Everything else a real name or an agent's tag needs stays allowed: 阿依古丽·买买提,
 * Anna-Maria O'Neil, 张伟（研发部）, 员工1 (issue #9's bad-input suite accepted all of the refused ones).
 * Stored rows (and backups) keep the looser {@link PersonName} so files written before stay importable.
 */
// Plain character tests rather than one anchored `^…*$` pattern: on a 10 MB name such a pattern
// overflowed V8's regexp stack (RangeError) before the length limit could answer.
const LETTER = /\p{L}/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const FORMULA_START = /^[=+\-@]/;
export const noControl = (s: string) => !CONTROL.test(s);
export const TypedPersonName = PersonName.refine(
  // Empty and over-long names are left to min/max, which say so more precisely.
  (s) => s.length === 0 || s.length > LIMITS.name || (LETTER.test(s) && !EMOJI.test(s) && noControl(s) && !FORMULA_START.test(s)),
  {
    message:
      '姓名须包含文字，不能含表情符号或控制字符，也不能以 = + - @ 开头（电子表格会当作公式） / A name must contain letters, no emoji or control characters, and must not start with = + - @ (spreadsheets run that as a formula)',
  },
  // Stored as searched: 钱　浩 (a Chinese IME's full-width space) is kept as 钱浩 (rules/identity.ts).
).transform(normalizePersonName);

/** Free text that must not carry control or invisible formatting characters (e.g. a right-to-left override). */
export const NO_CONTROL_MESSAGE = { message: '不能含控制字符或不可见字符 / Must not contain control or invisible characters' };

/** Mobile, landline with area code or extension: digits and + - ( ) space, 5–30 characters. */
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\- ]{5,30}$/, { message: '电话号码格式无效 / Invalid phone number' });

/** 18-character resident ID (full-width folded, spaces removed, 'X' upper-cased); checked by rules/identity. */
export const ResidentId = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .superRefine((s, ctx) => {
    const r = checkResidentId(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export const CreditCode = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .superRefine((s, ctx) => {
    const r = checkCreditCode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export { Gender };
