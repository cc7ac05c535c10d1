/**
 * The repositories the UI and the background use; nothing else writes to a table.
 *
 *   const repos = getRepos();                 // extension pages / background, shared database
 *   const repos = createRepos(db, { source: 'portal' });   // explicit database, e.g. in tests
 */
import { getDb, type JzzDb } from '../db';
import { auditRepo } from './audit';
import { casesRepo } from './cases';
import { companyRepo } from './company';
import { makeContext, writeTx, type RepoOptions } from './context';
import type { HolderStatus, IsoDate } from '../../rules/model';
import type { Case, CaseInput } from '../schemas';
import { documentsRepo } from './documents';
import { draftsRepo } from './drafts';
import { employeesRepo } from './employees';
import { notesRepo } from './notes';
import { portalMappingsRepo } from './portal-mappings';
import { focusRepo, settingsRepo } from './settings';
import { ticksRepo } from './ticks';
import { portalSyncRepo } from './portal-sync';


export function createRepos(db: JzzDb, options: RepoOptions = {}) {
  const ctx = makeContext(db, options);
  const repos = {
    db,
    company: companyRepo(ctx),
    employees: employeesRepo(ctx),
    cases: casesRepo(ctx),
    documents: documentsRepo(ctx),
    ticks: ticksRepo(ctx),
    notes: notesRepo(ctx),
    drafts: draftsRepo(ctx),
    settings: settingsRepo(ctx),
    focus: focusRepo(ctx),
    audit: auditRepo(ctx),
    portalSync: portalSyncRepo(ctx),
    portalMappings: portalMappingsRepo(ctx),
  };
  return {
    ...repos,
    /**
     * Opens an employee's case with what its deadlines need, in one transaction: a renewal (§六(三)) or an
     * employer change (§六(四)) is timed from the current permit's expiry, which is a fact of the employee
     * (every view reads it there). The employee becomes a holder (renewal) or a holder whose permit is
     * suspended after leaving the old employer (挂起, employer change) unless already so. Both writes are audited.
     */
    async openCase(input: CaseInput, currentPermit?: { validUntil: IsoDate }): Promise<Case> {
      return writeTx(ctx, [db.cases, db.employees], async () => {
        if (currentPermit && input.employeeId && (input.business === 'renewal' || input.business === 'employer-change')) {
          const e = await repos.employees.get(input.employeeId);
          const keep: HolderStatus[] = input.business === 'renewal' ? ['holder', 'suspended'] : ['suspended'];
          const holderStatus: HolderStatus = e && keep.includes(e.holderStatus) ? e.holderStatus : input.business === 'renewal' ? 'holder' : 'suspended';
          await repos.employees.update(input.employeeId, { permitValidUntil: currentPermit.validUntil, holderStatus });
        }
        return repos.cases.create(input);
      });
    },
  };
}

export type Repos = ReturnType<typeof createRepos>;

let shared: Repos | undefined;

/** Repositories over the shared database, audited as 'ui' writes. */
export function getRepos(): Repos {
  shared ??= createRepos(getDb());
  return shared;
}

export type { RepoOptions } from './context';
export type { ErasureReport, ListEmployeesQuery, EmployeeWithLatestCase, Page, EmployeeSort } from './employees';
export { CASE_TRANSITIONS, STATUS_LABELS } from './cases';
export type { DueQuery } from './documents';
export type { TickPatch } from './ticks';
export type { CaptureInput } from '../schemas';
export type { AuditQuery } from './audit';
export type { PackPreview } from './portal-mappings';
