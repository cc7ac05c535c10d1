import { describe, expect, it } from 'vitest';
import { openDb } from '../../../storage/db';
import { createRepos } from '../../../storage/repos';
import { makeClock, rid, useFreshDb } from './helpers';

describe('two tabs editing the same record', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  /** A second connection to the same database, as a second extension tab would open. */
  const secondTab = () => {
    const db2 = openDb(t.db.name);
    return { db2, repos2: createRepos(db2, { now: clock.ticking }) };
  };

  it('keeps both edits when the tabs change different fields of the same case at the same time', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', facts: { category: 'A' } });
    const { db2, repos2 } = secondTab();
    // Both tabs read the same version, then write different fields concurrently.
    await Promise.all([
      t.repos.cases.update(c.id, { submittedOn: '2026-03-02', facts: { housing: 'own' } }),
      repos2.cases.update(c.id, { facts: { degreeMarkedInvalid: true }, permitValidFrom: '2026-04-01' }),
    ]);
    const final = await t.repos.cases.get(c.id);
    expect(final).toMatchObject({
      submittedOn: '2026-03-02',
      permitValidFrom: '2026-04-01',
      facts: { category: 'A', housing: 'own', degreeMarkedInvalid: true },
    });
    const log = await t.repos.audit.list({ table: 'cases', recordId: c.id });
    expect(log.filter((a) => a.op === 'update').map((a) => Object.keys(a.after ?? {}).filter((k) => k !== 'updatedAt').sort())).toEqual(
      expect.arrayContaining([
        ['facts.housing', 'submittedOn'],
        ['facts.degreeMarkedInvalid', 'permitValidFrom'],
      ]),
    );
    db2.close();
  });

  it('lets the later write win field by field when both tabs change the same field, and logs both', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), phone: '13800000000' });
    const { db2, repos2 } = secondTab();
    await t.repos.employees.update(e.id, { phone: '13811111111', notes: '甲页' });
    await repos2.employees.update(e.id, { phone: '13822222222' });
    const final = await t.repos.employees.get(e.id);
    expect(final).toMatchObject({ phone: '13822222222', notes: '甲页' });
    const log = (await t.repos.audit.list({ table: 'employees', recordId: e.id })).filter((a) => a.op === 'update');
    expect(log.map((a) => a.after?.phone)).toEqual(['13822222222', '13811111111']);
    expect(log[0].before?.phone).toBe('13811111111');
    db2.close();
  });

  it('serialises many concurrent patches of different ticks and facts without losing one', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    const { db2, repos2 } = secondTab();
    const items = Array.from({ length: 20 }, (_, i) => `item-${i}`);
    await Promise.all(items.map((id, i) => (i % 2 ? t.repos : repos2).ticks.set(c.id, id, { state: 'ready' })));
    await Promise.all(items.map((id, i) => (i % 2 ? repos2 : t.repos).ticks.set(c.id, id, { note: `n${i}` })));
    const ticks = await t.repos.ticks.forCase(c.id);
    expect(Object.values(ticks).every((x) => x.state === 'ready' && x.note?.startsWith('n'))).toBe(true);
    expect(Object.keys(ticks).length).toBe(20);
    db2.close();
  });
});
