/**
 * Deadlines of the time-limited businesses, in Chinese working days (see calendar.ts).
 *
 * - Renewal: apply "在持证人证件有效期前60个工作日内" (§六(三)) and at the latest 20 working days before
 *   expiry so the review fits (§提示 4, §六(三)); not approved by expiry → void at once.
 * - Employer change: the approval needs 20 working days before expiry (§六(四), §提示 4).
 * - Review: 20 working days from the day the locality reports the complete case (§八; renewal §六(三)).
 *
 * `expiry` is the last day the permit is valid (有效期截止日). "N working days before E" is the latest
 * working day D such that the working days in [D, E) number N (rules-digest §2).
 */
import { z } from 'zod';
import { IsoDate, type Bilingual } from './model';
import {
  countWorkdaysUnchecked,
  mergeApproximate,
  stepWorkdays,
  RULE_CALENDAR_APPROXIMATE,
  type DateAnswer,
} from './calendar';
import { bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

/** Working days before expiry when the renewal window opens (§六(三)). */
export const RENEWAL_WINDOW_WORKDAYS = 60;
/** Working days before expiry that must be left for the review (§提示 4, §六(三), §六(四)). */
export const REVIEW_RESERVE_WORKDAYS = 20;
/** Review time limit in working days (§八, §六(三)). */
export const REVIEW_WORKDAYS = 20;
/** 'closing-soon' starts when the last safe day is at most this many working days away. */
export const CLOSING_SOON_WORKDAYS = 5;

export const RULE_RENEWAL_WINDOW_OPENS = defineRule({
  id: 'renewal-window-opens',
  section: '§六(三)',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '续签须在证件有效期前 60 个工作日内申请，更早提交不予受理',
    en: 'A renewal is filed within the 60 working days before expiry; earlier is too early',
  },
});

export const RULE_RENEWAL_LAST_SAFE_DAY = defineRule({
  id: 'renewal-last-safe-day',
  section: '§提示 4, §六(三)',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '续签应至迟在有效期前 20 个工作日发起，预留审核时间，否则证件可能到期失效',
    en: 'A renewal is started at least 20 working days before expiry to leave time for the review',
  },
});

export const RULE_EMPLOYER_CHANGE_DEADLINE = defineRule({
  id: 'employer-change-last-safe-day',
  section: '§六(四), §提示 4',
  file: 'rules/deadlines.ts',
  severity: 'error',
  description: {
    zh: '聘用单位变更须在有效期截止前预留 20 个工作日审批，逾期证件失效',
    en: 'An employer change must leave 20 working days before expiry for approval',
  },
});

export const RULE_REVIEW_TIME_LIMIT = defineRule({
  id: 'review-time-limit',
  section: '§八, §六(三)',
  file: 'rules/deadlines.ts',
  severity: 'info',
  description: {
    zh: '审核时限：自材料齐全、属地审核完毕上报区人力社保局之日起 20 个工作日',
    en: 'Review takes 20 working days from the day the locality reports the complete case to the district bureau',
  },
});

export const RULE_CLOSING_SOON = defineRule({
  id: 'deadline-closing-soon',
  section: '§提示 4',
  file: 'rules/deadlines.ts',
  severity: 'warning',
  description: {
    zh: '距最后安全申报日不足 5 个工作日时提醒',
    en: 'Warns when the last safe filing day is 5 working days away or fewer',
  },
});

/** Input of {@link renewalWindow} and {@link employerChangeDeadline}. */
export const ExpiryInput = z.object({ expiry: IsoDate });

/** The renewal window of a permit. */
export interface RenewalWindow {
  readonly expiry: IsoDate;
  /** First day a renewal may be filed: 60 working days before expiry. */
  readonly opens: DateAnswer;
  /** Last safe filing day: 20 working days before expiry. */
  readonly lastSafeDay: DateAnswer;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly explanation: Bilingual;
}

function approximateFinding(years: readonly number[]): Finding[] {
  if (years.length === 0) return [];
  return [
    finding(
      RULE_CALENDAR_APPROXIMATE,
      false,
      bi(
        `${years.join('、')} 年尚无官方节假日安排，相关日期仅按周末推算，请在安排公布后复核`,
        `No official holiday arrangement yet for ${years.join(', ')}; dates are computed on weekends alone — recheck once it is published`,
      ),
      { approximateYears: years },
    ),
  ];
}

/** Unchecked core. */
function computeWindow(expiry: string): RenewalWindow {
  const opens = stepWorkdays(expiry, -RENEWAL_WINDOW_WORKDAYS);
  const lastSafeDay = stepWorkdays(expiry, -REVIEW_RESERVE_WORKDAYS);
  const approx = mergeApproximate(opens, lastSafeDay);
  return {
    expiry,
    opens,
    lastSafeDay,
    ...approx,
    explanation: bi(
      `证件有效期至 ${expiry}：续签可自 ${opens.date}（有效期前第 60 个工作日）起申请，最迟应于 ${lastSafeDay.date}（有效期前第 20 个工作日）发起。`,
      `Permit valid until ${expiry}: a renewal may be filed from ${opens.date} (60th working day before expiry) and should be started by ${lastSafeDay.date} (20th working day before expiry).`,
    ),
  };
}

/**
 * The renewal window: opening day (60 working days before expiry, §六(三)) and last safe filing day
 * (20 working days before expiry, §提示 4 / §六(三)).
 */
export function renewalWindow(expiry: IsoDate): RenewalWindow {
  parseInput(ExpiryInput, { expiry });
  return computeWindow(expiry);
}

/** The last safe day to file an employer change. */
export interface EmployerChangeDeadline {
  readonly expiry: IsoDate;
  readonly lastSafeDay: DateAnswer;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly explanation: Bilingual;
}

/**
 * Employer change (§六(四)): the approval needs 20 working days before expiry, so the new employer should
 * file by the 20th working day before expiry; the suspended (挂起) permit must still be within validity.
 */
export function employerChangeDeadline(expiry: IsoDate): EmployerChangeDeadline {
  parseInput(ExpiryInput, { expiry });
  const lastSafeDay = stepWorkdays(expiry, -REVIEW_RESERVE_WORKDAYS);
  return {
    expiry,
    lastSafeDay,
    ...mergeApproximate(lastSafeDay),
    explanation: bi(
      `证件有效期至 ${expiry}：新单位应在确认关联（产生社保记录后）并于 ${lastSafeDay.date}（有效期前第 20 个工作日）前发起聘用单位变更。`,
      `Permit valid until ${expiry}: the new employer should confirm the link (once its social insurance record exists) and file the employer change by ${lastSafeDay.date} (20th working day before expiry).`,
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

/** Where a time-limited business stands on a day. */
export const DeadlineState = z.enum(['not-yet-open', 'open', 'closing-soon', 'missed', 'expired']);
export type DeadlineState = z.infer<typeof DeadlineState>;

/** Input of {@link deadlineStatus}. */
export const DeadlineStatusInput = z.object({
  expiry: IsoDate,
  today: IsoDate,
  business: z.enum(['renewal', 'employer-change']).default('renewal'),
});

/** The status with the working days left to each boundary. */
export interface DeadlineStatus {
  readonly state: DeadlineState;
  readonly business: 'renewal' | 'employer-change';
  readonly expiry: IsoDate;
  readonly today: IsoDate;
  /** Renewal only; an employer change may be filed any time within validity. */
  readonly opens?: IsoDate;
  readonly lastSafeDay: IsoDate;
  /** Working days in [today, boundary) — 0 once the boundary is reached or past. */
  readonly workdaysLeft: { readonly toOpening?: number; readonly toLastSafeDay: number; readonly toExpiry: number };
  /** When missed: working days in [lastSafeDay, today), i.e. how late it is. */
  readonly workdaysLate?: number;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly findings: readonly Finding[];
}

/**
 * The state of a renewal (default) or employer change on `today`:
 * - 'not-yet-open' before the 60th working day before expiry (renewal only);
 * - 'open' from then until the last safe day (20th working day before expiry);
 * - 'closing-soon' when the last safe day is at most 5 working days away — working days in
 *   [today, lastSafeDay) ≤ 5, the last safe day itself included;
 * - 'missed' after the last safe day up to and including the expiry day (still valid, but too late to
 *   be sure of approval);
 * - 'expired' after the expiry day.
 */
export function deadlineStatus(
  expiry: IsoDate,
  today: IsoDate,
  business: 'renewal' | 'employer-change' = 'renewal',
): DeadlineStatus {
  parseInput(DeadlineStatusInput, { expiry, today, business });
  const w = computeWindow(expiry);
  const isRenewal = business === 'renewal';
  const left = (boundary: string): { count: number; years: readonly number[] } => {
    if (today >= boundary) return { count: 0, years: [] };
    const c = countWorkdaysUnchecked(today, boundary);
    return { count: c.count, years: c.approximateYears };
  };
  const toOpening = left(w.opens.date);
  const toLast = left(w.lastSafeDay.date);
  const toExpiry = left(expiry);
  const answers = [
    { approximateYears: toLast.years },
    { approximateYears: toExpiry.years },
    w.lastSafeDay,
    ...(isRenewal ? [w.opens, { approximateYears: toOpening.years }] : []),
  ];

  let state: DeadlineState;
  let workdaysLate: number | undefined;
  if (today > expiry) state = 'expired';
  else if (today > w.lastSafeDay.date) {
    state = 'missed';
    const late = countWorkdaysUnchecked(w.lastSafeDay.date, today);
    workdaysLate = late.count;
    answers.push(late);
  } else if (isRenewal && today < w.opens.date) state = 'not-yet-open';
  else state = toLast.count <= CLOSING_SOON_WORKDAYS ? 'closing-soon' : 'open';

  const approx = mergeApproximate(...answers);
  const facts = {
    business,
    expiry,
    today,
    opens: isRenewal ? w.opens.date : undefined,
    lastSafeDay: w.lastSafeDay.date,
    workdaysToLastSafeDay: toLast.count,
    state,
  };
  const findings: Finding[] = [];
  const deadlineRule = isRenewal ? RULE_RENEWAL_LAST_SAFE_DAY : RULE_EMPLOYER_CHANGE_DEADLINE;
  if (state === 'not-yet-open') {
    findings.push(
      finding(
        RULE_RENEWAL_WINDOW_OPENS,
        false,
        bi(
          `尚未进入续签申请期：${w.opens.date}（有效期前第 60 个工作日）起方可申请，还有 ${toOpening.count} 个工作日`,
          `Too early: renewals open on ${w.opens.date} (60th working day before expiry), ${toOpening.count} working day(s) from today`,
        ),
        { ...facts, workdaysToOpening: toOpening.count },
      ),
    );
  } else if (state === 'open' || state === 'closing-soon') {
    findings.push(
      finding(
        state === 'open' ? deadlineRule : RULE_CLOSING_SOON,
        state === 'open',
        bi(
          `可以申请；最后安全申报日为 ${w.lastSafeDay.date}，距今 ${toLast.count} 个工作日`,
          `Open; the last safe filing day is ${w.lastSafeDay.date}, ${toLast.count} working day(s) from today`,
        ),
        facts,
      ),
    );
  } else if (state === 'missed') {
    findings.push(
      finding(
        deadlineRule,
        false,
        bi(
          `已过最后安全申报日 ${w.lastSafeDay.date}（晚 ${workdaysLate} 个工作日）；有效期 ${expiry} 前不能核准的，证件即时失效`,
          `Past the last safe filing day ${w.lastSafeDay.date} (${workdaysLate} working day(s) late); if not approved by ${expiry} the permit becomes void`,
        ),
        { ...facts, workdaysLate },
      ),
    );
  } else {
    findings.push(
      finding(
        deadlineRule,
        false,
        bi(`证件已于 ${expiry} 到期失效`, `The permit expired on ${expiry}`),
        facts,
      ),
    );
  }
  findings.push(...approximateFinding(approx.approximateYears));

  return {
    state,
    business,
    expiry,
    today,
    opens: isRenewal ? w.opens.date : undefined,
    lastSafeDay: w.lastSafeDay.date,
    workdaysLeft: {
      ...(isRenewal ? { toOpening: toOpening.count } : {}),
      toLastSafeDay: toLast.count,
      toExpiry: toExpiry.count,
    },
    ...(workdaysLate !== undefined ? { workdaysLate } : {}),
    ...approx,
    findings,
  };
}
