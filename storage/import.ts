/**
 * Writes an employee import plan (components/casebook/employee-import.ts) all or nothing: new employees, updates of
 * existing ones (matched by resident ID) and the cases the sheet asks to open, in ONE Dexie transaction
 * through the repositories (validated, audited as source 'import'). A failure in any row — an ID taken
 * meanwhile in another tab, an employee deleted since the preview — rolls every row back.
 */
import type { JzzDb } from './db';
import { createRepos, type RepoOptions } from './repos';
import { CANCELLED, StorageError, toStorageError } from './errors';
import type { BusinessType, CaseStatus, Category, HolderStatus, IsoDate } from '../rules/model';
import type { EmployeeInput, EmployeePatch } from './schemas';

/** The rows storage needs from a plan (the plan type lives in utils/; storage does not import it). */
export interface ImportPlan {
  invalid: number;
  rows: ReadonlyArray<{
    row: number;
    verdict: 'new' | 'update' | 'unchanged' | 'skip' | 'error';
    input?: EmployeeInput;
    employeeId?: string;
    patch?: EmployeePatch;
    openCase?: BusinessType;
  }>;
}

export interface ImportResult {
  created: number;
  updated: number;
  cases: number;
  /** Rows left as they were: unchanged, skipped (already there) or refused. */
  skipped: number;
}

/** How far an import has written: rows done / rows to write (new employees, updates, cases opened). */
export interface EmployeeImportProgress {
  done: number;
  total: number;
}

/**
 * Rows per write request: new employees and their cases are validated one by one, then written and audited in
 * bulk (a 500-row sheet is one request of each); the progress moves and cancel is checked between chunks.
 */
const IMPORT_CHUNK = 500;

/** Status of a case the import opens: the agent is collecting the materials. */
const IMPORTED_CASE_STATUS: CaseStatus = 'collecting';

/**
 * Applies the plan. Refuses when any row has errors unless `skipInvalid` is set (then the bad rows are left
 * out, never half-written). Returns what was written.
 */
export async function applyEmployeeImport(
  db: JzzDb,
  plan: ImportPlan,
  options: RepoOptions & {
    skipInvalid?: boolean;
    errorLines?: readonly string[];
    /** Called before the first write (done 0) and after each chunk, inside the one transaction. */
    onProgress?: (p: EmployeeImportProgress) => void;
    /** Aborted before the commit: everything is rolled back (StorageError 'cancelled'). */
    signal?: AbortSignal;
  } = {},
): Promise<ImportResult> {
  if (plan.invalid > 0 && !options.skipInvalid) {
    throw new StorageError('invalid', {
      zh: `有 ${plan.invalid} 行数据有误，未导入任何员工。请改正后重新导入，或选择跳过有误的行。`,
      en: `${plan.invalid} row(s) have errors; no employee was imported. Fix them and import again, or choose to skip the bad rows.`,
    }, { details: (options.errorLines ?? []).slice(0, 20) });
  }
  const repos = createRepos(db, { ...options, source: 'import' });
  const result: ImportResult = { created: 0, updated: 0, cases: 0, skipped: 0 };
  const news = plan.rows.filter((r) => r.verdict === 'new' && r.input);
  const updates = plan.rows.filter((r) => r.verdict === 'update' && r.employeeId);
  result.skipped = plan.rows.length - news.length - updates.length;
  const progress: EmployeeImportProgress = { done: 0, total: news.length + updates.length + [...news, ...updates].filter((r) => r.openCase).length };
  const step = (n: number) => {
    progress.done += n;
    if (options.signal?.aborted) throw CANCELLED();
    options.onProgress?.({ ...progress });
  };
  try {
    await db.transaction('rw', [db.employees, db.cases, db.audit], async () => {
      step(0);
      const employeeOf = new Map<(typeof plan.rows)[number], string>();
      for (let i = 0; i < news.length; i += IMPORT_CHUNK) {
        const chunk = news.slice(i, i + IMPORT_CHUNK);
        const created = await repos.employees.createMany(chunk.map((r) => r.input!));
        chunk.forEach((r, k) => employeeOf.set(r, created[k].id));
        result.created += created.length;
        step(chunk.length);
      }
      for (const r of updates) {
        // update() throws not-found for an employee deleted since the preview; a row that only opens a
        // case checks the same, so the whole import rolls back either way.
        if (r.patch && Object.keys(r.patch).length) await repos.employees.update(r.employeeId!, r.patch);
        else if (!(await repos.employees.get(r.employeeId!))) {
          throw new StorageError('not-found', { zh: `第 ${r.row} 行的员工已被删除，未导入任何数据。`, en: `The employee of row ${r.row} was deleted meanwhile; nothing was imported.` });
        }
        employeeOf.set(r, r.employeeId!);
        result.updated += 1;
        step(1);
      }
      // Cases in the sheet's order, each after its employee exists.
      const opening = plan.rows.filter((r) => r.openCase && employeeOf.has(r));
      for (let i = 0; i < opening.length; i += IMPORT_CHUNK) {
        const chunk = opening.slice(i, i + IMPORT_CHUNK);
        await repos.cases.createMany(chunk.map((r) => ({ employeeId: employeeOf.get(r)!, business: r.openCase!, status: IMPORTED_CASE_STATUS })));
        result.cases += chunk.length;
        step(chunk.length);
      }
    });
  } catch (e) {
    throw toStorageError(e);
  }
  return result;
}

/** An employee as the import compares it: the fields a sheet can set, and the businesses of their cases. */
export interface ImportExisting {
  id: string;
  name: string;
  residentId: string;
  phone?: string;
  category?: Category;
  holderStatus: HolderStatus;
  permitValidUntil?: IsoDate;
  notes?: string;
  /** Businesses of the employee's cases that are not voided (a case of one of these is not opened again). */
  businesses: BusinessType[];
}

/** Every employee with the businesses of their cases (see below), for the import's comparison. */
export async function importExisting(db: JzzDb): Promise<ImportExisting[]> {
  try {
    const [employees, cases] = await db.transaction('r', [db.employees, db.cases], () => Promise.all([db.employees.toArray(), db.cases.toArray()]));
    // Businesses of the cases not voided, and the latest case's whatever its status: that is the one the
    // case book's export shows as 当前业务, so re-importing an export opens no case.
    const byEmployee = new Map<string, BusinessType[]>();
    const latest = new Map<string, (typeof cases)[number]>();
    for (const c of cases) {
      if (!c.employeeId) continue;
      const l = latest.get(c.employeeId);
      if (!l || c.createdAt > l.createdAt) latest.set(c.employeeId, c);
      if (c.status === 'voided') continue;
      const list = byEmployee.get(c.employeeId) ?? [];
      list.push(c.business);
      byEmployee.set(c.employeeId, list);
    }
    for (const [id, c] of latest) {
      const list = byEmployee.get(id) ?? [];
      if (!list.includes(c.business)) byEmployee.set(id, [...list, c.business]);
    }
    return employees.map((e) => ({
      id: e.id,
      name: e.name,
      residentId: e.residentId,
      ...(e.phone ? { phone: e.phone } : {}),
      ...(e.category ? { category: e.category } : {}),
      holderStatus: e.holderStatus,
      ...(e.permitValidUntil ? { permitValidUntil: e.permitValidUntil } : {}),
      ...(e.notes ? { notes: e.notes } : {}),
      businesses: byEmployee.get(e.id) ?? [],
    }));
  } catch (e) {
    throw toStorageError(e);
  }
}
