/**
 * The content script under 10,000+ random DOM mutations over several replica pages of both portal styles,
 * on pages whose own scripts throw (on load, from their mutation observers, at random during the storm) and
 * clobber DOM built-ins, with iframes coming and going and a half-delivered page. After each storm the
 * overlay must be exactly what it was before it, no error may come from our script, and nothing of ours may
 * leave the machine. Counts go to tests/soak/.portal-results.json for tests/soak/run.mjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openReplica } from '../e2e/harness';
import { domStorm, hostCounts, PAGE_FAULT, styledHosts } from '../e2e/dom-storm';
import { injectedText } from '../e2e/shadow';
import { FIXTURE_DIR } from '../e2e/replica-routing.mjs';

const PAGES = [
  'person-platform/#/person-platform/education',
  'person-platform/#/person-platform/basic-info',
  'person-platform/#/person-platform/attachments',
  'gzjzz/person/grxx.html',
  'gzjzz/person/jyxx.html',
  'gzjzz/unit/dwxx.html',
];
const PER_PAGE = 1_600;
const HALF_PAGE_MUTATIONS = 800;

const counts = { pages: 0, mutations: 0, iframes: 0, faultsThrown: 0, faultsSeen: 0, pageErrors: 0, extensionConsoleErrors: 0, requests: 0, portalRequests: 0 };

test('10,000+ random DOM mutations on hostile pages: no error of ours, no request, and the overlay settles back', async ({ context }) => {
  test.setTimeout(150_000);
  // The portal's own code at its worst, from the first line of every page (main world, like the portal's scripts).
  await context.addInitScript((fault) => {
    let batches = 0;
    new MutationObserver(() => {
      if (++batches % 97 === 0) throw new Error(`${fault} observer ${batches}`);
    }).observe(document, { subtree: true, childList: true, attributes: true });
    window.addEventListener('load', () => {
      throw new Error(`${fault} onload`);
    });
    // Built-ins a page may clobber: our script runs in its own world and must not notice.
    Element.prototype.attachShadow = function () {
      throw new Error(`${fault} attachShadow`);
    };
    window.postMessage = () => {
      throw new Error(`${fault} postMessage`);
    };
  }, PAGE_FAULT);

  const offending: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^(chrome-extension|data|blob):/.test(url) || url === 'about:srcdoc') return;
    const fromWorker = request.serviceWorker() !== null;
    const frameUrl = fromWorker ? '' : (request.frame()?.url() ?? '');
    if (!fromWorker && !frameUrl.startsWith('chrome-extension://') && /^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(url)) {
      counts.portalRequests += 1;
      return;
    }
    offending.push(`${fromWorker ? 'service worker' : frameUrl}: ${url}`);
  });

  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    if (e.message.startsWith(PAGE_FAULT)) counts.faultsSeen += 1;
    else errors.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(`console: ${m.text()}`);
  });

  /** Waits for the overlay to settle, storms, and checks it came back to exactly the same state. */
  async function stormAndCompare(p: Page, seed: number, mutations: number) {
    await expect.poll(() => injectedText(p)).toContain('申报助手');
    await p.waitForTimeout(600);
    const beforeText = await injectedText(p);
    const beforeHosts = await hostCounts(p);
    const r = await domStorm(p, { seed, mutations, wild: true });
    counts.pages += 1;
    counts.mutations += r.mutations;
    counts.iframes += r.iframes;
    counts.faultsThrown += r.faults;
    await expect.poll(() => injectedText(p), { timeout: 15_000 }).toBe(beforeText);
    expect(await hostCounts(p)).toEqual(beforeHosts);
    expect(await styledHosts(p)).toBe(0);
  }

  for (const [i, url] of PAGES.entries()) {
    await openReplica(page, url);
    await stormAndCompare(page, 20261127 + i, PER_PAGE);
  }

  // A page delivered only halfway (the connection dropped): whatever the overlay made of it, it must come back to that.
  const full = fs.readFileSync(path.join(FIXTURE_DIR, 'classic/grxx.html'), 'utf8');
  await context.route(/\/gzjzz\/person\/grxx\.html\?half$/, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: full.slice(0, Math.floor(full.length * 0.55)) }));
  await page.goto('https://fw.bjrcgz.gov.cn/gzjzz/person/grxx.html?half');
  await stormAndCompare(page, 20261199, HALF_PAGE_MUTATIONS);

  counts.pageErrors = errors.length;
  counts.extensionConsoleErrors = errors.filter((e) => e.startsWith('console:')).length;
  counts.requests = offending.length;
  expect(counts.mutations).toBeGreaterThanOrEqual(10_000);
  // The page really did fail around us, and the iframes really came and went.
  expect(counts.faultsSeen).toBeGreaterThan(0);
  expect(counts.iframes).toBeGreaterThan(0);
  expect(counts.portalRequests).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(offending).toEqual([]);
});

test.afterAll(() => {
  fs.writeFileSync(path.join(import.meta.dirname, '.portal-results.json'), `${JSON.stringify(counts, null, 2)}\n`);
});
