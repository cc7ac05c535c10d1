/**
 * The Chinese working-day calendar every deadline of the guide counts in (§提示 4, §六(三), §六(四), §八:
 * "工作日" = weekends and official holidays off, 调休 make-up days on).
 *
 * Data: the State Council arrangements as published by the `chinese-days` package
 * (`chinese-days/dist/chinese-days.json`, the same data its `isWorkday`/`getDayDetail` use). We read the
 * data file rather than call those functions because they parse `yyyy-MM-dd` as UTC midnight and then read
 * *local* fields, which shifts every answer by one day on hosts west of UTC (checked: under
 * TZ=America/New_York `getDayDetail('2026-10-10')` reports 2026-10-09). Keying the data by the date string
 * and taking the weekday from integer arithmetic keeps the host timezone out. A unit test cross-checks
 * every day of the covered years against the package's own `getDayDetail`.
 *
 * A year without official data is computed on weekends alone and every answer touching it carries
 * `approximate: true` — never silently.
 */
import { z } from 'zod';
import rawCalendar from 'chinese-days/dist/chinese-days.json';
import { IsoDate, type Bilingual } from './model';
import { addDays, toDayNumber, fromDayNumber, weekday } from './dates';
import { defineRule } from './rule';
import { parseInput } from './validate';

interface RawCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}
const DATA = rawCalendar as RawCalendar;

/** Years that have official arrangements in the package data, derived from the data itself. */
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(DATA.holidays), ...Object.keys(DATA.workdays)].map((d) => Number(d.slice(0, 4))),
);
const SORTED_YEARS: readonly number[] = [...OFFICIAL_YEARS].sort((a, b) => a - b);

/** Rule: counting in a year with no official data is an approximation and says so. */
export const RULE_CALENDAR_APPROXIMATE = defineRule({
  id: 'calendar-approximate-year',
  section: '§提示 4, §六(三), §八',
  file: 'rules/calendar.ts',
  severity: 'warning',
  description: {
    zh: '工作日按国务院节假日安排计算；无官方数据的年份仅按周末推算并标记为近似',
    en: 'Working days follow the State Council holiday arrangements; years without official data are computed on weekends alone and marked approximate',
  },
});

/** Which years the official holiday data covers. */
export interface CalendarCoverage {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Every year with data (contiguous today, but not assumed). */
  readonly years: readonly number[];
  readonly source: string;
}

/** The first and last year with official holiday data (2004–2026 with chinese-days 1.5.7). */
export function calendarCoverage(): CalendarCoverage {
  return {
    firstYear: SORTED_YEARS[0],
    lastYear: SORTED_YEARS[SORTED_YEARS.length - 1],
    years: SORTED_YEARS,
    source: 'chinese-days (国务院办公厅部分节假日安排的通知)',
  };
}

/** True when `year` has official holiday data. */
export function hasOfficialData(year: number): boolean {
  return OFFICIAL_YEARS.has(year);
}

/** What kind of day a date is. */
export const DayKind = z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']);
export type DayKind = z.infer<typeof DayKind>;

/** The answer for one day. */
export interface DayAnswer {
  readonly date: IsoDate;
  readonly workday: boolean;
  /** 'makeup-workday' is a 调休 weekend day worked; 'holiday' includes weekend days inside a holiday. */
  readonly kind: DayKind;
  /** The festival a holiday or make-up day belongs to. */
  readonly holiday?: Bilingual;
  /** True when the year has no official data and the answer rests on weekends alone. */
  readonly approximate: boolean;
}

function festival(raw: string): Bilingual {
  const [en, zh] = raw.split(',');
  return { zh, en };
}

/** Unchecked core: classify one valid date. */
function classify(date: string): DayAnswer {
  const approximate = !OFFICIAL_YEARS.has(Number(date.slice(0, 4)));
  const wd = weekday(date);
  const weekend = wd === 0 || wd === 6;
  if (!approximate) {
    const makeup = DATA.workdays[date];
    if (makeup) return { date, workday: true, kind: 'makeup-workday', holiday: festival(makeup), approximate };
    const hol = DATA.holidays[date];
    if (hol) return { date, workday: false, kind: 'holiday', holiday: festival(hol), approximate };
  }
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'workday', approximate };
}

/** Input of {@link isWorkday}. */
export const IsWorkdayInput = z.object({ date: IsoDate });

/**
 * Whether `date` is a Chinese working day, with the kind of day and the festival name.
 * Returns an object (check `.workday`), because a year without official data must say `approximate`.
 */
export function isWorkday(date: IsoDate): DayAnswer {
  parseInput(IsWorkdayInput, { date });
  return classify(date);
}

/** A date computed on the working-day calendar. */
export interface DateAnswer {
  readonly date: IsoDate;
  /** True if any day the computation looked at lies in a year without official data. */
  readonly approximate: boolean;
  /** Those years, so the UI can say which year's holidays are unknown. */
  readonly approximateYears: readonly number[];
}

/** A count of working days. */
export interface CountAnswer {
  readonly count: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
}

/** A number of working days to move by; bounded to keep a mistyped value from looping for ages. */
export const WorkdayOffset = z.number().int().min(-5000).max(5000);

/** Input of {@link addWorkdays}. */
export const AddWorkdaysInput = z.object({ date: IsoDate, n: WorkdayOffset });

/**
 * One year of the calendar as prefix sums: `prefix[i]` = working days in [1 January, 1 January + i).
 * Why: a case book scans thousands of expiries, each counting ~1,000 days three times; classifying
 * every day of every count again took ~2 ms per case. Built once per year on first use (pure: the
 * data never changes while the code runs), so a count is two lookups per year it spans.
 */
interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly first: number;
  readonly days: number;
  readonly prefix: Uint16Array;
  readonly approximate: boolean;
}
const YEAR_TABLES = new Map<number, YearTable>();

function yearTable(year: number): YearTable {
  let t = YEAR_TABLES.get(year);
  if (!t) {
    const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const days = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - first;
    const prefix = new Uint16Array(days + 1);
    for (let i = 0; i < days; i += 1) prefix[i + 1] = prefix[i] + (classify(fromDayNumber(first + i)).workday ? 1 : 0);
    t = { year, first, days, prefix, approximate: !OFFICIAL_YEARS.has(year) };
    YEAR_TABLES.set(year, t);
  }
  return t;
}

function tableOfDay(day: number): YearTable {
  return yearTable(Number(fromDayNumber(day).slice(0, 4)));
}

function isWorkdayNumber(t: YearTable, day: number): boolean {
  const i = day - t.first;
  return t.prefix[i + 1] > t.prefix[i];
}

/** Working days in the day-number range [a, b), a ≤ b, and the approximate years it touches. */
function workdaysInRange(a: number, b: number): { count: number; years: number[] } {
  const years: number[] = [];
  let count = 0;
  let day = a;
  while (day < b) {
    const t = tableOfDay(day);
    const hi = Math.min(b, t.first + t.days);
    count += t.prefix[hi - t.first] - t.prefix[day - t.first];
    if (t.approximate) years.push(t.year);
    day = hi;
  }
  return { count, years };
}

/** Unchecked core of addWorkdays. */
export function stepWorkdays(date: string, n: number): DateAnswer {
  if (n === 0) return { date, approximate: false, approximateYears: [] };
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let day = toDayNumber(date);
  const approxYears = new Set<number>();
  let t = tableOfDay(day);
  while (left > 0) {
    day += step;
    if (day < t.first || day >= t.first + t.days) t = tableOfDay(day);
    if (t.approximate) approxYears.add(t.year);
    if (isWorkdayNumber(t, day)) left -= 1;
  }
  const years = [...approxYears].sort((a, b) => a - b);
  return { date: fromDayNumber(day), approximate: years.length > 0, approximateYears: years };
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is never counted.
 * n = 0 returns `date` unchanged, even on a rest day (adding nothing moves nothing; use
 * {@link isWorkday} to test the day). For a working day d, `addWorkdays(addWorkdays(d, n).date, -n)` is d.
 */
export function addWorkdays(date: IsoDate, n: number): DateAnswer {
  parseInput(AddWorkdaysInput, { date, n });
  return stepWorkdays(date, n);
}

/** Input of {@link countWorkdays}. */
export const CountWorkdaysInput = z.object({ from: IsoDate, to: IsoDate });

/** Unchecked core of countWorkdays. */
export function countWorkdaysUnchecked(from: string, to: string): CountAnswer {
  const sign = from <= to ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  const { count, years } = workdaysInRange(toDayNumber(a), toDayNumber(b));
  return { count: sign > 0 ? count : 0 - count || 0, from, to, approximate: years.length > 0, approximateYears: years };
}

/**
 * Working days in the half-open range [from, to): `from` counted, `to` not — the counting of the
 * digest's "N working days before E". When `to` is earlier than `from` the count is negative
 * (minus the working days in [to, from)); equal dates give 0.
 */
export function countWorkdays(from: IsoDate, to: IsoDate): CountAnswer {
  parseInput(CountWorkdaysInput, { from, to });
  return countWorkdaysUnchecked(from, to);
}

/** Input of {@link workdaysBefore}: n ≥ 1 (with n = 0 "the latest such day" does not exist). */
export const WorkdaysBeforeInput = z.object({ date: IsoDate, n: z.number().int().min(1).max(5000) });

/**
 * "N working days before date E" as the digest reads it: the latest working day D such that the working
 * days in [D, E) number N (D counted, E not). E itself need not be a working day. Equals
 * `addWorkdays(E, -N)`.
 */
export function workdaysBefore(date: IsoDate, n: number): DateAnswer {
  parseInput(WorkdaysBeforeInput, { date, n });
  return stepWorkdays(date, -n);
}

/** Unchecked: `date` if it is a working day, else the nearest working day before it. */
export function workdayOnOrBefore(date: string): DateAnswer {
  const info = classify(date);
  if (info.workday) {
    const y = Number(date.slice(0, 4));
    return { date, approximate: info.approximate, approximateYears: info.approximate ? [y] : [] };
  }
  return stepWorkdays(date, -1);
}

/** Unchecked: `date` if it is a working day, else the nearest working day after it. */
export function workdayOnOrAfter(date: string): DateAnswer {
  const prev = addDays(date, -1);
  return stepWorkdays(prev, 1);
}

/** Merges approximate flags of several answers. */
export function mergeApproximate(...answers: ReadonlyArray<{ approximateYears: readonly number[] }>): {
  approximate: boolean;
  approximateYears: number[];
} {
  const ys = [...new Set(answers.flatMap((a) => a.approximateYears))].sort((a, b) => a - b);
  return { approximate: ys.length > 0, approximateYears: ys };
}
