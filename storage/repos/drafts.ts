/**
 * Captured drafts: field values the content script read off portal pages, kept per employee
 * ('employee:<id>') or per case ('case:<id>') as a map field key → value, module, time.
 * Every change is audited with the field keys and values before/after (source 'portal').
 */
import { NOT_FOUND, StorageError, type Bilingual } from '../errors';
import { CaptureInput, DraftRow, LIMITS, type Draft } from '../schemas';
import { audit, parseOrThrow, readOp, writeTx, type RepoContext } from './context';
import { findHostileKey } from '../../utils/hostile';

const WHAT: Bilingual = { zh: '采集草稿', en: 'Captured draft' };


export interface CaptureResult {
  draftId: string;
  /** Fields whose value changed or was new. */
  saved: number;
  /** Fields that already had this value. */
  unchanged: number;
}

function draftId(employeeId: string, caseId?: string): string {
  return caseId ? `case:${caseId}` : `employee:${employeeId}`;
}

export function draftsRepo(ctx: RepoContext) {
  const { db } = ctx;

  return {
    /** Merges captured values into the employee's (or case's) draft; unchanged values keep their time. */
    async saveCaptured(input: CaptureInput): Promise<CaptureResult> {
      // Values read off a portal page (the page is untrusted): a key that could reach an object's prototype is refused
      // by name, not silently dropped by the schema.
      const hostile = findHostileKey(input);
      if (hostile) {
        throw new StorageError(
          'invalid',
          { zh: `采集的内容含有不允许的键名「${hostile}」，未保存。`, en: `The captured values contain the forbidden key "${hostile}"; not saved.` },
          { reason: 'hostile-key' },
        );
      }
      const data = parseOrThrow(CaptureInput, input, WHAT);
      return writeTx(ctx, [db.drafts, db.employees, db.cases], async () => {
        if (!(await db.employees.get(data.employeeId))) throw NOT_FOUND({ zh: '员工', en: 'Employee' }, data.employeeId);
        if (data.caseId) {
          const c = await db.cases.get(data.caseId);
          if (!c || c.employeeId !== data.employeeId) throw NOT_FOUND({ zh: '业务', en: 'Case' }, data.caseId);
        }
        const id = draftId(data.employeeId, data.caseId);
        const at = ctx.now().toISOString();
        const current = await db.drafts.get(id);
        const fields = { ...(current?.fields ?? {}) };
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        let unchanged = 0;
        for (const [key, value] of Object.entries(data.fields)) {
          const prev = Object.hasOwn(fields, key) ? fields[key] : undefined;
          if (prev && prev.value === value) {
            unchanged += 1;
            continue;
          }
          before[key] = prev?.value ?? null;
          after[key] = value;
          fields[key] = { value, module: data.module, capturedAt: at };
        }
        const saved = Object.keys(after).length;
        if (saved === 0) return { draftId: id, saved, unchanged };
        if (Object.keys(fields).length > LIMITS.capturedFieldsPerRecord) {
          throw new StorageError('invalid', {
            zh: `该草稿字段过多（上限 ${LIMITS.capturedFieldsPerRecord}），未保存。`,
            en: `The draft would exceed ${LIMITS.capturedFieldsPerRecord} fields; not saved.`,
          });
        }
        const row: Draft = { id, employeeId: data.employeeId, ...(data.caseId ? { caseId: data.caseId } : {}), fields, updatedAt: at };
        parseOrThrow(DraftRow, row, WHAT);
        await db.drafts.put(row);
        await audit(ctx, { table: 'drafts', recordId: id, op: current ? 'update' : 'create', employeeId: data.employeeId, before, after });
        return { draftId: id, saved, unchanged };
      });
    },

    /** The draft of an employee, or of one of their cases. */
    async get(employeeId: string, caseId?: string): Promise<Draft | undefined> {
      return readOp(() => db.drafts.get(draftId(employeeId, caseId)));
    },

    /** Drops a draft (e.g. after its values were copied into the employee or case). */
    async remove(id: string): Promise<void> {
      await writeTx(ctx, [db.drafts], async () => {
        const current = await db.drafts.get(id);
        if (!current) throw NOT_FOUND(WHAT, id);
        await db.drafts.delete(id);
        await audit(ctx, { table: 'drafts', recordId: id, op: 'delete', employeeId: current.employeeId });
      });
    },
  };
}

export type DraftsRepo = ReturnType<typeof draftsRepo>;
