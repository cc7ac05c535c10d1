/**
 * Employees: create, patch field by field, erase with everything about them, list and search.
 * Gender, birth date and the reversed ID are derived from the resident ID, never typed in.
 */
import { Dexie } from 'dexie';
import type { Case, Employee, EmployeeInput, EmployeePatch } from '../schemas';
import { EmployeeInput as EmployeeInputSchema, EmployeePatch as EmployeePatchSchema, EmployeeRow } from '../schemas';
import { NOT_FOUND, StorageError, type Bilingual } from '../errors';
import { deriveFromResidentId, reverseString } from '../derive';
import { maskResidentId } from '../../utils/mask';
import {
  applyPatch,
  audit,
  auditMany,
  compact,
  newId,
  parseOrThrow,
  readOp,
  writeTx,
  type RepoContext,
} from './context';

const WHAT: Bilingual = { zh: '员工信息', en: 'Employee' };

/** The ids a deletion removed, for whoever showed something about them (the background's notifications). */
export interface ErasureNotice {
  employeeId: string;
  caseIds: string[];
  documentIds: string[];
}

let erasureListener: ((notice: ErasureNotice) => Promise<void>) | undefined;

/**
 * Who hears of a committed deletion. storage/ knows no browser: the extension pages register
 * utils/erasure-notice.ts's announcer at start-up; node scripts (the benchmark) register none.
 */
export function setErasureListener(listener: ((notice: ErasureNotice) => Promise<void>) | undefined): void {
  erasureListener = listener;
}

/** What `remove()` deleted, in counts only (the audit log keeps just these numbers). */
export interface ErasureReport {
  employees: number;
  cases: number;
  documents: number;
  ticks: number;
  notes: number;
  drafts: number;
  auditEntries: number;
}

export type EmployeeSort = 'name' | 'updatedAt' | 'permitValidUntil' | 'createdAt';

export interface ListEmployeesQuery {
  /** 'name' sorts by Chinese collation (pinyin) in memory; the others use an index. Default 'name'. */
  sort?: EmployeeSort;
  descending?: boolean;
  offset?: number;
  /** Page size, 1–500; default 50. */
  limit?: number;
  holderStatus?: Employee['holderStatus'];
}

export interface EmployeeWithLatestCase {
  employee: Employee;
  /** The most recently created case of the employee, if any. */
  latestCase?: Case;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

function residentIdTaken(residentId: string, other: Employee): StorageError {
  return new StorageError(
    'duplicate',
    {
      zh: `身份证号 ${maskResidentId(residentId)} 已属于员工「${other.name}」，未保存。`,
      en: `Resident ID ${maskResidentId(residentId)} already belongs to employee "${other.name}"; not saved.`,
    },
    { reason: 'resident-id-taken' },
  );
}

async function duplicateCheck(ctx: RepoContext, residentId: string, selfId?: string): Promise<void> {
  const other = await ctx.db.employees.where('residentId').equals(residentId).first();
  if (other && other.id !== selfId) throw residentIdTaken(residentId, other);
}

export function employeesRepo(ctx: RepoContext) {
  const { db } = ctx;

  async function latestCaseOf(employeeId: string): Promise<Case | undefined> {
    return db.cases
      .where('[employeeId+createdAt]')
      .between([employeeId, Dexie.minKey], [employeeId, Dexie.maxKey])
      .last();
  }

  return {
    /** Adds an employee; throws StorageError('invalid' | 'duplicate') with nothing written. */
    async create(input: EmployeeInput): Promise<Employee> {
      const data = parseOrThrow(EmployeeInputSchema, input, WHAT);
      const at = ctx.now().toISOString();
      const row: Employee = compact({
        id: newId(),
        ...data,
        ...deriveFromResidentId(data.residentId),
        createdAt: at,
        updatedAt: at,
      });
      parseOrThrow(EmployeeRow, row, WHAT);
      return writeTx(ctx, [db.employees], async () => {
        await duplicateCheck(ctx, row.residentId);
        await db.employees.add(row);
        await audit(ctx, { table: 'employees', recordId: row.id, op: 'create', employeeId: row.id, after: { ...row } });
        return row;
      });
    },

    /**
     * Adds many employees at once (a spreadsheet import): each validated as {@link create} does, the resident
     * IDs checked in one index query, one bulk write and one audit entry per employee. All or nothing: any bad
     * row or taken ID throws before anything is written.
     */
    async createMany(inputs: readonly EmployeeInput[]): Promise<Employee[]> {
      const at = ctx.now().toISOString();
      const rows = inputs.map((input) => {
        const data = parseOrThrow(EmployeeInputSchema, input, WHAT);
        const row: Employee = compact({ id: newId(), ...data, ...deriveFromResidentId(data.residentId), createdAt: at, updatedAt: at });
        parseOrThrow(EmployeeRow, row, WHAT);
        return row;
      });
      return writeTx(ctx, [db.employees], async () => {
        const seen = new Map<string, Employee>();
        for (const other of await db.employees.where('residentId').anyOf(rows.map((r) => r.residentId)).toArray()) seen.set(other.residentId, other);
        for (const row of rows) {
          const other = seen.get(row.residentId);
          if (other) throw residentIdTaken(row.residentId, other);
          seen.set(row.residentId, row);
        }
        await db.employees.bulkAdd(rows);
        await auditMany(ctx, rows.map((row) => ({ table: 'employees', recordId: row.id, op: 'create', employeeId: row.id, after: { ...row } })));
        return rows;
      });
    },

    async get(id: string): Promise<Employee | undefined> {
      return readOp(() => db.employees.get(id));
    },

    async findByResidentId(residentId: string): Promise<Employee | undefined> {
      return readOp(() => db.employees.where('residentId').equals(residentId.trim().toUpperCase()).first());
    },

    /**
     * Changes only the fields in `patch` (null clears one), so concurrent edits of different fields
     * from two tabs both survive; the later write wins field by field. Returns the updated row.
     */
    async update(id: string, patch: EmployeePatch): Promise<Employee> {
      const p = parseOrThrow(EmployeePatchSchema, patch, WHAT);
      return writeTx(ctx, [db.employees], async () => {
        const current = await db.employees.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        const derived = p.residentId ? deriveFromResidentId(p.residentId) : {};
        const r = applyPatch(current, { ...p, ...derived });
        if (Object.keys(r.changes).length === 0) return current;
        r.next.updatedAt = ctx.now().toISOString();
        r.changes.updatedAt = r.next.updatedAt;
        parseOrThrow(EmployeeRow, r.next, WHAT);
        if (p.residentId && p.residentId !== current.residentId) await duplicateCheck(ctx, p.residentId, id);
        await db.employees.update(id, r.changes);
        await audit(ctx, { table: 'employees', recordId: id, op: 'update', employeeId: id, before: r.before, after: r.after });
        return r.next;
      });
    },

    /**
     * Deletes the employee and all their personal data — cases, documents, checklist ticks, notes,
     * captured drafts — and replaces every audit entry about them by one entry saying an employee
     * was deleted (counts only, no name, no ID). All or nothing.
     */
    async remove(id: string): Promise<ErasureReport> {
      let notice: ErasureNotice | undefined;
      const report = await writeTx(ctx, [db.employees, db.cases, db.documents, db.ticks, db.notes, db.drafts, db.focus], async () => {
        const emp = await db.employees.get(id);
        if (!emp) throw NOT_FOUND(WHAT, id);
        const caseIds = (await db.cases.where('employeeId').equals(id).primaryKeys()) as string[];
        const documentIds = [
          ...((await db.documents.where('employeeId').equals(id).primaryKeys()) as string[]),
          ...((await db.documents.where('caseId').anyOf(caseIds).primaryKeys()) as string[]),
        ];
        notice = { employeeId: id, caseIds, documentIds: [...new Set(documentIds)] };
        const report: ErasureReport = {
          employees: 1,
          cases: caseIds.length,
          ticks: await db.ticks.where('caseId').anyOf(caseIds).delete(),
          documents:
            (await db.documents.where('employeeId').equals(id).delete()) +
            (await db.documents.where('caseId').anyOf(caseIds).delete()),
          notes:
            (await db.notes.where('employeeId').equals(id).delete()) +
            (await db.notes.where('caseId').anyOf(caseIds).delete()),
          drafts:
            (await db.drafts.where('employeeId').equals(id).delete()) +
            (await db.drafts.where('caseId').anyOf(caseIds).delete()),
          auditEntries: 0,
        };
        await db.cases.bulkDelete(caseIds);
        await db.employees.delete(id);
        const focus = await db.focus.get('focus');
        if (focus?.employeeId === id || (focus?.caseId && caseIds.includes(focus.caseId))) await db.focus.delete('focus');
        // Entries about the employee all carry employeeId; the record-key lookups are a belt and braces.
        const auditIds = new Set<number>((await db.audit.where('employeeId').equals(id).primaryKeys()) as number[]);
        for (const [table, rid] of [['employees', id], ...caseIds.map((c) => ['cases', c])] as [string, string][]) {
          for (const k of (await db.audit.where('[table+recordId]').equals([table, rid]).primaryKeys()) as number[]) auditIds.add(k);
        }
        await db.audit.bulkDelete([...auditIds]);
        report.auditEntries = auditIds.size;
        await audit(ctx, {
          table: 'employees',
          recordId: '-',
          op: 'erase',
          after: { deleted: 'employee', ...report },
        });
        return report;
      });
      // Only after the commit: a rolled-back deletion must leave the notifications alone.
      if (notice && erasureListener) await erasureListener(notice);
      return report;
    },

    /** Employees with their latest case, paged and sorted. */
    async list(query: ListEmployeesQuery = {}): Promise<Page<EmployeeWithLatestCase>> {
      const sort = query.sort ?? 'name';
      const offset = Math.max(0, Math.floor(query.offset ?? 0));
      const limit = Math.min(500, Math.max(1, Math.floor(query.limit ?? 50)));
      return readOp(async () => {
        // Pinyin order and optional fields need the rows in memory (≤ 5,000 employees, see backup limits); no
        // index serves these orders or the status filter (storage/db.ts keeps only indexes a query uses).
        const everyone = await db.employees.toArray();
        const all = query.holderStatus ? everyone.filter((e) => e.holderStatus === query.holderStatus) : everyone;
        const key = (e: Employee): string | undefined => (sort === 'name' ? e.name : e[sort]);
        all.sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          if (ka === undefined || kb === undefined) return ka === kb ? a.id.localeCompare(b.id) : ka === undefined ? 1 : -1;
          const x = sort === 'name' ? collator.compare(ka, kb) : ka.localeCompare(kb);
          return (query.descending ? -x : x) || a.id.localeCompare(b.id);
        });
        const total = all.length;
        const rows = all.slice(offset, offset + limit);
        const items = await Promise.all(rows.map(async (employee) => ({ employee, latestCase: await latestCaseOf(employee.id) })));
        return { items, total, offset, limit };
      });
    },

    /**
     * Search by name (contains) or by the end of the resident ID (≥ 4 digits/X, index prefix search on the
     * reversed ID). Returns at most `limit` employees, name matches sorted by name.
     */
    async search(text: string, limit = 20): Promise<Employee[]> {
      const q = text.trim();
      if (!q) return [];
      return readOp(async () => {
        if (/^[0-9Xx]{4,18}$/.test(q)) {
          return db.employees.where('residentIdRev').startsWith(reverseString(q.toUpperCase())).limit(limit).toArray();
        }
        const hits = await db.employees.filter((e) => e.name.includes(q)).limit(limit).toArray();
        return hits.sort((a, b) => collator.compare(a.name, b.name));
      });
    },

    async latestCase(employeeId: string): Promise<Case | undefined> {
      return readOp(() => latestCaseOf(employeeId));
    },

    async count(): Promise<number> {
      return readOp(() => db.employees.count());
    },
  };
}

export type EmployeesRepo = ReturnType<typeof employeesRepo>;
