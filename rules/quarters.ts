/**
 * Quarter planning of new applications: Daxing files new permits by quarterly demand declaration (§一(一))
 * and asks employers to submit new applications near each quarter's end (§四(二) 1 "尽量在每季度末报送").
 *
 * Suggestion implemented (it is a suggestion, not a rule of the guide): file on the 5th working day before
 * the quarter's last working day — i.e. `workdaysBefore(lastWorkday, 5)`, leaving that day and five more
 * working days to fix what the locality returns before the quarter closes.
 */
import { z } from 'zod';
import { IsoDate, type Bilingual } from './model';
import { fromYmd, daysInMonth } from './dates';
import { mergeApproximate, stepWorkdays, workdayOnOrAfter, workdayOnOrBefore, type DateAnswer } from './calendar';
import { bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

export const RULE_QUARTER_END = defineRule({
  id: 'quarter-end-filing',
  section: '§一(一), §四(二) 1',
  file: 'rules/quarters.ts',
  severity: 'info',
  description: {
    zh: '大兴区实行季度需求申报制度，请申请单位尽量在每季度末报送新办申请材料（具体建议日期为助手建议）',
    en: 'Daxing declares new applications quarterly; employers should file them near each quarter end (the exact suggested day is the assistant\'s)',
  },
});

/** Working days before the quarter's last working day for the suggested filing date. */
export const SUGGESTED_LEAD_WORKDAYS = 5;

/** A calendar quarter. */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** e.g. 2026Q4. */
  readonly label: string;
}

/** Input of the quarter functions. */
export const QuarterInput = z.object({ date: IsoDate });

function quarterOfUnchecked(date: string): Quarter {
  const y = Number(date.slice(0, 4));
  const q = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const endMonth = q * 3;
  return {
    year: y,
    quarter: q,
    start: fromYmd({ y, m: endMonth - 2, d: 1 }),
    end: fromYmd({ y, m: endMonth, d: daysInMonth(y, endMonth) }),
    label: `${y}Q${q}`,
  };
}

/** The calendar quarter containing `date`. */
export function quarterOf(date: IsoDate): Quarter {
  parseInput(QuarterInput, { date });
  return quarterOfUnchecked(date);
}

/** The last working day of the quarter containing `date`. */
export function lastWorkdayOfQuarter(date: IsoDate): DateAnswer & { quarter: Quarter } {
  parseInput(QuarterInput, { date });
  const quarter = quarterOfUnchecked(date);
  return { ...workdayOnOrBefore(quarter.end), quarter };
}

/** A suggested filing date. */
export interface FilingSuggestion {
  readonly quarter: Quarter;
  readonly lastWorkday: IsoDate;
  /** The suggested day (a working day). */
  readonly suggested: IsoDate;
  /** True when `date` is already past the ideal day and the suggestion is the next working day instead. */
  readonly late: boolean;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
  readonly explanation: Bilingual;
}

/**
 * A suggested date for filing new applications of the quarter containing `date`: the 5th working day before
 * the quarter's last working day; if `date` is already later, the first working day on or after `date`
 * (still in the quarter); if the quarter has no working day left, the next quarter's suggestion.
 */
export function suggestedFilingDate(date: IsoDate): FilingSuggestion {
  parseInput(QuarterInput, { date });
  let quarter = quarterOfUnchecked(date);
  let last = workdayOnOrBefore(quarter.end);
  if (date > last.date) {
    // The quarter's working days are over: plan for the next quarter.
    const next = stepWorkdays(quarter.end, 1);
    quarter = quarterOfUnchecked(next.date);
    last = workdayOnOrBefore(quarter.end);
  }
  const ideal = stepWorkdays(last.date, -SUGGESTED_LEAD_WORKDAYS);
  let suggested = ideal;
  let late = false;
  if (date > ideal.date) {
    suggested = workdayOnOrAfter(date);
    late = true;
  }
  const approx = mergeApproximate(last, ideal, suggested);
  return {
    quarter,
    lastWorkday: last.date,
    suggested: suggested.date,
    late,
    ...approx,
    explanation: late
      ? bi(
          `${quarter.label} 末个工作日为 ${last.date}，建议尽快于 ${suggested.date} 报送（建议：仅供参考）`,
          `${quarter.label} ends (last working day) on ${last.date}; file as soon as possible, on ${suggested.date} (a suggestion)`,
        )
      : bi(
          `${quarter.label} 末个工作日为 ${last.date}，建议于 ${suggested.date}（前第 5 个工作日）报送，预留修改时间（建议：仅供参考）`,
          `${quarter.label} ends (last working day) on ${last.date}; suggested filing on ${suggested.date}, 5 working days earlier, leaving time for corrections (a suggestion)`,
        ),
  };
}

export const RULE_QUARTER_QUOTA = defineRule({
  id: 'quarter-new-permit-quota',
  section: '§一(一)',
  file: 'rules/quarters.ts',
  severity: 'warning', // 「原则上，仅受理申请单位核定范围内的新办申请」
  description: {
    zh: '原则上仅受理申请单位核定范围内的新办申请：本季度新办案卷数超过核定数量时提醒',
    en: "In principle only new applications within the employer's approved quarterly number are accepted: warns when this quarter's new-permit cases exceed it",
  },
});

/** A case as the quota counts it. */
export interface QuotaCase {
  readonly business: string;
  readonly status: string;
  /** The day it was submitted to the locality; a case not yet submitted counts in the quarter of `today`. */
  readonly submittedOn?: IsoDate;
}

/** Input of {@link quarterQuota}. */
export const QuarterQuotaInput = z.object({
  /** The employer's approved number of new permits for the quarter (季度新办数量); undefined = not entered. */
  approved: z.number().int().min(0).max(100_000).optional(),
  today: IsoDate,
});

/** The quota of the quarter containing `today`. */
export interface QuarterQuota {
  readonly quarter: Quarter;
  readonly approved?: number;
  /** New-permit cases of the quarter: submitted in it, or still being prepared (not voided or returned). */
  readonly counted: number;
  readonly exceeded: boolean;
  readonly findings: readonly Finding[];
}

/** Statuses of a new-permit case that use a place of the quarter's quota. */
const COUNTED_STATUSES: ReadonlySet<string> = new Set(['draft', 'collecting', 'employer-review', 'locality-review', 'district-review', 'approved']);

/**
 * §一(一): new permits are filed per quarter within the number the district approved for the employer
 * (「合理确定季度新办数量…原则上，仅受理申请单位核定范围内的新办申请」). Counts the quarter's new-permit cases —
 * submitted within the quarter, or not yet submitted (they will be filed now) — against the approved number and
 * warns when they exceed it; without an approved number it says the number is missing (no figure is assumed).
 */
export function quarterQuota(cases: readonly QuotaCase[], approved: number | undefined, today: IsoDate): QuarterQuota {
  parseInput(QuarterQuotaInput, { approved, today });
  const quarter = quarterOfUnchecked(today);
  const counted = cases.filter(
    (c) =>
      c.business === 'new-permit' &&
      COUNTED_STATUSES.has(c.status) &&
      (c.submittedOn ? c.submittedOn >= quarter.start && c.submittedOn <= quarter.end : c.status === 'draft' || c.status === 'collecting' || c.status === 'employer-review'),
  ).length;
  const exceeded = approved !== undefined && counted > approved;
  const facts = { quarter: quarter.label, approved, counted };
  const message =
    approved === undefined
      ? bi(`${quarter.label} 新办案卷 ${counted} 件；尚未录入本季度核定新办数量`, `${quarter.label}: ${counted} new-permit case(s); the approved quarterly number is not entered`)
      : exceeded
        ? bi(
            `${quarter.label} 新办案卷 ${counted} 件，超过核定数量 ${approved} 件：原则上仅受理核定范围内的新办申请，请与属地部门沟通`,
            `${quarter.label}: ${counted} new-permit cases exceed the approved ${approved}; in principle only applications within it are accepted — talk to the locality office`,
          )
        : bi(`${quarter.label} 新办案卷 ${counted} 件，核定数量 ${approved} 件`, `${quarter.label}: ${counted} new-permit case(s) of ${approved} approved`);
  return {
    quarter,
    ...(approved !== undefined ? { approved } : {}),
    counted,
    exceeded,
    findings: [finding(RULE_QUARTER_QUOTA, approved !== undefined && !exceeded, message, facts, approved === undefined ? 'info' : 'warning')],
  };
}
