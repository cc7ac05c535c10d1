import { describe, expect, it } from 'vitest';
import { checklist } from '../../../rules/checklist';
import { toChecklistFacts } from '../../../rules/case-facts';
import { CASE_TRANSITIONS } from '../../../storage/repos';
import type { StorageError } from '../../../storage/errors';
import { makeClock, rid, snapshot, useFreshDb } from './helpers';

describe('the cases repository', () => {
  const clock = makeClock('2026-03-01T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });
  const employee = () => t.repos.employees.create({ name: '张伟', residentId: rid() });

  it('opens a case as a draft with empty facts', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    expect(c).toMatchObject({ employeeId: e.id, business: 'new-permit', status: 'draft', facts: {} });
    expect(await t.repos.cases.get(c.id)).toEqual(c);
  });

  it('needs an employee for an employee business but not for the employer registration', async () => {
    await expect(t.repos.cases.create({ business: 'renewal' })).rejects.toMatchObject({ code: 'invalid' });
    const c = await t.repos.cases.create({ business: 'employer-registration' });
    expect(c.employeeId).toBeUndefined();
    await expect(t.repos.cases.create({ employeeId: 'ghost', business: 'renewal' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('walks the real pipeline and stamps submitted, accepted and decided dates', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    await t.repos.cases.setStatus(c.id, 'collecting');
    await t.repos.cases.setStatus(c.id, 'employer-review');
    await t.repos.cases.setStatus(c.id, 'locality-review', { on: '2026-03-02' });
    await t.repos.cases.setStatus(c.id, 'district-review', { on: '2026-03-05' });
    const done = await t.repos.cases.setStatus(c.id, 'approved', { on: '2026-03-30' });
    expect(done).toMatchObject({ status: 'approved', submittedOn: '2026-03-02', acceptedOn: '2026-03-05', decidedOn: '2026-03-30' });
  });

  it('stamps today in Beijing when no date is given', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', status: 'employer-review' });
    // 2026-03-01T02:00Z is already 10:00 on 1 March in Beijing.
    expect((await t.repos.cases.setStatus(c.id, 'locality-review')).submittedOn).toBe('2026-03-01');
  });

  it('refuses a status jump the pipeline does not allow, naming both statuses, and changes nothing', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    const before = await snapshot(t.db);
    const err = (await t.repos.cases.update(c.id, { status: 'approved' }).catch((x: unknown) => x)) as StorageError;
    expect(err.code).toBe('conflict');
    expect(err.zh).toContain('草稿');
    expect(err.zh).toContain('已核准');
    expect(await snapshot(t.db)).toEqual(before);
    // a correction may override the pipeline explicitly
    expect((await t.repos.cases.update(c.id, { status: 'approved' }, { anyTransition: true })).status).toBe('approved');
  });

  it('voids any case and reopens a voided one, keeping everything it held', async () => {
    expect(CASE_TRANSITIONS.approved).toEqual(['voided']);
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal', status: 'collecting', facts: { housing: 'rented' } });
    await t.repos.cases.setStatus(c.id, 'voided');
    const reopened = await t.repos.cases.setStatus(c.id, 'collecting');
    expect(reopened).toMatchObject({ status: 'collecting', facts: { housing: 'rented' } });
    await t.repos.cases.setStatus(c.id, 'voided');
    await expect(t.repos.cases.setStatus(c.id, 'approved')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('clears the old accepted and decided dates when a returned case is resubmitted', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal', status: 'employer-review' });
    await t.repos.cases.setStatus(c.id, 'locality-review', { on: '2026-03-02' });
    await t.repos.cases.setStatus(c.id, 'district-review', { on: '2026-03-05' });
    await t.repos.cases.setStatus(c.id, 'returned');
    await t.repos.cases.setStatus(c.id, 'employer-review');
    const again = await t.repos.cases.setStatus(c.id, 'locality-review', { on: '2026-03-20' });
    expect(again.submittedOn).toBe('2026-03-20');
    expect(again.acceptedOn).toBeUndefined();
  });

  it('merges a facts patch fact by fact, and null clears one fact', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', facts: { category: 'A', housing: 'own' } });
    const u = await t.repos.cases.update(c.id, { facts: { housing: 'rented', children: [{ birthDate: '2014-06-01' }] } });
    expect(u.facts).toEqual({ category: 'A', housing: 'rented', children: [{ birthDate: '2014-06-01' }] });
    const v = await t.repos.cases.update(c.id, { facts: { category: null } });
    expect(v.facts).toEqual({ housing: 'rented', children: [{ birthDate: '2014-06-01' }] });
    expect((await t.repos.cases.get(c.id))?.facts).toEqual(v.facts);
  });

  it('keeps facts under the names rules/checklist uses, so a case feeds the checklist directly', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({
      employeeId: e.id,
      business: 'new-permit',
      facts: { category: 'B', housing: 'rented', titleObtainedBy: 'review', titleIsSenior: true, children: [{ birthDate: '2015-01-01' }], divorcedWithCustody: true, contractEnd: '2028-01-01' },
    });
    const facts = toChecklistFacts(c);
    expect(facts).toEqual({ business: 'new-permit', category: 'B', housing: 'rented', titleObtainedBy: 'review', titleIsSenior: true, children: 1, divorcedWithCustody: true });
    const items = checklist(facts).items.map((i) => i.id);
    expect(items).toContain('housing-lease-contract');
    expect(items.length).toBeGreaterThan(5);
  });

  it('refuses impossible or out-of-order dates', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', submittedOn: '2026-03-10' });
    await expect(t.repos.cases.update(c.id, { acceptedOn: '2026-03-01' })).rejects.toThrow(/受理日期早于提交日期/);
    await expect(t.repos.cases.update(c.id, { decidedOn: '2026-02-30' })).rejects.toThrow(/日期无效/);
    await expect(t.repos.cases.update(c.id, { facts: { contractStart: '2026-05-01', contractEnd: '2026-04-30' } })).rejects.toThrow(/合同结束日期早于开始日期/);
    await expect(t.repos.cases.update(c.id, { facts: { incomeMonths: 9 as never } })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('lists an employee\'s cases newest first, and cases by status and business with counts', async () => {
    const e = await employee();
    const a = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', status: 'collecting' });
    const b = await t.repos.cases.create({ employeeId: e.id, business: 'renewal', status: 'collecting' });
    await t.repos.cases.create({ business: 'employer-registration', status: 'approved' });
    expect((await t.repos.cases.listByEmployee(e.id)).map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await t.repos.cases.list({ status: 'collecting', business: 'renewal' })).map((c) => c.id)).toEqual([b.id]);
    expect((await t.repos.cases.list({ status: 'collecting' })).map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await t.repos.cases.list({ business: 'employer-registration' })).length).toBe(1);
    expect((await t.repos.cases.list()).length).toBe(3);
  });

  it('deletes a case with its ticks, documents, notes and draft but keeps the employee', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    await t.repos.ticks.set(c.id, 'renewal.hukou', { state: 'ready' });
    await t.repos.documents.create({ caseId: c.id, kind: 'labour-contract', validUntil: '2028-01-01' });
    const own = await t.repos.documents.create({ employeeId: e.id, kind: 'resident-id-card', validUntil: '2030-01-01' });
    await t.repos.notes.add({ caseId: c.id, text: '待补材料' });
    await t.repos.focus.set(e.id, c.id);
    await t.repos.drafts.saveCaptured({ employeeId: e.id, caseId: c.id, module: null, fields: { 'x.y': '1' } });
    await t.repos.cases.remove(c.id);
    expect(await t.db.cases.count()).toBe(0);
    expect(await t.db.ticks.count()).toBe(0);
    expect((await t.db.documents.toArray()).map((d) => d.id)).toEqual([own.id]);
    expect(await t.db.notes.count()).toBe(0);
    expect(await t.db.drafts.count()).toBe(0);
    expect(await t.repos.focus.get()).toMatchObject({ employeeId: e.id });
    expect((await t.repos.focus.get())?.caseId).toBeUndefined();
    const last = (await t.repos.audit.list({ limit: 1 }))[0];
    expect(last).toMatchObject({ table: 'cases', recordId: c.id, op: 'delete' });
    expect(last.before).toBeUndefined();
  });

  it('keeps the pre-check facts (§一(三)) and refuses impossible ones without changing the case', async () => {
    const e = await employee();
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    await t.repos.cases.update(c.id, { facts: { highestEducation: 'bachelor', hasDegree: true, workExperienceMonths: 30, socialInsuranceMonths: 12 } });
    const before = await snapshot(t.db);
    for (const bad of [{ workExperienceMonths: -1 }, { workExperienceMonths: 2.5 }, { socialInsuranceMonths: 601 }, { originalRetirementAge: 60 }, { professionalTitle: 'expert' }, { monthlyIncome: [{ month: '2026-13', taxable: 1 }] }, { monthlyIncome: [{ month: '2026-10', taxable: -5 }] }]) {
      const err = (await t.repos.cases.update(c.id, { facts: bad as never }).catch((x: unknown) => x)) as StorageError;
      expect(err.code, JSON.stringify(bad)).toBe('invalid');
      expect(err.zh, JSON.stringify(bad)).toMatch(/工作经历月数|社保缴纳月数|原法定退休年龄|职称|所属月份|应税收入金额/);
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.repos.cases.get(c.id))?.facts).toMatchObject({ highestEducation: 'bachelor', hasDegree: true, workExperienceMonths: 30, socialInsuranceMonths: 12 });
  });
});

describe('opening a renewal or employer change with the current permit\'s expiry', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  it('a renewal makes the employee a holder with that expiry, in one audited transaction', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid('1992-06-18', 135) });
    expect(e.holderStatus).toBe('none');
    const c = await t.repos.openCase({ employeeId: e.id, business: 'renewal' }, { validUntil: '2027-03-31' });
    expect(c.business).toBe('renewal');
    expect(await t.repos.employees.get(e.id)).toMatchObject({ holderStatus: 'holder', permitValidUntil: '2027-03-31' });
    const ops = (await t.repos.audit.list({ employeeId: e.id })).map((a) => `${a.table}:${a.op}`).sort();
    expect(ops).toEqual(['cases:create', 'employees:create', 'employees:update']);
  });

  it('an employer change marks the permit suspended (挂起 after leaving the old employer)', async () => {
    const e = await t.repos.employees.create({ name: '李娜', residentId: rid('1990-01-01', 8), holderStatus: 'holder', permitValidUntil: '2026-01-01' });
    await t.repos.openCase({ employeeId: e.id, business: 'employer-change' }, { validUntil: '2027-10-11' });
    expect(await t.repos.employees.get(e.id)).toMatchObject({ holderStatus: 'suspended', permitValidUntil: '2027-10-11' });
  });

  it('an impossible expiry is refused and nothing is created', async () => {
    const e = await t.repos.employees.create({ name: '王芳', residentId: rid('1991-01-01', 9) });
    const before = await snapshot(t.db);
    await expect(t.repos.openCase({ employeeId: e.id, business: 'renewal' }, { validUntil: '2027-02-30' })).rejects.toMatchObject({ code: 'invalid' });
    expect(await snapshot(t.db)).toEqual(before);
  });
});
