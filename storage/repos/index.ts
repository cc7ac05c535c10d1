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
import { makeContext, type RepoOptions } from './context';
import { documentsRepo } from './documents';
import { draftsRepo } from './drafts';
import { employeesRepo } from './employees';
import { notesRepo } from './notes';
import { focusRepo, settingsRepo } from './settings';
import { ticksRepo } from './ticks';


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
  };
  return repos;
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
