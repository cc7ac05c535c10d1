/**
 * Deadlines of the time-limited businesses, in Chinese working days (see calendar.ts).
 *
 * What the guide says:
 * - §提示 特别注意 4: 续签、聘用单位变更 "办理时应在持证人证件有效期前 20 个工作日发起申请 … 应预留主管部门审核时间，
 *   证件有效期前不能核准通过的，证件即时失效".
 * - §六(三) renewal: "应在持证人证件有效期前60个工作日内申请，业务自受理后20个工作日内进行审核核准，应预留主管部门
 *   审核时间，证件续签办理有效期前不能核准通过或未进行提报的，证件即时失效".
 * - §六(四) employer change: "证件核准须至少在证件有效期截止前预留20个工作日用于主管单位审批，逾期未办理或核准通过的证件失效".
 * - §八: review takes "自申请材料齐全、属地审核完毕上报至区人力社保局之日起 20 个工作日".
 *
 * Two latest days, named for what they are:
 * - **指南所列最晚发起日** (`guideLatestDay`): the 20th working day before expiry — the guide's own words
 *   (§提示 特别注意 4; §六(四)). "N working days before E" = the latest working day D with N working days in
 *   [D, E) (rules-digest §2). It is not safe by itself: the locality's first review comes before the 20 days
 *   start, and the 20th working day of review counted from the next working day is the expiry day itself or later.
 * - **建议最晚发起日** (`recommendedLatestDay`, 助手建议): the latest working day D such that, after a locality
 *   first-review buffer of `localityBufferWorkdays` working days (the locality reports on the buffer-th working day
 *   after D; default {@link DEFAULT_LOCALITY_BUFFER_WORKDAYS}, a setting the agent may change) and 20 working
 *   days of review counted from the next working day (民法典 第二百零一条: 开始的当日不计入), approval falls on a
 *   working day strictly before the expiry date. Hence D = the (buffer + 20 + 1)-th working day before expiry.
 *   Reminders, the case book's next deadline, ICS and CSV use this day.
 *
 * The renewal window opens on the 60th working day before expiry (§六(三)). In a year without official holiday
 * data it is counted on weekends alone, weekend days near a festival counted as possible make-up working days
 * (calendar.ts `'opening'`): more working days can only move the opening later, and filing before the real opening would be refused — the answer says so.
 *
 * `expiry` is the last day the permit is valid (有效期截止日).
 */
import { z } from 'zod';
import { IsoDate, type Bilingual } from './model';
import {
  estimatedYearsBetween,
  mergeApproximate,
  stepBackDays,
  stepWorkdays,
  workdaysBetween,
  RULE_CALENDAR_APPROXIMATE,
  type DateAnswer,
} from './calendar';
import { fromDayNumber, toDayNumber } from './dates';
import { ADVICE, bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

/** Working days before expiry when the renewal window opens (§六(三)). */
export const RENEWAL_WINDOW_WORKDAYS = 60;
/** Working days before expiry the guide names as the latest filing day (§提示 特别注意 4, §六(四)). */
export const REVIEW_RESERVE_WORKDAYS = 20;
/** Review time limit in working days (§八, §六(三)). */
export const REVIEW_WORKDAYS = 20;
/**
 * Default locality first-review buffer in working days (助手建议; the guide gives no figure for the locality's
 * 初审, §一(一), §八 "属地审核完毕上报"). A setting: the agent stores its own figure (INTEGRATION-14.md).
 */
export const DEFAULT_LOCALITY_BUFFER_WORKDAYS = 5;
/** The locality buffer as a setting: whole working days, 0–60. */
export const LocalityBufferWorkdays = z.number().int().min(0).max(60);
/** 'closing-soon' starts when the recommended latest day is at most this many working days away (助手建议). */
export const CLOSING_SOON_WORKDAYS = 5;

export const RULE_RENEWAL_WINDOW_OPENS = defineRule({
  id: 'renewal-window-opens',
  section: '§六(三)',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '续签「应在持证人证件有效期前60个工作日内申请」：申请期自有效期前第 60 个工作日开始（无官方节假日安排的年份仅按周末推算，不会早于实际）',
    en: 'A renewal is filed within the 60 working days before expiry: the window opens on the 60th working day before (counted on weekends alone where no official arrangement exists, so never early)',
  },
});

export const RULE_RENEWAL_LAST_SAFE_DAY = defineRule({
  id: 'renewal-last-safe-day',
  section: '§提示 特别注意 4, §六(三)',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '指南所列最晚发起日：续签「应在持证人证件有效期前 20 个工作日发起申请」，「有效期前不能核准通过的，证件即时失效」',
    en: "The guide's latest day: a renewal is started 20 working days before expiry; not approved before expiry, the permit is void at once",
  },
});

export const RULE_RENEWAL_RECOMMENDED = defineRule({
  id: 'renewal-recommended-latest-day',
  section: ADVICE,
  file: 'rules/deadlines.ts',
  severity: 'warning',
  description: {
    zh: '建议最晚发起日：预留属地初审（默认 5 个工作日，可设置）及自次一工作日起 20 个工作日审核，核准日早于有效期截止日',
    en: 'Recommended latest day: leaves the locality first review (default 5 working days, a setting) and 20 working days of review from the next working day, approval strictly before expiry',
  },
});

export const RULE_EMPLOYER_CHANGE_DEADLINE = defineRule({
  id: 'employer-change-last-safe-day',
  section: '§六(四), §提示 特别注意 4',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '指南所列最晚发起日：聘用单位变更「证件核准须至少在证件有效期截止前预留20个工作日用于主管单位审批，逾期未办理或核准通过的证件失效」',
    en: "The guide's latest day: an employer change leaves at least 20 working days before expiry for approval; otherwise the permit lapses",
  },
});

export const RULE_EMPLOYER_CHANGE_RECOMMENDED = defineRule({
  id: 'employer-change-recommended-latest-day',
  section: ADVICE,
  file: 'rules/deadlines.ts',
  severity: 'warning',
  description: {
    zh: '聘用单位变更建议最晚发起日：预留属地初审（默认 5 个工作日，可设置）及 20 个工作日审核，核准日早于有效期截止日',
    en: 'Employer change, recommended latest day: leaves the locality first review (default 5 working days) and 20 working days of review, approval strictly before expiry',
  },
});

export const RULE_REVIEW_TIME_LIMIT = defineRule({
  id: 'review-time-limit',
  section: '§八, §六(三)',
  file: 'rules/deadlines.ts',
  severity: 'info',
  description: {
    zh: '审核时限：自申请材料齐全、属地审核完毕上报至区人力社保局之日起 20 个工作日',
    en: 'Review takes 20 working days from the day the locality reports the complete case to the district bureau',
  },
});

export const RULE_CLOSING_SOON = defineRule({
  id: 'deadline-closing-soon',
  section: ADVICE,
  file: 'rules/deadlines.ts',
  severity: 'warning',
  description: {
    zh: '距建议最晚发起日不足 5 个工作日时提醒',
    en: 'Warns when the recommended latest day is 5 working days away or fewer',
  },
});

/** Options of the deadline functions. */
export const DeadlineOptions = z.object({ localityBufferWorkdays: LocalityBufferWorkdays.optional() });
export type DeadlineOptions = z.input<typeof DeadlineOptions>;

/** Input of {@link renewalWindow}, {@link employerChangeDeadline} and {@link safeFilingDays}. */
export const ExpiryInput = z.object({ expiry: IsoDate, options: DeadlineOptions.optional() });

/** The two latest filing days of a time-limited business. */
export interface SafeFilingDays {
  readonly expiry: IsoDate;
  /** 指南所列最晚发起日: the 20th working day before expiry. */
  readonly guideLatestDay: DateAnswer;
  /** 建议最晚发起日: buffer + 20 + 1 working days before expiry. */
  readonly recommendedLatestDay: DateAnswer;
  /** The last working day strictly before expiry: the latest approval that keeps the permit valid. */
  readonly latestApproval: DateAnswer;
  readonly localityBufferWorkdays: number;
}

/** Unchecked core of {@link safeFilingDays}. */
export function safeFilingDaysUnchecked(expiry: string, buffer: number): SafeFilingDays {
  return {
    expiry,
    guideLatestDay: stepWorkdays(expiry, -REVIEW_RESERVE_WORKDAYS),
    recommendedLatestDay: stepWorkdays(expiry, -(buffer + REVIEW_WORKDAYS + 1)),
    latestApproval: stepWorkdays(expiry, -1),
    localityBufferWorkdays: buffer,
  };
}

/** Both latest filing days of a renewal or employer change expiring on `expiry`. */
export function safeFilingDays(expiry: IsoDate, options: DeadlineOptions = {}): SafeFilingDays {
  const v = parseInput(ExpiryInput, { expiry, options });
  return safeFilingDaysUnchecked(expiry, v.options?.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS);
}

/** The renewal window of a permit. */
export interface RenewalWindow extends SafeFilingDays {
  /**
   * First day a renewal may be filed: the 60th working day before expiry. In a year without official data it is
   * counted on weekends alone (`opensBasis: 'weekends-only'`), so it is never earlier than the real opening.
   */
  readonly opens: DateAnswer;
  readonly opensBasis: 'official' | 'weekends-only';
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly explanation: Bilingual;
}

const APPROX_ZH = '（≈ 估算）';
const APPROX_EN = ' (≈ estimate)';

function approximateFinding(years: readonly number[]): Finding[] {
  if (years.length === 0) return [];
  return [
    finding(
      RULE_CALENDAR_APPROXIMATE,
      false,
      bi(
        `≈ 估算：${years.join('、')} 年尚无官方节假日安排，按法定节假日及惯常调休放假（不设调休上班）估算，最晚发起日只会偏早；续签申请期开始日仅按周末推算，只会偏晚；国务院通知公布后请在设置中录入`,
        `≈ Estimate: no official holiday arrangement yet for ${years.join(', ')}; statutory holidays and the customary bridges are assumed off (no make-up working days), so latest days err early; a renewal window's opening is counted on weekends alone, so it errs late — enter the State Council notice in the settings once it is published`,
      ),
      { approximateYears: years },
    ),
  ];
}

function computeWindow(expiry: string, buffer: number): RenewalWindow {
  const days = safeFilingDaysUnchecked(expiry, buffer);
  const opens = stepWorkdays(expiry, -RENEWAL_WINDOW_WORKDAYS, 'opening');
  const opensBasis = opens.approximate ? 'weekends-only' : 'official';
  const approx = mergeApproximate(opens, days.guideLatestDay, days.recommendedLatestDay);
  const a = (d: DateAnswer, zh: boolean) => (d.approximate ? (zh ? APPROX_ZH : APPROX_EN) : '');
  const openNote = opensBasis === 'weekends-only' ? bi('（该年尚无官方节假日安排，开始日仅按周末推算，节日附近的周末按可能的调休上班日计，不会早于实际开始日）', ' (no official holidays for that year yet: counted on weekends alone, weekends near a festival as possible make-up days, never earlier than the real opening)') : bi('', '');
  return {
    ...days,
    opens,
    opensBasis,
    ...approx,
    explanation: bi(
      `证件有效期至 ${expiry}：续签可自 ${opens.date}（有效期前第 60 个工作日）${openNote.zh}起申请；指南所列最晚发起日 ${days.guideLatestDay.date}${a(days.guideLatestDay, true)}（有效期前第 20 个工作日）；建议最晚发起日 ${days.recommendedLatestDay.date}${a(days.recommendedLatestDay, true)}（预留属地初审 ${buffer} 个工作日和 20 个工作日审核，核准不晚于 ${days.latestApproval.date}）。`,
      `Permit valid until ${expiry}: a renewal may be filed from ${opens.date} (60th working day before expiry)${openNote.en}; the guide's latest day is ${days.guideLatestDay.date}${a(days.guideLatestDay, false)} (20th working day before expiry); recommended latest day ${days.recommendedLatestDay.date}${a(days.recommendedLatestDay, false)} (leaves ${buffer} working day(s) of locality review and 20 of review, approval by ${days.latestApproval.date}).`,
    ),
  };
}

/**
 * The renewal window: opening day (60th working day before expiry, §六(三)), the guide's latest day (20th,
 * §提示 特别注意 4) and the recommended latest day (助手建议, see the file comment).
 */
export function renewalWindow(expiry: IsoDate, options: DeadlineOptions = {}): RenewalWindow {
  const v = parseInput(ExpiryInput, { expiry, options });
  return computeWindow(expiry, v.options?.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS);
}

/** The latest days to file an employer change. */
export interface EmployerChangeDeadline extends SafeFilingDays {
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly explanation: Bilingual;
}

/**
 * Employer change (§六(四)): approval needs 20 working days before expiry, so the guide's latest day is the
 * 20th working day before expiry; the recommended latest day also leaves the locality buffer. The suspended
 * (挂起) permit must still be within validity (§六(四) 注意事项 1).
 */
export function employerChangeDeadline(expiry: IsoDate, options: DeadlineOptions = {}): EmployerChangeDeadline {
  const v = parseInput(ExpiryInput, { expiry, options });
  const buffer = v.options?.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS;
  const days = safeFilingDaysUnchecked(expiry, buffer);
  return {
    ...days,
    ...mergeApproximate(days.guideLatestDay, days.recommendedLatestDay),
    explanation: bi(
      `证件有效期至 ${expiry}：新单位在员工产生社保记录后确认关联，并应于建议最晚发起日 ${days.recommendedLatestDay.date}（预留属地初审 ${buffer} 个工作日和 20 个工作日审批）前发起聘用单位变更；指南所列最晚发起日为 ${days.guideLatestDay.date}（有效期前第 20 个工作日）。`,
      `Permit valid until ${expiry}: the new employer confirms the link once its social insurance record exists and should file the employer change by the recommended latest day ${days.recommendedLatestDay.date} (leaves ${buffer} working day(s) of locality review and 20 of approval); the guide's latest day is ${days.guideLatestDay.date} (20th working day before expiry).`,
    ),
  };
}

/** Input of {@link reviewCompletesBy}. */
export const ReviewInput = z.object({ acceptedOn: IsoDate });

/**
 * The day the 20-working-day review (§八; renewals §六(三)) ends when counted from `acceptedOn`, the day
 * the locality reported the complete case. Counting: the start day is not counted and the period runs
 * from the next working day (民法典 第二百零一条: 开始的当日不计入), so the answer is the 20th working day
 * after `acceptedOn`.
 */
export function reviewCompletesBy(acceptedOn: IsoDate): DateAnswer & { explanation: Bilingual } {
  parseInput(ReviewInput, { acceptedOn });
  const due = stepWorkdays(acceptedOn, REVIEW_WORKDAYS);
  return {
    ...due,
    explanation: bi(
      `自 ${acceptedOn} 上报之日起 20 个工作日（当日不计入），预计于 ${due.date} 前审核完毕。`,
      `20 working days from ${acceptedOn} (that day not counted): review expected by ${due.date}.`,
    ),
  };
}

/**
 * Where a time-limited business stands on a day. 'missed' = past the recommended latest day (still valid; see
 * `pastGuideLatestDay` for whether the guide's own latest day has passed too).
 */
export const DeadlineState = z.enum(['not-yet-open', 'open', 'closing-soon', 'missed', 'expired']);
export type DeadlineState = z.infer<typeof DeadlineState>;

/** Input of {@link deadlineStatus}. */
export const DeadlineStatusInput = z.object({
  expiry: IsoDate,
  today: IsoDate,
  business: z.enum(['renewal', 'employer-change']).default('renewal'),
  options: DeadlineOptions.optional(),
});

/** The status with the working days left to each boundary. */
export interface DeadlineStatus {
  readonly state: DeadlineState;
  readonly business: 'renewal' | 'employer-change';
  readonly expiry: IsoDate;
  readonly today: IsoDate;
  /** Renewal only; an employer change may be filed any time within validity. */
  readonly opens?: IsoDate;
  readonly opensBasis?: 'official' | 'weekends-only';
  /** 指南所列最晚发起日 (20th working day before expiry). */
  readonly guideLatestDay: IsoDate;
  /** 建议最晚发起日 (助手建议). */
  readonly recommendedLatestDay: IsoDate;
  readonly localityBufferWorkdays: number;
  /** True once `today` is after the guide's latest day. */
  readonly pastGuideLatestDay: boolean;
  /** Working days in [today, boundary) — 0 once the boundary is reached or past. */
  readonly workdaysLeft: {
    readonly toOpening?: number;
    readonly toRecommendedLatestDay: number;
    readonly toGuideLatestDay: number;
    readonly toExpiry: number;
  };
  /** When missed: working days in [recommendedLatestDay, today), i.e. how late it is. */
  readonly workdaysLate?: number;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  /** The main finding first, then the approximate-calendar finding if any. */
  readonly findings: readonly Finding[];
}

/** The numbers of a deadline status, without texts (what the case book needs for thousands of holders). */
export interface PermitNumbers {
  readonly business: 'renewal' | 'employer-change';
  readonly state: DeadlineState;
  readonly expiry: IsoDate;
  /** Renewal only: 60th working day before expiry (§六(三)); weekends alone (never early) in an estimated year. */
  readonly opens?: IsoDate;
  readonly opensBasis?: 'official' | 'weekends-only';
  /** 建议最晚发起日 (助手建议). */
  readonly recommendedLatestDay: IsoDate;
  /** 指南所列最晚发起日: 20th working day before expiry (§提示 特别注意 4, §六(四)). */
  readonly guideLatestDay: IsoDate;
  readonly localityBufferWorkdays: number;
  readonly pastGuideLatestDay: boolean;
  readonly workdaysToOpening?: number;
  readonly workdaysToRecommendedLatestDay: number;
  readonly workdaysToGuideLatestDay: number;
  readonly workdaysToExpiry: number;
  /** When missed: working days in [recommendedLatestDay, today). */
  readonly workdaysLate?: number;
  readonly approximate: boolean;
  /** Estimated years among the days every count and step of this status looked at. */
  readonly approximateYears: readonly number[];
}

/**
 * Unchecked core of {@link deadlineStatus} and rules/deadline-events.ts: states, days and working-day counts on
 * day numbers (three binary searches and a few lookups, no per-day work).
 */
export function permitNumbers(expiry: string, today: string, business: 'renewal' | 'employer-change', buffer: number): PermitNumbers {
  const isRenewal = business === 'renewal';
  const e = toDayNumber(expiry);
  const t = toDayNumber(today);
  const guide = stepBackDays(e, REVIEW_RESERVE_WORKDAYS);
  const rec = stepBackDays(e, buffer + REVIEW_WORKDAYS + 1);
  const opens = isRenewal ? stepBackDays(e, RENEWAL_WINDOW_WORKDAYS, 'opening') : undefined;
  const left = (b: number, mode: 'estimate' | 'opening' = 'estimate'): number => (t >= b ? 0 : workdaysBetween(t, b, mode));
  const toRec = left(rec);
  let state: DeadlineState;
  let late: number | undefined;
  if (t > e) state = 'expired';
  else if (t > rec) {
    state = 'missed';
    late = workdaysBetween(rec, t);
  } else if (opens !== undefined && t < opens) state = 'not-yet-open';
  else state = toRec <= CLOSING_SOON_WORKDAYS ? 'closing-soon' : 'open';
  // Every step covers [answer, expiry), every count [today, boundary ≤ expiry), the lateness [rec, today ≤ expiry).
  const earliest = Math.min(opens ?? rec, rec, guide);
  const years = estimatedYearsBetween(state === 'expired' ? earliest : Math.min(earliest, t), e);
  const opensDate = opens !== undefined ? fromDayNumber(opens) : undefined;
  return {
    business,
    state,
    expiry,
    ...(opensDate !== undefined
      ? { opens: opensDate, opensBasis: estimatedYearsBetween(opens!, e).length ? ('weekends-only' as const) : ('official' as const), workdaysToOpening: left(opens!, 'opening') }
      : {}),
    recommendedLatestDay: fromDayNumber(rec),
    guideLatestDay: fromDayNumber(guide),
    localityBufferWorkdays: buffer,
    pastGuideLatestDay: t > guide,
    workdaysToRecommendedLatestDay: toRec,
    workdaysToGuideLatestDay: left(guide),
    workdaysToExpiry: left(e),
    ...(late !== undefined ? { workdaysLate: late } : {}),
    approximate: years.length > 0,
    approximateYears: years,
  };
}

/**
 * The state of a renewal (default) or employer change on `today`:
 * - 'not-yet-open' before the 60th working day before expiry (renewal only);
 * - 'open' from then until the recommended latest day;
 * - 'closing-soon' when the recommended latest day is at most 5 working days away — working days in
 *   [today, recommendedLatestDay) ≤ 5, that day itself included;
 * - 'missed' after the recommended latest day up to and including the expiry day (still valid; after the
 *   guide's latest day too the finding cites the guide and is an error, before it a warning);
 * - 'expired' after the expiry day.
 * Each finding cites its rule: the opening §六(三); open → the recommended rule (助手建议); closing soon →
 * `deadline-closing-soon` (助手建议); past the recommended day only → the recommended rule (warning); past the
 * guide's day or expired → `renewal-last-safe-day` (§提示 特别注意 4, §六(三)) or `employer-change-last-safe-day`
 * (§六(四), §提示 特别注意 4).
 */
export function deadlineStatus(
  expiry: IsoDate,
  today: IsoDate,
  business: 'renewal' | 'employer-change' = 'renewal',
  options: DeadlineOptions = {},
): DeadlineStatus {
  const v = parseInput(DeadlineStatusInput, { expiry, today, business, options });
  return deadlineStatusUnchecked(expiry, today, business, v.options?.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS);
}

/** Unchecked core of {@link deadlineStatus} (rules/deadline-events.ts calls it for thousands of holders). */
export function deadlineStatusUnchecked(
  expiry: string,
  today: string,
  business: 'renewal' | 'employer-change',
  buffer: number,
): DeadlineStatus {
  const p = permitNumbers(expiry, today, business, buffer);
  const isRenewal = business === 'renewal';
  const { state, workdaysLate } = p;
  const rec = p.recommendedLatestDay;
  const guide = p.guideLatestDay;
  const pastGuide = p.pastGuideLatestDay;
  const toOpening = { count: p.workdaysToOpening ?? 0 };
  const toRec = { count: p.workdaysToRecommendedLatestDay };
  const w = p.opens !== undefined ? { opens: { date: p.opens }, opensBasis: p.opensBasis! } : undefined;
  const approx = { approximate: p.approximate, approximateYears: p.approximateYears };
  const facts = {
    business,
    expiry,
    today,
    opens: p.opens,
    guideLatestDay: guide,
    recommendedLatestDay: rec,
    localityBufferWorkdays: buffer,
    workdaysToRecommendedLatestDay: p.workdaysToRecommendedLatestDay,
    workdaysToGuideLatestDay: p.workdaysToGuideLatestDay,
    state,
  };
  const guideRule = isRenewal ? RULE_RENEWAL_LAST_SAFE_DAY : RULE_EMPLOYER_CHANGE_DEADLINE;
  const recRule = isRenewal ? RULE_RENEWAL_RECOMMENDED : RULE_EMPLOYER_CHANGE_RECOMMENDED;
  const name = isRenewal ? bi('续签', 'renewal') : bi('聘用单位变更', 'employer change');
  const findings: Finding[] = [];
  if (state === 'not-yet-open' && w) {
    const note = w.opensBasis === 'weekends-only' ? bi('（该年尚无官方节假日安排，开始日仅按周末推算，节日附近的周末按可能的调休上班日计，不会早于实际开始日）', ' (counted on weekends alone, weekends near a festival as possible make-up days: no official holidays for that year yet, so never early)') : bi('', '');
    findings.push(
      finding(
        RULE_RENEWAL_WINDOW_OPENS,
        false,
        bi(
          `尚未进入续签申请期：续签应在持证人证件有效期前60个工作日内申请，${w.opens.date}（有效期前第 60 个工作日）起方可申请${note.zh}，还有 ${toOpening.count} 个工作日`,
          `Too early: a renewal is filed within the 60 working days before expiry, from ${w.opens.date} (60th working day before)${note.en}, ${toOpening.count} working day(s) from today`,
        ),
        { ...facts, workdaysToOpening: toOpening.count, opensBasis: w.opensBasis },
      ),
    );
  } else if (state === 'open' || state === 'closing-soon') {
    findings.push(
      finding(
        state === 'open' ? recRule : RULE_CLOSING_SOON,
        state === 'open',
        bi(
          `可以申请${name.zh}；建议最晚发起日 ${rec}（距今 ${toRec.count} 个工作日），指南所列最晚发起日 ${guide}`,
          `Open; recommended latest day for the ${name.en} ${rec} (${toRec.count} working day(s) from today); the guide's latest day ${guide}`,
        ),
        facts,
      ),
    );
  } else if (state === 'missed' && !pastGuide) {
    findings.push(
      finding(
        recRule,
        false,
        bi(
          `已过建议最晚发起日 ${rec}（晚 ${workdaysLate} 个工作日）：审核时间可能不足，请立即发起${name.zh}；指南所列最晚发起日为 ${guide}`,
          `Past the recommended latest day ${rec} (${workdaysLate} working day(s) late): the review may not fit — file the ${name.en} now; the guide's latest day is ${guide}`,
        ),
        { ...facts, workdaysLate },
      ),
    );
  } else if (state === 'missed') {
    findings.push(
      finding(
        guideRule,
        false,
        bi(
          `已过指南所列最晚发起日 ${guide}（有效期前第 20 个工作日）；证件有效期 ${expiry} 前不能核准通过的，证件即时失效`,
          `Past the guide's latest day ${guide} (20th working day before expiry); if not approved before ${expiry} the permit becomes void at once`,
        ),
        { ...facts, workdaysLate },
      ),
    );
  } else {
    findings.push(finding(guideRule, false, bi(`证件已于 ${expiry} 到期失效`, `The permit expired on ${expiry}`), facts));
  }
  findings.push(...approximateFinding(approx.approximateYears));

  return {
    state,
    business,
    expiry,
    today,
    ...(p.opens !== undefined ? { opens: p.opens, opensBasis: p.opensBasis } : {}),
    guideLatestDay: guide,
    recommendedLatestDay: rec,
    localityBufferWorkdays: buffer,
    pastGuideLatestDay: pastGuide,
    workdaysLeft: {
      ...(isRenewal ? { toOpening: p.workdaysToOpening } : {}),
      toRecommendedLatestDay: p.workdaysToRecommendedLatestDay,
      toGuideLatestDay: p.workdaysToGuideLatestDay,
      toExpiry: p.workdaysToExpiry,
    },
    ...(workdaysLate !== undefined ? { workdaysLate } : {}),
    ...approx,
    findings,
  };
}
