import { describe, expect, it } from 'vitest';
import { checkResidentId } from '../../../rules/identity';
import { mulberry32, seedBench } from '../../bench/seed-db';
import { openDb } from '../../../storage/db';
import { createRepos } from '../../../storage/repos';
import { snapshot, useFreshDb } from './helpers';

describe('the benchmark seeder', () => {
  const t = useFreshDb();

  it('draws the same numbers from the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('seeds N employees with M documents each, identically for the same seed', async () => {
    const r = await seedBench(t.db, { employees: 50, documentsPerEmployee: 4, seed: 7 });
    expect(r).toMatchObject({ employees: 50, documents: 200 });
    const other = openDb(`test-bench-${globalThis.crypto.randomUUID()}`);
    try {
      await seedBench(other, { employees: 50, documentsPerEmployee: 4, seed: 7 });
      expect(await snapshot(other)).toEqual(await snapshot(t.db));
    } finally {
      await other.delete();
    }
  });

  it('makes made-up employees with valid, distinct resident IDs that the queries can use', async () => {
    await seedBench(t.db, { employees: 200, documentsPerEmployee: 3, seed: 1 });
    const employees = await t.db.employees.toArray();
    expect(new Set(employees.map((e) => e.residentId)).size).toBe(200);
    expect(employees.every((e) => checkResidentId(e.residentId, '2026-01-01').ok)).toBe(true);
    const repos = createRepos(t.db);
    const due = await repos.documents.fallingBelowWithin(60, { today: '2026-01-01' });
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d, i) => i === 0 || due[i - 1].fallsBelowRuleOn! <= d.fallsBelowRuleOn!)).toBe(true);
    const page = await repos.employees.list({ limit: 20 });
    expect(page.total).toBe(200);
  });
});
