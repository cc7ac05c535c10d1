/**
 * Calendar-date arithmetic on `yyyy-MM-dd` strings via integer day numbers, so no host timezone can
 * leak in (tests run under TZ=UTC and TZ=Asia/Shanghai). Nothing here constructs a local `Date`.
 *
 * Day numbers are days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil / civil_from_days algorithms).
 */
import { z } from 'zod';
import { IsoDate, isIsoDate } from './model';

/** A calendar date split into integers. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Splits a valid `yyyy-MM-dd` string (unchecked: callers parse it first). */
function toYmd(iso: string): Ymd {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** Writes y/m/d as `yyyy-MM-dd`. */
export function fromYmd({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for Gregorian leap years. */
function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Days since 1970-01-01 of a valid `yyyy-MM-dd`. */
export function toDayNumber(iso: string): number {
  const { y: year, m, d } = toYmd(iso);
  const y = year - (m <= 2 ? 1 : 0); // the algorithm's year starts in March
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number (Hinnant's civil_from_days), without building a string. */
export function civilFromDays(n: number): Ymd {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The `yyyy-MM-dd` of a day number. */
export function fromDayNumber(n: number): IsoDate {
  return fromYmd(civilFromDays(n));
}

/** `iso` moved by `n` calendar days. */
export function addDays(iso: string, n: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

/**
 * `iso` moved by `n` calendar months, the day clamped to the target month's end — the same rule as
 * date-fns `addMonths` (2026-08-31 + 6 months = 2027-02-28), but on integers.
 */
export function addMonths(iso: string, n: number): IsoDate {
  const { y, m, d } = toYmd(iso);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return fromYmd({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** `iso` moved by `n` years (Feb 29 clamps to Feb 28 in common years, as date-fns `addYears`). */
export function addYears(iso: string, n: number): IsoDate {
  return addMonths(iso, 12 * n);
}

/**
 * Whole years from `birth` to `on` as people count birthdays: the birthday itself completes the year, and a
 * 29 February birthday falls on 28 February in common years (consistent with {@link addYears}).
 */
export function fullYearsBetween(birth: string, on: string): number {
  let years = toYmd(on).y - toYmd(birth).y;
  if (addYears(birth, years) > on) years -= 1;
  return years;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000; // China has kept UTC+8 without DST since 1991.
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * The calendar date in Beijing at an instant (epoch milliseconds or a Date), whatever the host timezone.
 * The only place where an instant becomes a date; pass its result as `today` to the rule functions.
 */
export function beijingDate(instant: number | Date): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('时间无效 / Invalid instant');
  return fromDayNumber(Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY));
}

const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/;

/** A calendar month `yyyy-MM`. */
export const YearMonth = z
  .string()
  .refine((s) => {
    const m = YEAR_MONTH_RE.exec(s);
    return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  }, { message: '月份无效，格式应为 yyyy-MM / Invalid month: expected yyyy-MM' });
export type YearMonth = z.infer<typeof YearMonth>;

/**
 * A date written `yyyy-MM-dd` or, when only the month is known (school and job histories), `yyyy-MM`;
 * month precision reads as the first day of that month.
 */
export const DateOrMonth = z
  .string()
  .refine((s) => isIsoDate(s) || YearMonth.safeParse(s).success, {
    message: '日期无效，格式应为 yyyy-MM-dd 或 yyyy-MM / Invalid date: expected yyyy-MM-dd or yyyy-MM',
  })
  .transform((s): IsoDate => (s.length === 7 ? `${s}-01` : s));

/** Month index (year × 12 + month − 1) of a `yyyy-MM` or `yyyy-MM-dd`, for month arithmetic. */
export function monthIndex(s: string): number {
  return Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
}

/** `yyyy-MM` of a month index. */
export function fromMonthIndex(i: number): YearMonth {
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String(i - y * 12 + 1).padStart(2, '0')}`;
}
