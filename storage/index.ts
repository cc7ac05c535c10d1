/**
 * storage/: the only code that touches IndexedDB. Extension pages and the background import from
 * here; the content script imports only messages.ts (and page-context.ts).
 */
export { DB_NAME, SCHEMA_VERSION, STORES_V2, TABLE_NAMES, JzzDb, getDb, openDb, type TableName } from './db';
export * from './schemas';
export { StorageError, isStorageError, toStorageError, userMessage, pickLang, type StorageErrorCode, type Bilingual } from './errors';
export { createRepos, getRepos, CASE_TRANSITIONS, STATUS_LABELS, draftId } from './repos';
export type {
  Repos,
  RepoOptions,
  ErasureReport,
  ListEmployeesQuery,
  EmployeeWithLatestCase,
  Page,
  EmployeeSort,
  CaseQuery,
  DueQuery,
  TickPatch,
  CaptureInput,
  CaptureResult,
  AuditQuery,
} from './repos';
export { createAutosaver, flushOnHide, mergePatches, MAX_AUTOSAVE_DELAY_MS, type Autosaver, type AutosaveOptions, type AutosaveState } from './autosave';
export {
  exportBackup,
  readBackup,
  readBackupBlob,
  validateBackup,
  planImport,
  applyImport,
  importBackup,
  BACKUP_LIMITS,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  FULL_BACKUP_NOTICE,
  MASKED_EXPORT_NOTICE,
  type BackupFile,
  type ExportOptions,
  type ExportResult,
  type ImportOptions,
  type ImportPlan,
  type ImportConflict,
  type BackupRefusal,
} from './backup';
export { requestPersistence, storageUsage, type PersistenceResult, type StorageUsage } from './durability';
export { dumpAll, type Dump } from './dump';
export { today } from './dates';
