/** Audit log: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { Day, RecordId, Timestamp } from './common';

export const AuditTable = z.enum(['company', 'employees', 'cases', 'documents', 'ticks', 'notes', 'drafts', 'settings', 'backup', 'portalMappings']);
export type AuditTable = z.infer<typeof AuditTable>;

/** What happened: 'erase' is the single entry left after an employee's personal data was deleted. */
export const AuditOp = z.enum(['create', 'update', 'delete', 'erase', 'import']);
export type AuditOp = z.infer<typeof AuditOp>;

/** Who wrote: the side panel / case book ('ui'), the portal content script ('portal'), an import, a migration, the background. */
export const AuditSource = z.enum(['ui', 'portal', 'import', 'migration', 'background']);
export type AuditSource = z.infer<typeof AuditSource>;

const JsonObject = z.record(z.string(), z.unknown());

/**
 * Where a change read off the portal came from: the page (its module and address, without a query) and the
 * Beijing day it was read and confirmed (issue #17: 同步到案卷簿 / 保存到案卷).
 */
export const AuditOrigin = z.strictObject({
  page: z.string().max(300),
  day: Day,
});
export type AuditOrigin = z.infer<typeof AuditOrigin>;

export const AuditRow = z.strictObject({
  /** Auto-increment: the order entries were written in. */
  id: z.number().int().positive(),
  at: Timestamp,
  table: AuditTable,
  recordId: z.string().max(200),
  op: AuditOp,
  source: AuditSource,
  /** The employee the entry is about, so erasure can find every entry with personal data. */
  employeeId: RecordId.optional(),
  /** Changed fields only, before and after (a create has only `after`, a delete only `before` or nothing). */
  before: JsonObject.optional(),
  after: JsonObject.optional(),
  /** Changes applied from a portal page: which page, which day. */
  origin: AuditOrigin.optional(),
});
export type AuditEntry = z.infer<typeof AuditRow>;
