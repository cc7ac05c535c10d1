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
export async function launchWithExtension(userDataDir?: string, extraArgs: string[] = [], options: { timezoneId?: string } = {}): Promise<BrowserContext> {
  const dir = userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(EXTENSION_DIR), ...extraArgs],
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    // The agent's computer may keep another time zone than Beijing's (journeys.spec.ts sets UTC).
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
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
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  contentDocument?: CdpNode;
}

/** An attribute of a CDP node, or null. */
export function attrOf(n: CdpNode, name: string): string | null {
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return null;
}

/**
 * The kind of one of our hosts ('jzz-hint', 'jzz-mark', 'jzz-overlay'), or null for any other node. Our
 * hosts are plain div/span elements (issue #20): what makes one ours is its closed shadow root holding our
 * root element, whose `data-jzz` names the kind — visible to DevTools, not to the page.
 */
export function hostKindOf(n: CdpNode): string | null {
  if (n.nodeType !== 1 || (n.localName !== 'div' && n.localName !== 'span')) return null;
  const root = n.shadowRoots?.find((r) => r.shadowRootType === 'closed');
  const body = root?.children?.find((c) => c.nodeType === 1 && attrOf(c, 'data-jzz'));
  return body ? `jzz-${attrOf(body, 'data-jzz')}` : null;
}

/** Our hosts in `page` (main frame and frames), in document order, from a piercing DOM snapshot. */
export async function ourHosts(page: Page): Promise<{ kind: string; backendNodeId: number; attributes: string[] }[]> {
  return mapHosts(page, (n, kind) => ({ kind, backendNodeId: n.backendNodeId, attributes: n.attributes ?? [] }));
}

/** `f` of each of our hosts in `page` (main frame and frames, shadow roots pierced), in document order. */
async function mapHosts<T>(page: Page, f: (host: CdpNode, kind: string) => T): Promise<T[]> {
  const client: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: T[] = [];
    const visit = (n: CdpNode) => {
      const kind = hostKindOf(n);
      if (kind) out.push(f(n, kind));
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c);
      if (n.contentDocument) visit(n.contentDocument);
    };
    visit(root);
    return out;
  } finally {
    await client.detach();
  }
}

/**
 * Tells the page's main world which elements are our hosts (window.__jzzTestHosts, a Set), as an
 * attacker that found them by watching the DOM would know: tests that tamper with our hosts use it.
 * Returns how many hosts there are.
 */
export async function markHostsForPage(page: Page): Promise<number> {
  const hosts = await ourHosts(page);
  const client: CDPSession = await page.context().newCDPSession(page);
  try {
    await client.send('DOM.getDocument', { depth: 0 });
    for (const h of hosts) {
      const { object } = (await client.send('DOM.resolveNode', { backendNodeId: h.backendNodeId })) as { object: { objectId: string } };
      await client.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { (window.__jzzTestHosts ??= new Set()).add(this); }',
      });
    }
    return hosts.length;
  } finally {
    await client.detach();
  }
}

/** Text inside our closed shadow roots (our hosts: hostKindOf), read through CDP's piercing DOM snapshot. */
export async function readInjectedText(page: Page): Promise<string[]> {
  const textOf = (n: CdpNode): string => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.localName === 'style' || n.localName === 'script') return '';
    return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
  };
  return mapHosts(page, (host) => textOf(host));
}

/** The boxes (CSS px, viewport) of our hints and marks, and of the dock, read through DevTools. */
export async function injectedBoxes(page: Page): Promise<{ hints: Box[]; dock: Box | null }> {
  const hosts = await ourHosts(page);
  const client: CDPSession = await page.context().newCDPSession(page);
  try {
    await client.send('DOM.getDocument', { depth: -1, pierce: true });
    const boxOf = async (backendNodeId: number): Promise<Box | null> => {
      try {
        const { model } = (await client.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
        const xs = [model.border[0], model.border[2], model.border[4], model.border[6]];
        const ys = [model.border[1], model.border[3], model.border[5], model.border[7]];
        return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
      } catch {
        return null; // not rendered
      }
    };
    const hints: Box[] = [];
    let dock: Box | null = null;
    for (const h of hosts) {
      if (h.kind === 'jzz-overlay') {
        // The host is a zero-size block: the dock inside it is what covers the page.
        const { object } = (await client.send('DOM.resolveNode', { backendNodeId: h.backendNodeId })) as { object: { objectId: string } };
        const { nodeId } = (await client.send('DOM.requestNode', { objectId: object.objectId })) as { nodeId: number };
        const { node } = (await client.send('DOM.describeNode', { nodeId, depth: -1, pierce: true })) as { node: { shadowRoots?: { children?: { children?: { localName?: string; backendNodeId: number; attributes?: string[] }[] }[] }[] } };
        const dockNode = node.shadowRoots?.[0]?.children?.flatMap((c) => c.children ?? []).find((c) => (c.attributes ?? []).some((a) => /\bdock\b/.test(a)));
        if (dockNode) dock = await boxOf(dockNode.backendNodeId);
      } else {
        const b = await boxOf(h.backendNodeId);
        if (b) hints.push(b);
      }
    }
    return { hints, dock };
  } finally {
    await client.detach();
  }
}
export type Box = { left: number; top: number; right: number; bottom: number };

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
