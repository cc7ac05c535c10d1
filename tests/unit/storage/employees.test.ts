import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../storage/errors';
import { makeClock, rid, snapshot, useFreshDb } from './helpers';

describe('the employees repository', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('derives gender, birth date and the reversed ID from the resident ID', async () => {
    const e = await t.repos.employees.create({ name: '王芳', residentId: rid('1992-11-30', 562, '110105') });
    expect(e.gender).toBe('female');
    expect(e.birthDate).toBe('1992-11-30');
    expect(e.residentIdRev).toBe([...e.residentId].reverse().join(''));
    expect(e.holderStatus).toBe('none');
    expect(await t.repos.employees.get(e.id)).toEqual(e);
  });

  it('normalises a full-width ID with a lower-case x before checking it', async () => {
    const id = rid('1988-02-29', 41); // ends in X
    const fullWidth = [...id.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const e = await t.repos.employees.create({ name: '李娜', residentId: fullWidth });
    expect(e.residentId).toBe(id);
    expect(e.residentId.endsWith('X')).toBe(true);
  });

  it('refuses an ID with a wrong check character in Chinese and English and writes nothing', async () => {
    const good = rid();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const before = await snapshot(t.db);
    const err = await t.repos.employees.create({ name: '张伟', residentId: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('invalid');
    expect((err as StorageError).zh).toContain('身份证号');
    expect((err as StorageError).zh).toContain('号码有误：校验位与前 17 位不符');
    expect((err as StorageError).en).toContain('wrong somewhere');
    // Neither the code name of the field nor the check character that would make the number pass.
    const all = [(err as StorageError).zh, (err as StorageError).en, ...((err as StorageError).details ?? [])].join('\n');
    expect(all).not.toMatch(/residentId|应为 [0-9X]|should be/);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('refuses a name that is empty or longer than 50 characters', async () => {
    await expect(t.repos.employees.create({ name: '  ', residentId: rid() })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.employees.create({ name: '名'.repeat(51), residentId: rid() })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses a second employee with the same resident ID and names the first one', async () => {
    await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const err = (await t.repos.employees.create({ name: '张伟伟', residentId: rid() }).catch((e: unknown) => e)) as StorageError;
    expect(err.code).toBe('duplicate');
    expect(err.zh).toContain('张伟');
    expect(err.zh).not.toContain(rid()); // the ID is masked in the message
    expect(await t.repos.employees.count()).toBe(1);
  });

  it('patches only the given fields, and null clears an optional one', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), phone: '13812345678', notes: '备注' });
    const u = await t.repos.employees.update(e.id, { phone: null, category: 'A' });
    expect(u.phone).toBeUndefined();
    expect(u.category).toBe('A');
    expect(u.notes).toBe('备注');
    expect(u.updatedAt > e.updatedAt).toBe(true);
    const stored = await t.repos.employees.get(e.id);
    expect(stored).toEqual(u);
    expect(stored && 'phone' in stored).toBe(false);
  });

  it('re-derives gender and birth date when the ID is corrected', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid('1990-03-07', 123) });
    const u = await t.repos.employees.update(e.id, { residentId: rid('1991-04-08', 124) });
    expect(u.gender).toBe('female');
    expect(u.birthDate).toBe('1991-04-08');
    expect(u.residentIdRev).toBe([...u.residentId].reverse().join(''));
  });

  it('refuses a patch with an unknown field or a derived field', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    await expect(t.repos.employees.update(e.id, { gender: 'female' } as never)).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.repos.employees.update(e.id, { nmae: 'x' } as never)).rejects.toThrow(/未知字段|unknown/);
  });

  it('reports a missing employee as not found', async () => {
    await expect(t.repos.employees.update('nope', { name: '某' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists employees in pinyin order with their latest case, page by page', async () => {
    const names = ['赵强', '安然', '张伟', '陈静'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) ids.push((await t.repos.employees.create({ name, residentId: rid('1990-01-01', 100 + i) })).id);
    await t.repos.cases.create({ employeeId: ids[2], business: 'new-permit' });
    const latest = await t.repos.cases.create({ employeeId: ids[2], business: 'renewal' });
    const page1 = await t.repos.employees.list({ limit: 2 });
    expect(page1.total).toBe(4);
    expect(page1.items.map((x) => x.employee.name)).toEqual(['安然', '陈静']);
    const page2 = await t.repos.employees.list({ limit: 2, offset: 2 });
    expect(page2.items.map((x) => x.employee.name)).toEqual(['张伟', '赵强']);
    expect(page2.items[0].latestCase?.id).toBe(latest.id);
    expect(page2.items[1].latestCase).toBeUndefined();
    const desc = await t.repos.employees.list({ descending: true });
    expect(desc.items.map((x) => x.employee.name)).toEqual(['赵强', '张伟', '陈静', '安然']);
  });

  it('sorts by permit expiry with employees without a permit last, and filters by holder status', async () => {
    await t.repos.employees.create({ name: '甲', residentId: rid('1990-01-01', 1), holderStatus: 'holder', permitValidUntil: '2027-01-01' });
    await t.repos.employees.create({ name: '乙', residentId: rid('1990-01-01', 2) });
    await t.repos.employees.create({ name: '丙', residentId: rid('1990-01-01', 3), holderStatus: 'suspended', permitValidUntil: '2026-06-01' });
    const byExpiry = await t.repos.employees.list({ sort: 'permitValidUntil' });
    expect(byExpiry.items.map((x) => x.employee.name)).toEqual(['丙', '甲', '乙']);
    const suspended = await t.repos.employees.list({ holderStatus: 'suspended' });
    expect(suspended.items.map((x) => x.employee.name)).toEqual(['丙']);
    const byUpdate = await t.repos.employees.list({ sort: 'updatedAt', descending: true, limit: 1 });
    expect(byUpdate.items.map((x) => x.employee.name)).toEqual(['丙']);
  });

  it('finds employees by the last digits of the ID or by part of the name', async () => {
    const a = await t.repos.employees.create({ name: '王小明', residentId: rid('1990-01-01', 11) });
    await t.repos.employees.create({ name: '李小红', residentId: rid('1990-01-01', 12) });
    expect((await t.repos.employees.search(a.residentId.slice(-4))).map((e) => e.id)).toEqual([a.id]);
    expect((await t.repos.employees.search('小')).map((e) => e.name)).toEqual(['李小红', '王小明']);
    expect(await t.repos.employees.search('  ')).toEqual([]);
    expect(await t.repos.employees.findByResidentId(a.residentId.toLowerCase())).toEqual(a);
  });
});
