import { describe, expect, it } from 'vitest';
import {
  BackupFile,
  BACKUP_FORMAT,
  exportBackup,
  ENCRYPTED_BACKUP_NOTICE,
  FULL_BACKUP_NOTICE,
  importBackup,
  MASKED_ENCRYPTED_NOTICE,
  MASKED_EXPORT_NOTICE,
  planImport,
  readBackup,
  applyImport,
} from '../../../storage/backup';
import { BACKUP_SCHEMA_VERSION as SCHEMA_VERSION, openDb } from '../../../storage/db';
import { createRepos } from '../../../storage/repos';
import type { StorageError } from '../../../storage/errors';
import { CREDIT_CODE, OTHER_CREDIT_CODE, makeClock, rid, seedPerson, snapshot, useFreshDb } from './helpers';

const EXPORTED_AT = new Date('2026-03-02T04:00:00.000Z');

describe('backup export and import', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  const populate = async () => {
    await t.repos.company.save({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE, localityOffice: '亦庄镇', agentName: '李经办', agentPhone: '13900001111' });
    await t.repos.settings.update({ language: 'en', firstRunDone: true });
    const a = await seedPerson(t.repos, '张伟', rid('1990-03-07', 123));
    const b = await seedPerson(t.repos, '李娜', rid('1991-04-08', 124));
    await t.repos.cases.create({ business: 'employer-registration', status: 'approved', submittedOn: '2025-12-01', acceptedOn: '2025-12-05', decidedOn: '2025-12-20' });
    await t.repos.documents.create({ kind: 'business-licence', validUntil: 'long-term' });
    return { a, b };
  };

  const withOtherDb = async <T>(fn: (db: ReturnType<typeof openDb>) => Promise<T>): Promise<T> => {
    const db = openDb(`test-other-${globalThis.crypto.randomUUID()}`);
    try {
      return await fn(db);
    } finally {
      await db.delete();
    }
  };

  it('names the file by the agent\'s day in Beijing: at 01:44 on 5 December it is the 5th, whatever the UTC date', async () => {
    const out = await exportBackup(t.db, { now: () => new Date('2026-12-04T17:44:00.000Z') });
    expect(out.filename).toBe('jzz-backup-2026-12-05.json');
    const evening = await exportBackup(t.db, { now: () => new Date('2026-12-04T15:59:00.000Z') });
    expect(evening.filename).toBe('jzz-backup-2026-12-04.json');
  });

  it('exports every table with format, versions, time and counts, and says IDs are complete', async () => {
    await populate();
    const out = await exportBackup(t.db, { now: () => EXPORTED_AT, appVersion: '0.1.0' });
    const file = JSON.parse(out.text);
    expect(file).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: SCHEMA_VERSION, app: { version: '0.1.0' }, exportedAt: EXPORTED_AT.toISOString(), masked: false });
    expect(file.counts).toEqual({ company: 1, employees: 2, cases: 3, documents: 3, ticks: 2, notes: 2, drafts: 2, settings: 1, audit: file.tables.audit.length });
    expect(out.filename).toBe('jzz-backup-2026-03-02.json');
    expect(out.notice).toEqual(FULL_BACKUP_NOTICE);
    expect(out.notice.zh).toContain('完整的身份证号');
    expect(BackupFile.safeParse(file).success).toBe(true);
    expect(out.text).toContain(rid('1990-03-07', 123));
  });

  it('restores into an empty database exactly, with one more audit entry for the import', async () => {
    await populate();
    const original = await snapshot(t.db);
    const out = await exportBackup(t.db, { now: () => EXPORTED_AT });
    await withOtherDb(async (db2) => {
      const plan = await importBackup(db2, out.text, { now: () => EXPORTED_AT });
      expect(plan.applied).toBe(true);
      expect(plan.tables.employees).toEqual({ add: 2, update: 0, unchanged: 0, skipped: 0 });
      const restored = await snapshot(db2);
      const { audit: a1, focus: _f1, ...rest1 } = original;
      const { audit: a2, focus: f2, ...rest2 } = restored;
      expect(rest2).toEqual(rest1);
      expect(f2).toEqual([]); // focus is UI state, not backed up
      expect(a2.slice(0, -1)).toEqual(a1);
      expect(a2.at(-1)).toMatchObject({ table: 'backup', op: 'import', source: 'import', recordId: EXPORTED_AT.toISOString() });
      // and a second export of the restored database carries the same data
      const again = JSON.parse((await exportBackup(db2, { now: () => EXPORTED_AT })).text);
      const first = JSON.parse(out.text);
      expect({ ...again.tables, audit: again.tables.audit.slice(0, -1) }).toEqual(first.tables);
      // the restored database works with the repositories
      const repos2 = createRepos(db2);
      expect((await repos2.employees.search('张')).length).toBe(1);
    });
  });

  it('does a dry run that reports adds, updates and unchanged rows and changes nothing', async () => {
    const { a } = await populate();
    const out = await exportBackup(t.db, { now: () => EXPORTED_AT });
    await t.repos.employees.update(a.employee.id, { notes: '导出后修改' });
    await t.repos.notes.add({ employeeId: a.employee.id, text: '导出后新增' });
    const before = await snapshot(t.db);
    const plan = await importBackup(t.db, out.text, { dryRun: true });
    expect(plan.applied).toBe(false);
    expect(plan.tables.employees).toEqual({ add: 0, update: 1, unchanged: 1, skipped: 0 });
    expect(plan.tables.notes).toEqual({ add: 0, update: 0, unchanged: 2, skipped: 0 });
    expect(plan.tables.audit.add).toBe(0);
    expect(plan.conflicts).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
    // applying it puts the exported version back and keeps the newer note (imports never delete)
    await importBackup(t.db, out.text);
    expect((await t.repos.employees.get(a.employee.id))?.notes).toBeUndefined();
    expect(await t.db.notes.count()).toBe(3);
  });

  it('re-importing its own backup changes nothing but the import entry', async () => {
    await populate();
    const out = await exportBackup(t.db);
    const before = await snapshot(t.db);
    const plan = await importBackup(t.db, out.text);
    expect(Object.values(plan.tables).every((x) => x.add === 0 && x.update === 0)).toBe(true);
    const after = await snapshot(t.db);
    expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
  });

  it('reports the same resident ID under another id as a conflict and refuses to import it', async () => {
    await populate();
    const out = await exportBackup(t.db);
    await withOtherDb(async (db2) => {
      const repos2 = createRepos(db2);
      const local = await repos2.employees.create({ name: '张伟（本机）', residentId: rid('1990-03-07', 123) });
      const plan = await planImport(db2, await readBackup(out.text));
      expect(plan.conflicts).toEqual([
        expect.objectContaining({ kind: 'resident-id', table: 'employees', existingId: local.id }),
      ]);
      expect(plan.conflicts[0].message.zh).toContain('张伟（本机）');
      const before = await snapshot(db2);
      const err = (await importBackup(db2, out.text).catch((e: unknown) => e)) as StorageError;
      expect(err).toMatchObject({ code: 'backup', reason: 'conflicts' });
      expect(err.zh).toContain('1 处冲突');
      expect(err.details[0]).toContain('张伟（本机）');
      expect(await snapshot(db2)).toEqual(before);
      // skipping conflicts imports everyone else, and nothing of the conflicting employee
      const skipped = await importBackup(db2, out.text, { conflicts: 'skip' });
      expect(skipped.tables.employees).toMatchObject({ add: 1, skipped: 1 });
      expect(skipped.tables.cases).toMatchObject({ add: 2, skipped: 1 });
      expect((await repos2.employees.search('张')).map((e) => e.name)).toEqual(['张伟（本机）']);
      expect((await repos2.employees.search('李')).length).toBe(1);
    });
  });

  it('reports a backup of another employer as a conflict', async () => {
    await populate();
    const out = await exportBackup(t.db);
    await withOtherDb(async (db2) => {
      await createRepos(db2).company.save({ name: '别家公司', creditCode: OTHER_CREDIT_CODE });
      const plan = await planImport(db2, await readBackup(out.text));
      expect(plan.conflicts.map((c) => c.kind)).toEqual(['company']);
      await expect(applyImport(db2, await readBackup(out.text))).rejects.toMatchObject({ reason: 'conflicts' });
    });
  });

  it('lets a changed ID move between two employees without tripping the unique index', async () => {
    const x = await t.repos.employees.create({ name: '甲', residentId: rid('1990-01-01', 1) });
    const y = await t.repos.employees.create({ name: '乙', residentId: rid('1990-01-01', 2) });
    const out = JSON.parse((await exportBackup(t.db)).text);
    // in the backup the two IDs are swapped (say, a typo corrected on another machine)
    const [ex, ey] = out.tables.employees;
    [ex.residentId, ey.residentId] = [ey.residentId, ex.residentId];
    const plan = await importBackup(t.db, JSON.stringify(out));
    expect(plan.tables.employees.update).toBe(2);
    expect((await t.repos.employees.get(x.id))?.residentId).toBe(y.residentId);
    expect((await t.repos.employees.get(x.id))?.residentIdRev).toBe([...y.residentId].reverse().join(''));
  });

  it('imports a backup of 1,000 employees with 10,000 documents in one transaction', async () => {
    const { seedBench } = await import('../../bench/seed-db');
    await seedBench(t.db, { employees: 1000, documentsPerEmployee: 10, seed: 5 });
    const out = await exportBackup(t.db);
    await withOtherDb(async (db2) => {
      const dry = await importBackup(db2, out.text, { dryRun: true });
      expect(dry.tables.documents.add).toBe(10_000);
      await importBackup(db2, out.text);
      expect(await db2.documents.count()).toBe(10_000);
      expect(await db2.employees.count()).toBe(1000);
    });
  }, 60_000);

  it('reports its progress in rows done of the total, chunk by chunk, ending at the total', async () => {
    const { seedBench } = await import('../../bench/seed-db');
    await seedBench(t.db, { employees: 600, documentsPerEmployee: 4, seed: 7 });
    const file = await readBackup((await exportBackup(t.db)).text);
    const rowsInFile = Object.values(file.counts).reduce((a, b) => a + b, 0);
    await withOtherDb(async (db2) => {
      const seen: { done: number; total: number }[] = [];
      await applyImport(db2, file, { onProgress: (p) => seen.push(p) });
      expect(seen[0]).toEqual({ done: 0, total: rowsInFile });
      expect(seen.at(-1)).toEqual({ done: rowsInFile, total: rowsInFile });
      // 2,400 documents in chunks of 1,000: the bar moves several times, never backwards.
      expect(seen.length).toBeGreaterThanOrEqual(6);
      for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
      expect(await db2.documents.count()).toBe(2400);
    });
  }, 60_000);

  it('cancelled half way, before the commit, changes nothing: the rows already written are rolled back', async () => {
    const { seedBench } = await import('../../bench/seed-db');
    await seedBench(t.db, { employees: 600, documentsPerEmployee: 4, seed: 7 });
    const file = await readBackup((await exportBackup(t.db)).text);
    await withOtherDb(async (db2) => {
      const repos2 = createRepos(db2, { now: clock.ticking });
      await seedPerson(repos2, '王芳', rid('1988-01-02', 321));
      const before = await snapshot(db2);
      const controller = new AbortController();
      let last = 0;
      const err = (await applyImport(db2, file, {
        signal: controller.signal,
        onProgress: (p) => {
          last = p.done;
          if (p.done >= 2000) controller.abort();
        },
      }).catch((e: unknown) => e)) as StorageError;
      expect(err.code).toBe('cancelled');
      expect(err.zh).toBe('已取消导入，数据库未作任何修改。');
      expect(last).toBeGreaterThanOrEqual(2000);
      expect(await snapshot(db2)).toEqual(before);
    });
  }, 60_000);

  it('names a bad row deep in a large table exactly as a whole-file check would (rows are checked in slices)', async () => {
    const { seedBench } = await import('../../bench/seed-db');
    const { fromZodError } = await import('../../../storage/errors');
    await seedBench(t.db, { employees: 600, documentsPerEmployee: 4, seed: 7 });
    const file = JSON.parse((await exportBackup(t.db)).text);
    file.tables.documents[1503].validUntil = '2026-02-30';
    const err = (await readBackup(JSON.stringify(file)).catch((e: unknown) => e)) as StorageError;
    expect(err.reason).toBe('invalid-rows');
    const whole = BackupFile.safeParse(file);
    expect(whole.success).toBe(false);
    expect(err.details[0]).toBe(fromZodError(whole.error!, { zh: '备份', en: 'Backup' }).details[0]);
    expect(err.details[0]).toContain('1504');
  }, 60_000);

  it('cancelled before it starts writes nothing', async () => {
    await populate();
    const file = await readBackup((await exportBackup(t.db)).text);
    await withOtherDb(async (db2) => {
      const controller = new AbortController();
      controller.abort();
      const err = (await applyImport(db2, file, { signal: controller.signal }).catch((e: unknown) => e)) as StorageError;
      expect(err.code).toBe('cancelled');
      expect(await db2.employees.count()).toBe(0);
      expect(await db2.audit.count()).toBe(0);
    });
  });

  it('masks IDs and phones for a shareable export that cannot be imported back', async () => {
    await populate();
    const out = await exportBackup(t.db, { mask: true, now: () => EXPORTED_AT });
    expect(out.masked).toBe(true);
    expect(out.filename).toBe('jzz-shareable-masked-2026-03-02.json');
    expect(out.notice).toEqual(MASKED_EXPORT_NOTICE);
    expect(out.notice.zh).toContain('不能再导入');
    for (const secret of [rid('1990-03-07', 123), rid('1991-04-08', 124), '13812345678', '13900001111', '兴华大街']) expect(out.text).not.toContain(secret);
    const file = JSON.parse(out.text);
    expect(file.tables.employees[0].residentId).toMatch(/^110\*{11}\d{3}[\dX]$/);
    expect(file.tables.audit).toEqual([]);
    expect(file.tables.drafts).toEqual([]);
    await expect(importBackup(t.db, out.text)).rejects.toMatchObject({ reason: 'masked' });
  });

  it('round-trips an encrypted backup and refuses the wrong passphrase', async () => {
    await populate();
    const out = await exportBackup(t.db, { passphrase: '正确的口令 correct horse', now: () => EXPORTED_AT });
    // The message after the export fits it: an encrypted backup is not told to set a passphrase.
    expect(out.notice).toEqual(ENCRYPTED_BACKUP_NOTICE);
    expect(out.notice.zh).not.toContain('建议设置口令');
    expect(out.notice.zh).toContain('口令无法找回');
    expect((await exportBackup(t.db, { passphrase: '正确的口令 correct horse', mask: true })).notice).toEqual(MASKED_ENCRYPTED_NOTICE);
    expect(out.encrypted).toBe(true);
    expect(out.filename).toBe('jzz-backup-2026-03-02.encrypted.json');
    const env = JSON.parse(out.text);
    expect(env).toMatchObject({ format: 'jzz-backup-encrypted', v: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 }, cipher: 'AES-GCM-256' });
    expect(out.text).not.toContain('张伟');
    expect(out.text).not.toContain(rid('1990-03-07', 123));
    const file = await readBackup(out.text, { passphrase: '正确的口令 correct horse' });
    expect(file.tables.employees.map((e) => e.name).sort()).toEqual(['张伟', '李娜'].sort());
    await expect(readBackup(out.text, { passphrase: 'wrong passphrase' })).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    await expect(readBackup(out.text)).rejects.toMatchObject({ reason: 'needs-passphrase' });
    await expect(exportBackup(t.db, { passphrase: 'short' })).rejects.toMatchObject({ reason: 'weak-passphrase' });
  });
});
