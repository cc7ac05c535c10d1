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

/** How far ahead the case book reads documents falling below §五 (its next-deadline column). */
export const CASEBOOK_DOCUMENT_DAYS = 400;

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
 * first), read through indexes instead of every employee. A row's next deadline is a permit deadline (expiry
 * within {@link latestExpiryDueBy}, employees.permitValidUntil), a document falling below §五
 * (documents.fallsBelowRuleOn) or a review's end (cases.status = district-review, possibly overdue); so the
 * employees found by those three queries up to a horizon include everyone due by then. Those employees are read
 * with all their cases and documents and go through rules/ `caseBookRows` like the full table; the horizon
 * doubles (2 weeks … the document window) until at least `size` rows are due. Undefined when the database is
 * small enough to read whole, or too few rows have a deadline in the window: then the full read comes first.
 */
export async function loadFirstScreen(repos: Repos, today: IsoDate, options: DeadlineOptions | undefined, size: number): Promise<FirstScreen | undefined> {
  const { db } = repos;
  const windowEnd = addDays(today, CASEBOOK_DOCUMENT_DAYS);
  return readOp(() =>
    db.transaction('r', [db.employees, db.cases, db.documents, db.company], async () => {
      const due = (horizon: IsoDate) =>
        Promise.all([
          db.documents.where('fallsBelowRuleOn').between(today, horizon, true, true).toArray(),
          db.employees.where('permitValidUntil').between(today, latestExpiryDueBy(horizon), true, true).primaryKeys(),
        ]);
      // One round trip for the count, the reviews and the first horizon's candidates.
      const [total, reviews, firstDue] = await Promise.all([db.employees.count(), db.cases.where('status').equals('district-review').toArray(), due(addDays(today, 14))]);
      if (total <= size * 4) return undefined;
      for (let days = 14; ; days *= 2) {
        const horizon = days >= CASEBOOK_DOCUMENT_DAYS ? windowEnd : addDays(today, days);
        const [dueDocs, dueHolders] = days === 14 ? firstDue : await due(horizon);
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
            // The same window as the full read (loadSnapshot with the case book's options).
            documents: documents.filter((d) => d.fallsBelowRuleOn !== undefined && d.fallsBelowRuleOn >= today && d.fallsBelowRuleOn <= windowEnd),
            ...(company ? { company } : {}),
          };
          const rows = caseBookRows(snapshot, today, options).filter((r) => r.next && r.next.date <= horizon);
          if (rows.length >= size) return { rows, horizon, total };
        }
        if (horizon === windowEnd) return undefined;
      }
    }),
  );
}
