/**
 * The portal fills the case book (issue #17): a plan of changes read off a portal page (rules/portal-records.ts)
 * applied in one transaction — new employees, validity dates, holder and case states — all or nothing, each
 * write audited as a 'portal' change with the page and the Beijing day it came from. A plan made from a
 * case book that changed since the preview is refused whole: the agent previews again.
 */
import type { Case, Employee, EmployeePatch, CasePatch } from '../schemas';
import type { SyncChange } from '../../rules/portal-records';
import type { AuditOrigin } from '../schemas';
import { StorageError } from '../errors';
import { casesRepo } from './cases';
import { employeesRepo } from './employees';
import { readOp, writeTx, type RepoContext } from './context';

export interface PortalSyncResult {
  created: number;
  updated: number;
}

const STALE = () =>
  new StorageError(
    'conflict',
    { zh: '案卷在预览之后已有改动，未保存任何内容：请重新预览。', en: 'The case book changed after the preview; nothing was saved. Preview again.' },
    { reason: 'stale-preview' },
  );

export function portalSyncRepo(ctx: RepoContext) {
  const { db } = ctx;
  return {
    /** Every employee and case (what a list is matched against). */
    async snapshot(): Promise<{ employees: Employee[]; cases: Case[] }> {
      return readOp(async () => ({ employees: await db.employees.toArray(), cases: await db.cases.toArray() }));
    },

    /** Applies a confirmed plan; nothing is written unless every change is. */
    async apply(changes: readonly SyncChange[], origin: AuditOrigin): Promise<PortalSyncResult> {
      const portal: RepoContext = { ...ctx, source: 'portal', origin };
      const employees = employeesRepo(portal);
      const cases = casesRepo(portal);
      const empPatches = new Map<string, EmployeePatch>();
      const casePatches = new Map<string, CasePatch>();
      for (const c of changes) {
        if (c.kind === 'employee') empPatches.set(c.employeeId, { ...empPatches.get(c.employeeId), [c.field]: c.after });
        if (c.kind === 'case') casePatches.set(c.caseId, { ...casePatches.get(c.caseId), [c.field]: c.after });
      }
      return writeTx(portal, [db.employees, db.cases], async () => {
        let created = 0;
        for (const c of changes) {
          if (c.kind !== 'new-employee') continue;
          await employees.create({
            name: c.name,
            residentId: c.residentId,
            holderStatus: c.holderStatus,
            ...(c.permitValidUntil ? { permitValidUntil: c.permitValidUntil } : {}),
          });
          created++;
        }
        for (const c of changes) {
          if (c.kind === 'employee') {
            const now = await db.employees.get(c.employeeId);
            if (!now || ((now[c.field] as string | undefined) ?? null) !== c.before) throw STALE();
          } else if (c.kind === 'case') {
            const now = await db.cases.get(c.caseId);
            if (!now || ((now[c.field] as string | undefined) ?? null) !== c.before) throw STALE();
          }
        }
        for (const [id, patch] of empPatches) await employees.update(id, patch);
        // The portal is the record of where a business stands: its state may skip our intermediate stages.
        for (const [id, patch] of casePatches) await cases.update(id, patch, { anyTransition: true });
        return { created, updated: empPatches.size + casePatches.size };
      });
    },
  };
}
