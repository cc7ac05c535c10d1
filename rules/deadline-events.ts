/**
 * What is due, for many holders at once: the case book's rows and calendar, ICS and CSV, and the daily
 * reminders. Pure: it reads plain records shaped like the database rows (structural types below, so rules/
 * imports nothing of storage/) and counts with the one working-day implementation, rules/calendar.ts.
 *
 * Deadlines (rules/deadlines.ts):
 * - renewal (holder): window opens on the 60th working day before expiry (§六(三)); the recommended latest day
 *   (建议最晚发起日, 助手建议: locality buffer + 20 working days of review, approval strictly before expiry) drives
 *   the reminders, the next-deadline column and the events; the guide's latest day (指南所列最晚发起日, 20th
 *   working day before expiry, §提示 特别注意 4) is shown next to it as its own event;
 * - employer change (suspended holder, 挂起 §提示 特别注意 3): the same two days (§六(四));
 * - review: 20 working days from the day the locality reports (§八);
 * - documents falling below §五's validity rule; the quarter's suggested filing day and last working day
 *   (§一(一), §四(二) 1).
 * Every function takes `DeadlineOptions` (`localityBufferWorkdays`, default 5) as its last argument.
 *
 * Speed: each holder costs three binary searches on the per-year prefix tables of calendar.ts and a few
 * prefix lookups; 5,000 holders take a few milliseconds (tests/bench/deadline-events.ts measures it).
 */
import { z } from 'zod';
import { IsoDate, type Bilingual, type BusinessType, type CaseStatus, type HolderStatus } from './model';
import { countWorkdaysUnchecked, estimatedYearsBetween, stepBackDays, stepWorkdays, yearSource } from './calendar';
import {
  CLOSING_SOON_WORKDAYS,
  DEFAULT_LOCALITY_BUFFER_WORKDAYS,
  DeadlineOptions,
  permitNumbers,
  RENEWAL_WINDOW_WORKDAYS,
  REVIEW_RESERVE_WORKDAYS,
  REVIEW_WORKDAYS,
  type PermitNumbers,
} from './deadlines';
import { lastWorkdayOfQuarter, quarterOf, suggestedFilingDate } from './quarters';
import { addDays, fromDayNumber, toDayNumber } from './dates';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './validity';
import { BUSINESS_LABELS } from './texts';
import { ADVICE } from './rule';
import { parseInput } from './validate';

// ───────────────────────────── Input shapes ─────────────────────────────

/** The fields of an employee the deadlines read. */
export interface DeadlineHolder {
  readonly id: string;
  readonly name: string;
  readonly holderStatus: HolderStatus;
  readonly permitValidUntil?: IsoDate;
}
/** The fields of a case the deadlines read. */
export interface DeadlineCase {
  readonly id: string;
  readonly employeeId?: string;
  readonly business: BusinessType;
  readonly status: CaseStatus;
  readonly submittedOn?: IsoDate;
  readonly acceptedOn?: IsoDate;
  readonly createdAt: string;
}
/** The fields of a document the deadlines read. */
export interface DeadlineDocument {
  readonly id: string;
  readonly employeeId?: string;
  readonly caseId?: string;
  readonly kind: DocumentKind;
  readonly label?: string;
  readonly validUntil?: IsoDate;
  /** The first day the document no longer meets §五 (see rules/validity.ts). */
  readonly fallsBelowRuleOn?: IsoDate;
}
/** Everything the computations read (a snapshot of the database). */
export interface DeadlineSnapshot<E extends DeadlineHolder = DeadlineHolder, C extends DeadlineCase = DeadlineCase, D extends DeadlineDocument = DeadlineDocument> {
  readonly employees: readonly E[];
  readonly cases: readonly C[];
  /** Documents whose `fallsBelowRuleOn` lies in the window the caller loaded. */
  readonly documents: readonly D[];
}

const bufferOf = (options: DeadlineOptions | undefined): number =>
  parseInput(DeadlineOptions, options ?? {}).localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS;

/** Code-point order of two ASCII keys (dates, kinds, ids): fast and the same on every host, unlike localeCompare. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ───────────────────────────── One permit ─────────────────────────────

/** Renewal (holder) or employer change (suspended holder) of one permit, as rules' deadlineStatus says. */
export type PermitDeadline = PermitNumbers;

/** Unchecked core of {@link permitDeadline}: the numbers of deadlineStatus without its texts. */
const permitDeadlineUnchecked = permitNumbers;

/** Input of {@link permitDeadline}. */
export const PermitDeadlineInput = z.object({
  expiry: IsoDate,
  today: IsoDate,
  business: z.enum(['renewal', 'employer-change']),
});

/**
 * The state of a renewal or employer change on `today` — the same states, days, counts and approximate years
 * as rules/deadlines.ts `deadlineStatus(expiry, today, business, options)`, without the texts.
 */
export function permitDeadline(expiry: IsoDate, today: IsoDate, business: 'renewal' | 'employer-change', options?: DeadlineOptions): PermitDeadline {
  parseInput(PermitDeadlineInput, { expiry, today, business });
  return permitDeadlineUnchecked(expiry, today, business, bufferOf(options));
}

// ───────────────────────────── Shared helpers ─────────────────────────────

/** Cases grouped by employee, newest first (by createdAt, then id). */
export function casesByEmployee<C extends DeadlineCase>(cases: readonly C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of cases) {
    if (!c.employeeId) continue;
    const list = out.get(c.employeeId);
    if (list) list.push(c);
    else out.set(c.employeeId, [c]);
  }
  for (const list of out.values()) list.sort((a, b) => cmp(b.createdAt, a.createdAt) || cmp(b.id, a.id));
  return out;
}

/** Cases already in the pipeline (submitted to the locality or beyond). */
const FILED: ReadonlySet<CaseStatus> = new Set(['locality-review', 'district-review', 'approved']);
/** Cases whose documents no longer matter for an upload (§五 is judged when a document is provided). */
const DOCUMENTS_SETTLED: ReadonlySet<CaseStatus> = new Set(['locality-review', 'district-review', 'approved', 'voided']);

/**
 * True when the employee already filed `business` in the current window: a case of that business, not voided
 * or returned, submitted on or after `since` (or in review without a submission date).
 */
function alreadyFiled(cases: readonly DeadlineCase[] | undefined, business: BusinessType, since: string | undefined): boolean {
  return (cases ?? []).some(
    (c) => c.business === business && FILED.has(c.status) && (!since || !c.submittedOn || c.submittedOn >= since),
  );
}

/**
 * The earliest day the current window can have opened, for "already filed in this window": the estimate (holidays
 * off) never puts the opening later than the real one, so a case filed on or after it is counted as filed
 * (the conservative 'opening' count would miss a case filed between the real and the estimated opening).
 */
const filedSince = (expiry: string): string => fromDayNumber(stepBackDays(toDayNumber(expiry), RENEWAL_WINDOW_WORKDAYS));

/**
 * Which business a holder's permit is timed for: the one the agent opened for them (their latest case that
 * is still open and is a renewal or an employer change), else the one their status implies (holder →
 * renewal, 挂起 → employer change). The case decides, so that an employer change is never called a renewal
 * in the table, CSV, ICS or reminders because the status was not updated (issue #18).
 */
function timedBusiness(h: DeadlineHolder, cases: readonly DeadlineCase[]): 'renewal' | 'employer-change' | undefined {
  if (!h.permitValidUntil || (h.holderStatus !== 'holder' && h.holderStatus !== 'suspended')) return undefined;
  let latest: DeadlineCase | undefined;
  for (const c of cases) {
    if ((c.business === 'renewal' || c.business === 'employer-change') && c.status !== 'voided' && c.status !== 'approved' && (!latest || c.createdAt > latest.createdAt)) latest = c;
  }
  if (latest) return latest.business as 'renewal' | 'employer-change';
  return h.holderStatus === 'holder' ? 'renewal' : 'employer-change';
}

const contractKind = (k: DocumentKind): boolean => k.endsWith('contract');

// ───────────────────────────── Events (calendar, agenda, ICS) ─────────────────────────────

export const EventKind = z.enum([
  'renewal-opens',
  /** The recommended latest day (the id predates the two named days; kept because ICS UIDs and reminder keys use it). */
  'renewal-last-safe-day',
  'renewal-guide-latest-day',
  /** The recommended latest day of an employer change (id kept, as above). */
  'employer-change-last-safe-day',
  'employer-change-guide-latest-day',
  'permit-expires',
  'review-completes',
  'document-falls-below',
  'quarter-filing-suggested',
  'quarter-last-workday',
]);
export type EventKind = z.infer<typeof EventKind>;

/** The section each event kind rests on (助手建议 for the assistant's own days). */
export const EVENT_SECTIONS: Readonly<Record<EventKind, string>> = {
  'renewal-opens': '§六(三)',
  'renewal-last-safe-day': ADVICE,
  'renewal-guide-latest-day': '§提示 特别注意 4, §六(三)',
  'employer-change-last-safe-day': ADVICE,
  'employer-change-guide-latest-day': '§六(四), §提示 特别注意 4',
  'permit-expires': '§提示 特别注意 4, §六(三)',
  'review-completes': '§八',
  'document-falls-below': '§五',
  'quarter-filing-suggested': ADVICE,
  'quarter-last-workday': '§一(一), §四(二) 1',
};

export const EVENT_LABELS: Readonly<Record<EventKind, Bilingual>> = {
  'renewal-opens': { zh: '续签申请期开始', en: 'Renewal window opens' },
  'renewal-last-safe-day': { zh: '续签建议最晚发起日', en: 'Recommended latest day to file the renewal' },
  'renewal-guide-latest-day': { zh: '续签指南所列最晚发起日', en: "The guide's latest day to file the renewal" },
  'employer-change-last-safe-day': { zh: '聘用单位变更建议最晚发起日', en: 'Recommended latest day to file the employer change' },
  'employer-change-guide-latest-day': { zh: '聘用单位变更指南所列最晚发起日', en: "The guide's latest day to file the employer change" },
  'permit-expires': { zh: '证件有效期截止', en: 'Permit expires' },
  'review-completes': { zh: '预计审核完成', en: 'Review expected to be complete' },
  'document-falls-below': { zh: '材料有效期不再满足要求', en: 'Document falls below its validity rule' },
  'quarter-filing-suggested': { zh: '季度新办建议报送日', en: 'Suggested quarterly filing day' },
  'quarter-last-workday': { zh: '季度末个工作日', en: "Quarter's last working day" },
};

/** One dated event of the case book. */
export interface CaseBookEvent {
  /** Stable across runs: kind + subject + date (used as the ICS UID and the reminder key). */
  readonly key: string;
  readonly kind: EventKind;
  readonly date: IsoDate;
  readonly approximate: boolean;
  readonly employeeId?: string;
  readonly employeeName?: string;
  readonly caseId?: string;
  readonly documentId?: string;
  /** e.g. the quarter label, the document kind, the business. */
  readonly detail: Bilingual;
  readonly section: string;
}

/** The one-line title of an event, e.g. 「张伟：续签建议最晚发起日（有效期至 2027-06-30）」. */
export function eventTitle(e: Pick<CaseBookEvent, 'kind' | 'employeeName' | 'detail'>): Bilingual {
  const label = EVENT_LABELS[e.kind];
  const who = e.employeeName ? `${e.employeeName}：` : '';
  const whoEn = e.employeeName ? `${e.employeeName}: ` : '';
  const det = e.detail.zh ? `（${e.detail.zh}）` : '';
  const detEn = e.detail.en ? ` (${e.detail.en})` : '';
  return { zh: `${who}${label.zh}${det}`, en: `${whoEn}${label.en}${detEn}` };
}

/**
 * Every event dated within [from, to] (inclusive), soonest first: the renewal windows and both latest days of
 * holders, the same two days of suspended (挂起) holders' employer changes, expiries, expected review
 * completions, documents falling below §五 (from the snapshot's document window), and each quarter's suggested
 * filing day and last working day. Renewal and employer-change events are left out once that business was filed.
 */
export function deadlineEvents(s: DeadlineSnapshot, range: { from: IsoDate; to: IsoDate }, options?: DeadlineOptions): CaseBookEvent[] {
  const buffer = bufferOf(options);
  const { from, to } = range;
  const inRange = (d: string) => d >= from && d <= to;
  const out: CaseBookEvent[] = [];
  const byEmployee = casesByEmployee(s.cases);
  const names = new Map(s.employees.map((e) => [e.id, e.name]));
  const push = (e: CaseBookEvent) => void (inRange(e.date) && out.push(e));

  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  for (const e of s.employees) {
    const business = timedBusiness(e, byEmployee.get(e.id) ?? []);
    if (!business) continue;
    const expiry = e.permitValidUntil!;
    const end = toDayNumber(expiry);
    // Every event of this permit lies in [expiry − ~100 days, expiry]: skip permits far from the range.
    if (end < fromDay || end - 200 > toDay) continue;
    const cases = byEmployee.get(e.id);
    let detail: Bilingual | undefined;
    // Objects are built only for the days inside the range (the scan touches thousands of permits).
    const add = (kind: EventKind, n: number, date?: string) => {
      if (n < fromDay || n > toDay) return;
      detail ??= { zh: `有效期至 ${expiry}`, en: `valid until ${expiry}` };
      // A day computed backwards from expiry is approximate when an estimated year lies in [day, expiry]
      // (the expiry day itself for the expiry event).
      const approximate = kind === 'permit-expires' ? yearSource(Number(expiry.slice(0, 4))) === 'estimated' : estimatedYearsBetween(n, end).length > 0;
      const d = date ?? fromDayNumber(n);
      out.push({ key: `${kind}:${e.id}:${expiry}`, kind, date: d, approximate, employeeId: e.id, employeeName: e.name, detail, section: EVENT_SECTIONS[kind] });
    };
    add('permit-expires', end, expiry);
    if (business === 'renewal') {
      if (alreadyFiled(cases, 'renewal', filedSince(expiry))) continue;
      add('renewal-opens', stepBackDays(end, RENEWAL_WINDOW_WORKDAYS, 'opening'));
      add('renewal-last-safe-day', stepBackDays(end, buffer + REVIEW_WORKDAYS + 1));
      add('renewal-guide-latest-day', stepBackDays(end, REVIEW_RESERVE_WORKDAYS));
    } else {
      if (alreadyFiled(cases, 'employer-change', undefined)) continue;
      add('employer-change-last-safe-day', stepBackDays(end, buffer + REVIEW_WORKDAYS + 1));
      add('employer-change-guide-latest-day', stepBackDays(end, REVIEW_RESERVE_WORKDAYS));
    }
  }

  for (const c of s.cases) {
    if (c.status !== 'district-review' || !c.acceptedOn) continue;
    const due = stepWorkdays(c.acceptedOn, REVIEW_WORKDAYS);
    push({
      key: `review-completes:${c.id}:${c.acceptedOn}`,
      kind: 'review-completes',
      date: due.date,
      approximate: due.approximate,
      ...(c.employeeId ? { employeeId: c.employeeId, employeeName: names.get(c.employeeId) } : {}),
      caseId: c.id,
      detail: BUSINESS_LABELS[c.business],
      section: EVENT_SECTIONS['review-completes'],
    });
  }

  const caseStatus = new Map(s.cases.map((c) => [c.id, c.status]));
  for (const d of s.documents) {
    if (!d.fallsBelowRuleOn) continue;
    const st = d.caseId ? caseStatus.get(d.caseId) : undefined;
    if (st && DOCUMENTS_SETTLED.has(st)) continue;
    const kind = DOCUMENT_KIND_LABELS[d.kind];
    push({
      key: `document-falls-below:${d.id}:${d.fallsBelowRuleOn}`,
      kind: 'document-falls-below',
      date: d.fallsBelowRuleOn,
      approximate: false,
      ...(d.employeeId ? { employeeId: d.employeeId, employeeName: names.get(d.employeeId) } : {}),
      ...(d.caseId ? { caseId: d.caseId } : {}),
      documentId: d.id,
      detail: d.label ? { zh: `${kind.zh}·${d.label}`, en: `${kind.en} · ${d.label}` } : kind,
      section: EVENT_SECTIONS['document-falls-below'],
    });
  }

  // Quarters overlapping the range: the suggested filing day (rules/quarters.ts) and the last working day.
  for (let q = quarterOf(from); q.start <= to; q = quarterOf(addDays(q.end, 1))) {
    const suggestion = suggestedFilingDate(q.start);
    const lastWd = lastWorkdayOfQuarter(q.start);
    const detail = { zh: q.label, en: q.label };
    push({ key: `quarter-filing-suggested:${q.label}`, kind: 'quarter-filing-suggested', date: suggestion.suggested, approximate: suggestion.approximate, detail, section: EVENT_SECTIONS['quarter-filing-suggested'] });
    push({ key: `quarter-last-workday:${q.label}`, kind: 'quarter-last-workday', date: lastWd.date, approximate: lastWd.approximate, detail, section: EVENT_SECTIONS['quarter-last-workday'] });
  }
  return out.sort((a, b) => cmp(a.date, b.date) || cmp(a.kind, b.kind) || cmp(a.key, b.key));
}

// ───────────────────────────── Case book rows ─────────────────────────────

/** The next thing due for an employee. */
export interface NextDeadline {
  readonly kind: EventKind;
  readonly date: IsoDate;
  /** Working days in [today, date); negative (minus the working days late) once past. */
  readonly workdaysLeft: number;
  readonly approximate: boolean;
  readonly caseId?: string;
  readonly documentId?: string;
}

/** One row of the case book: an employee with their latest case and what is due. */
export interface CaseBookRow<E extends DeadlineHolder = DeadlineHolder, C extends DeadlineCase = DeadlineCase> {
  readonly id: string;
  readonly employee: E;
  readonly latestCase?: C;
  readonly caseCount: number;
  readonly permit?: PermitDeadline;
  readonly next?: NextDeadline;
  /** Documents of open cases (or of no case) that fall below §五 within the loaded window or already have. */
  readonly documentsDue: number;
}

function signedWorkdays(today: string, date: string): number {
  return date >= today ? countWorkdaysUnchecked(today, date).count : -countWorkdaysUnchecked(date, today).count;
}

/**
 * One row per employee (every employee, in the snapshot's order): the latest case, the renewal or employer
 * change state (holders and suspended holders with an expiry), and the next deadline among the permit's
 * (opening, recommended latest day, expiry once that day is missed), an expected review completion and the
 * documents' §五 dates.
 */
export function caseBookRows<E extends DeadlineHolder, C extends DeadlineCase>(
  s: DeadlineSnapshot<E, C>,
  today: IsoDate,
  options?: DeadlineOptions,
): CaseBookRow<E, C>[] {
  const buffer = bufferOf(options);
  const byEmployee = casesByEmployee(s.cases);
  const docsByEmployee = new Map<string, DeadlineDocument[]>();
  const caseStatus = new Map(s.cases.map((c) => [c.id, c.status]));
  for (const d of s.documents) {
    // A document already below its rule stays in the row (overdue, first in line): it is an alarm in the
    // reminders too (issue #18 item 3), and the row must not go quiet once the day has passed.
    if (!d.employeeId || !d.fallsBelowRuleOn) continue;
    const st = d.caseId ? caseStatus.get(d.caseId) : undefined;
    if (st && DOCUMENTS_SETTLED.has(st)) continue;
    const list = docsByEmployee.get(d.employeeId);
    if (list) list.push(d);
    else docsByEmployee.set(d.employeeId, [d]);
  }
  return s.employees.map((employee) => {
    const cases = byEmployee.get(employee.id) ?? [];
    const candidates: NextDeadline[] = [];
    let permit: PermitDeadline | undefined;
    const business = timedBusiness(employee, cases);
    if (business) {
      const expiry = employee.permitValidUntil!;
      permit = permitDeadlineUnchecked(expiry, today, business, buffer);
      const filed = alreadyFiled(cases, business, permit.opens ? filedSince(expiry) : undefined);
      if (!filed && permit.state !== 'expired') {
        const approximate = permit.approximate;
        if (permit.state === 'not-yet-open' && permit.opens) {
          candidates.push({ kind: 'renewal-opens', date: permit.opens, workdaysLeft: permit.workdaysToOpening ?? 0, approximate });
        } else if (permit.state === 'missed') {
          candidates.push({ kind: 'permit-expires', date: expiry, workdaysLeft: permit.workdaysToExpiry, approximate });
        } else {
          candidates.push({
            kind: business === 'renewal' ? 'renewal-last-safe-day' : 'employer-change-last-safe-day',
            date: permit.recommendedLatestDay,
            workdaysLeft: permit.workdaysToRecommendedLatestDay,
            approximate,
          });
        }
      }
    }
    for (const c of cases) {
      if (c.status !== 'district-review' || !c.acceptedOn) continue;
      const due = stepWorkdays(c.acceptedOn, REVIEW_WORKDAYS);
      candidates.push({ kind: 'review-completes', date: due.date, workdaysLeft: signedWorkdays(today, due.date), approximate: due.approximate, caseId: c.id });
    }
    const docs = docsByEmployee.get(employee.id) ?? [];
    for (const d of docs) {
      candidates.push({ kind: 'document-falls-below', date: d.fallsBelowRuleOn!, workdaysLeft: signedWorkdays(today, d.fallsBelowRuleOn!), approximate: false, documentId: d.id, ...(d.caseId ? { caseId: d.caseId } : {}) });
    }
    candidates.sort((a, b) => cmp(a.date, b.date) || cmp(a.kind, b.kind));
    return {
      id: employee.id,
      employee,
      ...(cases[0] ? { latestCase: cases[0] } : {}),
      caseCount: cases.length,
      ...(permit ? { permit } : {}),
      ...(candidates[0] ? { next: candidates[0] } : {}),
      documentsDue: docs.length,
    };
  });
}

/** Calendar days that hold 60 working days at most (see {@link latestExpiryDueBy}). */
const PERMIT_DEADLINE_SPAN_DAYS = 150;

/**
 * The latest permit expiry whose renewal or employer-change deadline can fall on or before `day`: every such
 * deadline (the opening, the recommended latest day, the expiry itself) lies between the opening — the 60th
 * working day before expiry (§六(三)) — and the expiry, and 60 working days never span more than 150 calendar
 * days (60 working days plus at most 26 weekend days per 12 weeks and one week-long official holiday; the
 * test checks every expiry from 2024 to 2031). A case book row whose next deadline is on or before `day` because
 * of the permit therefore has an expiry in [today, this day] (a deadline is never before today, never after expiry).
 */
export function latestExpiryDueBy(day: IsoDate): IsoDate {
  return addDays(day, PERMIT_DEADLINE_SPAN_DAYS);
}

// ───────────────────────────── Due reminders ─────────────────────────────

/**
 * How many working days ahead each reminder starts (issue #7 defaults): the renewal window's opening day
 * itself (0), 5 working days before the recommended latest day, 10 working days before a document falls
 * below its §五 rule.
 */
export const ReminderLeads = z.strictObject({
  windowOpens: z.number().int().min(0).max(120),
  lastSafeDay: z.number().int().min(0).max(60),
  documents: z.number().int().min(0).max(120),
});
export type ReminderLeads = z.infer<typeof ReminderLeads>;

export const DEFAULT_REMINDER_LEADS: ReminderLeads = { windowOpens: 0, lastSafeDay: CLOSING_SOON_WORKDAYS, documents: 10 };

export const ReminderKind = z.enum([
  'renewal-opens',
  'renewal-open',
  'renewal-last-safe-day',
  'renewal-missed',
  'employer-change-last-safe-day',
  'employer-change-missed',
  'document-falls-below',
  'review-completes',
]);
export type ReminderKind = z.infer<typeof ReminderKind>;

/** One reminder due on a day. */
export interface Reminder {
  /** Stable key: a notification is shown once per key. */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly urgency: 'info' | 'warning' | 'urgent';
  /** The date the reminder is about (opening day, recommended latest day, the day a document falls below…). */
  readonly date: IsoDate;
  /** Working days in [today, date); negative once past. */
  readonly workdaysLeft: number;
  readonly approximate: boolean;
  readonly employeeId?: string;
  readonly employeeName?: string;
  readonly caseId?: string;
  readonly documentId?: string;
  readonly title: Bilingual;
  readonly body: Bilingual;
  /** The guide section, or 助手建议 for the assistant's own days. */
  readonly section: string;
}

const approxNote = (approximate: boolean): Bilingual =>
  approximate ? { zh: '（≈ 估算：该年份尚无官方节假日安排）', en: ' (≈ estimate: no official holiday data for that year)' } : { zh: '', en: '' };

/**
 * The reminders due on `today`, most urgent first:
 * - renewal: from `leads.windowOpens` working days before the window opens (§六(三)), while open, from
 *   `leads.lastSafeDay` working days before the recommended latest day, and once that day is missed (the text
 *   names the guide's latest day too, §提示 特别注意 4);
 * - employer change of a suspended holder (§六(四)): from `leads.lastSafeDay` before its recommended latest day,
 *   and once missed;
 * - a document falling below §五 within `leads.documents` working days (not for cases already filed);
 * - a case in district review whose 20 working days (§八) are over: check the result in the portal (approvals
 *   are not notified, §四(二) 3).
 * Nothing for a business already filed in this window. The snapshot must hold the documents from `today` on.
 */
export function dueReminders(s: DeadlineSnapshot, today: IsoDate, leads: ReminderLeads, options?: DeadlineOptions): Reminder[] {
  const buffer = bufferOf(options);
  const out: Reminder[] = [];
  const byEmployee = casesByEmployee(s.cases);
  const names = new Map(s.employees.map((e) => [e.id, e.name]));

  for (const e of s.employees) {
    const business = timedBusiness(e, byEmployee.get(e.id) ?? []);
    if (!business) continue;
    const expiry = e.permitValidUntil!;
    const p = permitDeadlineUnchecked(expiry, today, business, buffer);
    if (p.state === 'expired' || alreadyFiled(byEmployee.get(e.id), business, p.opens ? filedSince(expiry) : undefined)) continue;
    const latest = byEmployee.get(e.id)?.[0];
    const base = { employeeId: e.id, employeeName: e.name, approximate: p.approximate, ...(latest ? { caseId: latest.id } : {}) };
    const note = approxNote(p.approximate);
    const n = e.name;
    const rec = p.recommendedLatestDay;
    const guide = p.guideLatestDay;
    const guideZh = p.pastGuideLatestDay ? `指南所列最晚发起日 ${guide} 也已过` : `指南所列最晚发起日为 ${guide}`;
    const guideEn = p.pastGuideLatestDay ? `the guide's latest day ${guide} has passed too` : `the guide's latest day is ${guide}`;
    if (business === 'renewal') {
      if (p.state === 'missed') {
        out.push({ ...base, key: `renewal-missed:${e.id}:${expiry}`, kind: 'renewal-missed', urgency: 'urgent', date: rec, workdaysLeft: -(p.workdaysLate ?? 0), section: p.pastGuideLatestDay ? EVENT_SECTIONS['renewal-guide-latest-day'] : ADVICE,
          title: { zh: `${n}：已过续签建议最晚发起日`, en: `${n}: recommended latest renewal day passed` },
          body: { zh: `建议最晚发起日 ${rec} 已过，${guideZh}；证件 ${expiry} 前不能核准通过的，证件即时失效，请立即申报${note.zh}`, en: `The recommended latest day ${rec} has passed and ${guideEn}; not approved before ${expiry}, the permit becomes void — file now${note.en}` } });
      } else if (p.workdaysToRecommendedLatestDay <= leads.lastSafeDay && p.state !== 'not-yet-open') {
        out.push({ ...base, key: `renewal-last-safe-day:${e.id}:${expiry}`, kind: 'renewal-last-safe-day', urgency: 'urgent', date: rec, workdaysLeft: p.workdaysToRecommendedLatestDay, section: ADVICE,
          title: { zh: `${n}：续签建议最晚发起日 ${rec}`, en: `${n}: recommended latest renewal day ${rec}` },
          body: { zh: `还有 ${p.workdaysToRecommendedLatestDay} 个工作日；${guideZh}；证件有效期至 ${expiry}${note.zh}`, en: `${p.workdaysToRecommendedLatestDay} working day(s) left; ${guideEn}; permit valid until ${expiry}${note.en}` } });
      } else if (p.state === 'open' || p.state === 'closing-soon') {
        out.push({ ...base, key: `renewal-open:${e.id}:${expiry}`, kind: 'renewal-open', urgency: 'warning', date: p.opens!, workdaysLeft: p.workdaysToRecommendedLatestDay, section: EVENT_SECTIONS['renewal-opens'],
          title: { zh: `${n}：续签申请期已开始`, en: `${n}: renewal window is open` },
          body: { zh: `自 ${p.opens} 起可申请续签，建议最晚 ${rec} 发起（还有 ${p.workdaysToRecommendedLatestDay} 个工作日）${note.zh}`, en: `Renewal possible since ${p.opens}; file by ${rec} as recommended (${p.workdaysToRecommendedLatestDay} working day(s))${note.en}` } });
      } else if (p.state === 'not-yet-open' && (p.workdaysToOpening ?? 0) <= leads.windowOpens) {
        out.push({ ...base, key: `renewal-opens:${e.id}:${expiry}`, kind: 'renewal-opens', urgency: 'info', date: p.opens!, workdaysLeft: p.workdaysToOpening ?? 0, section: EVENT_SECTIONS['renewal-opens'],
          title: { zh: `${n}：续签申请期 ${p.opens} 开始`, en: `${n}: renewal window opens ${p.opens}` },
          body: { zh: `还有 ${p.workdaysToOpening} 个工作日开始；建议最晚发起日 ${rec}${note.zh}`, en: `Opens in ${p.workdaysToOpening} working day(s); recommended latest day ${rec}${note.en}` } });
      }
    } else if (p.state === 'missed') {
      out.push({ ...base, key: `employer-change-missed:${e.id}:${expiry}`, kind: 'employer-change-missed', urgency: 'urgent', date: rec, workdaysLeft: -(p.workdaysLate ?? 0), section: p.pastGuideLatestDay ? EVENT_SECTIONS['employer-change-guide-latest-day'] : ADVICE,
        title: { zh: `${n}：已过聘用单位变更建议最晚发起日`, en: `${n}: recommended latest employer-change day passed` },
        body: { zh: `证件挂起中，有效期至 ${expiry}；建议最晚发起日 ${rec} 已过，${guideZh}，请立即办理${note.zh}`, en: `Permit suspended, valid until ${expiry}; the recommended latest day ${rec} has passed and ${guideEn} — file now${note.en}` } });
    } else if (p.workdaysToRecommendedLatestDay <= leads.lastSafeDay) {
      out.push({ ...base, key: `employer-change-last-safe-day:${e.id}:${expiry}`, kind: 'employer-change-last-safe-day', urgency: 'urgent', date: rec, workdaysLeft: p.workdaysToRecommendedLatestDay, section: ADVICE,
        title: { zh: `${n}：聘用单位变更建议最晚发起日 ${rec}`, en: `${n}: recommended latest employer-change day ${rec}` },
        body: { zh: `证件挂起中，还有 ${p.workdaysToRecommendedLatestDay} 个工作日；${guideZh}；有效期至 ${expiry}${note.zh}`, en: `Permit suspended; ${p.workdaysToRecommendedLatestDay} working day(s) left; ${guideEn}; valid until ${expiry}${note.en}` } });
    }
  }

  const caseStatus = new Map(s.cases.map((c) => [c.id, c.status]));
  for (const d of s.documents) {
    const due = d.fallsBelowRuleOn;
    if (!due) continue;
    const st = d.caseId ? caseStatus.get(d.caseId) : undefined;
    if (st && DOCUMENTS_SETTLED.has(st)) continue;
    const kind = DOCUMENT_KIND_LABELS[d.kind];
    const name = d.employeeId ? names.get(d.employeeId) : undefined;
    const who = name ? `${name}：` : '';
    const months = contractKind(d.kind) ? 6 : 3;
    if (due <= today) {
      // Already below its rule (§五): an alarm now, not a reminder whose day has passed (issue #18 item 3).
      out.push({
        key: `document-falls-below:${d.id}:${due}`,
        kind: 'document-falls-below',
        urgency: 'urgent',
        date: due,
        workdaysLeft: -countWorkdaysUnchecked(due, today).count,
        approximate: false,
        ...(d.employeeId ? { employeeId: d.employeeId, employeeName: name } : {}),
        ...(d.caseId ? { caseId: d.caseId } : {}),
        documentId: d.id,
        section: '§五',
        title: { zh: `${who}${kind.zh}有效期已不足`, en: `${name ? `${name}: ` : ''}${kind.en} no longer valid long enough` },
        body: {
          zh: `自 ${due} 起已不满足提供时 ${months} 个月有效期要求（有效期至 ${d.validUntil}）：请更换材料后再上传`,
          en: `Since ${due} it no longer has the ${months} months of validity required at upload (valid until ${d.validUntil}): replace it before uploading`,
        },
      });
      continue;
    }
    const left = countWorkdaysUnchecked(today, due).count;
    if (left > leads.documents) continue;
    out.push({
      key: `document-falls-below:${d.id}:${due}`,
      kind: 'document-falls-below',
      urgency: left <= 3 ? 'urgent' : 'warning',
      date: due,
      workdaysLeft: left,
      approximate: false,
      ...(d.employeeId ? { employeeId: d.employeeId, employeeName: name } : {}),
      ...(d.caseId ? { caseId: d.caseId } : {}),
      documentId: d.id,
      section: '§五',
      title: { zh: `${who}${kind.zh}有效期即将不足`, en: `${name ? `${name}: ` : ''}${kind.en} soon too short` },
      body: {
        zh: `自 ${due} 起不再满足提供时${contractKind(d.kind) ? ' 6' : ' 3'} 个月有效期要求（有效期至 ${d.validUntil}），还有 ${left} 个工作日`,
        en: `From ${due} it no longer has the ${contractKind(d.kind) ? 6 : 3} months of validity required at upload (valid until ${d.validUntil}); ${left} working day(s) left`,
      },
    });
  }

  for (const c of s.cases) {
    if (c.status !== 'district-review' || !c.acceptedOn) continue;
    const due = stepWorkdays(c.acceptedOn, REVIEW_WORKDAYS);
    if (today < due.date) continue;
    const name = c.employeeId ? names.get(c.employeeId) : undefined;
    const label = BUSINESS_LABELS[c.business];
    out.push({
      key: `review-completes:${c.id}:${c.acceptedOn}`,
      kind: 'review-completes',
      urgency: 'info',
      date: due.date,
      workdaysLeft: -countWorkdaysUnchecked(due.date, today).count,
      approximate: due.approximate,
      ...(c.employeeId ? { employeeId: c.employeeId, employeeName: name } : {}),
      caseId: c.id,
      section: '§八, §四(二) 3',
      title: { zh: `${name ? `${name}：` : ''}${label.zh}审核时限已到`, en: `${name ? `${name}: ` : ''}${label.en} review period over` },
      body: {
        zh: `${c.acceptedOn} 上报，20 个工作日于 ${due.date} 届满；核批通过的业务不另行通知，请登录系统查看`,
        en: `Reported ${c.acceptedOn}; the 20 working days ended ${due.date}. Approvals are not notified — check the portal`,
      },
    });
  }

  const rank = { urgent: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.urgency] - rank[b.urgency] || cmp(a.date, b.date) || cmp(a.key, b.key));
}

/** The calendar window of documents {@link dueReminders} needs for `leads` (working days → generous calendar days). */
export function documentWindow(today: IsoDate, leads: ReminderLeads): { documentsFrom: IsoDate; documentsTo: IsoDate } {
  // From the past too: a document already below its rule is an alarm until it is replaced (or its case settled).
  // Working days never outnumber calendar days; the longest holiday run (Spring Festival) adds ≤ 9 more per month.
  return { documentsFrom: addDays(today, -DOCUMENT_LOOKBACK_DAYS), documentsTo: addDays(today, Math.ceil(leads.documents * 1.6) + 21) };
}

/** How far back a document already below its rule still counts (it stays an alarm until replaced or its case settled). */
const DOCUMENT_LOOKBACK_DAYS = 3 * 366;

/**
 * The documents the case book reads: the same look-back as the reminders (so a row shows what the alarm
 * says), and 400 days ahead for the calendar and the rows' next deadlines.
 */
export function caseBookDocumentWindow(today: IsoDate): { documentsFrom: IsoDate; documentsTo: IsoDate } {
  return { documentsFrom: addDays(today, -DOCUMENT_LOOKBACK_DAYS), documentsTo: addDays(today, 400) };
}
