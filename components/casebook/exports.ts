/**
 * The case book's reports: its table as CSV and .xlsx rows, the deadlines as CSV and ICS, and the quarterly
 * summary for the locality office. Every verdict comes from rules/ (through storage/snapshot.ts's rows);
 * resident IDs and phones are masked unless the agent unmasks; the ICS carries names and dates only
 * (calendars get synced to places we do not control).
 */
import { filingCategory } from '../../rules/case-facts';
import type { Bilingual, IsoDate } from '../../rules/model';
import { quarterOf } from '../../rules/quarters';
import { BUSINESS_LABELS, HOLDER_LABELS } from '../../rules/texts';
import { EVENT_LABELS, eventTitle, type CaseBookEvent } from '../../rules/deadline-events';
import { STATUS_LABELS } from '../../storage/repos';
import type { Case, Employee } from '../../storage/schemas';
import type { CaseBookRow, Snapshot } from '../../storage/snapshot';
import { maskIdLast4, maskPhone } from '../../utils/mask';
import { pickText as pick } from '../../utils/bilingual';
import { excelTextId, toCsv } from '../../utils/csv';
import { toIcs } from '../../utils/ics';

type Lang = 'zh-CN' | 'en';

export const PERMIT_STATE_LABELS: Record<string, Bilingual> = {
  'not-yet-open': { zh: '未到申请期', en: 'not yet open' },
  open: { zh: '申请期内', en: 'open' },
  'closing-soon': { zh: '即将截止', en: 'closing soon' },
  missed: { zh: '已过建议最晚发起日', en: 'past the recommended latest day' },
  expired: { zh: '已到期', en: 'expired' },
};

export interface CsvOptions {
  lang?: Lang;
  /** Full resident IDs and phones instead of masked ones (the agent chose to). */
  revealIds?: boolean;
}

/**
 * The case book as CSV: one row per employee (the rows given, e.g. the filtered table) with the latest case,
 * the renewal / employer-change state and the next deadline with its working days left.
 */
export function caseBookCsv(rows: readonly CaseBookRow[], options: CsvOptions = {}): string {
  const [head, ...body] = caseBookTable(rows, options);
  // The resident ID column (index 1) as ="…" so that Excel keeps a full ID as text.
  return toCsv([head, ...body.map((r) => r.map((c, i) => (i === 1 && typeof c === 'string' ? excelTextId(c) : c)))]);
}

/** The case book's rows as a table (header first): the columns of the CSV and the .xlsx export. */
export function caseBookTable(rows: readonly CaseBookRow[], options: CsvOptions = {}): (string | number)[][] {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  const head = en
    ? ['Name', 'Resident ID', 'Phone', 'Category', 'Holder status', 'Permit valid until', 'Renewal / employer change', 'Window opens', 'Recommended latest filing day', 'Working days to recommended latest day', "The guide's latest filing day", 'Current business', 'Case status', 'Submitted on', 'Accepted on', 'Next deadline', 'Next date', 'Working days left', 'Approximate']
    : ['姓名', '身份证号', '手机号', '申报类别', '持证状态', '证件有效期至', '续签/变更状态', '续签申请期开始', '建议最晚发起日', '距建议最晚发起日（工作日）', '指南所列最晚发起日', '当前业务', '业务状态', '提交日期', '受理日期', '下一事项', '下一日期', '剩余工作日', '日期为估算'];
  const body = rows.map((r) => {
    const e = r.employee;
    const c = r.latestCase;
    const p = r.permit;
    const category = filingCategory(c, e);
    return [
      e.name,
      options.revealIds ? e.residentId : maskIdLast4(e.residentId),
      e.phone ? (options.revealIds ? e.phone : maskPhone(e.phone)) : '',
      category ? (category === 'recommended' ? (en ? 'recommended' : '推荐') : category) : '',
      pick(lang, HOLDER_LABELS[e.holderStatus]),
      e.permitValidUntil ?? '',
      p ? `${pick(lang, p.business === 'renewal' ? BUSINESS_LABELS.renewal : BUSINESS_LABELS['employer-change'])}：${pick(lang, PERMIT_STATE_LABELS[p.state])}` : '',
      p?.opens ?? '',
      p?.recommendedLatestDay ?? '',
      p ? p.workdaysToRecommendedLatestDay : '',
      p?.guideLatestDay ?? '',
      c ? pick(lang, BUSINESS_LABELS[c.business]) : '',
      c ? pick(lang, STATUS_LABELS[c.status]) : '',
      c?.submittedOn ?? '',
      c?.acceptedOn ?? '',
      r.next ? pick(lang, EVENT_LABELS[r.next.kind]) : '',
      r.next?.date ?? '',
      r.next ? r.next.workdaysLeft : '',
      (r.permit?.approximate || r.next?.approximate) ? (en ? 'yes' : '是') : '',
    ];
  });
  return [head, ...body];
}

/** The deadlines as CSV: one row per event (date, what, who, section, approximate). */
export function deadlinesCsv(events: readonly CaseBookEvent[], options: { lang?: Lang } = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  const head = en ? ['Date', 'Event', 'Employee', 'Detail', 'Guide section', 'Approximate'] : ['日期', '事项', '员工', '说明', '依据', '日期为估算'];
  return toCsv([
    head,
    ...events.map((e) => [e.date, pick(lang, EVENT_LABELS[e.kind]), e.employeeName ?? '', pick(lang, e.detail), e.section, e.approximate ? (en ? 'yes' : '是') : '']),
  ]);
}

/** The case book's deadlines as ICS (names and dates only, no ID numbers). */
export function deadlinesIcs(events: readonly CaseBookEvent[], options: { lang?: Lang; now: Date }): string {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  return toIcs(
    events.map((e) => ({
      uid: `${e.key}@jzz-assistant`,
      date: e.date,
      summary: (e.approximate ? (en ? '(approx.) ' : '（估算）') : '') + pick(lang, eventTitle(e)),
      description: [
        pick(lang, EVENT_LABELS[e.kind]),
        pick(lang, e.detail),
        `${en ? 'Guide section' : '依据'}：${e.section}`,
        ...(e.approximate ? [en ? 'Approximate: no official holiday data for that year yet (weekends only).' : '估算：该年份尚无官方节假日安排，仅按周末推算，安排公布后请复核。'] : []),
      ].filter(Boolean).join('\n'),
      categories: [en ? 'Work residence permit' : '工作居住证'],
    })),
    { calendarName: en ? 'Work residence permit deadlines' : '工作居住证截止日', now: options.now },
  );
}

export interface QuarterSummaryRow {
  employee?: Pick<Employee, 'id' | 'name' | 'residentId' | 'category'>;
  case: Case;
}

export interface QuarterSummary {
  label: string;
  start: IsoDate;
  end: IsoDate;
  rows: QuarterSummaryRow[];
  /** Cases per business. */
  byBusiness: Partial<Record<Case['business'], number>>;
}

/**
 * The business filed in a quarter (cases submitted to the locality — `submittedOn` — within it), per employee,
 * for the summary the employer sends to its locality office (§提示: the stamped 业务办理情况表). Voided cases are left out.
 */
export function quarterSummary(s: Snapshot, quarterLabel: string): QuarterSummary {
  const m = /^(\d{4})Q([1-4])$/.exec(quarterLabel);
  if (!m) throw new RangeError(`季度格式应为 2026Q4 / Quarter must look like 2026Q4: ${quarterLabel}`);
  const q = quarterOf(`${m[1]}-${String(Number(m[2]) * 3).padStart(2, '0')}-01`);
  const names = new Map(s.employees.map((e) => [e.id, e]));
  const rows = s.cases
    .filter((c) => c.submittedOn && c.submittedOn >= q.start && c.submittedOn <= q.end && c.status !== 'voided')
    .map((c) => {
      const e = c.employeeId ? names.get(c.employeeId) : undefined;
      return { ...(e ? { employee: { id: e.id, name: e.name, residentId: e.residentId, category: e.category } } : {}), case: c };
    })
    .sort((a, b) => (a.case.submittedOn ?? '').localeCompare(b.case.submittedOn ?? '') || (a.employee?.name ?? '').localeCompare(b.employee?.name ?? '', 'zh-CN'));
  const byBusiness: QuarterSummary['byBusiness'] = {};
  for (const r of rows) byBusiness[r.case.business] = (byBusiness[r.case.business] ?? 0) + 1;
  return { label: q.label, start: q.start, end: q.end, rows, byBusiness };
}
