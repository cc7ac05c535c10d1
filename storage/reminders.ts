/**
 * What is due: the case book's rows, its calendar events and the daily reminders, computed from a snapshot
 * of the repositories with the rules of rules/deadlines.ts, rules/quarters.ts and §五's validity rule.
 * Everything here is pure except {@link loadSnapshot}, the one read of the database.
 *
 * Speed: rules/deadlines.ts `deadlineStatus` walks the calendar day by day (≈ 0.7 ms a call; 5,000 holders
 * take 3.6 s). {@link WorkdayIndex} answers the same questions from a prefix sum of working days built once
 * per render, and falls back to rules/ outside its span; a unit test checks that both always agree
 * (tests/unit/storage/reminders.test.ts), including years without official holiday data.
 */
import { z } from 'zod';
import type { Bilingual, BusinessType, IsoDate } from '../rules/model';
import { countWorkdaysUnchecked, hasOfficialData, isWorkday, stepWorkdays } from '../rules/calendar';
import {
  CLOSING_SOON_WORKDAYS,
  RENEWAL_WINDOW_WORKDAYS,
  REVIEW_RESERVE_WORKDAYS,
  REVIEW_WORKDAYS,
  type DeadlineState,
} from '../rules/deadlines';
import { lastWorkdayOfQuarter, quarterOf, suggestedFilingDate } from '../rules/quarters';
import { addDays, fromDayNumber, toDayNumber } from '../rules/dates';
import { DOCUMENT_KIND_LABELS } from '../rules/validity';
import { BUSINESS_LABELS } from '../rules/texts';
import type { Case, CompanyProfile, DocumentRecord, Employee } from './schemas';
import type { Repos } from './repos';
import { readOp } from './repos/context';

// ───────────────────────────── Reminder lead times ─────────────────────────────

/** The lead times are a setting (storage/schemas.ts, kept in the settings row and in backups). */
export { ReminderLeads, DEFAULT_REMINDER_LEADS } from './schemas';
import type { ReminderLeads } from './schemas';

// ───────────────────────────── Working-day index ─────────────────────────────

/** Years in [from, to) that have no official holiday data (those answers are approximate). */
function approxYearsIn(from: string, to: string): number[] {
  if (from >= to) return [];
  const last = fromDayNumber(toDayNumber(to) - 1);
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(last.slice(0, 4)); y += 1) if (!hasOfficialData(y)) out.push(y);
  return out;
}

/** A working-day answer with the years it had to guess (see rules/calendar.ts `approximate`). */
export interface WorkdayAnswer {
  readonly date: IsoDate;
  readonly approximateYears: readonly number[];
}

/**
 * Constant-time working-day arithmetic over a span of days, built once from rules/calendar.ts `isWorkday`.
 * Same counting as rules/: `count(a, b)` = working days in [a, b); `before(e, n)` = the latest working day
 * d with n working days in [d, e) (rules' `workdaysBefore`); `after(d, n)` = the n-th working day after d.
 */
export class WorkdayIndex {
  readonly first: IsoDate;
  readonly last: IsoDate;
  private readonly start: number;
  /** prefix[i] = working days in [start, start + i). */
  private readonly prefix: Int32Array;
  private readonly memo = new Map<string, WorkdayAnswer>();

  /** Covers `from` … `to` (inclusive); default: 6 years back and 12 ahead of `around`. */
  constructor(around: IsoDate, span: { back?: number; ahead?: number } = {}) {
    this.first = addDays(around, -(span.back ?? 366 * 6));
    this.last = addDays(around, span.ahead ?? 366 * 12);
    this.start = toDayNumber(this.first);
    const n = toDayNumber(this.last) - this.start + 1;
    this.prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i += 1) this.prefix[i + 1] = this.prefix[i] + (isWorkday(fromDayNumber(this.start + i)).workday ? 1 : 0);
  }

  private at(iso: string): number | undefined {
    const i = toDayNumber(iso) - this.start;
    return i >= 0 && i < this.prefix.length ? i : undefined;
  }

  /** Working days in [from, to); negative when `to` is earlier (as rules' countWorkdays). */
  count(from: string, to: string): number {
    const a = this.at(from);
    const b = this.at(to);
    if (a === undefined || b === undefined) return countWorkdaysUnchecked(from, to).count;
    return this.prefix[b] - this.prefix[a];
  }

  /** Working days in [from, to) with the years guessed, as rules' countWorkdays. */
  countAnswer(from: string, to: string): { count: number; approximateYears: number[] } {
    const count = this.count(from, to);
    return { count, approximateYears: from <= to ? approxYearsIn(from, to) : approxYearsIn(to, from) };
  }

  /** The latest working day d with `n` working days in [d, date) (n ≥ 1); rules' workdaysBefore. */
  before(date: string, n: number): WorkdayAnswer {
    const key = `b${date}:${n}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const e = this.at(date);
    let answer: WorkdayAnswer;
    const target = e === undefined ? -1 : this.prefix[e] - n;
    if (e === undefined || target < 0) {
      const r = stepWorkdays(date, -n);
      answer = { date: r.date, approximateYears: r.approximateYears };
    } else {
      // The smallest i with prefix[i] > target: day i − 1 is the working day that brings the count to target + 1.
      let lo = 0;
      let hi = e;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.prefix[mid] > target) hi = mid;
        else lo = mid + 1;
      }
      const d = fromDayNumber(this.start + lo - 1);
      answer = { date: d, approximateYears: approxYearsIn(d, date) };
    }
    this.memo.set(key, answer);
    return answer;
  }

  /** The n-th working day after `date` (n ≥ 1), `date` itself not counted; rules' addWorkdays(date, n). */
  after(date: string, n: number): WorkdayAnswer {
    const s = this.at(addDays(date, 1));
    const target = s === undefined ? -1 : this.prefix[s] + n;
    if (s === undefined || target > this.prefix[this.prefix.length - 1]) {
      const r = stepWorkdays(date, n);
      return { date: r.date, approximateYears: r.approximateYears };
    }
    let lo = s;
    let hi = this.prefix.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prefix[mid] >= target) hi = mid;
      else lo = mid + 1;
    }
    const d = fromDayNumber(this.start + lo - 1);
    return { date: d, approximateYears: approxYearsIn(addDays(date, 1), addDays(d, 1)) };
  }
}

// ───────────────────────────── Permit deadlines ─────────────────────────────

/** Renewal (holder) or employer change (suspended holder) of one permit, as rules' deadlineStatus says. */
export interface PermitDeadline {
  readonly business: 'renewal' | 'employer-change';
  readonly state: DeadlineState;
  readonly expiry: IsoDate;
  /** Renewal only: 60th working day before expiry (§六(三)). */
  readonly opens?: IsoDate;
  /** 20th working day before expiry (§提示 4, §六(三), §六(四)). */
  readonly lastSafeDay: IsoDate;
  readonly workdaysToOpening?: number;
  readonly workdaysToLastSafeDay: number;
  readonly workdaysToExpiry: number;
  readonly workdaysLate?: number;
  readonly approximate: boolean;
  readonly approximateYears: readonly number[];
}

const mergeYears = (...lists: ReadonlyArray<readonly number[]>): number[] => [...new Set(lists.flat())].sort((a, b) => a - b);

/**
 * The state of a renewal or employer change on `today` — the same answer as rules/deadlines.ts
 * `deadlineStatus(expiry, today, business)` (states, working-day counts, approximate years), in constant time.
 */
export function permitDeadline(expiry: IsoDate, today: IsoDate, business: 'renewal' | 'employer-change', idx: WorkdayIndex): PermitDeadline {
  const isRenewal = business === 'renewal';
  const opens = idx.before(expiry, RENEWAL_WINDOW_WORKDAYS);
  const last = idx.before(expiry, REVIEW_RESERVE_WORKDAYS);
  const left = (boundary: string) => (today >= boundary ? { count: 0, approximateYears: [] as number[] } : idx.countAnswer(today, boundary));
  const toOpening = left(opens.date);
  const toLast = left(last.date);
  const toExpiry = left(expiry);
  let state: DeadlineState;
  let late: { count: number; approximateYears: number[] } | undefined;
  if (today > expiry) state = 'expired';
  else if (today > last.date) {
    state = 'missed';
    late = idx.countAnswer(last.date, today);
  } else if (isRenewal && today < opens.date) state = 'not-yet-open';
  else state = toLast.count <= CLOSING_SOON_WORKDAYS ? 'closing-soon' : 'open';
  const years = mergeYears(
    toLast.approximateYears,
    toExpiry.approximateYears,
    last.approximateYears,
    ...(isRenewal ? [opens.approximateYears, toOpening.approximateYears] : []),
    late?.approximateYears ?? [],
  );
  return {
    business,
    state,
    expiry,
    ...(isRenewal ? { opens: opens.date, workdaysToOpening: toOpening.count } : {}),
    lastSafeDay: last.date,
    workdaysToLastSafeDay: toLast.count,
    workdaysToExpiry: toExpiry.count,
    ...(late ? { workdaysLate: late.count } : {}),
    approximate: years.length > 0,
    approximateYears: years,
  };
}

// ───────────────────────────── Snapshot ─────────────────────────────

/** What the computations read: every employee and case, documents falling below in a window, the company. */
export interface Snapshot {
  readonly employees: readonly Employee[];
  readonly cases: readonly Case[];
  /** Documents whose `fallsBelowRuleOn` lies in the loaded window. */
  readonly documents: readonly DocumentRecord[];
  readonly company?: CompanyProfile;
}

export interface SnapshotOptions {
  /** Documents with fallsBelowRuleOn in [documentsFrom, documentsTo]; default: none. */
  documentsFrom?: IsoDate;
  documentsTo?: IsoDate;
}

/**
 * Reads one consistent snapshot (a read transaction) for the case book and the reminder check. Within
 * `useLiveQuery` the case book re-renders whenever any of these tables changes. Rows ≤ the backup limits
 * (5,000 employees, 20,000 cases), so reading them whole is cheaper than paging through `employees.list`.
 */
export async function loadSnapshot(repos: Repos, options: SnapshotOptions = {}): Promise<Snapshot> {
  const { db } = repos;
  return readOp(() =>
    db.transaction('r', [db.employees, db.cases, db.documents, db.company], async () => {
      const [employees, cases, documents, company] = await Promise.all([
        db.employees.toArray(),
        db.cases.toArray(),
        options.documentsFrom && options.documentsTo
          ? db.documents.where('fallsBelowRuleOn').between(options.documentsFrom, options.documentsTo, true, true).toArray()
          : Promise.resolve([] as DocumentRecord[]),
        db.company.get('company'),
      ]);
      return { employees, cases, documents, ...(company ? { company } : {}) };
    }),
  );
}

/** Cases grouped by employee, newest first (by createdAt, then id). */
export function casesByEmployee(cases: readonly Case[]): Map<string, Case[]> {
  const out = new Map<string, Case[]>();
  for (const c of cases) {
    if (!c.employeeId) continue;
    const list = out.get(c.employeeId);
    if (list) list.push(c);
    else out.set(c.employeeId, [c]);
  }
  for (const list of out.values()) list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return out;
}

/** Cases already in the pipeline (submitted to the locality or beyond). */
const FILED: ReadonlySet<Case['status']> = new Set(['locality-review', 'district-review', 'approved']);
/** Cases whose documents no longer matter for an upload (§五 is judged when a document is provided). */
const DOCUMENTS_SETTLED: ReadonlySet<Case['status']> = new Set(['locality-review', 'district-review', 'approved', 'voided']);

/**
 * True when the employee already filed `business` in the current window: a case of that business, not voided
 * or returned, submitted on or after `since` (or in review without a submission date).
 */
function alreadyFiled(cases: readonly Case[] | undefined, business: BusinessType, since: string | undefined): boolean {
  return (cases ?? []).some(
    (c) => c.business === business && FILED.has(c.status) && (!since || !c.submittedOn || c.submittedOn >= since),
  );
}

// ───────────────────────────── Events (calendar, agenda, ICS) ─────────────────────────────

export const EventKind = z.enum([
  'renewal-opens',
  'renewal-last-safe-day',
  'employer-change-last-safe-day',
  'permit-expires',
  'review-completes',
  'document-falls-below',
  'quarter-filing-suggested',
  'quarter-last-workday',
]);
export type EventKind = z.infer<typeof EventKind>;

/** Guide section each event kind rests on. */
export const EVENT_SECTIONS: Readonly<Record<EventKind, string>> = {
  'renewal-opens': '§六(三)',
  'renewal-last-safe-day': '§提示 4, §六(三)',
  'employer-change-last-safe-day': '§六(四), §提示 4',
  'permit-expires': '§六(三)',
  'review-completes': '§八',
  'document-falls-below': '§五',
  'quarter-filing-suggested': '§一(一), §四(二) 1',
  'quarter-last-workday': '§一(一), §四(二) 1',
};

export const EVENT_LABELS: Readonly<Record<EventKind, Bilingual>> = {
  'renewal-opens': { zh: '续签申请期开始', en: 'Renewal window opens' },
  'renewal-last-safe-day': { zh: '续签最后安全申报日', en: 'Last safe day to file the renewal' },
  'employer-change-last-safe-day': { zh: '聘用单位变更最后安全申报日', en: 'Last safe day to file the employer change' },
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

/** The one-line title of an event, e.g. 「张伟：续签最后安全申报日（有效期至 2027-06-30）」. */
export function eventTitle(e: Pick<CaseBookEvent, 'kind' | 'employeeName' | 'detail'>): Bilingual {
  const label = EVENT_LABELS[e.kind];
  const who = e.employeeName ? `${e.employeeName}：` : '';
  const whoEn = e.employeeName ? `${e.employeeName}: ` : '';
  const det = e.detail.zh ? `（${e.detail.zh}）` : '';
  const detEn = e.detail.en ? ` (${e.detail.en})` : '';
  return { zh: `${who}${label.zh}${det}`, en: `${whoEn}${label.en}${detEn}` };
}

/**
 * Every event dated within [from, to] (inclusive), soonest first: the renewal windows and last safe days of
 * holders, the employer-change deadlines of suspended (挂起) holders, expiries, expected review completions,
 * documents falling below §五 (from the snapshot's document window), and each quarter's suggested filing day
 * and last working day. Renewal and employer-change events are left out once that business was filed.
 */
export function deadlineEvents(s: Snapshot, range: { from: IsoDate; to: IsoDate }, idx: WorkdayIndex): CaseBookEvent[] {
  const { from, to } = range;
  const inRange = (d: string) => d >= from && d <= to;
  const out: CaseBookEvent[] = [];
  const byEmployee = casesByEmployee(s.cases);
  const names = new Map(s.employees.map((e) => [e.id, e.name]));
  const push = (e: CaseBookEvent) => void (inRange(e.date) && out.push(e));

  for (const e of s.employees) {
    const expiry = e.permitValidUntil;
    if (!expiry || (e.holderStatus !== 'holder' && e.holderStatus !== 'suspended')) continue;
    const cases = byEmployee.get(e.id);
    const base = { employeeId: e.id, employeeName: e.name, detail: { zh: `有效期至 ${expiry}`, en: `valid until ${expiry}` } };
    const expApprox = !hasOfficialData(Number(expiry.slice(0, 4)));
    push({ ...base, key: `permit-expires:${e.id}:${expiry}`, kind: 'permit-expires', date: expiry, approximate: expApprox, section: EVENT_SECTIONS['permit-expires'] });
    if (e.holderStatus === 'holder') {
      const opens = idx.before(expiry, RENEWAL_WINDOW_WORKDAYS);
      if (alreadyFiled(cases, 'renewal', opens.date)) continue;
      const last = idx.before(expiry, REVIEW_RESERVE_WORKDAYS);
      push({ ...base, key: `renewal-opens:${e.id}:${expiry}`, kind: 'renewal-opens', date: opens.date, approximate: opens.approximateYears.length > 0, section: EVENT_SECTIONS['renewal-opens'] });
      push({ ...base, key: `renewal-last-safe-day:${e.id}:${expiry}`, kind: 'renewal-last-safe-day', date: last.date, approximate: last.approximateYears.length > 0, section: EVENT_SECTIONS['renewal-last-safe-day'] });
    } else {
      const last = idx.before(expiry, REVIEW_RESERVE_WORKDAYS);
      if (alreadyFiled(cases, 'employer-change', undefined)) continue;
      push({ ...base, key: `employer-change-last-safe-day:${e.id}:${expiry}`, kind: 'employer-change-last-safe-day', date: last.date, approximate: last.approximateYears.length > 0, section: EVENT_SECTIONS['employer-change-last-safe-day'] });
    }
  }

  for (const c of s.cases) {
    if (c.status !== 'district-review' || !c.acceptedOn) continue;
    const due = idx.after(c.acceptedOn, REVIEW_WORKDAYS);
    push({
      key: `review-completes:${c.id}:${c.acceptedOn}`,
      kind: 'review-completes',
      date: due.date,
      approximate: due.approximateYears.length > 0,
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
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
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
export interface CaseBookRow {
  readonly id: string;
  readonly employee: Employee;
  readonly latestCase?: Case;
  readonly caseCount: number;
  readonly permit?: PermitDeadline;
  readonly next?: NextDeadline;
  /** Documents falling below §五 within the loaded window (already-below ones excluded). */
  readonly documentsDue: number;
}

function signedWorkdays(today: string, date: string, idx: WorkdayIndex): number {
  return date >= today ? idx.count(today, date) : -idx.count(date, today);
}

/**
 * One row per employee (every employee, in the snapshot's order): the latest case, the renewal or employer
 * change state (holders and suspended holders with an expiry), and the next deadline among the permit's
 * (opening, last safe day, expiry), an expected review completion and the documents' §五 dates.
 */
export function caseBookRows(s: Snapshot, today: IsoDate, idx: WorkdayIndex): CaseBookRow[] {
  const byEmployee = casesByEmployee(s.cases);
  const docsByEmployee = new Map<string, DocumentRecord[]>();
  const caseStatus = new Map(s.cases.map((c) => [c.id, c.status]));
  for (const d of s.documents) {
    if (!d.employeeId || !d.fallsBelowRuleOn || d.fallsBelowRuleOn < today) continue;
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
    const expiry = employee.permitValidUntil;
    if (expiry && (employee.holderStatus === 'holder' || employee.holderStatus === 'suspended')) {
      const business = employee.holderStatus === 'holder' ? 'renewal' : 'employer-change';
      permit = permitDeadline(expiry, today, business, idx);
      const filed = alreadyFiled(cases, business, permit.opens);
      if (!filed && permit.state !== 'expired') {
        const approximate = permit.approximate;
        if (permit.state === 'not-yet-open' && permit.opens) {
          candidates.push({ kind: 'renewal-opens', date: permit.opens, workdaysLeft: permit.workdaysToOpening ?? 0, approximate });
        } else if (permit.state === 'missed') {
          candidates.push({ kind: 'permit-expires', date: expiry, workdaysLeft: permit.workdaysToExpiry, approximate });
        } else {
          candidates.push({
            kind: business === 'renewal' ? 'renewal-last-safe-day' : 'employer-change-last-safe-day',
            date: permit.lastSafeDay,
            workdaysLeft: permit.workdaysToLastSafeDay,
            approximate,
          });
        }
      }
    }
    for (const c of cases) {
      if (c.status !== 'district-review' || !c.acceptedOn) continue;
      const due = idx.after(c.acceptedOn, REVIEW_WORKDAYS);
      candidates.push({ kind: 'review-completes', date: due.date, workdaysLeft: signedWorkdays(today, due.date, idx), approximate: due.approximateYears.length > 0, caseId: c.id });
    }
    const docs = docsByEmployee.get(employee.id) ?? [];
    for (const d of docs) {
      candidates.push({ kind: 'document-falls-below', date: d.fallsBelowRuleOn!, workdaysLeft: idx.count(today, d.fallsBelowRuleOn!), approximate: false, documentId: d.id, ...(d.caseId ? { caseId: d.caseId } : {}) });
    }
    candidates.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
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

// ───────────────────────────── Filtering and sorting ─────────────────────────────

export const PermitFilter = z.enum(['any', 'not-yet-open', 'open', 'closing-soon', 'missed', 'expired', 'window-open']);
export type PermitFilter = z.infer<typeof PermitFilter>;

/** The table's filters; every field optional ('' / undefined = no filter). */
export interface RowFilter {
  /** Name (contains) or ID digits (the ID contains them; ≥ 4 characters of 0-9/X). */
  text?: string;
  holderStatus?: Employee['holderStatus'] | '';
  /** Latest case's status. */
  caseStatus?: Case['status'] | 'no-case' | '';
  /** Latest case's business. */
  business?: BusinessType | '';
  category?: NonNullable<Employee['category']> | '';
  /** Renewal / employer-change state; 'window-open' = open or closing soon (a renewal may be filed now). */
  permit?: PermitFilter | '';
  /** Next deadline within this many working days (overdue ones included). */
  withinWorkdays?: number;
}

/** The rows matching every filter given. */
export function filterRows(rows: readonly CaseBookRow[], f: RowFilter): CaseBookRow[] {
  const text = (f.text ?? '').trim();
  const idQuery = /^[0-9Xx]{4,18}$/.test(text) ? text.toUpperCase() : undefined;
  return rows.filter((r) => {
    const e = r.employee;
    if (text && !(idQuery ? e.residentId.includes(idQuery) || e.name.includes(text) : e.name.includes(text))) return false;
    if (f.holderStatus && e.holderStatus !== f.holderStatus) return false;
    if (f.caseStatus) {
      if (f.caseStatus === 'no-case' ? r.latestCase : r.latestCase?.status !== f.caseStatus) return false;
    }
    if (f.business && r.latestCase?.business !== f.business) return false;
    if (f.category && e.category !== f.category) return false;
    if (f.permit && f.permit !== 'any') {
      const st = r.permit?.state;
      if (f.permit === 'window-open' ? !(r.permit?.business === 'renewal' && (st === 'open' || st === 'closing-soon')) : st !== f.permit) return false;
    }
    if (f.withinWorkdays !== undefined && !(r.next && r.next.workdaysLeft <= f.withinWorkdays)) return false;
    return true;
  });
}

export const SortKey = z.enum(['name', 'residentId', 'holderStatus', 'permitValidUntil', 'permit', 'case', 'next', 'updatedAt']);
export type SortKey = z.infer<typeof SortKey>;

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
const PERMIT_ORDER: Record<DeadlineState, number> = { missed: 0, 'closing-soon': 1, open: 2, 'not-yet-open': 3, expired: 4 };

/** A sorted copy; rows without the key go last whichever the direction; ties by name then id. */
export function sortRows(rows: readonly CaseBookRow[], key: SortKey, descending = false): CaseBookRow[] {
  const val = (r: CaseBookRow): string | number | undefined => {
    switch (key) {
      case 'name':
        return r.employee.name;
      case 'residentId':
        return r.employee.residentId;
      case 'holderStatus':
        return r.employee.holderStatus;
      case 'permitValidUntil':
        return r.employee.permitValidUntil;
      case 'permit':
        return r.permit ? PERMIT_ORDER[r.permit.state] * 10000 + r.permit.workdaysToLastSafeDay : undefined;
      case 'case':
        return r.latestCase ? `${r.latestCase.status}|${r.latestCase.business}` : undefined;
      case 'next':
        return r.next?.date;
      case 'updatedAt':
        return r.latestCase && r.latestCase.updatedAt > r.employee.updatedAt ? r.latestCase.updatedAt : r.employee.updatedAt;
    }
  };
  const keyed = rows.map((r) => ({ r, v: val(r) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v !== b.v) return a.v === undefined ? 1 : -1;
    } else {
      const x = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : key === 'name' ? collator.compare(String(a.v), String(b.v)) : String(a.v).localeCompare(String(b.v));
      if (x !== 0) return descending ? -x : x;
    }
    return collator.compare(a.r.employee.name, b.r.employee.name) || a.r.id.localeCompare(b.r.id);
  });
  return keyed.map((k) => k.r);
}

// ───────────────────────────── Due reminders ─────────────────────────────

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
  /** The date the reminder is about (opening day, last safe day, the day a document falls below…). */
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
  readonly section: string;
}

const approxNote = (approximate: boolean): Bilingual =>
  approximate ? { zh: '（日期为估算：该年份尚无官方节假日安排）', en: ' (approximate: no official holiday data for that year)' } : { zh: '', en: '' };

/**
 * The reminders due on `today`, most urgent first:
 * - renewal: from `leads.windowOpens` working days before the window opens (§六(三)), while open, from
 *   `leads.lastSafeDay` working days before the last safe filing day (§提示 4), and once that day is missed;
 * - employer change of a suspended holder (§六(四)): from `leads.lastSafeDay` before its last safe day, and once missed;
 * - a document falling below §五 within `leads.documents` working days (not for cases already filed);
 * - a case in district review whose 20 working days (§八) are over: check the result in the portal (approvals
 *   are not notified, §提示).
 * Nothing for a business already filed in this window. The snapshot must hold the documents from `today` on.
 */
export function dueReminders(s: Snapshot, today: IsoDate, leads: ReminderLeads, idx: WorkdayIndex): Reminder[] {
  const out: Reminder[] = [];
  const byEmployee = casesByEmployee(s.cases);
  const names = new Map(s.employees.map((e) => [e.id, e.name]));

  for (const e of s.employees) {
    const expiry = e.permitValidUntil;
    if (!expiry || (e.holderStatus !== 'holder' && e.holderStatus !== 'suspended')) continue;
    const business = e.holderStatus === 'holder' ? 'renewal' : 'employer-change';
    const p = permitDeadline(expiry, today, business, idx);
    if (p.state === 'expired' || alreadyFiled(byEmployee.get(e.id), business, p.opens)) continue;
    const latest = byEmployee.get(e.id)?.[0];
    const base = { employeeId: e.id, employeeName: e.name, approximate: p.approximate, ...(latest ? { caseId: latest.id } : {}) };
    const note = approxNote(p.approximate);
    const n = e.name;
    if (business === 'renewal') {
      if (p.state === 'missed') {
        out.push({ ...base, key: `renewal-missed:${e.id}:${expiry}`, kind: 'renewal-missed', urgency: 'urgent', date: p.lastSafeDay, workdaysLeft: -(p.workdaysLate ?? 0), section: '§提示 4, §六(三)',
          title: { zh: `${n}：已过续签最后安全申报日`, en: `${n}: last safe renewal day passed` },
          body: { zh: `最后安全申报日 ${p.lastSafeDay} 已过；证件 ${expiry} 到期前未核准即失效，请尽快申报${note.zh}`, en: `The last safe day ${p.lastSafeDay} has passed; if not approved by ${expiry} the permit becomes void — file now${note.en}` } });
      } else if (p.workdaysToLastSafeDay <= leads.lastSafeDay && p.state !== 'not-yet-open') {
        out.push({ ...base, key: `renewal-last-safe-day:${e.id}:${expiry}`, kind: 'renewal-last-safe-day', urgency: 'urgent', date: p.lastSafeDay, workdaysLeft: p.workdaysToLastSafeDay, section: '§提示 4, §六(三)',
          title: { zh: `${n}：续签最后安全申报日 ${p.lastSafeDay}`, en: `${n}: last safe renewal day ${p.lastSafeDay}` },
          body: { zh: `还有 ${p.workdaysToLastSafeDay} 个工作日；证件有效期至 ${expiry}${note.zh}`, en: `${p.workdaysToLastSafeDay} working day(s) left; permit valid until ${expiry}${note.en}` } });
      } else if (p.state === 'open' || p.state === 'closing-soon') {
        out.push({ ...base, key: `renewal-open:${e.id}:${expiry}`, kind: 'renewal-open', urgency: 'warning', date: p.opens!, workdaysLeft: p.workdaysToLastSafeDay, section: '§六(三)',
          title: { zh: `${n}：续签申请期已开始`, en: `${n}: renewal window is open` },
          body: { zh: `自 ${p.opens} 起可申请续签，最迟 ${p.lastSafeDay}（还有 ${p.workdaysToLastSafeDay} 个工作日）${note.zh}`, en: `Renewal possible since ${p.opens}; file by ${p.lastSafeDay} (${p.workdaysToLastSafeDay} working day(s))${note.en}` } });
      } else if (p.state === 'not-yet-open' && (p.workdaysToOpening ?? 0) <= leads.windowOpens) {
        out.push({ ...base, key: `renewal-opens:${e.id}:${expiry}`, kind: 'renewal-opens', urgency: 'info', date: p.opens!, workdaysLeft: p.workdaysToOpening ?? 0, section: '§六(三)',
          title: { zh: `${n}：续签申请期 ${p.opens} 开始`, en: `${n}: renewal window opens ${p.opens}` },
          body: { zh: `还有 ${p.workdaysToOpening} 个工作日开始；最后安全申报日 ${p.lastSafeDay}${note.zh}`, en: `Opens in ${p.workdaysToOpening} working day(s); last safe day ${p.lastSafeDay}${note.en}` } });
      }
    } else if (p.state === 'missed') {
      out.push({ ...base, key: `employer-change-missed:${e.id}:${expiry}`, kind: 'employer-change-missed', urgency: 'urgent', date: p.lastSafeDay, workdaysLeft: -(p.workdaysLate ?? 0), section: '§六(四), §提示 4',
        title: { zh: `${n}：已过聘用单位变更最后安全申报日`, en: `${n}: last safe employer-change day passed` },
        body: { zh: `证件挂起中，有效期至 ${expiry}；最后安全申报日 ${p.lastSafeDay} 已过，请尽快办理${note.zh}`, en: `Permit suspended, valid until ${expiry}; the last safe day ${p.lastSafeDay} has passed — file now${note.en}` } });
    } else if (p.workdaysToLastSafeDay <= leads.lastSafeDay) {
      out.push({ ...base, key: `employer-change-last-safe-day:${e.id}:${expiry}`, kind: 'employer-change-last-safe-day', urgency: 'urgent', date: p.lastSafeDay, workdaysLeft: p.workdaysToLastSafeDay, section: '§六(四), §提示 4',
        title: { zh: `${n}：聘用单位变更最后安全申报日 ${p.lastSafeDay}`, en: `${n}: last safe employer-change day ${p.lastSafeDay}` },
        body: { zh: `证件挂起中，还有 ${p.workdaysToLastSafeDay} 个工作日；有效期至 ${expiry}${note.zh}`, en: `Permit suspended; ${p.workdaysToLastSafeDay} working day(s) left; valid until ${expiry}${note.en}` } });
    }
  }

  const caseStatus = new Map(s.cases.map((c) => [c.id, c.status]));
  for (const d of s.documents) {
    const due = d.fallsBelowRuleOn;
    if (!due || due < today) continue;
    const st = d.caseId ? caseStatus.get(d.caseId) : undefined;
    if (st && DOCUMENTS_SETTLED.has(st)) continue;
    const left = idx.count(today, due);
    if (left > leads.documents) continue;
    const kind = DOCUMENT_KIND_LABELS[d.kind];
    const name = d.employeeId ? names.get(d.employeeId) : undefined;
    const who = name ? `${name}：` : '';
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
        zh: `自 ${due} 起不再满足提供时${d.kind.endsWith('contract') ? ' 6' : ' 3'} 个月有效期要求（有效期至 ${d.validUntil}），还有 ${left} 个工作日`,
        en: `From ${due} it no longer has the ${d.kind.endsWith('contract') ? 6 : 3} months of validity required at upload (valid until ${d.validUntil}); ${left} working day(s) left`,
      },
    });
  }

  for (const c of s.cases) {
    if (c.status !== 'district-review' || !c.acceptedOn) continue;
    const due = idx.after(c.acceptedOn, REVIEW_WORKDAYS);
    if (today < due.date) continue;
    const name = c.employeeId ? names.get(c.employeeId) : undefined;
    const label = BUSINESS_LABELS[c.business];
    out.push({
      key: `review-completes:${c.id}:${c.acceptedOn}`,
      kind: 'review-completes',
      urgency: 'info',
      date: due.date,
      workdaysLeft: -idx.count(due.date, today),
      approximate: due.approximateYears.length > 0,
      ...(c.employeeId ? { employeeId: c.employeeId, employeeName: name } : {}),
      caseId: c.id,
      section: '§八, §提示',
      title: { zh: `${name ? `${name}：` : ''}${label.zh}审核时限已到`, en: `${name ? `${name}: ` : ''}${label.en} review period over` },
      body: {
        zh: `${c.acceptedOn} 上报，20 个工作日于 ${due.date} 届满；核准结果不另行通知，请登录系统查看`,
        en: `Reported ${c.acceptedOn}; the 20 working days ended ${due.date}. Approvals are not notified — check the portal`,
      },
    });
  }

  const rank = { urgent: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.urgency] - rank[b.urgency] || a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

/** The calendar window of documents {@link dueReminders} needs for `leads` (working days → generous calendar days). */
export function documentWindow(today: IsoDate, leads: ReminderLeads): { documentsFrom: IsoDate; documentsTo: IsoDate } {
  // Working days never outnumber calendar days; the longest holiday run (Spring Festival) adds ≤ 9 more per month.
  return { documentsFrom: today, documentsTo: addDays(today, Math.ceil(leads.documents * 1.6) + 21) };
}
