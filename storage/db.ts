/**
 * The one IndexedDB database of the extension (origin chrome-extension://<id>). Only extension pages
 * (side panel, case book) and the background open it; content scripts go through messages.ts,
 * because a database opened from a content script would belong to the portal's origin.
 *
 * Only indexed fields are listed in `stores()`; every other field is stored but not indexed.
 * Nothing outside storage/ writes to these tables: use the repositories (repos/), which validate and
 * audit every write in the same transaction.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type {
  AuditEntry,
  Case,
  CompanyProfile,
  DocumentRecord,
  Draft,
  Employee,
  Focus,
  Note,
  PortalMapping,
  Settings,
  Tick,
} from './schemas';
import { STORES_V1 } from './schema-v1';
import { STORES_V2 } from './schema-v2';
import { migrateV1ToV2 } from './migrations';
import { NEWER_DATABASE, type Bilingual } from './errors';

export const DB_NAME = 'jzz-assistant';
/**
 * The current schema version (Dexie's; IndexedDB sees it × 10). 3 dropped the indexes no query used; 4 added
 * `portalMappings`.
 */
export const SCHEMA_VERSION = 4;
/**
 * The version of what a backup carries: 3 since schema 3 (rows unchanged, only indexes). Schema 4's one new
 * table is left out of backups, so backups written now restore on an extension of schema 3 too.
 */
export const BACKUP_SCHEMA_VERSION = 3;

/** What the database says about each table: its Dexie store (indexed fields only), and whether backups carry it. */
interface TableSpec {
  /**
   * Dexie's `stores()` line: the primary key, then only the fields a query of the product uses (each comment
   * names the query). An index nothing queries is a B-tree write per row on every save and restore: none.
   */
  readonly stores: string;
  /** Backed up, with its name in messages and the most rows a backup may hold; or left out on purpose, and why. */
  readonly backup: { readonly label: Bilingual; readonly maxRows: number } | { readonly excluded: string };
}

/**
 * Every table of the current schema. Adding a table: its row schema (schemas.ts), an entry here (which
 * makes Dexie create it, and forces the backup decision), a `db.version()` step, and its repository.
 * The backup's table list, limits and labels are derived from this (tests/unit/storage/db.test.ts
 * fails when a table is neither backed up nor excluded with a reason).
 */
export const TABLES = {
  /** The employer's profile; a single row with id 'company'. */
  company: { stores: 'id', backup: { label: { zh: '单位信息', en: 'company' }, maxRows: 1 } },
  /**
   * Staff the agent files for.
   * - `&residentId`: one row per person; `employees.where('residentId').equals(id)` (repos/employees.ts
   *   findByResidentId, the unique check on create/update) and `.anyOf(ids)` (backup.ts prepare: conflicts).
   * - `residentIdRev`: `employees.where('residentIdRev').startsWith(reversed)` (repos/employees.ts search: "ID
   *   ends with …", the side panel's picker).
   * - `permitValidUntil`: `employees.where('permitValidUntil').between(today, latestExpiryDueBy(horizon))`
   *   (storage/snapshot.ts loadFirstScreen: the case book's first screen, holders whose permit is due soon).
   * No others: the case book and employees.list sort and filter the ≤ 5,000 rows in memory (pinyin order).
   */
  employees: { stores: 'id, &residentId, residentIdRev, permitValidUntil', backup: { label: { zh: '员工', en: 'employees' }, maxRows: 5_000 } },
  /**
   * One business per row (新办, 续签…).
   * - `employeeId`: `cases.where('employeeId').equals(id).primaryKeys()` (repos/employees.ts erase).
   * - `[employeeId+createdAt]`: `cases.where('[employeeId+createdAt]').between([id, min], [id, max]).reverse()`
   *   (repos/cases.ts listByEmployee, repos/employees.ts latestCase: the latest case without a scan).
   *   `employeeId` also: `cases.where('employeeId').anyOf(ids)` (storage/snapshot.ts loadFirstScreen).
   * - `status`: `cases.where('status').equals('district-review')` (storage/snapshot.ts loadFirstScreen: reviews
   *   due, which may be overdue and come first).
   * cases.list filters the ≤ 20,000 rows in memory (no product view pages cases by business).
   */
  cases: { stores: 'id, employeeId, status, [employeeId+createdAt]', backup: { label: { zh: '业务', en: 'cases' }, maxRows: 20_000 } },
  /**
   * Materials with validity.
   * - `employeeId`, `caseId`: `documents.where('employeeId' | 'caseId').equals(id)` (repos/documents.ts
   *   listFor; erasure of an employee or a case); `where('employeeId').anyOf(ids)` (snapshot.ts loadFirstScreen).
   * - `fallsBelowRuleOn` (§五, rules/validity.ts): `documents.where('fallsBelowRuleOn').between(from, to)`
   *   (storage/snapshot.ts loadSnapshot for the case book and the daily reminder check;
   *   repos/documents.ts fallingBelowWithin).
   */
  documents: { stores: 'id, employeeId, caseId, fallsBelowRuleOn', backup: { label: { zh: '材料', en: 'documents' }, maxRows: 100_000 } },
  /**
   * Checklist ticks, one per case and item id from rules/; compound primary key.
   * `caseId`: `ticks.where('caseId').equals(id)` (repos/ticks.ts forCase, counts; case erasure) and `.anyOf(ids)`.
   */
  ticks: { stores: '[caseId+itemId], caseId', backup: { label: { zh: '清单勾选', en: 'checklist ticks' }, maxRows: 500_000 } },
  /** Time-stamped notes. `employeeId`, `caseId`: `notes.where(…).equals(id)` (repos/notes.ts listFor; erasure). */
  notes: { stores: 'id, employeeId, caseId', backup: { label: { zh: '备注', en: 'notes' }, maxRows: 50_000 } },
  /**
   * Values the content script captured from portal pages, per employee ('employee:<id>') or case ('case:<id>').
   * `employeeId`, `caseId`: `drafts.where(…).equals(id)` / `.anyOf(ids)` (repos/employees.ts and cases.ts erasure).
   */
  drafts: { stores: 'id, employeeId, caseId', backup: { label: { zh: '采集草稿', en: 'captured drafts' }, maxRows: 25_000 } },
  /**
   * Every change: table, record, op, changed fields before/after.
   * - `++id`: `audit.where('id').below(before).reverse()` (repos/audit.ts list: the log page, newest first).
   * - `[table+recordId]`: `audit.where('[table+recordId]').equals([t, id])` (a record's history: autosave
   *   undo, erasure).
   * - `employeeId`: `audit.where('employeeId').equals(id)` (an employee's history; erasure finds them).
   */
  audit: { stores: '++id, [table+recordId], employeeId', backup: { label: { zh: '操作记录', en: 'audit log' }, maxRows: 500_000 } },
  /** App settings (language, wage figures, reminder lead times); a single row with id 'app'. */
  settings: { stores: 'id', backup: { label: { zh: '设置', en: 'settings' }, maxRows: 1 } },
  /** The employee/case selected in the side panel (what the content script fills from); single row 'focus'. */
  focus: {
    stores: 'id',
    backup: { excluded: 'navigation state, not data: restoring a backup must not put another person in focus while a portal tab is open' },
  },
  /**
   * What the agent taught the portal adapter (issue #17): field labels and page headings, no personal data.
   * `kind`: the content script's fetch asks for all rows anyway; the index serves the settings list's grouping.
   */
  portalMappings: {
    stores: 'id, kind',
    backup: { excluded: 'portal layout knowledge, not case data: it is shared and restored as a 页面适配包 (设置 → 页面适配), so a backup stays the agent\'s cases only' },
  },
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Tables added after schema 3, with the version that added them. */
const ADDED_IN_V4 = ['portalMappings'] as const satisfies readonly TableName[];
type V3Table = Exclude<TableName, (typeof ADDED_IN_V4)[number]>;

/** The Dexie stores of schema 3 (derived from TABLES, without the tables schema 4 added). */
export const STORES_V3 = Object.fromEntries(
  TABLE_NAMES.filter((t) => !(ADDED_IN_V4 as readonly string[]).includes(t)).map((t) => [t, TABLES[t].stores]),
) as { readonly [T in V3Table]: (typeof TABLES)[T]['stores'] };

/** The tables a backup carries, in TABLES' order. */
export type BackedUpTable = { [T in TableName]: (typeof TABLES)[T]['backup'] extends { maxRows: number } ? T : never }[TableName];
export const BACKED_UP_TABLES = TABLE_NAMES.filter((t): t is BackedUpTable => 'maxRows' in TABLES[t].backup);

/** The typed database. Construct through `openDb()` / `getDb()`. */
export class JzzDb extends Dexie {
  company!: EntityTable<CompanyProfile, 'id'>;
  employees!: EntityTable<Employee, 'id'>;
  cases!: EntityTable<Case, 'id'>;
  documents!: EntityTable<DocumentRecord, 'id'>;
  ticks!: Table<Tick, [string, string]>;
  notes!: EntityTable<Note, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  settings!: EntityTable<Settings, 'id'>;
  focus!: EntityTable<Focus, 'id'>;
  portalMappings!: EntityTable<PortalMapping, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(migrateV1ToV2);
    // v3 drops the indexes no query used (schema-v2.ts lists them); rows are unchanged, so no upgrade().
    this.version(3).stores(STORES_V3);
    // Only the new table: the stores of schema 2 and 3 stay as they are.
    this.version(4).stores({ portalMappings: TABLES.portalMappings.stores });
    // Dexie 4 opens a database with a higher version than declared; after a downgrade of the extension
    // our tables may not match it, so refuse to use it instead of failing later or writing into it.
    this.on('ready', (db) => {
      const installed = (db as Dexie).backendDB().version / 10;
      if (installed > SCHEMA_VERSION) throw NEWER_DATABASE(installed, SCHEMA_VERSION);
    });
  }
}

/** Opens (and, if needed, creates or upgrades) the database called `name`. */
export function openDb(name: string = DB_NAME): JzzDb {
  return new JzzDb(name);
}

let shared: JzzDb | undefined;

/** The extension's shared database instance (extension pages and background only). */
export function getDb(): JzzDb {
  shared ??= new JzzDb(DB_NAME);
  return shared;
}
