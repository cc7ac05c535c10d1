import { describe, expect, it } from 'vitest';
import { CREDIT_CODE, makeClock, rid, snapshot, useFreshDb } from './helpers';

describe('the checklist ticks repository', () => {
  const t = useFreshDb({ now: makeClock().ticking });
  const aCase = async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    return t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
  };

  it('creates a tick on first use keyed by case and item id, then patches it', async () => {
    const c = await aCase();
    const first = await t.repos.ticks.set(c.id, 'new-permit.hukou', { note: '首页' });
    expect(first).toMatchObject({ caseId: c.id, itemId: 'new-permit.hukou', state: 'todo', note: '首页' });
    const second = await t.repos.ticks.set(c.id, 'new-permit.hukou', { state: 'uploaded' });
    expect(second).toMatchObject({ state: 'uploaded', note: '首页' });
    expect(await t.db.ticks.count()).toBe(1);
    expect(await t.repos.ticks.get(c.id, 'new-permit.hukou')).toEqual(second);
    await t.repos.ticks.set(c.id, 'new-permit.housing', { state: 'na' });
    expect(Object.keys(await t.repos.ticks.forCase(c.id)).sort()).toEqual(['new-permit.housing', 'new-permit.hukou']);
    expect(await t.repos.ticks.countByState(c.id)).toEqual({ todo: 0, ready: 0, uploaded: 1, na: 1 });
  });

  it('refuses an unknown state, a bad item id and a missing case', async () => {
    const c = await aCase();
    await expect(t.repos.ticks.set(c.id, 'x', { state: 'done' as never })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.ticks.set(c.id, '../etc', { state: 'ready' })).rejects.toThrow(/清单项编号无效/);
    await expect(t.repos.ticks.set('ghost', 'x', { state: 'ready' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('removes a tick', async () => {
    const c = await aCase();
    await t.repos.ticks.set(c.id, 'a', { state: 'ready' });
    await t.repos.ticks.remove(c.id, 'a');
    expect(await t.repos.ticks.get(c.id, 'a')).toBeUndefined();
    await expect(t.repos.ticks.remove(c.id, 'a')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the notes repository', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('keeps time-stamped notes per employee and per case, newest first', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    const n1 = await t.repos.notes.add({ employeeId: e.id, text: '第一条' });
    const n2 = await t.repos.notes.add({ caseId: c.id, text: '第二条' });
    expect(n2.employeeId).toBe(e.id);
    expect(n2.at > n1.at).toBe(true);
    expect((await t.repos.notes.listFor({ employeeId: e.id })).map((n) => n.text)).toEqual(['第二条', '第一条']);
    expect((await t.repos.notes.listFor({ caseId: c.id })).map((n) => n.text)).toEqual(['第二条']);
    const edited = await t.repos.notes.update(n1.id, '第一条（改）');
    expect(edited.at).toBe(n1.at);
    expect(edited.updatedAt > n1.updatedAt).toBe(true);
    await t.repos.notes.remove(n1.id);
    expect(await t.db.notes.count()).toBe(1);
  });

  it('takes the id a composer chose, once: a replayed draft cannot add the same note twice', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    const id = crypto.randomUUID();
    const n = await t.repos.notes.add({ id, caseId: c.id, text: '属地已电话确认' });
    expect(n.id).toBe(id);
    const before = await snapshot(t.db);
    await expect(t.repos.notes.add({ id, caseId: c.id, text: '属地已电话确认' })).rejects.toMatchObject({ code: 'duplicate', zh: expect.stringContaining('已存在') });
    expect(await snapshot(t.db)).toEqual(before);
    expect(await t.db.notes.count()).toBe(1);
  });

  it('refuses an empty note or one belonging to nobody', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    await expect(t.repos.notes.add({ employeeId: e.id, text: ' ' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.notes.add({ text: '孤儿' })).rejects.toThrow(/备注必须属于员工或业务/);
    await expect(t.repos.notes.add({ employeeId: 'ghost', text: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the company, settings and focus repositories', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  it('creates the company profile once and then patches it', async () => {
    expect(await t.repos.company.get()).toBeUndefined();
    await expect(t.repos.company.update({ agentName: '李' })).rejects.toMatchObject({ code: 'invalid' });
    const c = await t.repos.company.save({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE.toLowerCase(), localityOffice: '亦庄镇' });
    expect(c.creditCode).toBe(CREDIT_CODE);
    expect(c.agentPhone).toBe('');
    const u = await t.repos.company.update({ agentName: '李经办', agentPhone: '13900001111' });
    expect(u).toMatchObject({ name: '北京示例科技有限公司', agentName: '李经办', localityOffice: '亦庄镇' });
    await expect(t.repos.company.update({ creditCode: '91110115123456789X' })).rejects.toThrow(/统一社会信用代码无效/);
  });

  it('returns default settings until saved, then patches reminders key by key', async () => {
    const d = await t.repos.settings.get();
    expect(d).toMatchObject({ language: 'zh-CN', firstRunDone: false, reminders: { windowOpens: 0, lastSafeDay: 5, documents: 10 } });
    expect(await t.db.settings.count()).toBe(0);
    await t.repos.settings.update({ language: 'en', reminders: { documents: 15 } });
    const s = await t.repos.settings.update({ firstRunDone: true, wageOverrides: [{ year: 2025, monthly: 12345, publishedOn: '2026-06-30' }] });
    expect(s).toMatchObject({ language: 'en', firstRunDone: true, reminders: { documents: 15, lastSafeDay: 5 } });
    expect(await t.repos.settings.get()).toEqual(s);
    await expect(t.repos.settings.update({ language: 'fr' as never })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.settings.update({ reminders: { documents: -1 } })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('reads a schema-2 settings row (reminders of an unused design) as the default lead times, keeping the rest', async () => {
    await t.db.settings.put({ id: 'app', language: 'en', firstRunDone: true, wageOverrides: [], reminders: { documentLeadDays: 30, permitLeadWorkingDays: 80, staleCaseDays: 30 }, updatedAt: '2026-01-01T00:00:00.000Z' } as never);
    expect(await t.repos.settings.get()).toMatchObject({ language: 'en', firstRunDone: true, reminders: { windowOpens: 0, lastSafeDay: 5, documents: 10 } });
    const s = await t.repos.settings.update({ reminders: { lastSafeDay: 8 } });
    expect(s.reminders).toEqual({ windowOpens: 0, lastSafeDay: 8, documents: 10 });
    expect((await t.db.settings.get('app'))!.reminders).toEqual({ windowOpens: 0, lastSafeDay: 8, documents: 10 });
  });

  it('puts an employee and one of their cases in focus, refusing someone else\'s case', async () => {
    const a = await t.repos.employees.create({ name: '甲', residentId: rid('1990-01-01', 1) });
    const b = await t.repos.employees.create({ name: '乙', residentId: rid('1990-01-01', 2) });
    const cb = await t.repos.cases.create({ employeeId: b.id, business: 'renewal' });
    expect(await t.repos.focus.set(a.id)).toMatchObject({ employeeId: a.id });
    await expect(t.repos.focus.set(a.id, cb.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await t.repos.focus.set(b.id, cb.id)).toMatchObject({ employeeId: b.id, caseId: cb.id });
    await t.repos.focus.clear();
    expect(await t.repos.focus.get()).toBeUndefined();
  });

});

describe('the captured drafts repository', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('merges captured values per employee, keeping the time of unchanged ones', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const r1 = await t.repos.drafts.saveCaptured({ employeeId: e.id, module: 'person-basic-info', fields: { 'basic.address': '兴华大街1号', 'basic.phone': '1' } });
    expect(r1).toEqual({ draftId: `employee:${e.id}`, saved: 2, unchanged: 0 });
    const first = (await t.repos.drafts.get(e.id))!.fields['basic.address'].capturedAt;
    const r2 = await t.repos.drafts.saveCaptured({ employeeId: e.id, module: 'person-basic-info', fields: { 'basic.address': '兴华大街1号', 'basic.phone': '2' } });
    expect(r2).toMatchObject({ saved: 1, unchanged: 1 });
    const d = (await t.repos.drafts.get(e.id))!;
    expect(d.fields['basic.address'].capturedAt).toBe(first);
    expect(d.fields['basic.phone'].value).toBe('2');
    const audit = await t.repos.audit.list({ table: 'drafts', recordId: d.id });
    expect(audit[0]).toMatchObject({ op: 'update', before: { 'basic.phone': '1' }, after: { 'basic.phone': '2' } });
  });

  it('refuses field keys that are not identifiers and values over 4,000 characters', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    await expect(t.repos.drafts.saveCaptured({ employeeId: e.id, module: null, fields: { __proto__x: 'a' } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.drafts.saveCaptured({ employeeId: e.id, module: null, fields: { a: 'x'.repeat(4001) } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.db.drafts.count()).toBe(0);
  });
});
