/**
 * Browser half of the storage figures: bundled by esbuild as an IIFE (tests/bench/run.mjs) and evaluated
 * in a page of the extension's own origin (chrome-extension://<id>/…), where the product's database
 * lives — Chromium's real IndexedDB, not fake-indexeddb. Exposes two functions on globalThis (storage, sheet import).
 */
import './lib/zod-jitless';
import { openDb } from '../../storage/db';
import { storageFigures, type StorageBenchOptions } from './storage-figures';
import { sheetImportFigures } from './sheet-figures';

(globalThis as unknown as { __jzzBenchStorage: (o: StorageBenchOptions) => ReturnType<typeof storageFigures> }).__jzzBenchStorage = (o) =>
  storageFigures(openDb, o, 'Chromium IndexedDB (extension origin)');

(globalThis as unknown as { __jzzBenchSheet: (name: string, rows: number) => ReturnType<typeof sheetImportFigures> }).__jzzBenchSheet = async (name, rows) => {
  const db = openDb(name);
  try {
    return await sheetImportFigures(db, rows);
  } finally {
    await db.delete();
  }
};
