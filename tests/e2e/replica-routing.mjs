// Shared by the Playwright harness and `npm start`: Chromium flags and the routing of *.bjrcgz.gov.cn
// to the replica pages in tests/fixtures/portal. Plain ES module so node can run it without a build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureFor } from '../fixtures/portal/routes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const FIXTURE_DIR = path.join(ROOT, 'tests/fixtures/portal');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const PORTAL = /^https?:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//;
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Flags for a quiet, offline Chromium; with `extensionDir`, the unpacked extension is loaded. */
export function chromiumArgs(extensionDir) {
  const args = [
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // No real DNS look-ups at all: routed pages still load, nothing else can.
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}

/** Answers portal URLs with replicas and example.com with a non-portal page; aborts every other request. */
export async function routeReplicas(context) {
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    let file = null;
    if (PORTAL.test(url)) file = fixtureFor(url);
    else if (/^https?:\/\/example\.com\//.test(url)) file = 'not-portal.html';
    else return route.abort('blockedbyclient');
    if (!file) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    const full = path.join(FIXTURE_DIR, file);
    return route.fulfill({
      status: 200,
      contentType: CONTENT_TYPES[path.extname(full)] ?? 'application/octet-stream',
      body: fs.readFileSync(full),
    });
  });
}
