/**
 * What every repository shares: the database, a clock, who is writing (for the audit log), and the
 * helpers that make each write validated, audited and atomic.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import type { JzzDb } from '../db';
import { fromZodError, toStorageError, type Bilingual } from '../errors';
import type { AuditEntry, AuditOrigin, AuditSource } from '../schemas';

export interface RepoOptions {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Recorded in each audit entry: 'ui' (default), 'portal', 'background', 'import'. */
  source?: AuditSource;
}

export interface RepoContext {
  readonly db: JzzDb;
  readonly now: () => Date;
  readonly source: AuditSource;
  /** Recorded in each audit entry when set: the portal page a change was read from, and the day. */
  readonly origin?: AuditOrigin;
}

export function makeContext(db: JzzDb, options: RepoOptions = {}): RepoContext {
  return { db, now: options.now ?? (() => new Date()), source: options.source ?? 'ui' };
}

/** A new record id (random UUID; carries no personal data). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Parses `input` or throws StorageError('invalid') naming the fields in zh and en. Nothing is written. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: Bilingual): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw fromZodError(r.error, what);
  return r.data;
}

/**
 * Runs `fn` in one read-write transaction over `tables` (the audit table is always added): either
 * the change and its audit entries are all written, or nothing is. Errors come out as StorageError.
 */
export async function writeTx<T>(ctx: RepoContext, tables: Table[], fn: () => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction('rw', [...new Set([...tables, ctx.db.audit])], fn);
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Runs a read; IndexedDB failures come out as StorageError. */
export async function readOp<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

export type AuditDraft = Omit<AuditEntry, 'id' | 'at' | 'source' | 'origin'>;

/** Appends one audit entry; call inside the write's transaction. */
export async function audit(ctx: RepoContext, entry: AuditDraft): Promise<void> {
  const row: Omit<AuditEntry, 'id'> = { at: ctx.now().toISOString(), source: ctx.source, ...(ctx.origin ? { origin: ctx.origin } : {}), ...entry };
  for (const k of ['employeeId', 'before', 'after'] as const) if (row[k] === undefined) delete row[k];
  await ctx.db.audit.add(row as AuditEntry);
}

/** Appends many audit entries in one request (a bulk write's, one per row); call inside the write's transaction. */
export async function auditMany(ctx: RepoContext, entries: readonly AuditDraft[]): Promise<void> {
  const at = ctx.now().toISOString();
  const rows = entries.map((entry) => {
    const row: Omit<AuditEntry, 'id'> = { at, source: ctx.source, ...entry };
    for (const k of ['employeeId', 'before', 'after'] as const) if (row[k] === undefined) delete row[k];
    return row as AuditEntry;
  });
  await ctx.db.audit.bulkAdd(rows);
}

/** Structural equality for JSON-like values (records read from IndexedDB). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

type Row = Record<string, unknown>;

export interface PatchResult<T> {
  /** The record after the patch. */
  next: T;
  /** Dexie `update()` changes (keypaths like 'facts.housing'; `undefined` deletes). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- key paths are checked by the row schema before writing
  changes: Record<string, any>;
  /** Changed fields before / after (absent values as null), for the audit log. */
  before: Row;
  after: Row;
}

/**
 * Applies a field-level patch to `current`: keys absent from the patch are left alone (so two tabs
 * editing different fields both survive), `null` clears a field, and objects named in `nested`
 * (case facts, settings reminders) are patched key by key too.
 */
export function applyPatch<T extends object>(current: T, patch: Row, nested: readonly string[] = []): PatchResult<T> {
  const next: Row = { ...(current as Row) };
  const changes: PatchResult<T>['changes'] = {};
  const before: Row = {};
  const after: Row = {};
  const setField = (path: string, prev: unknown, value: unknown) => {
    if (deepEqual(prev, value ?? undefined)) return;
    changes[path] = value ?? undefined;
    before[path] = prev ?? null;
    after[path] = value ?? null;
  };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (nested.includes(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const prevObj = (next[key] ?? {}) as Row;
      const nextObj: Row = { ...prevObj };
      for (const [k, v] of Object.entries(value as Row)) {
        if (v === undefined) continue;
        setField(`${key}.${k}`, prevObj[k], v);
        if (v === null) delete nextObj[k];
        else nextObj[k] = v;
      }
      next[key] = nextObj;
      continue;
    }
    setField(key, next[key], value);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return { next: next as T, changes, before, after };
}

/** Drops keys whose value is undefined (IndexedDB would store them; backups and equality would not). */
export function compact<T extends object>(row: T): T {
  const out: Row = {};
  for (const [k, v] of Object.entries(row as Row)) if (v !== undefined) out[k] = v;
  return out as T;
}
