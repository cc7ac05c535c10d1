import { describe, expect, it } from 'vitest';
import { makeClock, rid, snapshot, useFreshDb } from './helpers';

describe('the audit log', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('records a create with the new row, an update with only the changed fields, a delete with nothing', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), phone: '13812345678' });
    await t.repos.employees.update(e.id, { phone: '13900000000', notes: '新号码' });
    const n = await t.repos.notes.add({ employeeId: e.id, text: '临时' });
    await t.repos.notes.remove(n.id);
    const entries = (await t.repos.audit.list()).reverse();
    expect(entries.map((a) => [a.table, a.op])).toEqual([
      ['employees', 'create'],
      ['employees', 'update'],
      ['notes', 'create'],
      ['notes', 'delete'],
    ]);
    expect(entries[0].after).toMatchObject({ name: '张伟', residentId: e.residentId });
    expect(entries[1].before).toEqual({ phone: '13812345678', notes: null });
    expect(entries[1].after).toEqual({ phone: '13900000000', notes: '新号码' });
    expect(entries[3].before).toBeUndefined();
    expect(entries[3].after).toBeUndefined();
    expect(entries.every((a) => a.source === 'ui' && a.employeeId === e.id)).toBe(true);
    expect(entries.map((a) => a.id)).toEqual([...entries.map((a) => a.id)].sort((x, y) => x - y));
  });

  it('writes nothing, not even an audit entry, for an update that changes nothing', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const before = await snapshot(t.db);
    expect(await t.repos.employees.update(e.id, { name: '张伟' })).toEqual(e);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('rolls the change back when its audit entry cannot be written', async () => {
    const failing = () => {
      throw new Error('disk on fire');
    };
    t.db.audit.hook('creating', failing);
    await expect(t.repos.employees.create({ name: '张伟', residentId: rid() })).rejects.toThrow(/disk on fire/);
    expect(await t.db.employees.count()).toBe(0);
    t.db.audit.hook('creating').unsubscribe(failing);
    await t.repos.employees.create({ name: '张伟', residentId: rid() });
    expect(await t.db.employees.count()).toBe(1);
  });

  it('marks writes from the portal with source "portal"', async () => {
    const { createRepos } = await import('../../../storage/repos');
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    await createRepos(t.db, { source: 'portal' }).drafts.saveCaptured({ employeeId: e.id, module: null, fields: { a: '1' } });
    expect((await t.repos.audit.list({ limit: 1 }))[0].source).toBe('portal');
  });

  it('lists entries of one record, of one employee, and pages backwards', async () => {
    const a = await t.repos.employees.create({ name: '甲', residentId: rid('1990-01-01', 1) });
    const b = await t.repos.employees.create({ name: '乙', residentId: rid('1990-01-01', 2) });
    await t.repos.employees.update(a.id, { notes: 'x' });
    const c = await t.repos.cases.create({ employeeId: a.id, business: 'renewal' });
    expect((await t.repos.audit.list({ table: 'employees', recordId: a.id })).map((x) => x.op)).toEqual(['update', 'create']);
    expect((await t.repos.audit.list({ employeeId: a.id })).map((x) => x.table)).toEqual(['cases', 'employees', 'employees']);
    expect((await t.repos.audit.list({ employeeId: b.id })).length).toBe(1);
    const all = await t.repos.audit.list();
    expect(all.length).toBe(4);
    const older = await t.repos.audit.list({ before: all[1].id });
    expect(older.map((x) => x.id)).toEqual(all.slice(2).map((x) => x.id));
    expect((await t.repos.audit.list({ table: 'cases' })).map((x) => x.recordId)).toEqual([c.id]);
    expect(await t.repos.audit.count()).toBe(4);
  });
});
