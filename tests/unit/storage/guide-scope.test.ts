/** §七 4 in the stored data: an employee the guide is not for gets the 按原有条件和程序办理 notice, not the Daxing checklist. */
import { describe, expect, it } from 'vitest';
import { caseChecklist } from '../../../rules/case-facts';
import { makeClock, rid, useFreshDb } from './helpers';

describe('the guide scope of a stored employee', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('gives a 港澳台居民居住证 holder (810000…) the notice and no items', async () => {
    const e = await t.repos.employees.create({ name: '陈家明', residentId: rid('1990-03-07', 123, '810000') });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    const list = caseChecklist(c, e);
    expect(list.outOfScope).toBe(true);
    expect(list.items).toEqual([]);
    expect(list.notes[0].zh).toMatch(/^港澳台人才：按原有条件和程序办理/);
  });

  it('follows the group the agent chose, and back', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    expect(caseChecklist(c, e).outOfScope).toBeUndefined();
    expect(caseChecklist(c, e).items.length).toBeGreaterThan(5);
    const marked = await t.repos.employees.update(e.id, { applicantGroup: 'overseas-high-level' });
    expect(caseChecklist(c, marked).outOfScope).toBe(true);
    expect(caseChecklist(c, marked).notes[0].zh).toMatch(/^海外高层次人才：按原有条件和程序办理/);
    const cleared = await t.repos.employees.update(e.id, { applicantGroup: null });
    expect(cleared.applicantGroup).toBeUndefined();
    expect(caseChecklist(c, cleared).outOfScope).toBeUndefined();
  });

  it('keeps the Daxing checklist for a domestic employee chosen explicitly', async () => {
    const e = await t.repos.employees.create({ name: '李娜', residentId: rid('1991-05-05', 42), applicantGroup: 'domestic' });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    expect(caseChecklist(c, e).outOfScope).toBeUndefined();
  });
});

describe('checklist facts of issue #14 stored on the case', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('a 单位公房 lease and an old-system holder change the stored case\'s checklist', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', facts: { category: 'A', housing: 'employer-housing', employerHousingDocument: 'lease' } });
    const ids = caseChecklist(c, e).items.map((i) => i.id);
    expect(ids).toContain('housing-employer-lease');
    expect(ids).not.toContain('housing-employer-property-proof');
    const r = await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    expect(caseChecklist(r, e).items.map((i) => i.id)).not.toContain('old-system-complete-info');
    const old = await t.repos.cases.update(r.id, { facts: { oldSystemHolder: true } });
    expect(caseChecklist(old, e).items.map((i) => i.id)).toContain('old-system-complete-info');
  });
});
