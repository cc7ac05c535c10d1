/**
 * Settings (one row 'app', defaults until first saved) and the focus record (one row 'focus': the
 * employee/case selected in the side panel, which the content script fills from). Focus is navigation
 * state, not data, so it is not audited.
 */
import { NOT_FOUND, toStorageError, type Bilingual } from '../errors';
import { DEFAULT_SETTINGS, RecordId, StoredReminderLeads, SettingsPatch as SettingsPatchSchema, SettingsRow, type Focus, type Settings, type SettingsPatch } from '../schemas';
import { z } from 'zod';
import { applyPatch, audit, compact, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '设置', en: 'Settings' };

/** A stored settings row as this version reads it (schema 2's unused `reminders` shape → the default lead times). */
function current(row: Settings | undefined): Settings | undefined {
  if (!row) return undefined;
  const reminders = StoredReminderLeads.safeParse(row.reminders);
  // Rows written before issue #14 lack the buffer and the entered notices: they read as the defaults.
  return {
    ...row,
    reminders: reminders.success ? reminders.data : { ...DEFAULT_SETTINGS.reminders },
    localityBufferWorkdays: row.localityBufferWorkdays ?? DEFAULT_SETTINGS.localityBufferWorkdays,
    holidayArrangements: row.holidayArrangements ?? [],
  };
}
const FocusInput = z.strictObject({ employeeId: RecordId, caseId: RecordId.optional() });

export function settingsRepo(ctx: RepoContext) {
  const { db } = ctx;

  return {
    /** The settings, with defaults filled in when nothing was saved yet. */
    async get(): Promise<Settings> {
      return readOp(async () => current(await db.settings.get('app')) ?? { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders }, holidayArrangements: [], updatedAt: new Date(0).toISOString() });
    },

    /** Field-level patch; `reminders` merges key by key, `wageOverrides` and `holidayArrangements` are replaced as whole lists. */
    async update(patch: SettingsPatch): Promise<Settings> {
      const p = parseOrThrow(SettingsPatchSchema, patch, WHAT);
      return writeTx(ctx, [db.settings], async () => {
        const stored = current(await db.settings.get('app'));
        const base: Settings = stored ?? { ...DEFAULT_SETTINGS, reminders: { ...DEFAULT_SETTINGS.reminders }, updatedAt: ctx.now().toISOString() };
        const r = applyPatch(base, p, ['reminders']);
        if (stored && Object.keys(r.changes).length === 0) return base;
        r.next.updatedAt = ctx.now().toISOString();
        r.changes.updatedAt = r.next.updatedAt;
        parseOrThrow(SettingsRow, r.next, WHAT);
        // put, not update: a row read through current() may differ from the stored one beyond the changes.
        if (stored) await db.settings.put(r.next);
        else await db.settings.add(r.next);
        await audit(ctx, { table: 'settings', recordId: 'app', op: stored ? 'update' : 'create', before: r.before, after: r.after });
        return r.next;
      });
    },
  };
}

export function focusRepo(ctx: RepoContext) {
  const { db } = ctx;
  return {
    async get(): Promise<Focus | undefined> {
      return readOp(() => db.focus.get('focus'));
    },
    /** Puts an employee (and optionally one of their cases) in focus. */
    async set(employeeId: string, caseId?: string): Promise<Focus> {
      const input = parseOrThrow(FocusInput, compact({ employeeId, caseId }), { zh: '当前员工', en: 'Focus' });
      try {
        return await db.transaction('rw', db.focus, db.employees, db.cases, async () => {
          if (!(await db.employees.get(input.employeeId))) throw NOT_FOUND({ zh: '员工', en: 'Employee' }, input.employeeId);
          if (input.caseId) {
            const c = await db.cases.get(input.caseId);
            if (!c || c.employeeId !== input.employeeId) throw NOT_FOUND({ zh: '业务', en: 'Case' }, input.caseId);
          }
          const row: Focus = compact({ id: 'focus', ...input, at: ctx.now().toISOString() });
          await db.focus.put(row);
          return row;
        });
      } catch (e) {
        throw toStorageError(e);
      }
    },
    async clear(): Promise<void> {
      await readOp(() => db.focus.delete('focus'));
    },
  };
}

export type SettingsRepo = ReturnType<typeof settingsRepo>;
export type FocusRepo = ReturnType<typeof focusRepo>;
