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
import { migrateV1ToV2 } from './migrations';
import { NEWER_DATABASE, type Bilingual } from './errors';

export const DB_NAME = 'jzz-assistant';
/**
 * The current schema version (Dexie's; IndexedDB sees it × 10). 4 added `portalMappings`; 3 is left to the
 * index changes of a parallel branch (Dexie applies the steps in order whichever lands first).
 */
export const SCHEMA_VERSION = 4;
/**
 * The version of what a backup carries. Unchanged by schema 4 (its one new table is left out of backups), so
 * backups written before still restore and the ones written now restore on an extension of schema 2.
 */
export const BACKUP_SCHEMA_VERSION = 2;

/** What the database says about each table: its Dexie store (indexed fields only), and whether backups carry it. */
interface TableSpec {
  /** Dexie's `stores()` line: the primary key, then only the fields a query uses (see each comment). */
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
   * Staff the agent files for. `&residentId`: one row per person (imports match on it); `residentIdRev`:
   * "ID ends with …" as a prefix search; `name`, `holderStatus`, `permitValidUntil`, `updatedAt`: the
   * employee list's filter and sort orders (employees.list).
   */
  employees: { stores: 'id, &residentId, residentIdRev, name, holderStatus, permitValidUntil, updatedAt', backup: { label: { zh: '员工', en: 'employees' }, maxRows: 5_000 } },
  /**
   * One business per row (新办, 续签…). `employeeId`: an employee's cases; `[employeeId+createdAt]`: the
   * latest case without a scan; `status`, `business`, `[status+business]`: cases.list's filters; `updatedAt`.
   */
  cases: { stores: 'id, employeeId, status, business, [status+business], [employeeId+createdAt], updatedAt', backup: { label: { zh: '业务', en: 'cases' }, maxRows: 20_000 } },
  /** Materials with validity. `fallsBelowRuleOn` (§五, rules/validity.ts) makes "due within N days" a range query. */
  documents: { stores: 'id, employeeId, caseId, kind, validUntil, fallsBelowRuleOn', backup: { label: { zh: '材料', en: 'documents' }, maxRows: 100_000 } },
  /** Checklist ticks, one per case and item id from rules/; compound primary key; `caseId`: a case's ticks. */
  ticks: { stores: '[caseId+itemId], caseId, state', backup: { label: { zh: '清单勾选', en: 'checklist ticks' }, maxRows: 500_000 } },
  /** Time-stamped notes on an employee or a case. */
  notes: { stores: 'id, employeeId, caseId, at', backup: { label: { zh: '备注', en: 'notes' }, maxRows: 50_000 } },
  /** Values the content script captured from portal pages, per employee ('employee:<id>') or case ('case:<id>'). */
  drafts: { stores: 'id, employeeId, caseId', backup: { label: { zh: '采集草稿', en: 'captured drafts' }, maxRows: 25_000 } },
  /** Every change: table, record, op, changed fields before/after. Indexed by employee so erasure finds them. */
  audit: { stores: '++id, [table+recordId], employeeId, at', backup: { label: { zh: '操作记录', en: 'audit log' }, maxRows: 500_000 } },
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

/** Tables added after schema 2, with the version that added them. */
const ADDED_IN_V4 = ['portalMappings'] as const satisfies readonly TableName[];
type V2Table = Exclude<TableName, (typeof ADDED_IN_V4)[number]>;

/** The Dexie stores of schema 2 (derived from TABLES). */
export const STORES_V2 = Object.fromEntries(
  TABLE_NAMES.filter((t) => !(ADDED_IN_V4 as readonly string[]).includes(t)).map((t) => [t, TABLES[t].stores]),
) as { readonly [T in V2Table]: (typeof TABLES)[T]['stores'] };

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
    // Only the new table: the stores of schema 2 (or of a version 3 declared beside it) stay as they are.
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
