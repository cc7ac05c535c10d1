/**
 * A table of bad backup files. Each must be refused with its own reason and a message in both
 * languages, and the database must be exactly as before (full dump compared).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, type BackupRefusal, type ImportOptions, type ReadOptions } from '../../../storage/backup';
import { encryptText } from '../../../utils/crypto';
import type { StorageError } from '../../../storage/errors';
import { CREDIT_CODE, makeClock, rid, seedPerson, snapshot, useFreshDb } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Options = ImportOptions & ReadOptions;

interface BadFile {
  name: string;
  /** Builds the file text from a valid backup (as an object and as text). */
  make: (valid: Json, text: string) => string | Promise<string>;
  options?: Options;
  reason: BackupRefusal;
  /** A fragment of the Chinese message. */
  zh: string;
}

const mutate = (valid: Json, fn: (f: Json) => void): string => {
  const f = structuredClone(valid);
  fn(f);
  return JSON.stringify(f);
};

const PASS = 'a long enough passphrase';

const BAD_FILES: BadFile[] = [
  { name: 'an empty file', make: () => '', reason: 'empty', zh: '文件为空' },
  { name: 'a file of blanks', make: () => '  \n\t ', reason: 'empty', zh: '文件为空' },
  { name: 'a truncated file', make: (_v, text) => text.slice(0, Math.floor(text.length / 2)), reason: 'not-json', zh: '不是完整的 JSON' },
  { name: 'plain text', make: () => '姓名,身份证号\n张伟,1101', reason: 'not-json', zh: '不是完整的 JSON' },
  { name: 'a JSON array', make: () => '[]', reason: 'not-backup', zh: '不是本扩展导出的备份文件' },
  { name: 'another program\'s JSON', make: () => JSON.stringify({ format: 'other-app', data: [] }), reason: 'not-backup', zh: '不是本扩展导出的备份文件' },
  { name: 'a newer format version', make: (v) => mutate(v, (f) => (f.formatVersion = 2)), reason: 'newer-version', zh: '更新版本' },
  { name: 'format version 0', make: (v) => mutate(v, (f) => (f.formatVersion = 0)), reason: 'unsupported-version', zh: '不支持的备份版本' },
  { name: 'an old database schema version', make: (v) => mutate(v, (f) => (f.schemaVersion = 1)), reason: 'unsupported-version', zh: '不支持的备份版本' },
  { name: 'a masked export', make: (v) => mutate(v, (f) => (f.masked = true)), reason: 'masked', zh: '脱敏导出' },
  { name: 'a __proto__ key', make: (_v, text) => text.replace('"name":"张伟"', '"name":"张伟","__proto__":{"isAdmin":true}'), reason: 'hostile-key', zh: '__proto__' },
  { name: 'a constructor key', make: (_v, text) => text.replace('"facts":{', '"facts":{"constructor":{"name":"x"},'), reason: 'hostile-key', zh: 'constructor' },
  { name: 'a prototype key', make: (v) => mutate(v, (f) => (f.tables.company[0].prototype = 1)), reason: 'hostile-key', zh: 'prototype' },
  { name: 'a string over 1 MB', make: (v) => mutate(v, (f) => (f.tables.notes[0].text = 'x'.repeat(1024 * 1024 + 1))), reason: 'string-too-long', zh: '超过 1024 KB' },
  { name: '100,001 notes, beyond the 50,000 limit', make: (v) => mutate(v, (f) => (f.tables.notes = Array.from({ length: 100_001 }, () => ({})))), reason: 'too-many-rows', zh: '超过上限 50000' },
  { name: '5,001 employees', make: (v) => mutate(v, (f) => (f.tables.employees = Array.from({ length: 5001 }, () => ({})))), reason: 'too-many-rows', zh: '超过上限 5000' },
  { name: 'rows cut off but counts kept', make: (v) => mutate(v, (f) => f.tables.ticks.pop()), reason: 'counts-mismatch', zh: '记录数与文件声明不符' },
  { name: 'tables that are not lists', make: (v) => mutate(v, (f) => (f.tables.employees = { a: 1 })), reason: 'invalid-rows', zh: '无效记录' },
  { name: 'an invalid resident ID', make: (v) => mutate(v, (f) => (f.tables.employees[0].residentId = f.tables.employees[0].residentId.slice(0, 17) + (f.tables.employees[0].residentId.endsWith('1') ? '2' : '1'))), reason: 'invalid-rows', zh: '身份证号' },
  { name: 'an impossible date', make: (v) => mutate(v, (f) => (f.tables.employees[0].permitValidUntil = '2026-02-30')), reason: 'invalid-rows', zh: '日期无效' },
  { name: 'an impossible timestamp', make: (v) => mutate(v, (f) => (f.tables.cases[0].createdAt = 'yesterday')), reason: 'invalid-rows', zh: '时间戳' },
  { name: 'an unknown status', make: (v) => mutate(v, (f) => (f.tables.cases[0].status = 'lost')), reason: 'invalid-rows', zh: '取值无效' },
  { name: 'an unknown field in a row', make: (v) => mutate(v, (f) => (f.tables.employees[0].salary = 1)), reason: 'invalid-rows', zh: '未知字段' },
  { name: 'a huge audit payload', make: (v) => mutate(v, (f) => (f.tables.audit[0].after = { blob: 'x'.repeat(70 * 1024) })), reason: 'invalid-rows', zh: '操作记录内容过大' },
  { name: 'duplicate employee ids', make: (v) => mutate(v, (f) => { f.tables.employees[1].id = f.tables.employees[0].id; }), reason: 'duplicate-ids', zh: '重复的编号' },
  { name: 'duplicate checklist ticks', make: (v) => mutate(v, (f) => { f.tables.ticks[1] = { ...f.tables.ticks[0] }; }), reason: 'duplicate-ids', zh: '重复的编号' },
  { name: 'two employees with one resident ID', make: (v) => mutate(v, (f) => { f.tables.employees[1].residentId = f.tables.employees[0].residentId; }), reason: 'duplicate-resident-ids', zh: '身份证号相同' },
  { name: 'a case of an employee who is nowhere', make: (v) => mutate(v, (f) => (f.tables.cases[0].employeeId = 'ghost')), reason: 'dangling-reference', zh: '不存在的员工' },
  { name: 'a tick of a case that is nowhere', make: (v) => mutate(v, (f) => (f.tables.ticks[0].caseId = 'ghost')), reason: 'dangling-reference', zh: '不存在的业务' },
  { name: 'an encrypted file without a passphrase', make: async (_v, text) => encryptText(text, PASS), reason: 'needs-passphrase', zh: '请输入导出时设置的口令' },
  { name: 'an encrypted file with the wrong passphrase', make: async (_v, text) => encryptText(text, PASS), options: { passphrase: 'not the passphrase' }, reason: 'wrong-passphrase', zh: '口令错误' },
  {
    name: 'an envelope downgraded to 1,000 iterations',
    make: async (_v, text) => {
      const env = JSON.parse(await encryptText(text, PASS));
      env.kdf.iterations = 1000;
      return JSON.stringify(env);
    },
    options: { passphrase: PASS },
    reason: 'bad-envelope',
    zh: '加密文件的格式无效',
  },
  {
    name: 'an envelope whose iteration count was raised',
    make: async (_v, text) => {
      const env = JSON.parse(await encryptText(text, PASS));
      env.kdf.iterations = 600_001; // bound into the ciphertext as additional data
      return JSON.stringify(env);
    },
    options: { passphrase: PASS },
    reason: 'wrong-passphrase',
    zh: '被改动',
  },
  {
    name: 'a truncated ciphertext',
    make: async (_v, text) => {
      const env = JSON.parse(await encryptText(text, PASS));
      env.ciphertext = env.ciphertext.slice(0, 40);
      return JSON.stringify(env);
    },
    options: { passphrase: PASS },
    reason: 'wrong-passphrase',
    zh: '口令错误',
  },
  { name: 'a file over the size limit', make: (_v, text) => text, options: { limits: { maxFileChars: 1000 } }, reason: 'too-large', zh: '文件过大' },
];

describe('refusing bad backup files', () => {
  const t = useFreshDb({ now: makeClock().ticking });
  let valid: Json;
  let text: string;

  beforeEach(async () => {
    await t.repos.company.save({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE });
    await seedPerson(t.repos, '张伟', rid('1990-03-07', 123));
    const p = await seedPerson(t.repos, '李娜', rid('1991-04-08', 124));
    await t.repos.ticks.set(p.kase.id, 'renewal.contract', { state: 'todo' });
    text = (await exportBackup(t.db)).text;
    valid = JSON.parse(text);
  });

  it('has at least 20 kinds of bad file', () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(BAD_FILES.map((b) => [b.name, b] as const))('refuses %s with a clear message and changes nothing', async (_name, bad) => {
    const before = await snapshot(t.db);
    const file = await bad.make(valid, text);
    const err = (await importBackup(t.db, file, bad.options).catch((e: unknown) => e)) as StorageError;
    expect(err?.name).toBe('StorageError');
    expect(err.code).toBe('backup');
    expect(err.reason).toBe(bad.reason);
    expect(err.zh).toContain(bad.zh);
    expect(err.zh).toMatch(/^无法导入：.*数据库未作任何修改。$/s);
    expect(err.en).toMatch(/^Cannot import: .*Nothing was changed\.$/s);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('also refuses each of them in a dry run', async () => {
    for (const bad of BAD_FILES.filter((b) => !b.name.includes('encrypt') && !b.name.includes('envelope') && !b.name.includes('ciphertext'))) {
      await expect(importBackup(t.db, await bad.make(valid, text), { ...bad.options, dryRun: true })).rejects.toMatchObject({ reason: bad.reason });
    }
  });
});
