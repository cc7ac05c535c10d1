/**
 * Privacy: the built extension makes no network request of its own — not from the service worker,
 * the side panel, the case book, nor from the content script on a portal tab.
 */
import { test, expect } from './harness';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './harness';

test('the extension sends zero requests from any of its contexts', async ({ context, extensionId }) => {
  const offending: string[] = [];
  const portalPages = new Set<string>();
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return;
    const fromWorker = request.serviceWorker() !== null;
    const frameUrl = fromWorker ? '' : request.frame()?.url() ?? '';
    if (fromWorker || frameUrl.startsWith('chrome-extension://')) {
      offending.push(`${fromWorker ? 'service worker' : frameUrl}: ${url}`);
      return;
    }
    // A portal page may load its own replica assets; anything else leaving a portal tab is ours.
    if (!/^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(url) && !url.startsWith('https://example.com/')) {
      offending.push(`${frameUrl}: ${url}`);
    } else portalPages.add(url);
  });

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const book = await context.newPage();
  await book.goto(`chrome-extension://${extensionId}/casebook.html`);
  const portal = await context.newPage();
  for (const hash of ['attachments', 'education', 'basic-info', 'work']) {
    await portal.goto(`https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/${hash}`);
    await portal.waitForTimeout(600);
  }
  await portal.goto('https://example.com/');
  await panel.reload();
  await book.reload();
  await panel.waitForTimeout(1000);
  expect(portalPages.size).toBeGreaterThan(0);
  expect(offending).toEqual([]);
});

test('the built bundles contain no remote address except the portal and documentation links', () => {
  // Allowed: the portal, the official sites the guide itself cites, XML namespaces, React's error-decoder link.
  const allowed = [
    /^https?:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn/,
    /^https?:\/\/rsj\.beijing\.gov\.cn/,
    /^https?:\/\/etax\.chinatax\.gov\.cn/,
    /^http:\/\/www\.w3\.org\//,
    /^https:\/\/react\.dev\/errors\//,
    // Identifiers and documentation links inside zod and WXT; never fetched.
    /^https?:\/\/json-schema\.org\//,
    /^https:\/\/developer\.mozilla\.org\//,
    // Dexie's error messages point to its docs through these two short links (text only, never fetched).
    /^https:\/\/tinyurl\.com\/y2uuvskb$/,
    /^http:\/\/bit\.ly\/2kdckMn$/,
    /^https?:\/\/(localhost|example\.com)/,
  ];
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|html|css|json)$/.test(entry.name)) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/https?:\/\/[a-z0-9][^\s"'`)<>\\]*/gi)) found.add(m[0]);
      }
    }
  };
  walk(EXTENSION_DIR);
  const remote = [...found].filter((u) => !allowed.some((re) => re.test(u)));
  expect(remote).toEqual([]);
});
