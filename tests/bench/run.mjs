#!/usr/bin/env node
// `npm run bench` — issue #8. Bundles the bench's TypeScript with esbuild (into node_modules/.cache/jzz-bench,
// nothing is written inside the source tree) and runs tests/bench/bench.ts.
//
//   npm run bench                         full run: build (skipped when an earlier bench run's build is still newer than
//                                         every source), then every figure
//   npm run bench -- --build              always build first;   --no-build: reuse .output/chrome-mv3 as it is
//   npm run bench -- --quick              a smoke run (few repetitions, 5 s idle); writes to the temp dir, not results.json
//   options: --runs N (A/B loads per arm, 20)  --traced N (5)  --batches N (20)  --idle SECONDS (60)  --out FILE
//   the same as environment variables: BENCH_RUNS, BENCH_TRACED, BENCH_BATCHES, BENCH_IDLE_SECONDS
//   --only PHASES                         comma-separated subset of node,page,storage,sheet,casebook (the case book needs
//                                         storage, which seeds its database; the others are reported as skipped)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cacheDir = path.join(root, 'node_modules/.cache/jzz-bench');
fs.mkdirSync(cacheDir, { recursive: true });

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, env, fallback) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? argv[i + 1] : process.env[env];
  return v === undefined ? fallback : v;
};
const quick = flag('quick');
const num = (name, env, full, fast) => {
  const v = Number(option(name, env, quick ? fast : full));
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a number`);
  return v;
};

// Plain .mjs helpers of the e2e harness are imported where they are (their paths are relative to themselves).
const keepMjsInPlace = {
  name: 'keep-repo-mjs-in-place',
  setup(b) {
    b.onResolve({ filter: /\.mjs$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      return { path: pathToFileURL(path.resolve(args.resolveDir, args.path)).href, external: true };
    });
  },
};

const common = { bundle: true, logLevel: 'warning', absWorkingDir: root, target: 'node20' };
await Promise.all([
  // Orchestrator and the build step: npm packages stay external (resolved from node_modules).
  esbuild.build({ ...common, entryPoints: ['tests/bench/bench.ts'], outfile: path.join(cacheDir, 'bench.mjs'), platform: 'node', format: 'esm', packages: 'external', plugins: [keepMjsInPlace] }),
  esbuild.build({ ...common, entryPoints: ['tests/bench/build.ts'], outfile: path.join(cacheDir, 'build.mjs'), platform: 'node', format: 'esm', packages: 'external' }),
  // Node figures: everything bundled (chinese-days' JSON import and fake-indexeddb included).
  esbuild.build({
    ...common,
    entryPoints: ['tests/bench/node-figures.ts'],
    outfile: path.join(cacheDir, 'node-figures.mjs'),
    platform: 'node',
    format: 'esm',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  }),
  // Storage figures for the extension page: one IIFE, evaluated in chrome-extension://<id>/.
  esbuild.build({ ...common, entryPoints: ['tests/bench/idb-entry.ts'], outfile: path.join(cacheDir, 'idb-entry.js'), platform: 'browser', format: 'iife', target: 'chrome116', define: { 'process.env.NODE_ENV': '"production"' } }),
]);

const { main } = await import(pathToFileURL(path.join(cacheDir, 'bench.mjs')).href);
await main({
  root,
  cacheDir,
  build: flag('no-build') ? 'never' : flag('build') ? 'always' : 'auto',
  quick,
  runs: num('runs', 'BENCH_RUNS', 20, 3),
  tracedRuns: num('traced', 'BENCH_TRACED', 5, 2),
  batches: num('batches', 'BENCH_BATCHES', 20, 5),
  idleSeconds: num('idle', 'BENCH_IDLE_SECONDS', 60, 5),
  ...(option('only', 'BENCH_ONLY', '') ? { only: String(option('only', 'BENCH_ONLY', '')).split(',').map((x) => x.trim()) } : {}),
  out: path.resolve(option('out', 'BENCH_OUT', quick ? path.join(os.tmpdir(), 'jzz-bench-results.quick.json') : path.join(here, 'results.json'))),
});
