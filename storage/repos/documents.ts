/**
 * Documents (materials) with their validity: each row stores `fallsBelowRuleOn`, the first day it no
 * longer has the 3 / 6 months of validity §五 asks for, so "what falls below within N days" is an
 * index range query.
 */
import type { IsoDate } from '../../rules/model';
import { NOT_FOUND, StorageError, type Bilingual } from '../errors';
import { today } from '../dates';
import { addDays } from '../../rules/dates';
import { deriveFallsBelow } from '../derive';
import {
  DocumentInput as DocumentInputSchema,
  DocumentPatch as DocumentPatchSchema,
  DocumentRow,
  type DocumentInput,
  type DocumentPatch,
  type DocumentRecord,
} from '../schemas';
import { applyPatch, audit, compact, newId, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '材料', en: 'Document' };

export interface DueQuery {
  /** The reference day; default today in Beijing. */
  today?: IsoDate;
  /** Also list documents that already fell below their rule (default true: they need action most). */
  includeAlreadyBelow?: boolean;
  employeeId?: string;
}

export function documentsRepo(ctx: RepoContext) {
  const { db } = ctx;

  return {
    /**
     * Adds a document to an employee, a case (its employee is filled in) or, with neither, the company.
     * Its rule follows the kind: 合同类 kinds need 6 months of validity, others 3 (§五).
     */
    async create(input: DocumentInput): Promise<DocumentRecord> {
      const data = parseOrThrow(DocumentInputSchema, input, WHAT);
      const at = ctx.now().toISOString();
      return writeTx(ctx, [db.documents, db.cases, db.employees], async () => {
        let employeeId = data.employeeId;
        if (data.caseId) {
          const c = await db.cases.get(data.caseId);
          if (!c) throw NOT_FOUND({ zh: '业务', en: 'Case' }, data.caseId);
          if (employeeId && c.employeeId !== employeeId) {
            throw new StorageError('invalid', {
              zh: '材料所属员工与业务的员工不一致，未保存。',
              en: "The document's employee differs from the case's employee; not saved.",
            });
          }
          employeeId = c.employeeId;
        } else if (employeeId && !(await db.employees.get(employeeId))) {
          throw NOT_FOUND({ zh: '员工', en: 'Employee' }, employeeId);
        }
        const row: DocumentRecord = compact({
          id: newId(),
          ...data,
          employeeId,
          fallsBelowRuleOn: deriveFallsBelow(data.kind, data.validUntil),
          createdAt: at,
          updatedAt: at,
        });
        parseOrThrow(DocumentRow, row, WHAT);
        await db.documents.add(row);
        await audit(ctx, { table: 'documents', recordId: row.id, op: 'create', employeeId, after: { ...row } });
        return row;
      });
    },

    async get(id: string): Promise<DocumentRecord | undefined> {
      return readOp(() => db.documents.get(id));
    },

    /** Field-level patch; `fallsBelowRuleOn` follows the kind and validUntil. */
    async update(id: string, patch: DocumentPatch): Promise<DocumentRecord> {
      const p = parseOrThrow(DocumentPatchSchema, patch, WHAT);
      return writeTx(ctx, [db.documents], async () => {
        const current = await db.documents.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        const validUntil = p.validUntil === null ? undefined : (p.validUntil ?? current.validUntil);
        const kind = p.kind ?? current.kind;
        const r = applyPatch(current, { ...p, fallsBelowRuleOn: deriveFallsBelow(kind, validUntil) ?? null });
        if (Object.keys(r.changes).length === 0) return current;
        r.next.updatedAt = ctx.now().toISOString();
        r.changes.updatedAt = r.next.updatedAt;
        parseOrThrow(DocumentRow, r.next, WHAT);
        await db.documents.update(id, r.changes);
        await audit(ctx, { table: 'documents', recordId: id, op: 'update', employeeId: current.employeeId, before: r.before, after: r.after });
        return r.next;
      });
    },

    async remove(id: string): Promise<void> {
      await writeTx(ctx, [db.documents], async () => {
        const current = await db.documents.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        await db.documents.delete(id);
        await audit(ctx, { table: 'documents', recordId: id, op: 'delete', employeeId: current.employeeId });
      });
    },

    /** Documents of an employee (all their cases included) or of one case. */
    async listFor(owner: { employeeId: string } | { caseId: string }): Promise<DocumentRecord[]> {
      return readOp(() =>
        'caseId' in owner
          ? db.documents.where('caseId').equals(owner.caseId).toArray()
          : db.documents.where('employeeId').equals(owner.employeeId).toArray(),
      );
    },

    /**
     * Documents that fall below their §五 validity rule within `days` days of `today` (inclusive),
     * soonest first — answered from the `fallsBelowRuleOn` index, no table scan.
     */
    async fallingBelowWithin(days: number, query: DueQuery = {}): Promise<DocumentRecord[]> {
      const from = query.today ?? today(ctx.now());
      const until = addDays(from, Math.max(0, Math.floor(days)));
      return readOp(async () => {
        const idx = db.documents.where('fallsBelowRuleOn');
        const coll = query.includeAlreadyBelow === false ? idx.between(from, until, true, true) : idx.belowOrEqual(until);
        const rows = query.employeeId ? await coll.filter((d) => d.employeeId === query.employeeId).toArray() : await coll.toArray();
        return rows;
      });
    },
  };
}

export type DocumentsRepo = ReturnType<typeof documentsRepo>;
