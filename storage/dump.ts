/** A consistent snapshot of every table (one read transaction), for backups and for tests. */
import { TABLE_NAMES, type JzzDb, type TableName } from './db';
import { toStorageError } from './errors';

export type Dump = Record<TableName, unknown[]>;

/** Every row of every table, in primary-key order. */
export async function dumpAll(db: JzzDb, tables: readonly TableName[] = TABLE_NAMES): Promise<Dump> {
  try {
    return await db.transaction('r', tables.map((t) => db.table(t)), async () => {
      const out = {} as Dump;
      for (const t of TABLE_NAMES) out[t] = tables.includes(t) ? await db.table(t).toArray() : [];
      return out;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
