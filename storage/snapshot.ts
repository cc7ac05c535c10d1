/**
 * The one read of the database for the case book and the reminder check ({@link loadSnapshot}), and the
 * case book's rows typed with the database's rows. The deadline arithmetic — working days, renewal
 * windows, the recommended and the guide's latest days, events, rows and reminders — lives in
 * rules/deadline-events.ts (pure, one working-day implementation in rules/calendar.ts).
 */
import type { IsoDate } from '../rules/model';
import { caseBookRows as rulesCaseBookRows, latestExpiryDueBy, type CaseBookRow as RulesCaseBookRow } from '../rules/deadline-events';
import { addDays } from '../rules/dates';
import type { DeadlineOptions } from '../rules/deadlines';
import type { Case, CompanyProfile, DocumentRecord, Employee } from './schemas';
import type { Repos } from './repos';
import { readOp } from './repos/context';


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

// ───────────────────────────── The case book's first screen ─────────────────────────────

export interface FirstScreen {
  /**
   * Every employee whose next deadline is on or before `horizon` — all of them, so that sorted by next deadline
   * they are exactly the first rows of the whole table — computed by rules/ like every row.
   */
  rows: CaseBookRow[];
  horizon: IsoDate;
  /** Employees in the database. */
  total: number;
}

/**
 * The case book's first query (issue #16): the rows that come first in its default order (next deadline, earliest
 * first), read through indexes instead of every employee. A row's next deadline is a document's §五 day in the
 * window (documents.fallsBelowRuleOn; one already past stays, overdue, rules/deadline-events.ts), a review's end
 * (cases.status = district-review, possibly overdue) or a permit deadline (never before today; expiry within
 * {@link latestExpiryDueBy}, employees.permitValidUntil). So the employees those three queries find up to a horizon
 * include everyone due by then. They are read with all their cases and documents in the window and go through
 * rules/ `caseBookRows` like the full table; the horizon starts two weeks after the earliest document and doubles
 * until at least `size` rows are due by it. Undefined when the database is small enough to read whole, or too few
 * rows have a deadline in the window: then the full read comes first.
 */
export async function loadFirstScreen(
  repos: Repos,
  today: IsoDate,
  window: { documentsFrom: IsoDate; documentsTo: IsoDate },
  options: DeadlineOptions | undefined,
  size: number,
): Promise<FirstScreen | undefined> {
  const { db } = repos;
  const { documentsFrom, documentsTo } = window;
  return readOp(() =>
    db.transaction('r', [db.employees, db.cases, db.documents, db.company], async () => {
      const inWindow = () => db.documents.where('fallsBelowRuleOn').between(documentsFrom, documentsTo, true, true);
      const [total, reviews, earliest] = await Promise.all([db.employees.count(), db.cases.where('status').equals('district-review').toArray(), inWindow().first()]);
      if (total <= size * 4) return undefined;
      const start = earliest?.fallsBelowRuleOn && earliest.fallsBelowRuleOn < today ? earliest.fallsBelowRuleOn : today;
      for (let days = 14; ; days *= 2) {
        const horizon = addDays(start, days) < documentsTo ? addDays(start, days) : documentsTo;
        const [dueDocs, dueHolders] = await Promise.all([
          db.documents.where('fallsBelowRuleOn').between(documentsFrom, horizon, true, true).toArray(),
          // A permit deadline is never before today.
          horizon >= today ? db.employees.where('permitValidUntil').between(today, latestExpiryDueBy(horizon), true, true).primaryKeys() : Promise.resolve([]),
        ]);
        const ids = [...new Set([...(dueHolders as string[]), ...dueDocs.flatMap((d) => (d.employeeId ? [d.employeeId] : [])), ...reviews.flatMap((c) => (c.employeeId ? [c.employeeId] : []))])];
        if (ids.length >= size) {
          // equals() per employee, all issued at once: IndexedDB answers them together, where anyOf() would walk
          // one cursor jumping from key to key (a round trip per employee).
          const [employees, cases, documents, company] = await Promise.all([
            db.employees.bulkGet(ids),
            Promise.all(ids.map((id) => db.cases.where('employeeId').equals(id).toArray())).then((x) => x.flat()),
            Promise.all(ids.map((id) => db.documents.where('employeeId').equals(id).toArray())).then((x) => x.flat()),
            db.company.get('company'),
          ]);
          const snapshot: Snapshot = {
            employees: employees.filter((e): e is Employee => e !== undefined),
            cases,
            // The same window as the full read (loadSnapshot with the case book's window).
            documents: documents.filter((d) => d.fallsBelowRuleOn !== undefined && d.fallsBelowRuleOn >= documentsFrom && d.fallsBelowRuleOn <= documentsTo),
            ...(company ? { company } : {}),
          };
          const rows = caseBookRows(snapshot, today, options).filter((r) => r.next && r.next.date <= horizon);
          if (rows.length >= size) return { rows, horizon, total };
        }
        if (horizon === documentsTo) return undefined;
      }
    }),
  );
}
