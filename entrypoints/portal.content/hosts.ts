/**
 * Our hosts in the page: plain `div`s and `span`s (built-in elements the page cannot define, upgrade,
 * claim with `attachInternals()` or switch off with `disabledFeatures`), each with a closed shadow root
 * attached from this isolated world, and known as ours only through this content script's WeakSet — no
 * name, attribute or class the page could copy or target (issue #20).
 */

const HOSTS = new WeakSet<Element>();

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
  return { host, shadow };
}
