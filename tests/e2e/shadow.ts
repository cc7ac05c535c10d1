/**
 * Reaching into our closed shadow roots from a test, as only a user (or CDP) can: find elements in
 * the pierced DOM snapshot, scroll them into view and click them with real (trusted) mouse input.
 * Playwright locators cannot see inside closed shadow roots, and the page's own scripts cannot either.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, hostKindOf, type CdpNode } from './harness';

export interface InjectedElement {
  nodeId: number;
  localName: string;
  text: string;
  /** Texts of its ancestors up to our host, innermost first. */
  ancestors: string[];
  attributes: Record<string, string>;
  host: string;
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'style' || n.localName === 'script') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
}

async function snapshot(client: CDPSession): Promise<InjectedElement[]> {
  const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const out: InjectedElement[] = [];
  const visit = (n: CdpNode, host: string | null, ancestors: string[]) => {
    const name = n.localName ?? '';
    const inHost = host ?? hostKindOf(n);
    if (inHost && n.nodeType === 1) {
      const attrs: Record<string, string> = {};
      for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs[n.attributes![i]] = n.attributes![i + 1];
      out.push({ nodeId: n.nodeId, localName: name, text: textOf(n), ancestors, attributes: attrs, host: inHost });
    }
    const next = inHost && n.nodeType === 1 ? [textOf(n), ...ancestors] : ancestors;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c, inHost, next);
    if (n.contentDocument) visit(n.contentDocument, null, []);
  };
  visit(root, null, []);
  return out;
}

export interface Match {
  /** Element name, e.g. 'button', 'input'. */
  tag?: string;
  /** The element's own text contains this. */
  text?: string | RegExp;
  /** Some ancestor inside our UI (a table row, a note) contains this. */
  within?: string;
  /** Only in this host kind (jzz-overlay, jzz-hint, jzz-mark). */
  host?: string;
}

function matches(e: InjectedElement, m: Match): boolean {
  if (m.tag && e.localName !== m.tag) return false;
  if (m.host && e.host !== m.host) return false;
  if (m.text !== undefined && !(typeof m.text === 'string' ? e.text.includes(m.text) : m.text.test(e.text))) return false;
  if (m.within && !e.ancestors.some((a) => a.includes(m.within!))) return false;
  return true;
}

/** Elements of our injected UI matching `m`, in document order. */
export async function findInjected(page: Page, m: Match): Promise<InjectedElement[]> {
  const client = await page.context().newCDPSession(page);
  try {
    return (await snapshot(client)).filter((e) => matches(e, m));
  } finally {
    await client.detach();
  }
}

/**
 * Clicks the first (or `nth`) element of our UI matching `m` with a real mouse click at its centre,
 * waiting for it to appear. Returns the element clicked.
 */
export async function clickInjected(page: Page, m: Match, nth = 0): Promise<InjectedElement> {
  let target: InjectedElement | undefined;
  await expect
    .poll(async () => {
      target = (await findInjected(page, m))[nth];
      return !!target;
    }, { message: `injected element ${JSON.stringify(m)}`, timeout: 10_000 })
    .toBe(true);
  const client = await page.context().newCDPSession(page);
  try {
    // Node ids belong to the session that took the snapshot: look the element up again in this one.
    const fresh = (await snapshot(client)).filter((e) => matches(e, m))[nth];
    await client.send('DOM.scrollIntoViewIfNeeded', { nodeId: fresh.nodeId });
    const { model } = (await client.send('DOM.getBoxModel', { nodeId: fresh.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    return fresh;
  } finally {
    await client.detach();
  }
}

/** All our injected text, one string per host of ours, joined with ' | '. */
export async function injectedText(page: Page): Promise<string> {
  const client = await page.context().newCDPSession(page);
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const out: string[] = [];
    const visit = (n: CdpNode) => {
      if (hostKindOf(n)) out.push(textOf(n));
      else for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) visit(c);
      if (n.contentDocument) visit(n.contentDocument);
    };
    visit(root);
    return out.join(' | ');
  } finally {
    await client.detach();
  }
}

/** Waits until our injected text contains every one of `parts`. */
export async function expectInjected(page: Page, ...parts: (string | RegExp)[]): Promise<void> {
  for (const part of parts) {
    await expect
      .poll(() => injectedText(page), { message: `injected text should contain ${part}`, timeout: 10_000 })
      .toMatch(typeof part === 'string' ? new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : part);
  }
}

/** Waits until our injected text no longer contains `part`. */
export async function expectNotInjected(page: Page, part: string): Promise<void> {
  await expect.poll(() => injectedText(page), { timeout: 10_000 }).not.toContain(part);
}
