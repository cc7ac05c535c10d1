/** The employer's profile: one row (id 'company'). */
import type { Bilingual } from '../errors';
import { CompanyInput as CompanyInputSchema, CompanyPatch as CompanyPatchSchema, CompanyRow, type CompanyInput, type CompanyPatch, type CompanyProfile } from '../schemas';
import { applyPatch, audit, parseOrThrow, readOp, writeTx, type RepoContext } from './context';

const WHAT: Bilingual = { zh: '单位信息', en: 'Company profile' };

export function companyRepo(ctx: RepoContext) {
  const { db } = ctx;

  async function update(patch: CompanyPatch): Promise<CompanyProfile> {
    const p = parseOrThrow(CompanyPatchSchema, patch, WHAT);
    return writeTx(ctx, [db.company], async () => {
      const current = await db.company.get('company');
      if (!current) {
        const row = parseOrThrow(CompanyRow, { ...parseOrThrow(CompanyInputSchema, p, WHAT), id: 'company', updatedAt: ctx.now().toISOString() }, WHAT);
        await db.company.add(row);
        await audit(ctx, { table: 'company', recordId: 'company', op: 'create', after: { ...row } });
        return row;
      }
      const r = applyPatch(current, p);
      if (Object.keys(r.changes).length === 0) return current;
      r.next.updatedAt = ctx.now().toISOString();
      r.changes.updatedAt = r.next.updatedAt;
      parseOrThrow(CompanyRow, r.next, WHAT);
      await db.company.update('company', r.changes);
      await audit(ctx, { table: 'company', recordId: 'company', op: 'update', before: r.before, after: r.after });
      return r.next;
    });
  }

  return {
    /** The profile, or undefined before the first-run form was filled. */
    async get(): Promise<CompanyProfile | undefined> {
      return readOp(() => db.company.get('company'));
    },
    /** Creates the profile (all required fields) or patches it field by field. */
    save: (input: CompanyInput): Promise<CompanyProfile> => update(input),
    update,
  };
}

export type CompanyRepo = ReturnType<typeof companyRepo>;
