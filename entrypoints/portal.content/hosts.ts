/**
 * Our hosts in the page: plain `div`s and `span`s (built-in elements the page cannot define, upgrade,
 * claim with `attachInternals()` or switch off with `disabledFeatures`), each with a closed shadow root
 * attached from this isolated world, and known as ours only through this content script's WeakSet — no
 * name, attribute or class the page could copy or target (issue #20).
 */

const HOSTS = new WeakSet<Element>();
/** Our hints and marks, for the dock to keep clear of them (forgotten when removed for good). */
const ANCHORED = new Set<Element>();

/** The kinds of host: a note under a field or above a section, an inline mark in a cell, the dock. */
export type HostKind = 'hint' | 'mark' | 'overlay';

/** True for one of our hosts (never for an element the page made to look like one). */
export function isOurs(node: Node | null | undefined): boolean {
  return !!node && node.nodeType === 1 && HOSTS.has(node as Element);
}

/**
 * A new host with its closed shadow root. `document.createElement` here runs in the content script's
 * world: a page that overrode `createElement` or `attachShadow` on its own prototypes does not reach it.
 */
export function createHost(kind: HostKind): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement(kind === 'mark' ? 'span' : 'div');
  const shadow = host.attachShadow({ mode: 'closed' });
  HOSTS.add(host);
  if (kind !== 'overlay') ANCHORED.add(host);
  return { host, shadow };
}

/** The boxes of our hints and marks now in the document (the dock must not cover what they say). */
export function anchoredHostRects(): DOMRect[] {
  const out: DOMRect[] = [];
  for (const host of ANCHORED) {
    // A host the page's re-render took out is skipped, not forgotten: Anchors puts it back.
    if (!host.isConnected) continue;
    const r = host.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push(r);
  }
  return out;
}

/** Forgets a host removed for good (its feature stopped or its piece is no longer wanted). */
export function forgetHost(host: Element): void {
  ANCHORED.delete(host);
}
