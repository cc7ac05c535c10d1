/**
 * End-to-end harness: the production build loaded into Chromium, every *.bjrcgz.gov.cn request
 * answered by a replica page from tests/fixtures/portal, every other request refused.
 */
import { test as base, chromium, type BrowserContext, type Page, type CDPSession } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Plain ES module shared with `npm start` (the practice portal).
import { CHROMIUM, EXTENSION_DIR, chromiumArgs, routeReplicas } from './replica-routing.mjs';

export { CHROMIUM, EXTENSION_DIR, chromiumArgs, routeReplicas };

// Service-worker requests reach context.on('request') only with this switch (Playwright, Chromium).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** `extraArgs`: more Chromium switches (no-network.spec.ts adds a DevTools port to watch the service worker). */
export async function launchWithExtension(userDataDir?: string, extraArgs: string[] = []): Promise<BrowserContext> {
  const dir = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(EXTENSION_DIR), ...extraArgs],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  await routeReplicas(context);
  return context;
}

const FW = 'https://fw.bjrcgz.gov.cn';

/** Opens a replica page (path under fw.bjrcgz.gov.cn) and waits for it (and its SPA route) to be rendered. */
export async function openReplica(page: Page, url: string): Promise<void> {
  await page.goto(`${FW}/${url}`);
  // An SPA hash change keeps the old view "ready" for a moment: wait for the route asked for.
  const route = /#(\/[^?]*)/.exec(url)?.[1] ?? null;
  await page.waitForFunction((r) => {
    const rep = (window as unknown as { __replica?: { ready?: boolean; route?: string } }).__replica;
    return rep?.ready === true && (r === null || rep.route === r);
  }, route);
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  return new URL(worker.url()).host;
}

/** A node of CDP's DOM.getDocument (pierce: true): shadow roots and frame documents included. */
export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Text inside our closed shadow roots (jzz-* hosts), read through CDP's piercing DOM snapshot. */
export async function readInjectedText(page: Page): Promise<string[]> {
  const client: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: string[] = [];
    const textOf = (n: CdpNode): string => {
      if (n.nodeType === 3) return n.nodeValue ?? '';
      if (n.localName === 'style' || n.localName === 'script') return '';
      return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
    };
    const visit = (n: CdpNode) => {
      if (n.localName?.startsWith('jzz-')) out.push(textOf(n));
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c);
      if (n.contentDocument) visit(n.contentDocument);
    };
    visit(root);
    return out;
  } finally {
    await client.detach();
  }
}

type Fixtures = { context: BrowserContext; extensionId: string; sidePanel: Page };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  /** The side panel page opened as an ordinary tab (the sidePanel API needs a user gesture). */
  sidePanel: async ({ context, extensionId }, use) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await use(page);
  },
});
export const expect = test.expect;
