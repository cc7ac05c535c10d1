/**
 * What is due, read from the database: the one read of the repositories for the case book and the reminder
 * check ({@link loadSnapshot}), and the case book's filtering and sorting. The deadline arithmetic — working
 * days, renewal windows, the recommended and the guide's latest days, events, rows and reminders — lives in
 * rules/deadline-events.ts (pure, one working-day implementation in rules/calendar.ts); this module re-exports
 * it with the database's row types so that its callers keep one import.
 */
import type { BusinessType, IsoDate } from '../rules/model';
import type { DeadlineState } from '../rules/deadlines';
import {
  caseBookRows as rulesCaseBookRows,
  type CaseBookRow as RulesCaseBookRow,
} from '../rules/deadline-events';
import type { DeadlineOptions } from '../rules/deadlines';
import { z } from 'zod';
import type { Case, CompanyProfile, DocumentRecord, Employee } from './schemas';
import type { Repos } from './repos';
import { readOp } from './repos/context';

export {
  casesByEmployee,
  deadlineEvents,
  documentWindow,
  dueReminders,
  EVENT_LABELS,
  EVENT_SECTIONS,
  EventKind,
  eventTitle,
  permitDeadline,
  ReminderKind,
  type CaseBookEvent,
  type NextDeadline,
  type PermitDeadline,
  type Reminder,
} from '../rules/deadline-events';
export type { DeadlineOptions } from '../rules/deadlines';
/** The lead times are a setting (storage/schemas.ts, kept in the settings row and in backups). */
export { ReminderLeads, DEFAULT_REMINDER_LEADS } from './schemas';

/** One row of the case book with the database's employee and case types. */
export type CaseBookRow = RulesCaseBookRow<Employee, Case>;

/** The case book's rows (rules/deadline-events.ts `caseBookRows` over the database's row types). */
export function caseBookRows(s: Snapshot, today: IsoDate, options?: DeadlineOptions): CaseBookRow[] {
  return rulesCaseBookRows<Employee, Case>(s, today, options);
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
        return r.permit ? PERMIT_ORDER[r.permit.state] * 10000 + r.permit.workdaysToRecommendedLatestDay : undefined;
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

