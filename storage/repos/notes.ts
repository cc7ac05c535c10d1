/** Time-stamped notes on an employee or a case. */
import { NOT_FOUND, StorageError, type Bilingual } from '../errors';
import { NoteInput as NoteInputSchema, NoteRow, LIMITS, type Note, type NoteInput } from '../schemas';
import { z } from 'zod';
import { applyPatch, audit, compact, newId, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '备注', en: 'Note' };
const NoteText = z.strictObject({ text: z.string().trim().min(1, { message: '不能为空 / Must not be empty' }).max(LIMITS.notes) });

export function notesRepo(ctx: RepoContext) {
  const { db } = ctx;

  return {
    /** Adds a note to an employee or a case (a case's note also records the case's employee). */
    async add(input: NoteInput): Promise<Note> {
      const data = parseOrThrow(NoteInputSchema, input, WHAT);
      return writeTx(ctx, [db.notes, db.cases, db.employees], async () => {
        let employeeId = data.employeeId;
        if (data.caseId) {
          const c = await db.cases.get(data.caseId);
          if (!c) throw NOT_FOUND({ zh: '业务', en: 'Case' }, data.caseId);
          if (employeeId && employeeId !== c.employeeId) {
            throw new StorageError('invalid', { zh: '备注所属员工与业务不一致，未保存。', en: "The note's employee differs from the case's; not saved." });
          }
          employeeId = c.employeeId;
        } else if (employeeId && !(await db.employees.get(employeeId))) {
          throw NOT_FOUND({ zh: '员工', en: 'Employee' }, employeeId);
        }
        if (data.id && (await db.notes.get(data.id))) {
          throw new StorageError('duplicate', { zh: '该备注已存在，未重复添加。', en: 'This note already exists; not added twice.' });
        }
        const at = ctx.now().toISOString();
        const row: Note = compact({ id: data.id ?? newId(), employeeId, caseId: data.caseId, text: data.text, at, updatedAt: at });
        parseOrThrow(NoteRow, row, WHAT);
        await db.notes.add(row);
        await audit(ctx, { table: 'notes', recordId: row.id, op: 'create', employeeId, after: { ...row } });
        return row;
      });
    },

    async update(id: string, text: string): Promise<Note> {
      const p = parseOrThrow(NoteText, { text }, WHAT);
      return writeTx(ctx, [db.notes], async () => {
        const current = await db.notes.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        const r = applyPatch(current, p);
        if (Object.keys(r.changes).length === 0) return current;
        r.next.updatedAt = ctx.now().toISOString();
        r.changes.updatedAt = r.next.updatedAt;
        await db.notes.update(id, r.changes);
        await audit(ctx, { table: 'notes', recordId: id, op: 'update', employeeId: current.employeeId, before: r.before, after: r.after });
        return r.next;
      });
    },

    async remove(id: string): Promise<void> {
      await writeTx(ctx, [db.notes], async () => {
        const current = await db.notes.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        await db.notes.delete(id);
        await audit(ctx, { table: 'notes', recordId: id, op: 'delete', employeeId: current.employeeId });
      });
    },

    /** Notes of an employee (including those on their cases) or of one case, newest first. */
    async listFor(owner: { employeeId: string } | { caseId: string }): Promise<Note[]> {
      return readOp(async () => {
        const rows =
          'caseId' in owner
            ? await db.notes.where('caseId').equals(owner.caseId).toArray()
            : await db.notes.where('employeeId').equals(owner.employeeId).toArray();
        return rows.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
      });
    },
  };
}

export type NotesRepo = ReturnType<typeof notesRepo>;
