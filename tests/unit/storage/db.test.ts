import { describe, expect, it } from 'vitest';
import { DB_NAME, getDb, SCHEMA_VERSION, STORES_V3, TABLE_NAMES, TABLES, type TableName } from '../../../storage/db';
import { STORES_V2 } from '../../../storage/schema-v2';
import { BACKUP_TABLES, exportBackup } from '../../../storage/backup';
import { STORES_V1 } from '../../../storage/schema-v1';
import { CREDIT_CODE, rid, useFreshDb } from './helpers';

describe('the database schema', () => {
  const t = useFreshDb();

  it('is version 4 with the eleven tables and the indexes the queries need', async () => {
    await t.db.open();
    expect(t.db.verno).toBe(SCHEMA_VERSION);
    expect(t.db.tables.map((x) => x.name).sort()).toEqual([...TABLE_NAMES].sort());
    const idx = (table: string) => t.db.table(table).schema.indexes.map((i) => i.name);
    expect(idx('documents')).toContain('fallsBelowRuleOn');
    expect(idx('employees').sort()).toEqual(['permitValidUntil', 'residentId', 'residentIdRev']);
    expect(t.db.employees.schema.idxByName.residentId.unique).toBe(true);
    expect(idx('cases').sort()).toEqual(['[employeeId+createdAt]', 'employeeId', 'status']);
    expect(idx('documents').sort()).toEqual(['caseId', 'employeeId', 'fallsBelowRuleOn']);
    expect(t.db.ticks.schema.primKey.name).toBe('[caseId+itemId]');
    expect(t.db.audit.schema.primKey.auto).toBe(true);
  });

  it('version 4 only adds the taught portal mappings: schema 3 stays as it was', () => {
    expect(Object.keys(STORES_V3).sort()).toEqual(TABLE_NAMES.filter((n) => n !== 'portalMappings').sort());
    expect(TABLES.portalMappings.stores).toBe('id, kind');
  });

  it('keeps version 1 as history: same tables minus drafts and focus, fewer indexes', () => {
    expect(Object.keys(STORES_V1).sort()).toEqual(TABLE_NAMES.filter((n) => n !== 'drafts' && n !== 'focus' && n !== 'portalMappings').sort());
    expect(STORES_V1.documents).not.toContain('fallsBelowRuleOn');
    expect(STORES_V2.documents).toContain('fallsBelowRuleOn');
  });

  it('keeps version 2 as history: the same tables, with the indexes v3 dropped because no query used them', () => {
    expect(Object.keys(STORES_V2).sort()).toEqual(Object.keys(STORES_V3).sort());
    for (const table of Object.keys(STORES_V3) as (keyof typeof STORES_V3)[]) {
      const fields = (stores: string) => stores.split(',').map((f) => f.trim());
      // v3 only removes indexes: every v3 index existed in v2 (so no upgrade() has to fill anything).
      expect(fields(STORES_V2[table]), table).toEqual(expect.arrayContaining(fields(STORES_V3[table])));
    }
    expect(STORES_V2.documents).toContain('validUntil');
    expect(STORES_V3.documents).not.toContain('validUntil');
  });

  it('justifies every index with the query that uses it, in the comment next to it', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../../storage/db.ts', import.meta.url), 'utf8');
    for (const table of TABLE_NAMES) {
      const [, ...indexes] = TABLES[table].stores.split(',').map((f) => f.trim().replace(/^[&+]+/, ''));
      const entry = source.indexOf(`  ${table}: {`);
      const comment = source.slice(source.lastIndexOf('/**', entry), entry).replace(/`[&+]+/g, '`');
      for (const index of indexes) expect(comment.includes(`\`${index}\``), `${table}.${index}: no comment names the query`).toBe(true);
    }
  });

  it('shares one database instance for the extension', () => {
    expect(getDb()).toBe(getDb());
    expect(getDb().name).toBe(DB_NAME);
  });
});

describe('what a backup carries', () => {
  const t = useFreshDb();

  it('every table Dexie opens is backed up or left out on purpose, with the reason written down', async () => {
    await t.db.open();
    for (const name of t.db.tables.map((x) => x.name)) {
      const spec = TABLES[name as TableName];
      expect(spec, `table ${name} is missing from storage/db.ts TABLES`).toBeDefined();
      if ('excluded' in spec.backup) expect(spec.backup.excluded.length, `why ${name} is not backed up`).toBeGreaterThan(20);
      else expect(BACKUP_TABLES).toContain(name);
    }
    // The taught portal mappings travel as a 页面适配包, not in backups (storage/db.ts says why).
    expect([...BACKUP_TABLES].sort()).toEqual(TABLE_NAMES.filter((n) => n !== 'focus' && n !== 'portalMappings').sort());
  });

  it('a full backup holds a row of every backed-up table and none of the focus', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit' });
    await t.repos.company.update({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE });
    await t.repos.documents.create({ employeeId: e.id, kind: 'resident-id-card', validUntil: '2030-01-01' });
    await t.repos.ticks.set(c.id, 'labour-contract', { state: 'ready' });
    await t.repos.notes.add({ employeeId: e.id, text: '已催收合同' });
    await t.repos.drafts.saveCaptured({ employeeId: e.id, module: 'person-basic-info', fields: { 'basic.address': '兴华大街1号' } });
    await t.repos.settings.update({ language: 'en' });
    await t.repos.focus.set(e.id, c.id);
    const file = JSON.parse((await exportBackup(t.db, { now: () => new Date('2026-12-04T02:00:00.000Z') })).text) as { tables: Record<string, unknown[]> };
    for (const table of BACKUP_TABLES) expect(file.tables[table].length, `rows of ${table}`).toBeGreaterThan(0);
    expect(Object.keys(file.tables)).not.toContain('focus');
  });
});
