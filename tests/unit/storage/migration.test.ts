/**
 * A database written by schema version 1 (fixtures/v1-dump.json, created with the v1 schema in
 * fake-indexeddb) is opened with the current code: every row and every field survives, the v2 fields are
 * derived, and the rows are valid v2 rows.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_VERSION, type JzzDb } from '../../../storage/db';
import { STORES_V1, type DumpV1 } from '../../../storage/schema-v1';
import { STORES_V2 } from '../../../storage/schema-v2';
import { AuditRow, CaseRow, CompanyRow, DocumentRow, EmployeeRow, NoteRow, SettingsRow, TickRow } from '../../../storage/schemas';
import { createRepos } from '../../../storage/repos';
import { dumpAll } from '../../../storage/dump';
import { rid, seedPerson } from './helpers';
import { toStorageError } from '../../../storage/errors';
import v1 from './fixtures/v1-dump.json';

const fixture = v1 as unknown as DumpV1 & { _comment: string };
const V1_TABLES = Object.keys(STORES_V1) as (keyof DumpV1)[];

async function createV1Database(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  await old.open();
  await old.transaction('rw', V1_TABLES.map((t) => old.table(t)), async () => {
    for (const t of V1_TABLES) await old.table(t).bulkAdd(structuredClone(fixture[t]) as never[]);
  });
  old.close();
}

/** The documented v1 → v2 changes of a field's value; everything else must be identical. */
function expectedV2(table: string, field: string, value: unknown): unknown {
  if (table === 'employees' && field === 'residentId') return String(value).toUpperCase();
  if (table === 'documents' && field === 'kind') {
    const map: Record<string, string> = { 'id-card': 'resident-id-card', lease: 'lease-contract', contract: 'labour-contract', licence: 'business-licence' };
    return map[String(value)] ?? 'other';
  }
  if (table === 'documents' && field === 'validUntil' && value === '长期') return 'long-term';
  if (table === 'settings' && field === 'language' && value === 'zh') return 'zh-CN';
  if (table === 'cases' && field === 'facts') {
    const names: Record<string, string> = { housingOption: 'housing', titleBy: 'titleObtainedBy', seniorTitle: 'titleIsSenior', changedItem: 'changeNote' };
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [names[k] ?? k, v]));
  }
  return value;
}

const keyOf = (table: string, row: Record<string, unknown>) => (table === 'ticks' ? JSON.stringify([row.caseId, row.itemId]) : String(row.id));

describe('upgrading a version 1 database', () => {
  const open = async (): Promise<JzzDb> => {
    const name = `test-v1-${globalThis.crypto.randomUUID()}`;
    await createV1Database(name);
    const db = openDb(name);
    await db.open();
    return db;
  };

  it('keeps every v1 row and every v1 field value', async () => {
    const db = await open();
    try {
      expect(db.verno).toBe(SCHEMA_VERSION);
      for (const table of V1_TABLES) {
        const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
        const byKey = new Map(rows.map((r) => [keyOf(table, r), r]));
        expect(rows).toHaveLength(fixture[table].length);
        for (const old of fixture[table] as unknown as Record<string, unknown>[]) {
          const now = byKey.get(keyOf(table, old));
          expect(now, `${table} ${keyOf(table, old)}`).toBeDefined();
          for (const [field, value] of Object.entries(old)) {
            expect(now?.[field], `${table}.${field}`).toEqual(expectedV2(table, field, value));
          }
        }
      }
    } finally {
      await db.delete();
    }
  });

  it('derives the v2 fields: gender, birth date, reversed ID, document rule dates and owners', async () => {
    const db = await open();
    try {
      const e1 = await db.employees.get('e-1');
      expect(e1).toMatchObject({ residentId: '11011519880229041X', residentIdRev: 'X14092208891511011', gender: 'male', birthDate: '1988-02-29' });
      expect(await db.employees.get('e-2')).toMatchObject({ gender: 'female', birthDate: '1992-11-30' });
      const docs = Object.fromEntries((await db.documents.toArray()).map((d) => [d.id, d]));
      expect(docs['d-1'].fallsBelowRuleOn).toBe('2025-11-01'); // ID card, 3 months before 2026-01-31
      expect(docs['d-2']).toMatchObject({ kind: 'lease-contract', employeeId: 'e-1', fallsBelowRuleOn: '2026-03-01' }); // 6 months
      expect(docs['d-3'].fallsBelowRuleOn).toBe('2026-09-01'); // 28 Feb 2027 minus 6 months, month-end aware
      expect(docs['d-4'].fallsBelowRuleOn).toBeUndefined(); // 长期
      expect(docs['d-5'].fallsBelowRuleOn).toBe('2030-10-01');
      expect(docs['d-6']).toMatchObject({ kind: 'other', label: '居住证（旧）', fallsBelowRuleOn: '2025-12-16' });
      expect((await db.cases.get('c-2'))?.facts).toEqual({});
      expect((await db.cases.get('c-1'))?.facts).toEqual({ housing: 'rented', titleObtainedBy: 'exam', titleIsSenior: false, incomeMonths: 12 });
      expect((await db.notes.get('n-1'))?.updatedAt).toBe('2025-05-01T08:00:00.000Z');
      expect((await db.audit.toArray()).every((a) => a.source === 'ui')).toBe(true);
      expect(await db.settings.get('app')).toMatchObject({ language: 'zh-CN', reminders: { windowOpens: 0, lastSafeDay: 5, documents: 10 } });
    } finally {
      await db.delete();
    }
  });

  it('leaves only rows that are valid v2 rows', async () => {
    const db = await open();
    try {
      const schemas = { company: CompanyRow, employees: EmployeeRow, cases: CaseRow, documents: DocumentRow, ticks: TickRow, notes: NoteRow, audit: AuditRow, settings: SettingsRow };
      for (const [table, schema] of Object.entries(schemas)) {
        for (const row of await db.table(table).toArray()) {
          const r = schema.safeParse(row);
          expect(r.success, `${table}: ${r.success ? '' : r.error.message}`).toBe(true);
        }
      }
    } finally {
      await db.delete();
    }
  });

  it('answers the new index queries and accepts repository writes after the upgrade', async () => {
    const db = await open();
    try {
      const repos = createRepos(db, { now: () => new Date('2026-03-01T00:00:00.000Z') });
      const due = await repos.documents.fallingBelowWithin(30, { today: '2026-03-01' });
      expect(due.map((d) => d.id)).toEqual(['d-1', 'd-6', 'd-2']);
      expect((await repos.employees.search('041X')).map((e) => e.id)).toEqual(['e-1']);
      expect((await repos.employees.latestCase('e-1'))?.id).toBe('c-1');
      await repos.employees.update('e-3', { notes: '升级后编辑' });
      expect((await repos.audit.list({ limit: 1 }))[0]).toMatchObject({ recordId: 'e-3', op: 'update' });
    } finally {
      await db.delete();
    }
  });

  it('refuses to open a database written by a newer version, with a message, touching nothing', async () => {
    const name = `test-newer-${globalThis.crypto.randomUUID()}`;
    const newer = new Dexie(name);
    newer.version(SCHEMA_VERSION + 1).stores({ employees: 'id' });
    await newer.open();
    await newer.table('employees').add({ id: 'x' });
    newer.close();
    const db = openDb(name);
    const err = toStorageError(await db.open().catch((e: unknown) => e));
    expect(err.code).toBe('version');
    expect(err.zh).toContain('数据库版本比当前扩展新');
    const check = new Dexie(name);
    check.version(SCHEMA_VERSION + 1).stores({ employees: 'id' });
    expect(await check.table('employees').count()).toBe(1);
    check.close();
    await Dexie.delete(name);
  });
});

describe('upgrading a version 2 database (v3 dropped the indexes no query used)', () => {
  it('keeps every row and field, and the queries of the product answer from the remaining indexes', async () => {
    // Real rows written by the current repositories, then stored in a real v2 database (its own stores).
    const source = openDb(`test-v2-src-${globalThis.crypto.randomUUID()}`);
    const repos = createRepos(source, { now: () => new Date('2026-03-01T02:00:00.000Z') });
    const zhang = (await seedPerson(repos, '张伟', rid('1990-03-07', 123))).employee;
    const li = await seedPerson(repos, '李娜', rid('1985-11-30', 456));
    await repos.documents.create({ employeeId: zhang.id, kind: 'resident-id-card', validUntil: '2026-05-20' });
    const tables = Object.keys(STORES_V2) as (keyof typeof STORES_V2)[];
    const dump = (await dumpAll(source, tables)) as Record<string, unknown[]>;
    await source.delete();

    const name = `test-v2-${globalThis.crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(STORES_V2);
    await old.open();
    await old.transaction('rw', tables.map((t) => old.table(t)), async () => {
      for (const t of tables) await old.table(t).bulkAdd(structuredClone(dump[t]) as never[]);
    });
    old.close();

    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSION);
      expect(db.documents.schema.indexes.map((i) => i.name)).not.toContain('validUntil');
      for (const t of tables) expect(await db.table(t).toArray(), t).toEqual(dump[t]);
      const after = createRepos(db, { now: () => new Date('2026-03-01T02:00:00.000Z') });
      expect((await after.employees.search(zhang.residentId.slice(-4))).map((e) => e.id)).toEqual([zhang.id]);
      expect((await after.employees.latestCase(li.employee.id))?.id).toBe(li.kase.id);
      expect((await after.documents.fallingBelowWithin(60, { today: '2026-03-01' })).map((d) => d.employeeId)).toEqual([zhang.id]);
      expect((await after.documents.listFor({ caseId: li.kase.id })).map((d) => d.id)).toEqual([li.doc.id]);
      expect((await after.notes.listFor({ employeeId: li.employee.id })).map((n) => n.id)).toEqual([li.note.id]);
      expect((await after.ticks.forCase(li.kase.id))['renewal.hukou']).toEqual(li.tick);
      expect((await after.employees.list({ holderStatus: 'holder', sort: 'name' })).items.map((x) => x.employee.id)).toEqual([li.employee.id, zhang.id]);
      expect((await after.cases.list({ status: li.kase.status, business: 'renewal' })).length).toBe(2);
      const erased = await after.employees.remove(li.employee.id);
      expect(erased).toMatchObject({ employees: 1, cases: 1, documents: 1, ticks: 1, notes: 1, drafts: 1 });
      await after.employees.update(zhang.id, { notes: '升级后编辑' });
      expect((await after.audit.list({ limit: 1 }))[0]).toMatchObject({ recordId: zhang.id, op: 'update' });
    } finally {
      await db.delete();
    }
  });
});
