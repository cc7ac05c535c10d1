/**
 * Node half of `npm run bench`, bundled by esbuild (tests/bench/run.mjs) and run in its own process:
 * the pure rules, then storage/ over fake-indexeddb. Prints one JSON line prefixed with BENCH_JSON.
 */
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import { openDb } from '../../storage/db';
import { rulesFigures } from './rules-figures';
import { storageFigures } from './storage-figures';

const arg = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  const started = performance.now();
  const rules = rulesFigures({
    cases: 500,
    perCaseRounds: arg('BENCH_CASE_ROUNDS', 4),
    scanCases: 5000,
    scanRuns: arg('BENCH_SCAN_RUNS', 15),
    scanBudgetMs: arg('BENCH_SCAN_BUDGET_MS', 6_000),
    today: '2026-11-26',
  });
  const storage = await storageFigures(
    openDb,
    {
      employees: arg('BENCH_EMPLOYEES', 5000),
      documentsPerEmployee: arg('BENCH_DOCS_PER_EMPLOYEE', 4),
      seed: 20260101,
      today: '2026-01-01',
      days: 60,
      queryRuns: arg('BENCH_QUERY_RUNS', 15),
      sourceName: 'bench-source',
      targetName: 'bench-target',
    },
    'node ' + process.version + ' + fake-indexeddb',
    // The Chromium run imports the same file instead of seeding its own (saves a minute on a loaded machine).
    (text) => process.env.BENCH_BACKUP_FILE && fs.writeFileSync(process.env.BENCH_BACKUP_FILE, text),
  );
  const out = { rules, storage, ms: performance.now() - started, node: process.version };
  process.stdout.write('BENCH_JSON' + JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
