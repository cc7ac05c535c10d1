/**
 * Cases: one business (新办, 续签, 聘用单位变更…) moving through the real pipeline
 * draft → collecting → employer-review → locality-review → district-review → approved | returned,
 * or voided. Status changes follow CASE_TRANSITIONS; `setStatus` also stamps the stage's date.
 */
import { Dexie } from 'dexie';
import type { BusinessType, CaseStatus, IsoDate } from '../../rules/model';
import { NOT_FOUND, StorageError, type Bilingual } from '../errors';
import { today } from '../dates';
import {
  CaseInput as CaseInputSchema,
  CasePatch as CasePatchSchema,
  CaseRow,
  type Case,
  type CaseInput,
  type CasePatch,
} from '../schemas';
import { applyPatch, audit, auditMany, compact, newId, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '业务', en: 'Case' };

export const STATUS_LABELS: Record<CaseStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'draft' },
  collecting: { zh: '收集材料', en: 'collecting materials' },
  'employer-review': { zh: '单位审核', en: 'employer review' },
  'locality-review': { zh: '属地部门审核', en: 'locality review' },
  'district-review': { zh: '区人力社保局审核', en: 'district review' },
  approved: { zh: '已核准', en: 'approved' },
  returned: { zh: '已退回', en: 'returned' },
  voided: { zh: '已作废', en: 'voided' },
};

/**
 * Allowed status changes. Returned cases go back to collecting or straight to the employer's review;
 * anything not yet decided can be voided; an approved case can still be voided if the permit is cancelled.
 * A voided case can be reopened (to 草稿 or 收集材料): voiding by mistake must not lose a case. Corrections use `update(id, patch, { anyTransition: true })`.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['collecting', 'employer-review', 'voided'],
  collecting: ['draft', 'employer-review', 'voided'],
  'employer-review': ['collecting', 'locality-review', 'returned', 'voided'],
  'locality-review': ['district-review', 'returned', 'voided'],
  'district-review': ['approved', 'returned', 'voided'],
  returned: ['collecting', 'employer-review', 'voided'],
  approved: ['voided'],
  voided: ['draft', 'collecting'],
};

export interface CaseQuery {
  status?: CaseStatus;
  business?: BusinessType;
  offset?: number;
  limit?: number;
}

function transitionError(from: CaseStatus, to: CaseStatus): StorageError {
  return new StorageError(
    'conflict',
    {
      zh: `不能把业务从「${STATUS_LABELS[from].zh}」直接改为「${STATUS_LABELS[to].zh}」。`,
      en: `A case cannot go from "${STATUS_LABELS[from].en}" straight to "${STATUS_LABELS[to].en}".`,
    },
    { reason: 'illegal-transition' },
  );
}

export function casesRepo(ctx: RepoContext) {
  const { db } = ctx;

  async function update(id: string, patch: CasePatch, options: { anyTransition?: boolean } = {}): Promise<Case> {
    const p = parseOrThrow(CasePatchSchema, patch, WHAT);
    return writeTx(ctx, [db.cases], async () => {
      const current = await db.cases.get(id);
      if (!current) throw NOT_FOUND(WHAT, id);
      if (p.status && p.status !== current.status && !options.anyTransition && !CASE_TRANSITIONS[current.status].includes(p.status)) {
        throw transitionError(current.status, p.status);
      }
      const r = applyPatch(current, p, ['facts']);
      if (Object.keys(r.changes).length === 0) return current;
      r.next.updatedAt = ctx.now().toISOString();
      r.changes.updatedAt = r.next.updatedAt;
      parseOrThrow(CaseRow, r.next, WHAT);
      await db.cases.update(id, r.changes);
      await audit(ctx, { table: 'cases', recordId: id, op: 'update', employeeId: current.employeeId, before: r.before, after: r.after });
      return r.next;
    });
  }

  return {
    /** Opens a case (default status 'draft'); an employee case needs an existing employee. */
    async create(input: CaseInput): Promise<Case> {
      const data = parseOrThrow(CaseInputSchema, input, WHAT);
      const at = ctx.now().toISOString();
      const row: Case = compact({ id: newId(), ...data, facts: compact(data.facts), createdAt: at, updatedAt: at });
      parseOrThrow(CaseRow, row, WHAT);
      return writeTx(ctx, [db.cases, db.employees], async () => {
        if (row.employeeId && !(await db.employees.get(row.employeeId))) throw NOT_FOUND({ zh: '员工', en: 'Employee' }, row.employeeId);
        await db.cases.add(row);
        await audit(ctx, { table: 'cases', recordId: row.id, op: 'create', employeeId: row.employeeId, after: { ...row } });
        return row;
      });
    },

    /**
     * Opens many cases at once (a spreadsheet import): each validated as {@link create} does, their employees
     * looked up in one request, one bulk write and one audit entry per case. All or nothing.
     */
    async createMany(inputs: readonly CaseInput[]): Promise<Case[]> {
      const at = ctx.now().toISOString();
      const rows = inputs.map((input) => {
        const data = parseOrThrow(CaseInputSchema, input, WHAT);
        const row: Case = compact({ id: newId(), ...data, facts: compact(data.facts), createdAt: at, updatedAt: at });
        parseOrThrow(CaseRow, row, WHAT);
        return row;
      });
      return writeTx(ctx, [db.cases, db.employees], async () => {
        const owners = [...new Set(rows.flatMap((r) => (r.employeeId ? [r.employeeId] : [])))];
        const found = await db.employees.bulkGet(owners);
        const missing = owners.find((_, i) => !found[i]);
        if (missing) throw NOT_FOUND({ zh: '员工', en: 'Employee' }, missing);
        await db.cases.bulkAdd(rows);
        await auditMany(ctx, rows.map((row) => ({ table: 'cases', recordId: row.id, op: 'create', employeeId: row.employeeId, after: { ...row } })));
        return rows;
      });
    },

    async get(id: string): Promise<Case | undefined> {
      return readOp(() => db.cases.get(id));
    },

    /** Field-level patch; `facts` merges fact by fact. A status change must follow CASE_TRANSITIONS. */
    update,

    /**
     * Moves a case to `to` and stamps the date of the stage it enters (`on`, default today in Beijing):
     * locality-review → submittedOn (a resubmission clears accepted/decided), district-review →
     * acceptedOn (the 20 working days of §八 count from here), approved → decidedOn.
     */
    async setStatus(id: string, to: CaseStatus, options: { on?: IsoDate } = {}): Promise<Case> {
      const on = options.on ?? today(ctx.now());
      const patch: CasePatch = { status: to };
      if (to === 'locality-review') Object.assign(patch, { submittedOn: on, acceptedOn: null, decidedOn: null });
      if (to === 'district-review') Object.assign(patch, { acceptedOn: on, decidedOn: null });
      if (to === 'approved') patch.decidedOn = on;
      return update(id, patch);
    },

    /** Deletes a case with its ticks, documents, notes and captured draft. The audit keeps only that it happened. */
    async remove(id: string): Promise<void> {
      await writeTx(ctx, [db.cases, db.ticks, db.documents, db.notes, db.drafts, db.focus], async () => {
        const current = await db.cases.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        await db.ticks.where('caseId').equals(id).delete();
        await db.documents.where('caseId').equals(id).delete();
        await db.notes.where('caseId').equals(id).delete();
        await db.drafts.where('caseId').equals(id).delete();
        await db.cases.delete(id);
        const focus = await db.focus.get('focus');
        if (focus?.caseId === id) await db.focus.update('focus', { caseId: undefined });
        await audit(ctx, { table: 'cases', recordId: id, op: 'delete', employeeId: current.employeeId });
      });
    },

    /** An employee's cases, newest first. */
    async listByEmployee(employeeId: string): Promise<Case[]> {
      return readOp(() =>
        db.cases
          .where('[employeeId+createdAt]')
          .between([employeeId, Dexie.minKey], [employeeId, Dexie.maxKey])
          .reverse()
          .toArray(),
      );
    },

    /** Cases by status and/or business, most recently updated first. */
    async list(query: CaseQuery = {}): Promise<Case[]> {
      const offset = Math.max(0, query.offset ?? 0);
      const limit = Math.min(1000, Math.max(1, query.limit ?? 200));
      return readOp(async () => {
        // No index serves these filters (storage/db.ts keeps only indexes a product query uses): ≤ 20,000 rows.
        const rows = (await db.cases.toArray()).filter((c) => (!query.status || c.status === query.status) && (!query.business || c.business === query.business));
        rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
        return rows.slice(offset, offset + limit);
      });
    },
  };
}

export type CasesRepo = ReturnType<typeof casesRepo>;
