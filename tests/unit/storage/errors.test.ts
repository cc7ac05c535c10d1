import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { requestPersistence, storageUsage } from '../../../storage/durability';
import { StorageError, pickLang, toStorageError, userMessage } from '../../../storage/errors';
import { makeClock, rid, snapshot, useFreshDb } from './helpers';

describe('errors shown to the user', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  it('turns a full disk during a write into a quota message in Chinese and English, and keeps nothing', async () => {
    const before = await snapshot(t.db);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    t.db.employees.hook('creating', full);
    const err = (await t.repos.employees.create({ name: '张伟', residentId: rid() }).catch((e: unknown) => e)) as StorageError;
    expect(err).toBeInstanceOf(StorageError);
    expect(err.code).toBe('quota');
    expect(err.zh).toContain('存储空间不足');
    expect(err.en).toContain('out of storage space');
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('maps aborted and inactive transactions to a transaction message', () => {
    for (const e of [new Dexie.AbortError('aborted'), new Dexie.TransactionInactiveError('inactive'), new Dexie.ReadOnlyError('ro')]) {
      const s = toStorageError(e);
      expect(s.code).toBe('transaction');
      expect(s.zh).toContain('事务被中止');
    }
  });

  it('finds the quota error inside an abort error', () => {
    const abort = new Dexie.AbortError('aborted', new DOMException('q', 'QuotaExceededError'));
    expect(toStorageError(abort).code).toBe('quota');
  });

  it('maps a version error, a closed database and a missing API', () => {
    expect(toStorageError(new Dexie.VersionError('v')).code).toBe('version');
    expect(toStorageError(new Dexie.DatabaseClosedError('c')).code).toBe('unavailable');
    expect(toStorageError(new Dexie.MissingAPIError('m')).code).toBe('unavailable');
    expect(toStorageError(new Dexie.ConstraintError('c')).code).toBe('duplicate');
  });

  it('keeps an unknown error\'s message instead of swallowing it', () => {
    const s = toStorageError(new Error('boom'));
    expect(s.code).toBe('unknown');
    expect(s.message).toContain('boom');
    expect(s.cause).toBeInstanceOf(Error);
  });

  it('shows the sentence in the UI language with the first details', async () => {
    const err = (await t.repos.employees.create({ name: '', residentId: '123' }).catch((e: unknown) => e)) as StorageError;
    expect(err.details.length).toBe(2);
    const zh = userMessage(err, 'zh-CN');
    const en = userMessage(err, 'en');
    expect(zh).toContain('员工信息未保存');
    expect(zh).toContain('姓名');
    expect(zh).not.toContain('Employee');
    expect(en).toContain('Employee not saved');
    expect(en).toContain('resident ID number');
    expect(pickLang('中 / en', 'en')).toBe('en');
    expect(pickLang('no separator', 'en')).toBe('no separator');
  });
});

describe('durable storage', () => {
  it('asks the browser to persist the database and reports the answer', async () => {
    expect(await requestPersistence({ persist: async () => true })).toBe('granted');
    expect(await requestPersistence({ persist: async () => false, persisted: async () => false })).toBe('denied');
    expect(await requestPersistence({ persist: async () => false, persisted: async () => true })).toBe('granted');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(
      await requestPersistence({
        persist: async () => {
          throw new Error('not allowed');
        },
      }),
    ).toBe('denied');
  });

  it('reports the storage used and the quota', async () => {
    expect(await storageUsage({ estimate: async () => ({ usage: 50, quota: 200 }) })).toEqual({ usageBytes: 50, quotaBytes: 200, fraction: 0.25 });
    expect(await storageUsage({ estimate: async () => ({}) })).toEqual({ usageBytes: 0, quotaBytes: 0, fraction: null });
    expect(await storageUsage({})).toBeNull();
  });
});

describe('field names in messages', () => {
  it('names fields in Chinese without their code names, keeping list positions', async () => {
    const { fromZodError } = await import('../../../storage/errors');
    const { EmployeeInput, CaseInput } = await import('../../../storage/schemas');
    const bad = rid().slice(0, 17) + (rid().endsWith('1') ? '2' : '1');
    const e = EmployeeInput.safeParse({ name: '张伟', residentId: bad });
    const text = fromZodError(e.error!, { zh: '员工', en: 'Employee' });
    expect(text.details[0]).toMatch(/^身份证号：身份证号无效：号码有误/);
    expect(text.zh).not.toContain('residentId');
    const c = CaseInput.safeParse({ employeeId: 'e1', business: 'new-permit', facts: { children: [{ birthDate: '2016-05-20' }, { birthDate: '2016-02-30' }] } });
    const ct = fromZodError(c.error!, { zh: '业务', en: 'Case' });
    expect(pickLang(ct.details[0], 'zh-CN')).toMatch(/^出生日期（第 2 项）：/);
    expect(pickLang(ct.details[0], 'zh-CN')).not.toMatch(/facts|children|birthDate/);
    expect(pickLang(ct.details[0], 'en')).toContain('birth date (facts.children.#2.birthDate)');
  });
});
