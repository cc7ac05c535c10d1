/**
 * Backup: export every table to a versioned JSON file (optionally encrypted, see crypto.ts), and
 * import one back — first a dry run that says what would be added, updated or conflict, then one
 * all-or-nothing transaction. A file that is malformed, truncated, of another version, masked,
 * encrypted under another passphrase or hostile is refused with a zh/en message and changes nothing.
 *
 * Limits (BACKUP_LIMITS; a file over any of them is refused before it touches the database):
 * - file: 150 MiB of text (an encrypted envelope of such a file is about 200 MiB);
 * - any single string: 1 MiB (per-field limits are far lower: names 50, notes 10,000 characters…);
 * - rows: employees 5,000 · cases 20,000 · documents 100,000 · checklist ticks 500,000 · notes 50,000 ·
 *   captured drafts 25,000 · audit entries 500,000 · company 1 · settings 1; all tables ≤ 1,000,000;
 * - an audit entry's before/after: 64 KiB of JSON each.
 * Derived fields (gender, birth date, reversed ID, fallsBelowRuleOn, a case document's employee) are
 * recomputed on import, never trusted from the file.
 *
 * A full backup holds complete resident ID numbers (it is a backup): the export's `notice` says so.
 * A masked export (IDs and phones hidden, no drafts or audit log) is for sharing and cannot be imported.
 */
import { beijingDate } from '../rules/dates';
import { z } from 'zod';
import { BACKED_UP_TABLES, BACKUP_SCHEMA_VERSION as SCHEMA_VERSION, TABLES, type BackedUpTable, type JzzDb } from './db';
import { CANCELLED, StorageError, fromZodError, toStorageError, type Bilingual } from './errors';
import { EncryptedEnvelope, ENCRYPTED_FORMAT, decryptEnvelope, encryptText } from '../utils/crypto';
import { deriveFallsBelow, deriveFromResidentId } from './derive';
import { dumpAll } from './dump';
import { HOSTILE_KEYS } from '../utils/hostile';
import { maskPhone, maskResidentId } from '../utils/mask';
import {
  AuditRow,
  CaseRow,
  CompanyRow,
  DocumentRow,
  DraftRow,
  EmployeeRow,
  NoteRow,
  SettingsRow,
  TickRow,
  Timestamp,
  type AuditEntry,
  type Case,
  type CompanyProfile,
  type DocumentRecord,
  type Draft,
  type Employee,
  type Note,
  type Settings,
  type Tick,
} from './schemas';

export const BACKUP_FORMAT = 'jzz-backup';
/** Version of the file layout; bumped when the envelope of tables changes. */
const BACKUP_FORMAT_VERSION = 1;
const APP_NAME = 'bj-work-residence-permit-assistant';
/**
 * The oldest database schema whose backups import as they are: schema 3 changed indexes only, so a schema 2
 * file holds exactly the rows of a schema 3 one (storage/schema-v2.ts).
 */
const OLDEST_IMPORTABLE_SCHEMA = 2;

/** The tables a backup carries: every table of storage/db.ts TABLES not excluded there on purpose. */
export const BACKUP_TABLES = BACKED_UP_TABLES;
export type BackupTable = BackedUpTable;

const BACKUP_LIMITS = {
  maxFileChars: 150 * 1024 * 1024,
  maxStringChars: 1024 * 1024,
  maxAuditPayloadChars: 64 * 1024,
  maxTotalRows: 1_000_000,
  rows: Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, (TABLES[t].backup as { maxRows: number }).maxRows])) as Record<BackupTable, number>,
};
export type BackupLimits = typeof BACKUP_LIMITS;

const TABLE_LABELS = Object.fromEntries(BACKED_UP_TABLES.map((t) => [t, (TABLES[t].backup as { label: Bilingual }).label])) as Record<BackupTable, Bilingual>;

const UNCHANGED = { zh: '数据库未作任何修改。', en: 'Nothing was changed.' };

/** Why a backup was refused (StorageError.reason when code is 'backup'). */
export type BackupRefusal =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'hostile-key'
  | 'string-too-long'
  | 'not-backup'
  | 'newer-version'
  | 'unsupported-version'
  | 'masked'
  | 'needs-passphrase'
  | 'bad-envelope'
  | 'wrong-passphrase'
  | 'too-many-rows'
  | 'counts-mismatch'
  | 'invalid-rows'
  | 'duplicate-ids'
  | 'duplicate-resident-ids'
  | 'dangling-reference'
  | 'conflicts';

function refuse(reason: BackupRefusal, text: Bilingual, details: string[] = [], cause?: unknown): StorageError {
  return new StorageError(
    'backup',
    { zh: `无法导入：${text.zh}${UNCHANGED.zh}`, en: `Cannot import: ${text.en} ${UNCHANGED.en}` },
    { reason, details, cause },
  );
}

// ---------------------------------------------------------------------------------------------
// File schema

const rows = <T extends z.ZodType>(row: T, table: BackupTable) => z.array(row).max(BACKUP_LIMITS.rows[table]);

const AuditBackupRow = AuditRow.refine(
  (a) =>
    JSON.stringify(a.before ?? {}).length <= BACKUP_LIMITS.maxAuditPayloadChars &&
    JSON.stringify(a.after ?? {}).length <= BACKUP_LIMITS.maxAuditPayloadChars,
  { message: '操作记录内容过大 / Audit entry too large' },
);

/** The row schema of every backed-up table (a table added to storage/db.ts TABLES without one does not compile). */
const BACKUP_ROWS = {
  company: CompanyRow,
  employees: EmployeeRow,
  cases: CaseRow,
  documents: DocumentRow,
  ticks: TickRow,
  notes: NoteRow,
  drafts: DraftRow,
  settings: SettingsRow,
  audit: AuditBackupRow,
} satisfies Record<BackupTable, z.ZodType>;

/** The backup file (format version 1, database schema version 2 or 3). */
export const BackupFile = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().min(OLDEST_IMPORTABLE_SCHEMA).max(SCHEMA_VERSION),
  app: z.strictObject({ name: z.literal(APP_NAME), version: z.string().max(50) }),
  exportedAt: Timestamp,
  masked: z.literal(false),
  counts: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.number().int().min(0)])) as Record<BackupTable, z.ZodNumber>),
  tables: z.strictObject({
    company: rows(BACKUP_ROWS.company, 'company'),
    employees: rows(BACKUP_ROWS.employees, 'employees'),
    cases: rows(BACKUP_ROWS.cases, 'cases'),
    documents: rows(BACKUP_ROWS.documents, 'documents'),
    ticks: rows(BACKUP_ROWS.ticks, 'ticks'),
    notes: rows(BACKUP_ROWS.notes, 'notes'),
    drafts: rows(BACKUP_ROWS.drafts, 'drafts'),
    settings: rows(BACKUP_ROWS.settings, 'settings'),
    audit: rows(BACKUP_ROWS.audit, 'audit'),
  } satisfies Record<BackupTable, z.ZodType>),
});
export type BackupFile = z.infer<typeof BackupFile>;

export interface BackupTables {
  company: CompanyProfile[];
  employees: Employee[];
  cases: Case[];
  documents: DocumentRecord[];
  ticks: Tick[];
  notes: Note[];
  drafts: Draft[];
  settings: Settings[];
  audit: AuditEntry[];
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportOptions {
  /** Hide resident IDs and phone numbers, leave out drafts and the audit log (a shareable file; cannot be imported). */
  mask?: boolean;
  /** Encrypt the file (AES-GCM, key from PBKDF2-SHA256 600,000 iterations); at least 8 characters. */
  passphrase?: string;
  /** The extension's version (the caller reads it from the manifest; storage/ knows no browser). */
  appVersion?: string;
  now?: () => Date;
}

export interface ExportResult {
  /** The file's content. */
  text: string;
  /** Suggested file name, e.g. jzz-backup-2026-03-01.json. */
  filename: string;
  encrypted: boolean;
  masked: boolean;
  counts: Record<BackupTable, number>;
  /** What the user must be told about the file (complete IDs / masked and not importable). */
  notice: Bilingual;
}

export const FULL_BACKUP_NOTICE: Bilingual = {
  zh: '此备份包含完整的身份证号、电话等个人信息（完整备份才能恢复），请妥善保管，建议设置口令加密。',
  en: 'This backup contains complete resident ID numbers, phone numbers and other personal data (a backup must be complete to restore); keep it safe — setting a passphrase is recommended.',
};

export const MASKED_EXPORT_NOTICE: Bilingual = {
  zh: '脱敏导出：身份证号和电话已隐藏，不含采集草稿和操作记录；姓名和备注未隐藏。此文件仅供分享查看，不能再导入恢复。',
  en: 'Masked export: resident IDs and phone numbers are hidden; captured drafts and the audit log are left out; names and notes are not hidden. This file is for sharing only and cannot be imported back.',
};

export const ENCRYPTED_BACKUP_NOTICE: Bilingual = {
  zh: '此备份已用口令加密，包含完整的身份证号、电话等个人信息。恢复时需要输入同一口令；口令无法找回，请另行妥善保存口令。',
  en: 'This backup is encrypted with your passphrase and contains complete resident ID numbers, phone numbers and other personal data. Restoring it needs the same passphrase, which cannot be recovered: keep it somewhere safe.',
};

export const MASKED_ENCRYPTED_NOTICE: Bilingual = {
  zh: `${MASKED_EXPORT_NOTICE.zh}文件已用口令加密，查看时需要该口令。`,
  en: `${MASKED_EXPORT_NOTICE.en} The file is encrypted; reading it needs the passphrase.`,
};

/** What to tell the agent about the file just exported: it depends on both masking and encryption. */
function exportNotice(masked: boolean, encrypted: boolean): Bilingual {
  if (masked) return encrypted ? MASKED_ENCRYPTED_NOTICE : MASKED_EXPORT_NOTICE;
  return encrypted ? ENCRYPTED_BACKUP_NOTICE : FULL_BACKUP_NOTICE;
}

/** Exports every table as a backup file (see ExportOptions for masking and encryption). */
export async function exportBackup(db: JzzDb, options: ExportOptions = {}): Promise<ExportResult> {
  const now = (options.now ?? (() => new Date()))();
  const dump = await dumpAll(db, BACKUP_TABLES);
  let tables: Record<BackupTable, unknown[]> = Object.fromEntries(BACKUP_TABLES.map((t) => [t, dump[t]])) as Record<BackupTable, unknown[]>;
  if (options.mask) tables = maskTables(tables as unknown as BackupTables);
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<BackupTable, number>;
  const file = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    app: { name: APP_NAME, version: (options.appVersion ?? '0.0.0-dev').slice(0, 50) },
    exportedAt: now.toISOString(),
    masked: Boolean(options.mask),
    counts,
    tables,
  };
  let text = JSON.stringify(file);
  // The agent's day (Beijing), as every date on screen and in the CSV exports.
  const day = beijingDate(now);
  let filename = options.mask ? `jzz-shareable-masked-${day}.json` : `jzz-backup-${day}.json`;
  if (options.passphrase !== undefined) {
    text = await encryptText(text, options.passphrase);
    filename = filename.replace(/\.json$/, '.encrypted.json');
  }
  return {
    text,
    filename,
    encrypted: options.passphrase !== undefined,
    masked: Boolean(options.mask),
    counts,
    notice: exportNotice(Boolean(options.mask), options.passphrase !== undefined),
  };
}

function maskTables(t: BackupTables): Record<BackupTable, unknown[]> {
  return {
    company: t.company.map((c) => ({ ...c, agentPhone: c.agentPhone ? maskPhone(c.agentPhone) : '' })),
    employees: t.employees.map(({ residentIdRev: _rev, ...e }) => ({
      ...e,
      residentId: maskResidentId(e.residentId),
      birthDate: e.birthDate.slice(0, 4),
      ...(e.phone ? { phone: maskPhone(e.phone) } : {}),
    })),
    cases: t.cases,
    documents: t.documents,
    ticks: t.ticks,
    notes: t.notes,
    drafts: [],
    settings: t.settings,
    audit: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a file

export interface ReadOptions {
  passphrase?: string;
  /** Tighter limits (tests); never looser than BACKUP_LIMITS. */
  limits?: Partial<Pick<BackupLimits, 'maxFileChars' | 'maxStringChars'>>;
}


/**
 * JSON.parse without a reviver (a reviver call per value made parsing a 6 MB backup 3–5× slower, in one task),
 * then a walk over every key and string in slices with a turn for the page between them: a hostile key or an
 * over-long string is refused as the reviver did.
 */
async function parseJson(text: string, maxString: number): Promise<unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw refuse('not-json', { zh: '文件不是完整的 JSON（可能被截断或损坏）。', en: 'the file is not complete JSON (truncated or damaged?).' }, [], e);
  }
  const stack: [key: string, value: unknown][] = [['', raw]];
  let visited = 0;
  while (stack.length) {
    if (++visited % WALK_SLICE === 0) await yieldToPage();
    const [key, value] = stack.pop()!;
    if (HOSTILE_KEYS.has(key)) throw refuse('hostile-key', { zh: `文件含有不允许的键名「${key}」（可能是恶意文件）。`, en: `the file contains the forbidden key "${key}" (possibly a hostile file).` });
    // Only an envelope's ciphertext may be long; a plain file with such a key fails the schema anyway.
    if (typeof value === 'string') {
      if (value.length > maxString && key !== 'ciphertext') {
        throw refuse('string-too-long', {
          zh: `文件中有超过 ${Math.round(maxString / 1024)} KB 的文本字段。`,
          en: `the file has a text field longer than ${Math.round(maxString / 1024)} KB.`,
        });
      }
    } else if (Array.isArray(value)) {
      for (let k = value.length - 1; k >= 0; k--) stack.push([String(k), value[k]]);
    } else if (typeof value === 'object' && value !== null) {
      for (const k of Object.keys(value)) stack.push([k, (value as Record<string, unknown>)[k]]);
    }
  }
  return raw;
}

/** Values checked per slice of that walk (~5 ms in Chromium). */
const WALK_SLICE = 50_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a File/Blob (size checked before reading it into memory). */
export async function readBackupBlob(blob: Blob, options: ReadOptions = {}): Promise<BackupFile> {
  const max = Math.min(options.limits?.maxFileChars ?? Infinity, BACKUP_LIMITS.maxFileChars) * 1.4; // envelopes are base64
  if (blob.size > max) throw tooLarge(max);
  return readBackup(await blob.text(), options);
}

function tooLarge(max: number): StorageError {
  return refuse('too-large', {
    zh: `文件过大（上限约 ${Math.round(max / 1024 / 1024)} MB）。`,
    en: `the file is too large (limit about ${Math.round(max / 1024 / 1024)} MB).`,
  });
}

/**
 * Parses and validates a backup file's text (decrypting it first if it is an encrypted envelope).
 * Throws StorageError('backup') with `reason` ∈ BackupRefusal; touches no database.
 */
export async function readBackup(text: string, options: ReadOptions = {}): Promise<BackupFile> {
  const maxFile = Math.min(options.limits?.maxFileChars ?? Infinity, BACKUP_LIMITS.maxFileChars);
  const maxString = Math.min(options.limits?.maxStringChars ?? Infinity, BACKUP_LIMITS.maxStringChars);
  if (typeof text !== 'string' || text.trim() === '') throw refuse('empty', { zh: '文件为空。', en: 'the file is empty.' });

  // An encrypted envelope is up to ~4/3 of the plain file (base64).
  if (text.length > Math.ceil(maxFile * 1.4)) throw tooLarge(maxFile);
  let raw = await parseJson(text, maxString);
  if (isRecord(raw) && raw.format === ENCRYPTED_FORMAT) {
    if (!options.passphrase) {
      throw refuse('needs-passphrase', { zh: '这是加密备份，请输入导出时设置的口令。', en: 'this backup is encrypted; enter the passphrase it was exported with.' });
    }
    const env = EncryptedEnvelope.safeParse(raw);
    if (!env.success) {
      throw refuse('bad-envelope', { zh: '加密文件的格式无效或已损坏。', en: 'the encrypted file is malformed or damaged.' }, fromZodError(env.error, { zh: '加密文件', en: 'Envelope' }).details);
    }
    let plain: string;
    try {
      plain = await decryptEnvelope(env.data, options.passphrase);
    } catch (e) {
      if (e instanceof StorageError && e.code === 'backup') {
        throw refuse('wrong-passphrase', { zh: '口令错误，或加密文件已损坏/被改动。', en: 'wrong passphrase, or the encrypted file is damaged or was altered.' }, [], e);
      }
      throw e;
    }
    if (plain.length > maxFile) throw tooLarge(maxFile);
    raw = await parseJson(plain, maxString);
    if (isRecord(raw) && raw.format === ENCRYPTED_FORMAT) {
      throw refuse('not-backup', { zh: '加密文件中不是备份数据。', en: 'the encrypted file does not hold a backup.' });
    }
  } else if (text.length > maxFile) {
    throw tooLarge(maxFile);
  }
  return await validateBackup(raw);
}

/** The file with every table as a list of anything: its envelope is checked at once, the rows in slices. */
const BackupEnvelope = BackupFile.extend({
  tables: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.array(z.unknown()).max(BACKUP_LIMITS.rows[t])])) as Record<BackupTable, z.ZodArray<z.ZodUnknown>>),
});
/** The tables in the file schema's order (the order a whole-file parse reports issues in). */
const FILE_TABLE_ORDER = Object.keys(BackupFile.shape.tables.shape) as BackupTable[];

/**
 * Rows validated per slice. Validating 25,000 rows at once was one ~250 ms task in Chromium (the page froze
 * after the file was chosen); slices of 1,000 take ~10 ms each, and the page gets a turn between them.
 */
const VALIDATE_CHUNK = 1_000;

/** Lets the page run (paint, input) before the next slice: scheduler.yield where the engine has it. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function invalidRows(error: z.ZodError): StorageError {
  const err = fromZodError(error, { zh: '备份', en: 'Backup' });
  return refuse('invalid-rows', { zh: `文件中有无效记录：${err.details[0] ? err.details[0].split(' / ')[0] : ''}。`, en: `the file has invalid rows: ${err.details[0] ? err.details[0].split(' / ').slice(1).join(' / ') : ''}.` }, err.details, error);
}

/** Validates an already-parsed backup object (version, masking, row limits, schema, integrity). */
async function validateBackup(raw: unknown): Promise<BackupFile> {
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) {
    throw refuse('not-backup', { zh: '这不是本扩展导出的备份文件。', en: 'this is not a backup exported by this extension.' });
  }
  // Another program that borrowed our format name is not our backup: said so, rather than reported
  // as 「无效记录：app.name」 by the schema (issue #9's bad-input suite).
  if (isRecord(raw.app) && raw.app.name !== APP_NAME) {
    throw refuse('not-backup', { zh: '这不是本扩展导出的备份文件。', en: 'this is not a backup exported by this extension.' });
  }
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BACKUP_FORMAT_VERSION) {
    throw refuse('newer-version', {
      zh: `备份来自更新版本的扩展（格式版本 ${raw.formatVersion}），请先升级扩展。`,
      en: `the backup comes from a newer version of the extension (format ${raw.formatVersion}); update the extension first.`,
    });
  }
  // A newer database schema also means "update the extension", not an unexplained "unsupported version".
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > SCHEMA_VERSION) {
    throw refuse('newer-version', {
      zh: `备份来自更新版本的扩展（数据版本 ${raw.schemaVersion}，本扩展支持 ${SCHEMA_VERSION}），请先升级扩展。`,
      en: `the backup comes from a newer version of the extension (data version ${raw.schemaVersion}, this one supports ${SCHEMA_VERSION}); update the extension first.`,
    });
  }
  if (raw.formatVersion !== BACKUP_FORMAT_VERSION || typeof raw.schemaVersion !== 'number' || !Number.isInteger(raw.schemaVersion) || raw.schemaVersion < OLDEST_IMPORTABLE_SCHEMA) {
    throw refuse('unsupported-version', {
      zh: `不支持的备份版本（格式 ${String(raw.formatVersion)}，数据 ${String(raw.schemaVersion)}）。`,
      en: `unsupported backup version (format ${String(raw.formatVersion)}, data ${String(raw.schemaVersion)}).`,
    });
  }
  if (raw.masked === true) {
    throw refuse('masked', {
      zh: '这是脱敏导出（身份证号已隐藏），仅供分享查看，不能导入恢复。请使用完整备份。',
      en: 'this is a masked export (IDs hidden) for sharing only; it cannot be imported. Use a full backup.',
    });
  }
  const tables = raw.tables;
  if (!isRecord(tables)) throw refuse('invalid-rows', { zh: '文件缺少数据表。', en: 'the file has no tables.' });
  let total = 0;
  for (const t of BACKUP_TABLES) {
    const list = tables[t];
    if (!Array.isArray(list)) continue; // the schema reports it
    total += list.length;
    if (list.length > BACKUP_LIMITS.rows[t]) {
      throw refuse('too-many-rows', {
        zh: `「${TABLE_LABELS[t].zh}」有 ${list.length} 条记录，超过上限 ${BACKUP_LIMITS.rows[t]}。`,
        en: `"${TABLE_LABELS[t].en}" has ${list.length} rows, over the limit of ${BACKUP_LIMITS.rows[t]}.`,
      });
    }
  }
  if (total > BACKUP_LIMITS.maxTotalRows) {
    throw refuse('too-many-rows', {
      zh: `记录总数 ${total} 超过上限 ${BACKUP_LIMITS.maxTotalRows}。`,
      en: `${total} rows in total, over the limit of ${BACKUP_LIMITS.maxTotalRows}.`,
    });
  }
  if (isRecord(raw.counts)) {
    for (const t of BACKUP_TABLES) {
      const list = tables[t];
      if (Array.isArray(list) && raw.counts[t] !== list.length) {
        throw refuse('counts-mismatch', {
          zh: `「${TABLE_LABELS[t].zh}」的记录数与文件声明不符（可能被截断或改动）。`,
          en: `the number of "${TABLE_LABELS[t].en}" rows differs from the file's own count (truncated or altered?).`,
        });
      }
    }
  }
  const envelope = BackupEnvelope.safeParse(raw);
  if (!envelope.success) throw invalidRows(envelope.error);
  const tablesOut = {} as Record<BackupTable, unknown[]>;
  for (const t of FILE_TABLE_ORDER) {
    const list = envelope.data.tables[t];
    const schema = z.array(BACKUP_ROWS[t] as z.ZodType);
    const out: unknown[] = [];
    for (let i = 0; i < list.length; i += VALIDATE_CHUNK) {
      if (i > 0) await yieldToPage();
      const r = schema.safeParse(list.slice(i, i + VALIDATE_CHUNK));
      if (!r.success) {
        // The same issue a whole-file parse gives: its path counts rows from the start of the table.
        throw invalidRows(new z.ZodError(r.error.issues.map((issue) => ({ ...issue, path: ['tables', t, i + Number(issue.path[0]), ...issue.path.slice(1)] }))));
      }
      for (const row of r.data) out.push(row);
    }
    tablesOut[t] = out;
  }
  const file = { ...envelope.data, tables: tablesOut } as BackupFile;
  checkUnique(file);
  return file;
}

function checkUnique(file: BackupFile): void {
  const keyOf: Record<BackupTable, (r: never) => string> = {
    company: (r: CompanyProfile) => r.id,
    employees: (r: Employee) => r.id,
    cases: (r: Case) => r.id,
    documents: (r: DocumentRecord) => r.id,
    ticks: (r: Tick) => `${r.caseId}|${r.itemId}`,
    notes: (r: Note) => r.id,
    drafts: (r: Draft) => r.id,
    settings: (r: Settings) => r.id,
    audit: (r: AuditEntry) => String(r.id),
  };
  for (const t of BACKUP_TABLES) {
    const seen = new Set<string>();
    for (const row of file.tables[t] as never[]) {
      const k = keyOf[t](row);
      if (seen.has(k)) {
        throw refuse('duplicate-ids', {
          zh: `「${TABLE_LABELS[t].zh}」中有重复的编号（${k.slice(0, 80)}）。`,
          en: `"${TABLE_LABELS[t].en}" has a duplicate id (${k.slice(0, 80)}).`,
        });
      }
      seen.add(k);
    }
  }
  const ids = new Map<string, string>();
  for (const e of file.tables.employees) {
    const other = ids.get(e.residentId);
    if (other) {
      throw refuse('duplicate-resident-ids', {
        zh: `文件中两名员工的身份证号相同（${maskResidentId(e.residentId)}）。`,
        en: `two employees in the file share a resident ID (${maskResidentId(e.residentId)}).`,
      });
    }
    ids.set(e.residentId, e.id);
  }
}

// ---------------------------------------------------------------------------------------------
// Planning and applying an import

export interface ImportConflict {
  kind: 'resident-id' | 'company';
  table: BackupTable;
  /** The id in the file. */
  id: string;
  /** The id of the existing record it collides with. */
  existingId: string;
  message: Bilingual;
}

export interface TablePlan {
  add: number;
  update: number;
  unchanged: number;
  /** Rows left out because they conflict (or belong to an employee that does), with conflicts: 'skip'. */
  skipped: number;
}

export interface ImportPlan {
  tables: Record<BackupTable, TablePlan>;
  conflicts: ImportConflict[];
  exportedAt: string;
  appVersion: string;
  /** True once applyImport wrote it; false for a dry run. */
  applied: boolean;
}

/** How far a restore has written: rows of the file done / rows to write (both counted over every table). */
export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOptions {
  /** 'abort' (default): any conflict refuses the whole import. 'skip': conflicting employees (with all their rows) and a conflicting company profile are left out. */
  conflicts?: 'abort' | 'skip';
  now?: () => Date;
  /**
   * Called once before the first write (done 0) and after each chunk of WRITE_CHUNK rows, inside the one
   * transaction. The page repaints between chunks: while a chunk is being written the main thread is free.
   */
  onProgress?: (p: ImportProgress) => void;
  /** Aborted before the commit (checked after every chunk): the transaction is rolled back, nothing changes (code 'cancelled'). */
  signal?: AbortSignal;
}

/**
 * Rows per write request of a restore. Dexie serialises a bulkPut's rows in one synchronous loop, so the
 * chunk bounds the longest main-thread task of the write phase; between chunks the browser paints the
 * progress. 500 rows (≈ 10 ms of serialising on a quiet machine): the bench (tests/bench/storage-figures.ts) reports
 * the longest task of the write phase and the longest gap between two progress steps.
 */
const WRITE_CHUNK = 500;

type Row = Record<string, unknown>;

function sameRow(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    isRecord(value) ? Object.fromEntries(Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => [k, value[k]])) : value,
  );
}

interface Prepared {
  tables: BackupTables;
  plan: ImportPlan;
  /** Existing audit ids whose content differs: those file entries are appended under new ids. */
  auditRenumber: Set<number>;
  /** Employees in the file that replace existing rows (deleted first so the unique ID index never trips). */
  employeeUpdates: string[];
}

/** Maps `list` in slices of VALIDATE_CHUNK rows with a turn for the page between them (outside any transaction). */
async function mapInSlices<T, U>(list: readonly T[], fn: (row: T) => U): Promise<U[]> {
  const out: U[] = [];
  for (let i = 0; i < list.length; i += VALIDATE_CHUNK) {
    if (i > 0) await yieldToPage();
    for (let k = i; k < Math.min(list.length, i + VALIDATE_CHUNK); k++) out.push(fn(list[k]));
  }
  return out;
}

/**
 * Recomputes derived fields so a file cannot smuggle in inconsistent ones. Runs before the transaction (it reads
 * no database), in slices: the date arithmetic of 20,000 documents was the longest task of a restore.
 */
async function normalise(file: BackupFile): Promise<BackupTables> {
  // Rows that change are new objects; the others are never modified (filtered into new arrays, cloned by
  // IndexedDB on write), so the parsed file needs no deep copy (structuredClone of 25,000 rows: ~100 ms).
  const t = { ...file.tables } as BackupTables;
  t.employees = await mapInSlices(t.employees, (e) => ({ ...e, ...deriveFromResidentId(e.residentId) }));
  const caseOwner = new Map(t.cases.map((c) => [c.id, c.employeeId]));
  t.documents = await mapInSlices(t.documents, (d) => {
    const out: DocumentRecord = { ...d };
    const due = deriveFallsBelow(d.kind, d.validUntil);
    if (due) out.fallsBelowRuleOn = due;
    else delete out.fallsBelowRuleOn;
    if (d.caseId && caseOwner.has(d.caseId)) {
      const owner = caseOwner.get(d.caseId);
      if (owner) out.employeeId = owner;
      else delete out.employeeId;
    }
    return out;
  });
  return t;
}

async function prepare(db: JzzDb, file: BackupFile, t: BackupTables, options: ImportOptions): Promise<Prepared> {
  const conflicts: ImportConflict[] = [];
  const skipEmployees = new Set<string>();
  let skipCompany = false;

  // Only bulk reads inside the transaction: thousands of awaits on non-IndexedDB promises would let
  // the transaction commit early (Dexie PrematureCommitError).
  const fileEmployeeIds = new Set(t.employees.map((e) => e.id));
  const holders = new Map(
    (await db.employees.where('residentId').anyOf(t.employees.map((e) => e.residentId)).toArray()).map((e) => [e.residentId, e]),
  );
  for (const e of t.employees) {
    const existing = holders.get(e.residentId);
    if (existing && existing.id !== e.id && !fileEmployeeIds.has(existing.id)) {
      conflicts.push({
        kind: 'resident-id',
        table: 'employees',
        id: e.id,
        existingId: existing.id,
        message: {
          zh: `员工「${e.name}」的身份证号 ${maskResidentId(e.residentId)} 已属于现有员工「${existing.name}」（不同编号）。`,
          en: `Employee "${e.name}": resident ID ${maskResidentId(e.residentId)} already belongs to existing employee "${existing.name}" (another id).`,
        },
      });
      skipEmployees.add(e.id);
    }
  }
  const company = await db.company.get('company');
  const fileCompany = t.company[0];
  if (company && fileCompany && company.creditCode !== fileCompany.creditCode) {
    conflicts.push({
      kind: 'company',
      table: 'company',
      id: 'company',
      existingId: 'company',
      message: {
        zh: `备份属于另一家单位（${fileCompany.name}，统一社会信用代码不同于本机的「${company.name}」）。`,
        en: `The backup belongs to another employer (${fileCompany.name}; its credit code differs from "${company.name}" here).`,
      },
    });
    skipCompany = true;
  }
  const skipping = options.conflicts === 'skip';

  // With 'skip', everything hanging off a skipped employee is left out too.
  const skippedCases = new Set(t.cases.filter((c) => c.employeeId && skipEmployees.has(c.employeeId)).map((c) => c.id));
  const keep = {
    company: (r: CompanyProfile) => !(skipping && skipCompany && r.id === 'company'),
    employees: (r: Employee) => !(skipping && skipEmployees.has(r.id)),
    cases: (r: Case) => !(skipping && skippedCases.has(r.id)),
    documents: (r: DocumentRecord) => !(skipping && ((r.employeeId && skipEmployees.has(r.employeeId)) || (r.caseId && skippedCases.has(r.caseId)))),
    ticks: (r: Tick) => !(skipping && skippedCases.has(r.caseId)),
    notes: (r: Note) => !(skipping && ((r.employeeId && skipEmployees.has(r.employeeId)) || (r.caseId && skippedCases.has(r.caseId)))),
    drafts: (r: Draft) => !(skipping && (skipEmployees.has(r.employeeId) || (r.caseId && skippedCases.has(r.caseId)))),
    settings: () => true,
    audit: (r: AuditEntry) => !(skipping && r.employeeId && skipEmployees.has(r.employeeId)),
  };
  const kept = {} as BackupTables;
  const tables = {} as Record<BackupTable, TablePlan>;
  for (const name of BACKUP_TABLES) {
    const list = t[name] as Row[];
    const filtered = list.filter((r) => (keep[name] as (r: Row) => boolean)(r));
    (kept as unknown as Record<BackupTable, Row[]>)[name] = filtered;
    tables[name] = { add: 0, update: 0, unchanged: 0, skipped: list.length - filtered.length };
  }

  // References must resolve inside the file or the database.
  const employeeIds = new Set(kept.employees.map((e) => e.id));
  const caseIds = new Set(kept.cases.map((c) => c.id));
  const wantedEmployees = [...new Set([...kept.cases, ...kept.documents, ...kept.notes, ...kept.drafts].flatMap((r) => (r.employeeId && !employeeIds.has(r.employeeId) ? [r.employeeId] : [])))];
  const wantedCases = [...new Set([...kept.documents, ...kept.notes, ...kept.ticks, ...kept.drafts].flatMap((r) => (r.caseId && !caseIds.has(r.caseId) ? [r.caseId] : [])))];
  const dbEmployees = new Set((await db.employees.bulkGet(wantedEmployees)).flatMap((e) => (e ? [e.id] : [])));
  const dbCases = new Set((await db.cases.bulkGet(wantedCases)).flatMap((c) => (c ? [c.id] : [])));
  const hasEmployee = (id: string) => employeeIds.has(id) || (!skipEmployees.has(id) && dbEmployees.has(id));
  const hasCase = (id: string) => caseIds.has(id) || (!skippedCases.has(id) && dbCases.has(id));
  const dangling = (what: Bilingual, id: string) =>
    refuse('dangling-reference', {
      zh: `文件中的记录引用了不存在的${what.zh}（${id}）。`,
      en: `a row in the file refers to a ${what.en} that does not exist (${id}).`,
    });
  const EMP = { zh: '员工', en: 'employee' };
  const CASE = { zh: '业务', en: 'case' };
  for (const c of kept.cases) if (c.employeeId && !hasEmployee(c.employeeId)) throw dangling(EMP, c.employeeId);
  for (const r of [...kept.documents, ...kept.notes]) {
    if (r.caseId && !hasCase(r.caseId)) throw dangling(CASE, r.caseId);
    if (r.employeeId && !hasEmployee(r.employeeId)) throw dangling(EMP, r.employeeId);
  }
  for (const r of kept.ticks) if (!hasCase(r.caseId)) throw dangling(CASE, r.caseId);
  for (const r of kept.drafts) {
    if (!hasEmployee(r.employeeId)) throw dangling(EMP, r.employeeId);
    if (r.caseId && !hasCase(r.caseId)) throw dangling(CASE, r.caseId);
  }

  const employeeUpdates: string[] = [];
  const auditRenumber = new Set<number>();
  for (const name of BACKUP_TABLES) {
    const list = (kept as unknown as Record<BackupTable, Row[]>)[name];
    // An empty table (a restore into a new browser) holds none of them: no lookups to make.
    const existing: unknown[] =
      list.length === 0 || (await db.table(name).count()) === 0
        ? []
        : await db.table(name).bulkGet(list.map((row) => (name === 'ticks' ? [row.caseId, row.itemId] : row.id)) as never[]);
    list.forEach((row, i) => {
      if (existing[i] === undefined) tables[name].add += 1;
      else if (sameRow(existing[i], row)) tables[name].unchanged += 1;
      else if (name === 'audit') {
        // The log is append-only: a different entry under the same number is another entry.
        tables[name].add += 1;
        auditRenumber.add(row.id as number);
      } else {
        tables[name].update += 1;
        if (name === 'employees') employeeUpdates.push(row.id as string);
      }
    });
  }

  return {
    tables: kept,
    plan: {
      tables,
      conflicts,
      exportedAt: file.exportedAt,
      appVersion: file.app.version,
      applied: false,
    },
    auditRenumber,
    employeeUpdates,
  };
}

/** Dry run: what an import of `file` would add, update, leave unchanged, skip, and which conflicts it has. */
export async function planImport(db: JzzDb, file: BackupFile, options: ImportOptions = {}): Promise<ImportPlan> {
  try {
    const tables = await normalise(file);
    return await db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => (await prepare(db, file, tables, options)).plan);
  } catch (e) {
    throw toStorageError(e);
  }
}

/**
 * Imports `file` in one transaction: rows of the file replace rows with the same id, new rows are
 * added, nothing is deleted; audit entries are appended. Conflicts abort everything (default) or, with
 * conflicts: 'skip', leave the conflicting rows out. One audit entry records the import (counts only).
 */
export async function applyImport(db: JzzDb, file: BackupFile, options: ImportOptions = {}): Promise<ImportPlan> {
  const now = options.now ?? (() => new Date());
  try {
    const tables = await normalise(file);
    if (options.signal?.aborted) throw CANCELLED();
    return await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async () => {
      const p = await prepare(db, file, tables, options);
      if (p.plan.conflicts.length > 0 && options.conflicts !== 'skip') {
        throw refuse(
          'conflicts',
          {
            zh: `与本机现有数据有 ${p.plan.conflicts.length} 处冲突。`,
            en: `${p.plan.conflicts.length} conflict(s) with the existing data.`,
          },
          p.plan.conflicts.map((c) => `${c.message.zh} / ${c.message.en}`),
        );
      }
      const t = p.tables;
      // The audit entries to append, decided before writing so the progress total is known.
      const present = await db.audit.bulkGet(t.audit.map((a) => a.id));
      const auditNew: AuditEntry[] = [];
      t.audit.forEach((a, i) => {
        if (p.auditRenumber.has(a.id)) {
          const { id: _old, ...rest } = a;
          auditNew.push(rest as AuditEntry);
        } else if (present[i] === undefined) auditNew.push(a);
      });
      // Entries keep their numbers where free (a restore into an empty database is exact).
      const auditKept = auditNew.filter((a) => a.id !== undefined);
      const auditRenumbered = auditNew.filter((a) => a.id === undefined);
      const writes: [string, readonly unknown[], 'put' | 'add'][] = [
        ['company', t.company, 'put'],
        ['settings', t.settings, 'put'],
        ['employees', t.employees, 'put'],
        ['cases', t.cases, 'put'],
        ['documents', t.documents, 'put'],
        ['ticks', t.ticks, 'put'],
        ['notes', t.notes, 'put'],
        ['drafts', t.drafts, 'put'],
        ['audit', auditKept, 'add'],
        ['audit', auditRenumbered, 'add'],
      ];
      const progress: ImportProgress = { done: 0, total: writes.reduce((n, [, rows]) => n + rows.length, 0) };
      const step = () => {
        if (options.signal?.aborted) throw CANCELLED();
        options.onProgress?.({ ...progress });
      };
      step();
      // Replaced employees go first so that the unique resident-ID index never sees two rows of one person.
      for (let i = 0; i < p.employeeUpdates.length; i += WRITE_CHUNK) await db.employees.bulkDelete(p.employeeUpdates.slice(i, i + WRITE_CHUNK));
      for (const [name, rows, op] of writes) {
        for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
          const chunk = rows.slice(i, i + WRITE_CHUNK);
          await (op === 'put' ? db.table(name).bulkPut(chunk) : db.table(name).bulkAdd(chunk));
          progress.done += chunk.length;
          step();
        }
      }
      const counts = Object.fromEntries(BACKUP_TABLES.map((n) => [n, p.plan.tables[n]]));
      await db.audit.add({
        at: now().toISOString(),
        table: 'backup',
        recordId: file.exportedAt,
        op: 'import',
        source: 'import',
        after: { appVersion: file.app.version, conflicts: p.plan.conflicts.length, ...counts },
      });
      return { ...p.plan, applied: true };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Reads, validates and (unless `dryRun`) imports a backup file's text. */
export async function importBackup(
  db: JzzDb,
  text: string,
  options: ImportOptions & ReadOptions & { dryRun?: boolean } = {},
): Promise<ImportPlan> {
  const file = await readBackup(text, options);
  return options.dryRun ? planImport(db, file, options) : applyImport(db, file, options);
}
