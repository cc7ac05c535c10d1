// npm run test:soak — the long checks kept out of every unit run: the storage fuzz (Vitest, fast-check) and the
// portal fuzz in the built extension (Playwright). Writes the counts to tests/soak/results.json for the README.
// Needs a build first (`npx wxt build`; `npm test` makes one). Exits non-zero when either part fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PARTS = {
  storage: { file: path.join(HERE, '.storage-results.json'), args: ['vitest', 'run', '--config', 'tests/soak/vitest.config.ts'] },
  portal: { file: path.join(HERE, '.portal-results.json'), args: ['playwright', 'test', '--config', 'tests/soak/playwright.config.ts'] },
};

if (!fs.existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.error('test:soak needs the built extension: run `npx wxt build` first.');
  process.exit(2);
}

const started = Date.now();
const out = {};
let failed = false;
for (const [name, part] of Object.entries(PARTS)) {
  fs.rmSync(part.file, { force: true });
  const t0 = Date.now();
  const { status } = spawnSync('npx', part.args, { cwd: ROOT, stdio: 'inherit' });
  const counts = fs.existsSync(part.file) ? JSON.parse(fs.readFileSync(part.file, 'utf8')) : null;
  fs.rmSync(part.file, { force: true });
  out[name] = { passed: status === 0, seconds: Math.round((Date.now() - t0) / 100) / 10, ...counts };
  if (status !== 0) failed = true;
}

const s = out.storage;
const p = out.portal;
const results = {
  date: new Date().toISOString().slice(0, 10),
  passed: !failed,
  seconds: Math.round((Date.now() - started) / 100) / 10,
  // Every generated input: repository commands (valid and bad) plus DOM mutations.
  inputsTried: (s.commands ?? 0) + (p.mutations ?? 0),
  commandsExecuted: s.commands ?? 0,
  badInputsRefused: s.badInputs ?? 0,
  mutations: p.mutations ?? 0,
  // Aborted transactions and tampered backups that changed nothing, and errors thrown by the page's own scripts.
  faultsSurvived: (s.abortedTransactions ?? 0) + (s.tamperedBackupsRefused ?? 0) + (p.faultsSeen ?? 0),
  pageErrorsSeen: p.pageErrors ?? null,
  requestsSeen: p.requests ?? null,
  storage: s,
  portal: p,
};
fs.writeFileSync(path.join(HERE, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nsoak: ${failed ? 'FAILED' : 'passed'} in ${results.seconds} s — ${results.commandsExecuted} commands, ${results.mutations} mutations, ${results.faultsSurvived} faults survived, ${results.pageErrorsSeen} page errors, ${results.requestsSeen} requests (tests/soak/results.json)`);
process.exit(failed ? 1 : 0);
