/**
 * Calendar-date arithmetic on `yyyy-MM-dd` strings, done on plain integers so that the result never
 * depends on the machine's time zone (the tests run under TZ=UTC and TZ=Asia/Shanghai).
 */
import type { IsoDate } from '../rules/model';

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDaysIso(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + n));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** `d` plus `n` months; the day is clamped to the target month's length (01-31 + 1 month = 02-28/29). */
export function addMonthsIso(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const idx = y * 12 + (m - 1) + n;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  return fmt(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** Today's date on the machine's calendar (the agent's local day), as `yyyy-MM-dd`. */
export function localToday(now: Date = new Date()): IsoDate {
  return fmt(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The first day on which a document valid until `validUntil` no longer has `months` months of
 * validity left (§五: "有效期限须超过3个月以上（含），其中合同类材料为6个月以上（含）").
 * Reading: provided on day D, the document passes when D + months ≤ validUntil (both inclusive), so
 * it falls below the rule on the first D with D + months > validUntil. Month-end clamping makes
 * "validUntil − months" not exact (01-31 + 3 months = 04-30), hence the short forward search.
 */
export function fallsBelowRuleOn(validUntil: IsoDate, months: number): IsoDate {
  let d = addMonthsIso(validUntil, -months);
  // d itself always passes (d + months ≤ validUntil); step until the first failing day (≤ 4 steps).
  for (;;) {
    const next = addDaysIso(d, 1);
    if (addMonthsIso(next, months) > validUntil) return next;
    d = next;
  }
}
