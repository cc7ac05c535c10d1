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
import { addDays, civilFromDays, toDayNumber, fromDayNumber, weekday } from './dates';
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
  SPANS.clear();
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
 * The calendar as one cumulative count per mode: `cum[i]` = working days in [span start, span start + i).
 * Why: a case book scans thousands of expiries, each stepping and counting over up to three years; with the
 * count of every day since the span's start, a count is two lookups and a step of n working days one binary
 * search, with no per-day work. The span covers whole years, grows on demand (a request outside it rebuilds
 * it one year wider on each side) and is dropped when the entered arrangements change.
 */
interface Span {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Day number of 1 January of `firstYear`. */
  readonly start: number;
  /** Day number of 1 January of `lastYear + 1`. */
  readonly end: number;
  readonly cum: Int32Array;
  /** estimated[y − firstYear]: the year has no official data. */
  readonly estimated: Uint8Array;
}
const SPANS = new Map<CountMode, Span>();
/** Years outside this range are refused rather than tabled (a mistyped year must not allocate centuries). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2300;

const jan1 = (y: number): number => toDayNumber(`${String(y).padStart(4, '0')}-01-01`);

function buildSpan(firstYear: number, lastYear: number, mode: CountMode): Span {
  const start = jan1(firstYear);
  const end = jan1(lastYear + 1);
  const cum = new Int32Array(end - start + 1);
  for (let i = 0; i < end - start; i += 1) cum[i + 1] = cum[i] + (classify(fromDayNumber(start + i), mode).workday ? 1 : 0);
  const estimated = new Uint8Array(lastYear - firstYear + 1);
  for (let y = firstYear; y <= lastYear; y += 1) estimated[y - firstYear] = yearSource(y) === 'estimated' ? 1 : 0;
  return { firstYear, lastYear, start, end, cum, estimated };
}

/** The span of `mode` covering the day numbers [lo, hi] (hi inclusive). */
function spanFor(lo: number, hi: number, mode: CountMode): Span {
  const s = SPANS.get(mode);
  if (s && lo >= s.start && hi < s.end) return s;
  const yLo = civilFromDays(lo).y;
  const yHi = civilFromDays(hi).y;
  if (yLo < MIN_YEAR || yHi > MAX_YEAR) {
    throw new RangeError(`日期超出 ${MIN_YEAR}–${MAX_YEAR} 年 / Date outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const first = Math.max(MIN_YEAR, Math.min(s?.firstYear ?? yLo, yLo) - 1);
  const last = Math.min(MAX_YEAR, Math.max(s?.lastYear ?? yHi, yHi) + 1);
  const built = buildSpan(first, last, mode);
  SPANS.set(mode, built);
  return built;
}


/** Estimated years among the days [lo, hi) (day numbers), ascending; [] when lo ≥ hi. */
export function estimatedYearsBetween(lo: number, hi: number): number[] {
  if (lo >= hi) return [];
  const s = spanFor(lo, hi - 1, 'estimate');
  const out: number[] = [];
  for (let y = civilFromDays(lo).y, last = civilFromDays(hi - 1).y; y <= last; y += 1) if (s.estimated[y - s.firstYear]) out.push(y);
  return out;
}

/** Working days in the day-number range [a, b), a ≤ b. */
export function workdaysBetween(a: number, b: number, mode: CountMode = 'estimate'): number {
  if (a >= b) return 0;
  const s = spanFor(a, b, mode);
  return s.cum[b - s.start] - s.cum[a - s.start];
}

/** Smallest i in [lo, hi] with cum[i] ≥ target (cum is non-decreasing; hi if none). */
function lowerBound(cum: Int32Array, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Day number of the n-th working day before day `end` (n ≥ 1): the latest working day d with n working days in
 * [d, end). Grows the span until it holds n working days before `end`.
 */
export function stepBackDays(end: number, n: number, mode: CountMode = 'estimate'): number {
  // n working days fit in n × 2 + 30 calendar days (holidays never exceed ~9 days in a row).
  let s = spanFor(end - (n * 2 + 30), end, mode);
  let e = end - s.start;
  while (s.cum[e] < n) {
    s = spanFor(s.start - 366, end, mode);
    e = end - s.start;
  }
  const target = s.cum[e] - n;
  return s.start + lowerBound(s.cum, 0, e, target + 1) - 1;
}

/** Day number of the n-th working day after day `start` (n ≥ 1), `start` itself not counted. */
export function stepForwardDays(start: number, n: number, mode: CountMode = 'estimate'): number {
  let s = spanFor(start, start + n * 2 + 30, mode);
  let i = start + 1 - s.start;
  while (s.cum[s.cum.length - 1] - s.cum[i] < n) {
    s = spanFor(start, s.end + 366, mode);
    i = start + 1 - s.start;
  }
  return s.start + lowerBound(s.cum, i, s.cum.length - 1, s.cum[i] + n) - 1;
}

/**
 * Unchecked core of addWorkdays: the n-th working day after `date` (n > 0) or before it (n < 0), in `mode`.
 * `approximateYears` are the estimated years of the days stepped over (the start day excluded).
 */
export function stepWorkdays(date: string, n: number, mode: CountMode = 'estimate'): DateAnswer {
  if (n === 0) return { date, approximate: false, approximateYears: [] };
  const d = toDayNumber(date);
  const answer = n > 0 ? stepForwardDays(d, n, mode) : stepBackDays(d, -n, mode);
  const ys = n > 0 ? estimatedYearsBetween(d + 1, answer + 1) : estimatedYearsBetween(answer, d);
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
  const lo = toDayNumber(a);
  const hi = toDayNumber(b);
  const count = workdaysBetween(lo, hi, mode);
  const years = estimatedYearsBetween(lo, hi);
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
