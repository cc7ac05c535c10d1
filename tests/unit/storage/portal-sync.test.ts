/**
 * The portal's people applied to the case book (storage/repos/portal-sync.ts): one transaction — every change
 * or none — each write audited as a portal change with its page and day; a plan made before the case book
 * changed is refused whole.
 */
import { describe, expect, it } from 'vitest';
import { makeClock, rid, snapshot, useFreshDb } from './helpers';
import type { SyncChange } from '../../../rules/portal-records';

const clock = makeClock('2026-12-04T02:00:00.000Z');
const t = useFreshDb({ now: clock.ticking });
const ORIGIN = { page: '当前在职员工 · fw.bjrcgz.gov.cn/unit-platform/#/unit-platform/employees', day: '2026-12-04' };

async function seed() {
  const e = await t.repos.employees.create({ name: '陈静', residentId: rid('1987-02-03', 22), holderStatus: 'holder', permitValidUntil: '2027-01-31' });
  const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', status: 'collecting' });
  return { e, c };
}

describe('applying a confirmed plan', () => {
  it('creates, updates and moves a case past our intermediate stages, each audited with the page and day', async () => {
    const { e, c } = await seed();
    const changes: SyncChange[] = [
      { kind: 'new-employee', row: 0, name: '吴婷', residentId: rid('1994-04-18', 22, '110105'), holderStatus: 'holder', permitValidUntil: '2029-05-31' },
      { kind: 'employee', row: 1, employeeId: e.id, name: '陈静', field: 'permitValidUntil', before: '2027-01-31', after: '2028-03-31' },
      { kind: 'case', row: 1, caseId: c.id, employeeId: e.id, name: '陈静', business: 'new-permit', field: 'status', before: 'collecting', after: 'approved' },
    ];
    const before = await t.repos.audit.count();
    expect(await t.repos.portalSync.apply(changes, ORIGIN)).toEqual({ created: 1, updated: 2 });
    expect((await t.repos.employees.get(e.id))?.permitValidUntil).toBe('2028-03-31');
    expect((await t.repos.cases.get(c.id))?.status).toBe('approved');
    const entries = (await t.repos.audit.list({ limit: 10 })).slice(0, (await t.repos.audit.count()) - before);
    expect(entries).toHaveLength(3);
    for (const entry of entries) expect(entry).toMatchObject({ source: 'portal', origin: ORIGIN });
    // Writes of the agent's own afterwards carry no portal origin.
    await t.repos.employees.update(e.id, { phone: '13812345678' });
    expect((await t.repos.audit.list({ limit: 1 }))[0].origin).toBeUndefined();
  });

  it('nothing at all is written when one change fails (a new employee already in the case book)', async () => {
    const { e } = await seed();
    const dump = await snapshot(t.db);
    const changes: SyncChange[] = [
      { kind: 'employee', row: 0, employeeId: e.id, name: '陈静', field: 'permitValidUntil', before: '2027-01-31', after: '2028-03-31' },
      { kind: 'new-employee', row: 1, name: '吴婷', residentId: rid('1994-04-18', 22, '110105'), holderStatus: 'holder' },
      { kind: 'new-employee', row: 2, name: '陈静', residentId: e.residentId, holderStatus: 'holder' },
    ];
    await expect(t.repos.portalSync.apply(changes, ORIGIN)).rejects.toMatchObject({ code: 'duplicate' });
    expect(await snapshot(t.db)).toEqual(dump);
  });

  it('a preview older than the case book is refused whole, with a Chinese reason', async () => {
    const { e } = await seed();
    await t.repos.employees.update(e.id, { permitValidUntil: '2027-06-30' });
    const dump = await snapshot(t.db);
    const stale: SyncChange[] = [
      { kind: 'new-employee', row: 0, name: '吴婷', residentId: rid('1994-04-18', 22, '110105'), holderStatus: 'holder' },
      { kind: 'employee', row: 1, employeeId: e.id, name: '陈静', field: 'permitValidUntil', before: '2027-01-31', after: '2028-03-31' },
    ];
    await expect(t.repos.portalSync.apply(stale, ORIGIN)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('请重新预览') });
    expect(await snapshot(t.db)).toEqual(dump);
  });

  it('a bad date from the plan is refused by the schemas, nothing written', async () => {
    const { e } = await seed();
    const dump = await snapshot(t.db);
    const bad: SyncChange[] = [{ kind: 'employee', row: 0, employeeId: e.id, name: '陈静', field: 'permitValidUntil', before: '2027-01-31', after: '2027-02-30' }];
    await expect(t.repos.portalSync.apply(bad, ORIGIN)).rejects.toMatchObject({ code: 'invalid' });
    expect(await snapshot(t.db)).toEqual(dump);
  });
});
