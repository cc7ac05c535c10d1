/**
 * The one read of the database for the case book and the reminder check ({@link loadSnapshot}), and the
 * case book's rows typed with the database's rows. The deadline arithmetic — working days, renewal
 * windows, the recommended and the guide's latest days, events, rows and reminders — lives in
 * rules/deadline-events.ts (pure, one working-day implementation in rules/calendar.ts).
 */
import type { IsoDate } from '../rules/model';
import { caseBookRows as rulesCaseBookRows, type CaseBookRow as RulesCaseBookRow } from '../rules/deadline-events';
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
