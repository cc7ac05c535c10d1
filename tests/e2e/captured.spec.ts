/**
 * Captured pages become tests (issue #17 2): every file of tests/fixtures/portal/captured/ — a page's
 * structure saved with 导出页面结构, by us from a replica or by an agent from the real portal — is served at
 * the URL its sidecar names, and the built extension must recognise the module the sidecar says, find
 * its fields, and show its hints. Adding a page is adding two files (see the README in that folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, readInjectedText } from './harness';
import { FIXTURE_DIR } from './replica-routing.mjs';
import { pageParts } from './shape-export';

const DIR = path.join(FIXTURE_DIR, 'captured');

interface Sidecar {
  url: string;
  module: string | null;
  fields: string[];
  hints: string[];
}

/** Each captured file with its sidecar, checked for shape so that a broken sidecar fails loudly. */
function captured(): { name: string; html: string; sidecar: Sidecar }[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      const sidecarPath = path.join(DIR, `${name}.json`);
      if (!fs.existsSync(sidecarPath)) throw new Error(`${f} has no sidecar ${name}.json`);
      const sidecar = JSON.parse(fs.readFileSync(sidecarPath, 'utf8')) as Sidecar;
      const ok =
        /^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(sidecar.url) &&
        (sidecar.module === null || typeof sidecar.module === 'string') &&
        Array.isArray(sidecar.fields) &&
        Array.isArray(sidecar.hints);
      if (!ok) throw new Error(`${name}.json: needs url (https://….bjrcgz.gov.cn/…), module (or null), fields [] and hints []`);
      const html = fs.readFileSync(path.join(DIR, f), 'utf8');
      // A file that was not masked (edited by hand, or from an exporter bug) must never be committed.
      if (/[1-9]/.test(pageParts(html)) || /<script|\ssrc=/i.test(html)) throw new Error(`${f} holds a digit other than 0, a script or a source: not an exported structure`);
      return { name, html, sidecar };
    });
}

type Report = { url: string; module: string | null; fieldsFound: string[] };
const reportOf = (sidePanel: Page) =>
  sidePanel.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };
    return ((await chrome.storage.session.get('activePortalContext')).activePortalContext as { report: Report } | undefined)?.report ?? null;
  });

const withoutHash = (u: string) => u.replace(/#.*$/, '');

test('the captured folder holds at least one page of each style', () => {
  const all = captured();
  expect(all.length).toBeGreaterThanOrEqual(4);
});

for (const { name, html, sidecar } of captured()) {
  test(`captured ${name}: ${sidecar.module ?? 'no module'}, its fields and hints`, async ({ context, sidePanel }) => {
    const page = await context.newPage();
    // The captured file answers its own URL (the query and hash as written); every other request keeps the replicas' routing.
    await page.route(
      (u) => withoutHash(u.href) === withoutHash(sidecar.url),
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto(sidecar.url);
    await page.bringToFront();
    await expect.poll(async () => (await reportOf(sidePanel))?.url).toBe(sidecar.url);
    await expect.poll(async () => (await reportOf(sidePanel))?.module ?? null).toBe(sidecar.module);
    const report = (await reportOf(sidePanel))!;
    expect(report.fieldsFound).toEqual(expect.arrayContaining(sidecar.fields));
    for (const hint of sidecar.hints) await expect.poll(async () => (await readInjectedText(page)).join(' | ')).toContain(hint);
    if (process.env.SHOW_INJECTED) console.log(name, JSON.stringify(await readInjectedText(page)));
  });
}
