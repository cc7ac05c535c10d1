/**
 * The Chinese working-day calendar every deadline of the guide counts in (§提示 特别注意 4, §六(三), §六(四), §八:
 * "工作日" = weekends and official holidays off, 调休 make-up days on). The one working-day implementation of
 * the product: storage/, components/ and entrypoints/ count through these exports (rules/deadline-events.ts for
 * the case book, calendar and reminders).
 *
 * Where each year's days come from, in order of precedence:
 * 1. **entered** — the State Council notice (国务院办公厅关于YYYY年部分节假日安排的通知) the agent pasted, parsed
 *    by `parseHolidayNotice` (rules/holiday-notice.ts) and registered with {@link setEnteredArrangements}.
 *    It wins over the package for the dates it lists (the notice is the primary source; the package copies it).
 * 2. **package** — the arrangements published by `chinese-days` (`chinese-days/dist/chinese-days.json`, the
 *    data its `isWorkday`/`getDayDetail` use). We read the data file rather than call those functions because
 *    they parse `yyyy-MM-dd` as UTC midnight and then read *local* fields, which shifts every answer by one
 *    day west of UTC. Keying by the date string and taking the weekday from integer arithmetic keeps the
 *    host timezone out; a unit test cross-checks every covered day against the package's `getDayDetail`.
 * 3. **estimated** — no official data: the statutory holidays of 《全国年节及纪念日放假办法》 with their
 *    补假 and the customary 调休 spans (rules/holiday-estimate.ts) are days off, no 调休 working days are
 *    assumed, so latest days err early. Every answer touching such a year carries `approximate: true` (shown as
 *    ≈ 估算). Counting in {@link CountMode} `'opening'` instead takes no holiday off (weekends only) and counts the
 *    weekend days near a festival as possible make-up working days: a renewal window's *opening* day must not
 *    come out early (filing too early is refused, §六(三)), and more working days can only move it later.
 *
 * **Entered arrangements (the calendar-data API).** The calendar is a pure function of (package data, entered
 * arrangements). The entered ones live in the database (a settings table the UI writes after the agent
 * confirms the parsed notice; see INTEGRATION-14.md) and are handed to {@link setEnteredArrangements} once at
 * start-up of every context that computes dates (background, side panel, case book, tests) and again whenever
 * they change. Until that call the calendar is package + estimate. The setter validates (zod) and replaces the
 * whole set atomically; on a refused input nothing changes. Once a year is entered it is official everywhere:
 * `approximate` is false for its days in every function of rules/.
 */
import { z } from 'zod';
import rawCalendar from 'chinese-days/dist/chinese-days.json';
import { IsoDate, type Bilingual } from './model';
import { addDays, toDayNumber, fromDayNumber, weekday } from './dates';
import { estimatedHolidays, possibleMakeupDays } from './holiday-estimate';
import { ADVICE, defineRule } from './rule';
import { parseInput } from './validate';

interface RawCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}
const DATA = rawCalendar as RawCalendar;

/** Years that have official arrangements in the package data, derived from the data itself. */
const PACKAGE_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(DATA.holidays), ...Object.keys(DATA.workdays)].map((d) => Number(d.slice(0, 4))),
);
const SORTED_PACKAGE_YEARS: readonly number[] = [...PACKAGE_YEARS].sort((a, b) => a - b);

/** Rule: counting in a year with no official data is an estimate and says so. */
export const RULE_CALENDAR_APPROXIMATE = defineRule({
  id: 'calendar-approximate-year',
  section: ADVICE,
  file: 'rules/calendar.ts',
  severity: 'warning',
  description: {
    zh: '工作日按国务院节假日安排计算（可录入当年通知）；无官方安排的年份按《全国年节及纪念日放假办法》法定假日（含补假与惯常调休放假、不设调休上班）估算，续签申请期开始日仅按周末推算（不会偏早），均标记 ≈ 估算',
    en: "Working days follow the State Council arrangements (the year's notice can be entered); a year without one counts the statutory holidays (with compensatory days and customary bridges, no make-up working days), a renewal window's opening on weekends alone (never early), both marked ≈ estimate",
  },
});

/** One year's official arrangement: its days off and its 调休 make-up working days (`yyyy-MM-dd`). */
export interface HolidayArrangement {
  readonly year: number;
  /** Days off (weekend days inside a holiday included); may hold a late-December day of year − 1 for 元旦. */
  readonly holidays: readonly IsoDate[];
  /** Make-up working days (调休上班), always a Saturday or Sunday. */
  readonly workdays: readonly IsoDate[];
}

const weekendDay = (d: string): boolean => {
  const wd = weekday(d);
  return wd === 0 || wd === 6;
};

/** A checked arrangement: dates in the year (or December days of the year before, for 元旦), no day both off and working. */
export const HolidayArrangementSchema = z
  .object({
    year: z.number().int().min(1990).max(2200),
    holidays: z.array(IsoDate).max(80),
    workdays: z.array(IsoDate).max(20),
  })
  .superRefine((a, ctx) => {
    const inScope = (d: string): boolean =>
      d.slice(0, 4) === String(a.year) || (d.slice(0, 4) === String(a.year - 1) && d.slice(5, 7) === '12');
    for (const d of [...a.holidays, ...a.workdays]) {
      if (!inScope(d)) ctx.addIssue({ code: 'custom', message: `${d} 不在 ${a.year} 年内 / ${d} is outside ${a.year}` });
    }
    const off = new Set(a.holidays);
    for (const d of a.workdays) {
      if (off.has(d)) ctx.addIssue({ code: 'custom', message: `${d} 既是放假日又是上班日 / ${d} is both a day off and a working day` });
      if (!weekendDay(d)) ctx.addIssue({ code: 'custom', message: `调休上班日 ${d} 不是周六或周日 / Make-up working day ${d} is not a Saturday or Sunday` });
    }
    if (a.holidays.length === 0) ctx.addIssue({ code: 'custom', message: `${a.year} 年没有放假日 / No day off in ${a.year}` });
  });

/** Agent-entered arrangements, by year, and their days. Replaced as a whole by {@link setEnteredArrangements}. */
let ENTERED: ReadonlyMap<number, HolidayArrangement> = new Map();
let ENTERED_OFF: ReadonlyMap<string, number> = new Map();
let ENTERED_ON: ReadonlyMap<string, number> = new Map();

/**
 * Registers the official arrangements the agent entered (replacing any registered before); `[]` removes them.
 * Validates every arrangement first: on a refused input (ZodError with bilingual messages, or two
 * arrangements for one year) nothing changes. Clears the calendar's caches.
 */
export function setEnteredArrangements(list: readonly HolidayArrangement[]): void {
  const parsed = parseInput(z.array(HolidayArrangementSchema).max(200), list);
  const byYear = new Map<number, HolidayArrangement>();
  for (const a of parsed) {
    if (byYear.has(a.year)) throw new RangeError(`${a.year} 年的安排录入了两次 / Two arrangements for ${a.year}`);
    byYear.set(a.year, {
      year: a.year,
      holidays: [...new Set(a.holidays)].sort(),
      workdays: [...new Set(a.workdays)].sort(),
    });
  }
  const off = new Map<string, number>();
  const on = new Map<string, number>();
  for (const a of byYear.values()) {
    for (const d of a.holidays) off.set(d, a.year);
    for (const d of a.workdays) on.set(d, a.year);
  }
  for (const d of on.keys()) {
    if (off.has(d)) throw new RangeError(`${d} 在两份通知中分别为放假日和上班日 / ${d} is off in one notice and working in another`);
  }
  ENTERED = byYear;
  ENTERED_OFF = off;
  ENTERED_ON = on;
  YEAR_TABLES.clear();
}

/** The arrangements registered by {@link setEnteredArrangements}, by year. */
export function enteredArrangements(): readonly HolidayArrangement[] {
  return [...ENTERED.values()].sort((a, b) => a.year - b.year);
}

/** Where a year's working days come from. */
export const YearSource = z.enum(['entered', 'package', 'estimated']);
export type YearSource = z.infer<typeof YearSource>;

/** The source of `year`'s days: the agent-entered notice, the package, or the estimate. */
export function yearSource(year: number): YearSource {
  if (ENTERED.has(year)) return 'entered';
  if (PACKAGE_YEARS.has(year)) return 'package';
  return 'estimated';
}

/** Which years the official holiday data covers. */
export interface CalendarCoverage {
  /** First and last year of the package data. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Every year with package data (contiguous today, but not assumed). */
  readonly years: readonly number[];
  /** Years the agent entered from a State Council notice. */
  readonly enteredYears: readonly number[];
  readonly source: string;
}

/** The years with official data: the package's (2004–2026 with chinese-days 1.5.7) and the entered ones. */
export function calendarCoverage(): CalendarCoverage {
  return {
    firstYear: SORTED_PACKAGE_YEARS[0],
    lastYear: SORTED_PACKAGE_YEARS[SORTED_PACKAGE_YEARS.length - 1],
    years: SORTED_PACKAGE_YEARS,
    enteredYears: [...ENTERED.keys()].sort((a, b) => a - b),
    source: 'chinese-days (国务院办公厅部分节假日安排的通知)',
  };
}

/** True when `year` has official holiday data (package or entered). */
export function hasOfficialData(year: number): boolean {
  return yearSource(year) !== 'estimated';
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
  /** True when the year has no official data and the answer is the estimate. */
  readonly approximate: boolean;
}

/**
 * How a count treats a year without official data: `'estimate'` (statutory holidays off, the default, for
 * latest days) or `'opening'` (weekends only, possible make-up days worked, for an opening day that must not
 * come out early). Both are the same in years with official data.
 */
export type CountMode = 'estimate' | 'opening';

const POSSIBLE_MAKEUP: Bilingual = { zh: '可能的调休上班日（估算）', en: 'possible make-up working day (estimate)' };

function festival(raw: string): Bilingual {
  const [en, zh] = raw.split(',');
  return { zh, en };
}

const NOTICE_NAME: Bilingual = { zh: '国务院通知（已录入）', en: 'State Council notice (entered)' };

const ESTIMATE_MAPS = new Map<number, ReadonlyMap<string, Bilingual>>();
function estimateMap(year: number): ReadonlyMap<string, Bilingual> {
  let m = ESTIMATE_MAPS.get(year);
  if (!m) {
    m = new Map(estimatedHolidays(year).map((h) => [h.date, h.holiday]));
    ESTIMATE_MAPS.set(year, m);
  }
  return m;
}

/** Unchecked core: classify one valid date. */
function classify(date: string, mode: CountMode = 'estimate'): DayAnswer {
  const year = Number(date.slice(0, 4));
  const source = yearSource(year);
  const approximate = source === 'estimated';
  const weekend = weekendDay(date);
  if (ENTERED_ON.has(date)) return { date, workday: true, kind: 'makeup-workday', holiday: NOTICE_NAME, approximate };
  if (ENTERED_OFF.has(date)) return { date, workday: false, kind: 'holiday', holiday: NOTICE_NAME, approximate };
  if (source === 'package') {
    const makeup = DATA.workdays[date];
    if (makeup) return { date, workday: true, kind: 'makeup-workday', holiday: festival(makeup), approximate };
    const hol = DATA.holidays[date];
    if (hol) return { date, workday: false, kind: 'holiday', holiday: festival(hol), approximate };
  } else if (source === 'estimated' && mode === 'estimate') {
    const hol = estimateMap(year).get(date);
    if (hol) return { date, workday: false, kind: 'holiday', holiday: hol, approximate };
  } else if (source === 'estimated' && weekend && possibleMakeupDays(year).has(date)) {
    return { date, workday: true, kind: 'makeup-workday', holiday: POSSIBLE_MAKEUP, approximate };
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
 * every day of every count again took ~2 ms per case. Built once per year and mode on first use and
 * dropped when the entered arrangements change, so a count is two lookups per year it spans and a step
 * of n working days a binary search per year.
 */
interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly first: number;
  readonly days: number;
  readonly prefix: Uint16Array;
  readonly approximate: boolean;
}
const YEAR_TABLES = new Map<string, YearTable>();

function yearTable(year: number, mode: CountMode): YearTable {
  const key = `${mode}:${year}`;
  let t = YEAR_TABLES.get(key);
  if (!t) {
    const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const days = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - first;
    const prefix = new Uint16Array(days + 1);
    for (let i = 0; i < days; i += 1) prefix[i + 1] = prefix[i] + (classify(fromDayNumber(first + i), mode).workday ? 1 : 0);
    t = { year, first, days, prefix, approximate: yearSource(year) === 'estimated' };
    YEAR_TABLES.set(key, t);
  }
  return t;
}

/** Year of a day number without building a string (Hinnant's civil_from_days, year part only). */
function yearOfDay(n: number): number {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

function tableOfDay(day: number, mode: CountMode): YearTable {
  return yearTable(yearOfDay(day), mode);
}

/** Working days in the day-number range [a, b), a ≤ b, and the approximate years it touches. */
function workdaysInRange(a: number, b: number, mode: CountMode): { count: number; years: number[] } {
  const years: number[] = [];
  let count = 0;
  let day = a;
  while (day < b) {
    const t = tableOfDay(day, mode);
    const hi = Math.min(b, t.first + t.days);
    count += t.prefix[hi - t.first] - t.prefix[day - t.first];
    if (t.approximate) years.push(t.year);
    day = hi;
  }
  return { count, years };
}

/** Smallest i in [lo, hi] with prefix[i] ≥ target (prefix is non-decreasing; hi is returned if none). */
function lowerBound(prefix: Uint16Array, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Unchecked core of addWorkdays: the n-th working day after `date` (n > 0) or before it (n < 0), in `mode`.
 * `approximateYears` are the estimated years of the days stepped over (the start day excluded).
 */
export function stepWorkdays(date: string, n: number, mode: CountMode = 'estimate'): DateAnswer {
  if (n === 0) return { date, approximate: false, approximateYears: [] };
  const years: number[] = [];
  let left = Math.abs(n);
  let answer: number;
  if (n > 0) {
    let day = toDayNumber(date) + 1; // first candidate
    for (;;) {
      const t = tableOfDay(day, mode);
      if (t.approximate) years.push(t.year);
      const i = day - t.first;
      const available = t.prefix[t.days] - t.prefix[i];
      if (available >= left) {
        // The day whose inclusion brings the count from prefix[i] to prefix[i] + left.
        const j = lowerBound(t.prefix, i + 1, t.days, t.prefix[i] + left);
        answer = t.first + j - 1;
        break;
      }
      left -= available;
      day = t.first + t.days;
    }
  } else {
    let end = toDayNumber(date); // exclusive
    for (;;) {
      const t = tableOfDay(end - 1, mode);
      if (t.approximate) years.push(t.year);
      const e = end - t.first;
      const available = t.prefix[e];
      if (available >= left) {
        // The latest day d with prefix[e] − prefix[d] = left: d is the working day lifting prefix above target.
        const target = t.prefix[e] - left;
        const j = lowerBound(t.prefix, 0, e, target + 1);
        answer = t.first + j - 1;
        break;
      }
      left -= available;
      end = t.first;
    }
  }
  const ys = [...new Set(years)].sort((a, b) => a - b);
  return { date: fromDayNumber(answer), approximate: ys.length > 0, approximateYears: ys };
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
export function countWorkdaysUnchecked(from: string, to: string, mode: CountMode = 'estimate'): CountAnswer {
  const sign = from <= to ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  const { count, years } = workdaysInRange(toDayNumber(a), toDayNumber(b), mode);
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
