import { describe, expect, it } from 'vitest';
import { DB_NAME, getDb, SCHEMA_VERSION, STORES_V2, TABLE_NAMES } from '../../../storage/db';
import { STORES_V1 } from '../../../storage/schema-v1';
import { useFreshDb } from './helpers';

describe('the database schema', () => {
  const t = useFreshDb();

  it('is version 2 with the ten tables and the indexes the queries need', async () => {
    await t.db.open();
    expect(t.db.verno).toBe(SCHEMA_VERSION);
    expect(t.db.tables.map((x) => x.name).sort()).toEqual([...TABLE_NAMES].sort());
    const idx = (table: string) => t.db.table(table).schema.indexes.map((i) => i.name);
    expect(idx('documents')).toContain('fallsBelowRuleOn');
    expect(idx('employees')).toEqual(expect.arrayContaining(['residentId', 'residentIdRev', 'name']));
    expect(t.db.employees.schema.idxByName.residentId.unique).toBe(true);
    expect(idx('cases')).toEqual(expect.arrayContaining(['[status+business]', '[employeeId+createdAt]']));
    expect(t.db.ticks.schema.primKey.name).toBe('[caseId+itemId]');
    expect(t.db.audit.schema.primKey.auto).toBe(true);
  });

  it('keeps version 1 as history: same tables minus drafts and focus, fewer indexes', () => {
    expect(Object.keys(STORES_V1).sort()).toEqual(TABLE_NAMES.filter((n) => n !== 'drafts' && n !== 'focus').sort());
    expect(STORES_V1.documents).not.toContain('fallsBelowRuleOn');
    expect(STORES_V2.documents).toContain('fallsBelowRuleOn');
  });

  it('shares one database instance for the extension', () => {
    expect(getDb()).toBe(getDb());
    expect(getDb().name).toBe(DB_NAME);
  });
});
