/**
 * `npm run bench` (issue #8), bundled and started by tests/bench/run.mjs:
 *   1. build: the production build (as `npx wxt build`) with module stats — tests/bench/build.ts, own process;
 *      then a snapshot of .output/chrome-mv3, so a rebuild by someone else mid-run cannot mix two builds;
 *   2. content-script size and what dominates it;
 *   3. node figures: rules/ and storage/ over fake-indexeddb — tests/bench/node-figures.ts, own process;
 *   4. page figures in Chromium, with ÷ without the extension — page-figures.ts;
 *   5. storage figures in Chromium's IndexedDB in the extension's origin — idb-entry.ts;
 *   6. case book (not built yet: reported as not measured) — casebook.ts;
 * then prints the table and writes tests/bench/results.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildStats } from './build';
import { caseBook, probeCaseBook } from './casebook';
import { pageFigures, type PageFigures } from './page-figures';
import { buildFigures, formatMarkdown, formatTable, type Inputs } from './report';
import type { RulesFigures } from './rules-figures';
import type { StorageBenchOptions, StorageFigures } from './storage-figures';
import type { SheetImportFigures } from './sheet-figures';
import { launchExtension } from './extension-context';

export interface BenchOptions {
  root: string;
  cacheDir: string;
  /** 'auto': build unless .output/chrome-mv3 is newer than every source and its module stats are cached. */
  build: 'auto' | 'always' | 'never';
  runs: number;
  tracedRuns: number;
  batches: number;
  idleSeconds: number;
  out: string;
  quick: boolean;
  /**
   * Phases to run (`--only storage,casebook`): the others are reported "not measured" (skipped). Without it,
   * every phase. Storage, the sheet import and the case book then run in a browser of their own.
   */
  only?: readonly string[];
}

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

function runNode(script: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ json: unknown; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON'));
      if (code !== 0 || !line) reject(new Error(`${path.basename(script)} exited with ${code}: ${(stderr || stdout).trim().split('\n').slice(-8).join('\n')}`));
      else resolve({ json: JSON.parse(line.slice('BENCH_JSON'.length)), stderr, stdout });
    });
  });
}

/**
 * Wall-clock caps for the repeated page phases so that the whole run stays under ~5 minutes even on a
 * loaded machine: what is left after build + node figures, minus the idle window and the storage step,
 * is shared between loads, traced loads and mutation batches (each still repeats at least 3 times).
 */
function phaseBudgets(o: BenchOptions, elapsedMs: number): { loads: number; traced: number; batches: number } {
  // The loads get the largest share: the load-event ratio compares ~45 ms loads whose run-to-run spread is ±10 ms here.
  const target = 280_000;
  const after = 70_000 + (o.idleSeconds + 10) * 1000 + 15_000; // storage + case book, idle window, launches and warm-ups
  const left = Math.max(0, target - elapsedMs - after);
  const clamp = (x: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, x)));
  return { loads: clamp(left * 0.55, 15_000, 75_000), traced: clamp(left * 0.17, 8_000, 20_000), batches: clamp(left * 0.28, 10_000, 25_000) };
}

/** True when `builtFile` is newer than every file the build reads (sources, config, lock file). */
function isFresh(root: string, builtFile: string): boolean {
  if (!fs.existsSync(builtFile)) return false;
  const built = fs.statSync(builtFile).mtimeMs;
  const newer = (p: string): boolean => {
    if (!fs.existsSync(p)) return false;
    const st = fs.statSync(p);
    if (!st.isDirectory()) return st.mtimeMs > built;
    return fs.readdirSync(p).some((f) => newer(path.join(p, f)));
  };
  const inputs = ['entrypoints', 'components', 'rules', 'storage', 'public', 'locales', 'assets', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
  return !inputs.some((p) => newer(path.join(root, p)));
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const errorText = (e: unknown) => String((e as Error)?.message ?? e).split('\n').slice(0, 4).join(' ').slice(0, 400);

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

export async function main(o: BenchOptions): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const inputs: Inputs = {};
  /** The browser's version when the page phase (which reports it) is skipped. */
  let chromiumVersion = '';
  const phases: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
    phaseStart = Date.now();
  };
  const ext = path.join(o.root, '.output/chrome-mv3');
  const portal = path.join(ext, 'content-scripts/portal.js');

  // 1. Build (or reuse a fresh .output).
  let stats: BuildStats | undefined;
  let build: { built: boolean; ms?: number; note: string };
  const cachedStats = (): BuildStats | undefined => {
    const cached = path.join(o.cacheDir, 'content-script-stats.json');
    if (!fs.existsSync(cached) || !fs.existsSync(portal)) return undefined;
    const all = JSON.parse(fs.readFileSync(cached, 'utf8')) as BuildStats[];
    return all.find((s) => s.file === 'content-scripts/portal.js' && s.sha256 === sha256(portal));
  };
  const fresh = o.build === 'auto' && isFresh(o.root, path.join(ext, 'manifest.json')) ? cachedStats() : undefined;
  if (fresh) {
    stats = fresh;
    build = { built: false, note: `.output/chrome-mv3 reused (${fs.statSync(portal).mtime.toISOString()}): newer than every source file, and an earlier bench build of the same bytes left its module stats` };
  } else if (o.build !== 'never') {
    log('building the extension (wxt build, chrome)…');
    const t = Date.now();
    // .output is shared: a build started by someone else at the same moment can make this one fail; retry once.
    const r = await runNode(path.join(o.cacheDir, 'build.mjs'), [o.cacheDir], o.root).catch(async (e) => {
      log(`build failed (${errorText(e).slice(0, 120)}…); retrying once in 10 s`);
      await new Promise((res) => setTimeout(res, 10_000));
      return runNode(path.join(o.cacheDir, 'build.mjs'), [o.cacheDir], o.root);
    });
    const j = r.json as { buildMs: number; stats: BuildStats[] };
    stats = j.stats.find((s) => s.file === 'content-scripts/portal.js');
    build = { built: true, ms: Date.now() - t, note: 'built by this run (wxt build through its JS API, chrome-mv3)' };
  } else {
    if (!fs.existsSync(portal)) throw new Error('.output/chrome-mv3 is missing: run without --no-build');
    stats = cachedStats();
    build = { built: false, note: `--no-build: .output/chrome-mv3 from ${fs.statSync(portal).mtime.toISOString()} reused as is` };
  }
  phase('build');
  const backupFile = path.join(o.cacheDir, 'bench-backup.json');
  fs.rmSync(backupFile, { force: true });
  // Snapshot: the rest of the run measures exactly this build.
  const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-bench-ext-'));
  fs.cpSync(ext, snapshot, { recursive: true });
  const snapPortal = path.join(snapshot, 'content-scripts/portal.js');
  if (!fs.existsSync(snapPortal) || !fs.existsSync(path.join(snapshot, 'manifest.json'))) {
    fs.rmSync(snapshot, { recursive: true, force: true });
    throw new Error('.output/chrome-mv3 is incomplete (another build running?): rerun in a moment');
  }
  const portalSha = sha256(snapPortal);
  if (stats && stats.sha256 !== portalSha) {
    log('note: .output changed between the build and the snapshot (someone else built); module stats dropped');
    stats = undefined;
  }

  try {
    // 2. Size.
    try {
      const buf = fs.readFileSync(snapPortal);
      const zlib = await import('node:zlib');
      inputs.size = { ok: true, value: { rawBytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length, stats } };
    } catch (e) {
      inputs.size = { ok: false, error: errorText(e) };
    }

    phase('size');
    // 3. Node figures.
    const runs = (p: string) => !o.only || o.only.includes(p);
    if (runs('node')) log('node figures: rules/ and storage/ (fake-indexeddb)…');
    if (!runs('node')) inputs.node = { ok: false, error: `skipped (--only ${o.only?.join(',')})` };
    else try {
      const r = await runNode(path.join(o.cacheDir, 'node-figures.mjs'), [], o.root, {
        BENCH_BACKUP_FILE: backupFile,
        ...(o.quick ? { BENCH_CASE_ROUNDS: '1', BENCH_SCAN_RUNS: '3', BENCH_QUERY_RUNS: '5' } : {}),
      });
      inputs.node = { ok: true, value: r.json as { rules: RulesFigures; storage: StorageFigures } };
    } catch (e) {
      inputs.node = { ok: false, error: errorText(e) };
    }

    phase('node');
    // 4. Page figures.
    let page: Pick<PageFigures, 'extensionId' | 'close'> & { withArm: { context: PageFigures['withArm']['context'] } } | undefined;
    if (!runs('page')) {
      inputs.page = { ok: false, error: `skipped (--only ${o.only?.join(',')})` };
      if (runs('storage') || runs('casebook')) {
        const own = await launchExtension(snapshot);
        chromiumVersion = own.chromium;
        page = { extensionId: own.extensionId, close: own.close, withArm: { context: own.context } };
      }
    } else try {
      const full = await pageFigures({
        extensionDir: snapshot,
        runs: o.runs,
        tracedRuns: o.tracedRuns,
        batches: o.batches,
        idleSeconds: o.idleSeconds,
        budgets: phaseBudgets(o, Date.now() - started),
        log,
      });
      page = full;
      const { withArm: _a, close: _c, ...value } = full;
      inputs.page = { ok: true, value };
    } catch (e) {
      inputs.page = { ok: false, error: errorText(e) };
    }

    phase('page');
    if (page) {
      const context = page.withArm.context;
      // 5. Storage in the extension's origin (its IndexedDB is where the product keeps everything).
      const storageOptions: StorageBenchOptions = {
        employees: 5000,
        documentsPerEmployee: 4,
        seed: 20260101,
        today: '2026-01-01',
        days: 60,
        queryRuns: o.quick ? 5 : 15,
        sourceName: 'jzz-bench-source',
        // The product's own database name: the case book then opens it already holding the 5,000 employees.
        targetName: 'jzz-assistant',
        // The backup the node run exported (same seed and sizes); without it the page seeds and exports itself.
        ...(fs.existsSync(backupFile) ? { backupText: fs.readFileSync(backupFile, 'utf8') } : {}),
      };
      log('storage figures in Chromium IndexedDB (extension origin)…');
      try {
        const tab = await context.newPage();
        await tab.goto(`chrome-extension://${page.extensionId}/manifest.json`);
        await tab.evaluate(fs.readFileSync(path.join(o.cacheDir, 'idb-entry.js'), 'utf8'));
        const value = await tab.evaluate((opts) => (globalThis as unknown as { __jzzBenchStorage: (x: StorageBenchOptions) => Promise<StorageFigures> }).__jzzBenchStorage(opts), storageOptions);
        inputs.chromiumStorage = { ok: true, value };
        // 5b. The 500-row spreadsheet import, into a database of its own (deleted afterwards).
        if (runs('sheet') || runs('storage')) {
          log('spreadsheet import, 500 employees…');
          try {
            const sheet = await tab.evaluate(() => (globalThis as unknown as { __jzzBenchSheet: (name: string, rows: number) => Promise<SheetImportFigures> }).__jzzBenchSheet('jzz-bench-sheet', 500));
            inputs.sheetImport = { ok: true, value: sheet };
          } catch (e) {
            inputs.sheetImport = { ok: false, error: errorText(e) };
          }
        }
        await tab.close();
      } catch (e) {
        inputs.chromiumStorage = { ok: false, error: errorText(e) };
      }

      phase('chromiumStorage');
      // 6. Case book.
      const seeded = inputs.chromiumStorage?.ok ? inputs.chromiumStorage.value : undefined;
      const env = { context, extensionId: page.extensionId, employees: seeded?.employees ?? 0, documents: seeded?.documents ?? 0 };
      if (!runs('casebook')) {
        inputs.caseBook = { ok: false, error: `skipped (--only ${o.only?.join(',')})` };
      } else if (caseBook.measure) {
        log('case book…');
        try {
          inputs.caseBook = { ok: true, value: await caseBook.measure(env) };
        } catch (e) {
          inputs.caseBook = { ok: false, error: errorText(e) };
        }
      } else {
        inputs.caseBook = { ok: false, notBuilt: true, error: await probeCaseBook(env) };
      }
      await page.close();
      phase('caseBook');
    } else {
      const why = 'Chromium part failed: ' + (inputs.page && !inputs.page.ok ? inputs.page.error : '');
      inputs.chromiumStorage = { ok: false, error: why };
      inputs.sheetImport = { ok: false, error: why };
      inputs.caseBook = { ok: false, error: why };
    }
  } finally {
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.rmSync(backupFile, { force: true });
  }

  const figures = buildFigures(inputs);
  const seconds = (Date.now() - started) / 1000;
  const cpus = os.cpus();
  const result = {
    issue: 8,
    date: new Date().toISOString(),
    durationSeconds: Math.round(seconds),
    phaseSeconds: phases,
    options: { runs: o.runs, tracedRuns: o.tracedRuns, batches: o.batches, idleSeconds: o.idleSeconds, quick: o.quick, ...(o.only ? { only: o.only } : {}) },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? '',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
      loadAverageAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      chromium: inputs.page?.ok ? inputs.page.value.chromium : chromiumVersion,
      playwright: JSON.parse(fs.readFileSync(path.join(o.root, 'node_modules/@playwright/test/package.json'), 'utf8')).version as string,
    },
    build: { ...build, contentScriptSha256: portalSha, gitHead: git(o.root, ['rev-parse', '--short', 'HEAD']), gitDirtyFiles: git(o.root, ['status', '--porcelain']).split('\n').filter(Boolean).length },
    figures,
    raw: inputs,
  };
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(o.cacheDir, 'last-table.md'), formatMarkdown(figures) + '\n');

  process.stdout.write('\n' + formatTable(figures) + '\n\n');
  for (const f of figures) process.stdout.write(`- ${f.figure}: ${f.note}\n`);
  process.stdout.write(
    `\n${figures.filter((f) => f.within === false).length} figure(s) over budget, ${figures.filter((f) => f.status !== 'measured').length} not measured. ` +
      `Chromium ${result.machine.chromium}, node ${process.version}, ${cpus.length} CPUs, load average (1/5/15 min) ${loadBefore.map((x) => x.toFixed(2)).join('/')} before, ${os.loadavg().map((x) => x.toFixed(2)).join('/')} after${o.only ? `; phases run: ${o.only.join(', ')}` : ''}. ` +
      `${build.note}. Ran in ${seconds.toFixed(0)} s (${Object.entries(phases).map(([k, v]) => `${k} ${v} s`).join(', ')}). Wrote ${path.relative(o.root, o.out)} (Markdown table: ${path.relative(o.root, path.join(o.cacheDir, 'last-table.md'))}).\n`,
  );
}
