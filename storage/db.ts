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
  Settings,
  Tick,
} from './schemas';
import { STORES_V1 } from './schema-v1';
import { migrateV1ToV2 } from './migrations';
import { NEWER_DATABASE } from './errors';

export const DB_NAME = 'jzz-assistant';
/** The current schema version (Dexie's; IndexedDB sees it × 10). */
export const SCHEMA_VERSION = 2;

export const STORES_V2 = {
  /** The employer's profile; a single row with id 'company'. */
  company: 'id',
  /** Staff the agent files for. Unique resident ID; `residentIdRev` answers "ID ends with …" as a prefix search. */
  employees: 'id, &residentId, residentIdRev, name, holderStatus, permitValidUntil, updatedAt',
  /** One business per row (新办, 续签…). [employeeId+createdAt] finds an employee's latest case without a scan. */
  cases: 'id, employeeId, status, business, [status+business], [employeeId+createdAt], updatedAt',
  /** Materials with validity. `fallsBelowRuleOn` (validUntil − 3/6 months, §五) makes "due within N days" a range query. */
  documents: 'id, employeeId, caseId, kind, validUntil, fallsBelowRuleOn',
  /** Checklist ticks, one per case and item id from rules/; compound primary key. */
  ticks: '[caseId+itemId], caseId, state',
  /** Time-stamped notes on an employee or a case. */
  notes: 'id, employeeId, caseId, at',
  /** Values the content script captured from portal pages, per employee ('employee:<id>') or case ('case:<id>'). */
  drafts: 'id, employeeId, caseId',
  /** Every change: table, record, op, changed fields before/after. Indexed by employee so erasure finds them. */
  audit: '++id, [table+recordId], employeeId, at',
  /** App settings; a single row with id 'app'. */
  settings: 'id',
  /** The employee/case selected in the side panel (what the content script fills from); single row 'focus'. */
  focus: 'id',
} as const;

export type TableName = keyof typeof STORES_V2;
export const TABLE_NAMES = Object.keys(STORES_V2) as TableName[];

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

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(migrateV1ToV2);
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
