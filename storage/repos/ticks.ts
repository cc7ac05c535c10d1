/** Checklist ticks: one per (case, checklist item id from rules/), state todo/ready/uploaded/na. */
import type { TickState } from '../../rules/model';
import { NOT_FOUND, type Bilingual } from '../errors';
import { ItemId, RecordId, TickRow, type Tick } from '../schemas';
import { z } from 'zod';
import { applyPatch, audit, compact, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '清单勾选', en: 'Checklist tick' };

const TickKey = z.strictObject({ caseId: RecordId, itemId: ItemId });
const TickPatch = z.strictObject({
  state: TickRow.shape.state.optional(),
  note: TickRow.shape.note.unwrap().nullable().optional(),
});
export type TickPatch = z.input<typeof TickPatch>;

export function ticksRepo(ctx: RepoContext) {
  const { db } = ctx;

  return {
    /**
     * Sets a tick's state and/or note (creating it as 'todo' first if the item was never touched).
     * Field-level like every update: changing the note leaves a concurrent state change alone.
     */
    async set(caseId: string, itemId: string, patch: TickPatch): Promise<Tick> {
      parseOrThrow(TickKey, { caseId, itemId }, WHAT);
      const p = parseOrThrow(TickPatch, patch, WHAT);
      return writeTx(ctx, [db.ticks, db.cases], async () => {
        const c = await db.cases.get(caseId);
        if (!c) throw NOT_FOUND({ zh: '业务', en: 'Case' }, caseId);
        const at = ctx.now().toISOString();
        const current = await db.ticks.get([caseId, itemId]);
        if (!current) {
          const row: Tick = compact({ caseId, itemId, state: p.state ?? 'todo', note: p.note ?? undefined, updatedAt: at });
          parseOrThrow(TickRow, row, WHAT);
          await db.ticks.add(row);
          await audit(ctx, { table: 'ticks', recordId: `${caseId}|${itemId}`, op: 'create', employeeId: c.employeeId, after: { ...row } });
          return row;
        }
        const r = applyPatch(current, p);
        if (Object.keys(r.changes).length === 0) return current;
        r.next.updatedAt = at;
        r.changes.updatedAt = at;
        parseOrThrow(TickRow, r.next, WHAT);
        await db.ticks.update([caseId, itemId], r.changes);
        await audit(ctx, { table: 'ticks', recordId: `${caseId}|${itemId}`, op: 'update', employeeId: c.employeeId, before: r.before, after: r.after });
        return r.next;
      });
    },

    async get(caseId: string, itemId: string): Promise<Tick | undefined> {
      return readOp(() => db.ticks.get([caseId, itemId]));
    },

    /** All ticks of a case, keyed by item id. */
    async forCase(caseId: string): Promise<Record<string, Tick>> {
      return readOp(async () => {
        const rows = await db.ticks.where('caseId').equals(caseId).toArray();
        return Object.fromEntries(rows.map((t) => [t.itemId, t]));
      });
    },

    /** How many items of a case are in each state. */
    async countByState(caseId: string): Promise<Record<TickState, number>> {
      return readOp(async () => {
        const out: Record<TickState, number> = { todo: 0, ready: 0, uploaded: 0, na: 0 };
        await db.ticks.where('caseId').equals(caseId).each((t) => void (out[t.state] += 1));
        return out;
      });
    },

    async remove(caseId: string, itemId: string): Promise<void> {
      await writeTx(ctx, [db.ticks, db.cases], async () => {
        const current = await db.ticks.get([caseId, itemId]);
        if (!current) throw NOT_FOUND(WHAT, `${caseId}|${itemId}`);
        const c = await db.cases.get(caseId);
        await db.ticks.delete([caseId, itemId]);
        await audit(ctx, { table: 'ticks', recordId: `${caseId}|${itemId}`, op: 'delete', employeeId: c?.employeeId });
      });
    },
  };
}

export type TicksRepo = ReturnType<typeof ticksRepo>;
