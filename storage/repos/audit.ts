/** Reading the audit log (it is written only by the repositories, inside each write's transaction). */
import type { AuditEntry, AuditTable } from '../schemas';
import { readOp, type RepoContext } from './context';

export interface AuditQuery {
  table?: AuditTable;
  recordId?: string;
  employeeId?: string;
  /** Page backwards: only entries with id < before. */
  before?: number;
  /** Default 100, max 1000. */
  limit?: number;
}

export function auditRepo(ctx: RepoContext) {
  const { db } = ctx;
  return {
    /** Entries newest first, filtered by record or by employee. */
    async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
      const limit = Math.min(1000, Math.max(1, query.limit ?? 100));
      return readOp(async () => {
        let rows: AuditEntry[];
        if (query.table && query.recordId !== undefined) {
          rows = await db.audit.where('[table+recordId]').equals([query.table, query.recordId]).toArray();
        } else if (query.employeeId) {
          rows = await db.audit.where('employeeId').equals(query.employeeId).toArray();
        } else {
          const coll = query.before ? db.audit.where('id').below(query.before) : db.audit.toCollection();
          const filtered = query.table ? coll.filter((e) => e.table === query.table) : coll;
          return filtered.reverse().limit(limit).toArray();
        }
        rows = rows.filter((e) => (query.before ? e.id < query.before : true) && (query.table ? e.table === query.table : true));
        return rows.sort((a, b) => b.id - a.id).slice(0, limit);
      });
    },

    async count(): Promise<number> {
      return readOp(() => db.audit.count());
    },
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
