/**
 * Reading a date the agent typed. The panel uses text fields, not `<input type="date">`: a date picker
 * silently turns an impossible date such as 2026-02-30 into an empty value, which would clear the saved
 * date; here it is refused with a sentence saying why, and nothing is saved.
 *
 * Accepted: 2026-03-07, 2026-3-7, 2026/3/7, 2026.3.7, 2026年3月7日, 20260307, full-width digits; with
 * `allowLongTerm`, every spelling of 长期 rules/validity.ts reads (长期, 长期有效, 永久, 无固定期限, long-term…).
 */
import { isIsoDate, type Bilingual } from '../rules/model';
import { normalizeWidth } from '../rules/identity';
import { isLongTermText } from '../rules/validity';

export type DateText =
  | { kind: 'empty' }
  | { kind: 'date'; value: string }
  | { kind: 'long-term' }
  | { kind: 'invalid'; message: Bilingual };

/** The range storage accepts (schemas.ts `Day`). */
const MIN = '1900-01-01';
const MAX = '2199-12-31';

function daysIn(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Parses what was typed into a date field (see the module comment for the accepted forms). */
export function parseDateText(raw: string, options: { allowLongTerm?: boolean } = {}): DateText {
  const text = normalizeWidth(raw).trim();
  if (!text) return { kind: 'empty' };
  if (isLongTermText(text)) {
    return options.allowLongTerm
      ? { kind: 'long-term' }
      : { kind: 'invalid', message: { zh: '此处不能填「长期」，请填写具体日期', en: 'A real date is needed here, not "long-term"' } };
  }
  let y: number;
  let m: number;
  let d: number;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const split = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (compact) [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  else if (split) [y, m, d] = [Number(split[1]), Number(split[2]), Number(split[3])];
  else {
    return {
      kind: 'invalid',
      message: { zh: `「${raw.trim()}」不是日期，请按 yyyy-mm-dd 填写，例如 2027-03-31`, en: `"${raw.trim()}" is not a date; write it as yyyy-mm-dd, e.g. 2027-03-31` },
    };
  }
  const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (m < 1 || m > 12) {
    return { kind: 'invalid', message: { zh: `日期 ${value} 不存在：月份应为 1–12`, en: `${value} does not exist: the month must be 1–12` } };
  }
  if (!isIsoDate(value)) {
    const n = daysIn(y, m);
    return {
      kind: 'invalid',
      message: { zh: `日期 ${value} 不存在：${y} 年 ${m} 月只有 ${n} 天`, en: `${value} does not exist: ${y}-${String(m).padStart(2, '0')} has only ${n} days` },
    };
  }
  if (value < MIN || value > MAX) {
    return { kind: 'invalid', message: { zh: `日期 ${value} 超出合理范围（1900–2199）`, en: `${value} is out of range (1900–2199)` } };
  }
  return { kind: 'date', value };
}
