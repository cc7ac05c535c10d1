import { describe, expect, it } from 'vitest';
import { makeClock, rid, seedPerson, snapshot, useFreshDb } from './helpers';

describe('deleting an employee', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  it('removes every piece of their personal data and leaves one audit entry without it', async () => {
    const p = await seedPerson(t.repos, '张伟', rid('1990-03-07', 123));
    const other = await seedPerson(t.repos, '李娜', rid('1991-04-08', 124));
    await t.repos.employees.update(p.employee.id, { notes: '个人备注' });
    const report = await t.repos.employees.remove(p.employee.id);
    expect(report).toMatchObject({ employees: 1, cases: 1, documents: 1, ticks: 1, notes: 1, drafts: 1 });
    expect(report.auditEntries).toBeGreaterThanOrEqual(7);

    const dump = await snapshot(t.db);
    const text = JSON.stringify(dump);
    // (phone, note text and address are shared with the other seeded employee; the next test checks those)
    for (const secret of [p.employee.id, p.kase.id, p.doc.id, p.note.id, p.employee.name, p.employee.residentId, '个人备注']) {
      expect(text).not.toContain(secret);
    }
    expect(await t.repos.employees.get(p.employee.id)).toBeUndefined();
    const erase = dump.audit.filter((a) => (a as { op: string }).op === 'erase');
    expect(erase).toEqual([
      expect.objectContaining({ table: 'employees', recordId: '-', op: 'erase', after: expect.objectContaining({ deleted: 'employee', cases: 1 }) }),
    ]);
    expect(Object.keys(erase[0] as object)).not.toContain('employeeId');
    // The other employee is untouched, focus moved away from the deleted one.
    expect(await t.repos.employees.get(other.employee.id)).toEqual(other.employee);
    expect(await t.repos.cases.listByEmployee(other.employee.id)).toHaveLength(1);
    expect((await t.repos.audit.list({ employeeId: other.employee.id })).length).toBeGreaterThan(0);
  });

  it('removes values that only the deleted employee had', async () => {
    const p = await seedPerson(t.repos);
    await t.repos.notes.add({ caseId: p.kase.id, text: '只属于张伟的秘密' });
    await t.repos.drafts.saveCaptured({ employeeId: p.employee.id, caseId: p.kase.id, module: 'person-education', fields: { 'edu.school': '北京大学' } });
    await t.repos.employees.remove(p.employee.id);
    const text = JSON.stringify(await snapshot(t.db));
    for (const secret of ['只属于张伟的秘密', '北京大学', '张伟', p.employee.residentId, '13812345678', '2015-05-01']) expect(text).not.toContain(secret);
    expect(await t.repos.focus.get()).toBeUndefined();
  });

  it('refuses to delete someone who does not exist and changes nothing', async () => {
    await seedPerson(t.repos);
    const before = await snapshot(t.db);
    await expect(t.repos.employees.remove('ghost')).rejects.toMatchObject({ code: 'not-found' });
    expect(await snapshot(t.db)).toEqual(before);
  });
});
