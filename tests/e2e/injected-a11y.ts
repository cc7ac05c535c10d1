/**
 * Accessibility checks of our injected UI, which lives in CLOSED shadow roots that axe (running in the
 * page) cannot enter. Two ways in:
 *
 * 1. `openCopies`: the DOM of every host's shadow root is read through CDP (the piercing DOM
 *    snapshot, which includes the <style> text) and rebuilt next to the original host in an OPEN shadow
 *    root, so axe sees the same markup with the same styles, on the same page (fonts, viewport, the
 *    portal's background behind a note). The copies are rebuilt node by node rather than through
 *    innerHTML: the shadow root holds <html><head><body>, which the fragment parser would drop.
 * 2. `unnamedControls`: Chromium's own accessibility tree (Accessibility.getFullAXTree) of the real,
 *    closed UI: every button, checkbox, link and text box in it must have an accessible name.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import { hostKindOf, type CdpNode } from './harness';

/** A serialisable element or text node, as rebuilt in the page. */
type Plain = { text: string } | { tag: string; attrs: [string, string][]; children: Plain[] };

function plain(n: CdpNode): Plain | null {
  if (n.nodeType === 3) return { text: n.nodeValue ?? '' };
  if (n.nodeType !== 1 || !n.localName) return null;
  const attrs: [string, string][] = [];
  for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs.push([n.attributes![i], n.attributes![i + 1]]);
  return { tag: n.localName, attrs, children: (n.children ?? []).map(plain).filter((c): c is Plain => c !== null) };
}

/** Our hosts in the page's main frame, in document order. */
function hosts(root: CdpNode): CdpNode[] {
  const out: CdpNode[] = [];
  const visit = (n: CdpNode) => {
    if (hostKindOf(n)) {
      out.push(n);
      return;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(root);
  return out;
}

async function pierced(client: CDPSession): Promise<CdpNode> {
  return ((await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode }).root;
}

/**
 * Rebuilds every host's shadow content in an open shadow root of a `jzz-axe-copy` element put
 * right after the host (the copies carry `data-axe-copy`). Returns how many hosts were copied.
 * Remove them with `removeCopies` before the page is used again.
 */
export async function openCopies(page: Page): Promise<number> {
  const client = await page.context().newCDPSession(page);
  try {
    const root = await pierced(client);
    const found = hosts(root);
    const copies = found.map((h) => ({ host: hostKindOf(h)!, backendNodeId: h.backendNodeId, children: (h.shadowRoots?.[0]?.children ?? []).map(plain).filter((c): c is Plain => c !== null) }));
    // Each copy goes right after its original host, located through DevTools (the hosts carry no name).
    let made = 0;
    for (const c of copies) {
      const resolved = (await client.send('DOM.resolveNode', { backendNodeId: c.backendNodeId }).catch(() => null)) as { object: { objectId: string } } | null;
      if (!resolved) continue;
      const { result } = (await client.send('Runtime.callFunctionOn', {
        objectId: resolved.object.objectId,
        arguments: [{ value: c }],
        returnByValue: true,
        functionDeclaration: `function (c) {
          const build = (p) => {
            if ('text' in p) return document.createTextNode(p.text);
            const el = document.createElement(p.tag);
            for (const [k, v] of p.attrs) el.setAttribute(k, v);
            for (const ch of p.children) el.append(build(ch));
            return el;
          };
          if (!this.isConnected) return false;
          const copy = document.createElement('jzz-axe-copy');
          copy.setAttribute('data-axe-copy', c.host);
          const shadow = copy.attachShadow({ mode: 'open' });
          for (const child of c.children) shadow.append(build(child));
          // The host's own :host display rule is in the copied <style>; inline hosts stay inline.
          this.after(copy);
          return true;
        }`,
      })) as { result: { value?: boolean } };
      if (result.value) made++;
    }
    return made;
  } finally {
    await client.detach();
  }
}

export async function removeCopies(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('[data-axe-copy]').forEach((e) => e.remove()));
}

export interface AxeCount {
  critical: number;
  serious: number;
  moderate: number;
  minor: number;
  /** Elements of the copies whose colour contrast axe checked and passed (0 would mean axe never saw them). */
  contrastChecked: number;
  /** One line per violation: rule, impact, count, first target. */
  lines: string[];
}

/** axe (WCAG 2 A/AA) on the open copies of our injected UI only (not the portal's own markup). */
export async function axeInjected(page: Page): Promise<AxeCount> {
  const result = await new AxeBuilder({ page }).include('[data-axe-copy]').withTags(['wcag2a', 'wcag2aa']).analyze();
  const count: AxeCount = { critical: 0, serious: 0, moderate: 0, minor: 0, contrastChecked: 0, lines: [] };
  count.contrastChecked = result.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0;
  for (const v of result.violations) {
    const impact = (v.impact ?? 'minor') as 'critical' | 'serious' | 'moderate' | 'minor';
    count[impact] += v.nodes.length;
    count.lines.push(`${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
  }
  return count;
}

interface AxNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

const CONTROL_ROLES = new Set(['button', 'checkbox', 'link', 'textbox', 'combobox', 'radio', 'menuitem', 'switch', 'tab']);

/**
 * The controls of our (real, closed) injected UI and those among them without an accessible name,
 * from Chromium's accessibility tree.
 */
export async function injectedControls(page: Page): Promise<{ controls: string[]; unnamed: string[] }> {
  const client = await page.context().newCDPSession(page);
  try {
    const root = await pierced(client);
    const ours = new Set<number>();
    const mark = (n: CdpNode) => {
      ours.add(n.backendNodeId);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) mark(c);
    };
    for (const h of hosts(root)) mark(h);
    const { nodes } = (await client.send('Accessibility.getFullAXTree', {})) as { nodes: AxNode[] };
    const controls: string[] = [];
    const unnamed: string[] = [];
    for (const n of nodes) {
      if (n.ignored || !n.role || !CONTROL_ROLES.has(n.role.value) || !n.backendDOMNodeId || !ours.has(n.backendDOMNodeId)) continue;
      const name = (n.name?.value ?? '').trim();
      controls.push(`${n.role.value} "${name}"`);
      if (!name) unnamed.push(`${n.role.value} (backend node ${n.backendDOMNodeId})`);
    }
    return { controls, unnamed };
  } finally {
    await client.detach();
  }
}
