/**
 * Storage figures, run twice by `npm run bench`: in node over fake-indexeddb (node-figures.ts) and in
 * Chromium's real IndexedDB in the extension's own origin (idb-entry.ts, evaluated in an extension page).
 * Uses only storage/'s own API: seedBench (tests/bench/seed-db.ts), exportBackup / importBackup and the
 * documents repository's index query — nothing here writes to a table by itself.
 */
import { Dexie } from 'dexie';
import { seedBench } from './seed-db';
import { applyImport, exportBackup, readBackup } from '../../storage/backup';
import { TABLES, type JzzDb } from '../../storage/db';
import { createRepos } from '../../storage/repos';
import { addDays } from '../../rules/dates';
import { summarize, type Summary } from './lib/stats';

export interface StorageBenchOptions {
  employees: number;
  documentsPerEmployee: number;
  seed: number;
  /** Reference day of the due-documents query; the seeder spreads validity dates ±2 years around 2026-01-01. */
  today: string;
  days: number;
  queryRuns: number;
  /** Database seeded by seedBench and exported. */
  sourceName: string;
  /**
   * A backup made by an earlier run of this function (same seed and sizes): seeding and exporting are then
   * skipped and only the import and the queries are timed (the Chromium run reuses node's file).
   */
  backupText?: string;
  /** Empty database the backup is imported into (the queries then run on it). */
  targetName: string;
}

export interface StorageFigures {
  engine: string;
  employees: number;
  documents: number;
  /** seedBench: one validated bulk write of every row (tests/bench/seed-db.ts); absent when a backup was given. */
  seedMs?: number;
  exportMs?: number;
  backupChars: number;
  /** readBackup alone: JSON.parse + schema validation of the whole file, no database. */
  readMs: number;
  /** A restore into an empty database as the case book runs it: readBackup, then applyImport (plan + one all-or-nothing transaction). */
  importMs: number;
  /** The restore's progress as the page sees it (applyImport onProgress), and the main thread meanwhile. */
  restore: RestoreFigures;
  /**
   * The engine's floor: the same document rows bulkAdd-ed by plain Dexie into a bare table with the same
   * indexes as storage/db.ts declares now (no validation, no audit). importMs − this ≈ what storage/'s own code costs.
   */
  rawDocumentsBulkAddMs: number;
  /** Strictly "falls below within N days" (today ≤ fallsBelowRuleOn ≤ today + N): the index range query. */
  dueWithin: Summary & { rows: number };
  /** The repository's default: already-below documents included (idx.belowOrEqual). */
  dueIncludingBelow: Summary & { rows: number };
  /** The same answer from a full table scan, for comparison (what the index saves). */
  fullScan: Summary & { rows: number };
  indexUsed: { index: string; declared: boolean; sameRowsAsScan: boolean };
}

export interface RestoreFigures {
  /** readBackup (parse + validation) and applyImport, separately. */
  readMs: number;
  applyMs: number;
  /** Progress callbacks: how many, the first one after applyImport started, and the longest gap between two. */
  progressEvents: number;
  rowsTotal: number;
  firstProgressMs: number;
  maxProgressGapMs: number;
  /**
   * Main-thread tasks ≥ 50 ms (PerformanceObserver 'longtask'; null where the engine has none, i.e. node) during
   * the read and during applyImport: their durations, longest first.
   */
  longTasks: { read: number[]; apply: number[] } | null;
}

/** Records long tasks from now on (browsers); stop() returns them with their start times. */
function watchLongTasks(): { stop: () => { start: number; duration: number }[] } | null {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return null;
  const seen: { start: number; duration: number }[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
  });
  po.observe({ type: 'longtask' });
  return {
    stop: () => {
      for (const e of po.takeRecords()) seen.push({ start: e.startTime, duration: e.duration });
      po.disconnect();
      return seen;
    },
  };
}

export async function storageFigures(
  openDb: (name: string) => JzzDb,
  o: StorageBenchOptions,
  engine: string,
  onBackup?: (text: string) => void,
): Promise<StorageFigures> {
  const src = openDb(o.sourceName);
  const dst = openDb(o.targetName);
  try {
    let seedMs: number | undefined;
    let exportMs: number | undefined;
    let text = o.backupText;
    if (text === undefined) {
      await src.open();
      seedMs = (await seedBench(src, { employees: o.employees, documentsPerEmployee: o.documentsPerEmployee, seed: o.seed })).ms;
      const t0 = performance.now();
      text = (await exportBackup(src, { now: () => new Date('2026-01-01T00:00:00.000Z') })).text;
      exportMs = performance.now() - t0;
      onBackup?.(text);
    }

    await dst.open();
    const watch = watchLongTasks();
    let t = performance.now();
    const file = await readBackup(text);
    const readMs = performance.now() - t;
    const applyStart = performance.now();
    const progress: { at: number; done: number; total: number }[] = [];
    await applyImport(dst, file, { onProgress: (p) => progress.push({ at: performance.now(), ...p }) });
    const applyMs = performance.now() - applyStart;
    const importMs = readMs + applyMs;
    // Long tasks are reported after they end: give the observer one task to deliver the last ones.
    await new Promise((r) => setTimeout(r, 50));
    const tasks = watch?.stop();
    // Each task counts in the phase it started in.
    const during = (from: number, to: number) => (tasks ?? []).filter((x) => x.start >= from && x.start < to).map((x) => x.duration).sort((a, b) => b - a);
    const gaps = progress.slice(1).map((p, i) => p.at - progress[i].at);
    const restore: RestoreFigures = {
      readMs,
      applyMs,
      progressEvents: progress.length,
      rowsTotal: progress.at(-1)?.total ?? 0,
      firstProgressMs: progress.length ? progress[0].at - applyStart : NaN,
      maxProgressGapMs: gaps.length ? Math.max(...gaps) : NaN,
      // The observer starts just before the read: whatever task it saw that began before applyImport is the read's.
      longTasks: tasks ? { read: during(-Infinity, applyStart), apply: during(applyStart, Infinity) } : null,
    };

    const raw = new Dexie(`${o.targetName}-raw-floor`);
    raw.version(1).stores({ documents: TABLES.documents.stores });
    let rawDocumentsBulkAddMs = NaN;
    try {
      await raw.open();
      t = performance.now();
      await raw.table('documents').bulkAdd(file.tables.documents);
      rawDocumentsBulkAddMs = performance.now() - t;
    } finally {
      await raw.delete();
    }

    const repos = createRepos(dst, { now: () => new Date(`${o.today}T04:00:00.000Z`) });
    const until = addDays(o.today, o.days);
    const timeIt = async <T>(runs: number, fn: () => Promise<T>) => {
      await fn(); // warm-up: opens the index cursor path once
      const ms: number[] = [];
      let last!: T;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        last = await fn();
        ms.push(performance.now() - s);
      }
      return { ms, last };
    };
    const strict = await timeIt(o.queryRuns, () => repos.documents.fallingBelowWithin(o.days, { today: o.today, includeAlreadyBelow: false }));
    // The two comparison queries return ~11,000 / 20,000 rows: fewer runs, they are context, not the figure.
    const incl = await timeIt(3, () => repos.documents.fallingBelowWithin(o.days, { today: o.today }));
    const scan = await timeIt(2, async () =>
      (await dst.documents.toArray()).filter((d) => d.fallsBelowRuleOn !== undefined && d.fallsBelowRuleOn >= o.today && d.fallsBelowRuleOn <= until),
    );
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort().join(',');
    return {
      engine,
      employees: file.tables.employees.length,
      documents: file.tables.documents.length,
      ...(seedMs !== undefined ? { seedMs, exportMs } : {}),
      backupChars: text.length,
      readMs,
      importMs,
      restore,
      rawDocumentsBulkAddMs,
      dueWithin: { ...summarize(strict.ms), rows: strict.last.length },
      dueIncludingBelow: { ...summarize(incl.ms), rows: incl.last.length },
      fullScan: { ...summarize(scan.ms), rows: scan.last.length },
      indexUsed: {
        index: 'documents.fallsBelowRuleOn',
        declared: dst.documents.schema.indexes.some((i) => i.name === 'fallsBelowRuleOn'),
        sameRowsAsScan: ids(strict.last) === ids(scan.last),
      },
    };
  } finally {
    src.close();
    dst.close();
  }
}
