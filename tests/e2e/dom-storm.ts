/**
 * Random DOM mutations on a replica portal page, shared by portal-robustness.spec.ts (1,000 mutations) and
 * the soak (tests/soak/portal-fuzz.soak.spec.ts, 10,000+ over several pages): junk added and removed,
 * attributes flipped, our own hosts restyled, stuffed and removed; optionally iframes added and removed,
 * page elements detached and put back, and errors thrown by the page's own scripts. Everything the storm
 * did to the page is undone at the end, so the overlay must settle back to exactly what it was.
 */
import type { Page } from '@playwright/test';
import { markHostsForPage, ourHosts } from './harness';

/** Our hosts by kind, e.g. { 'jzz-hint': 1, 'jzz-overlay': 1 } (read through DevTools: they carry no name). */
export const hostCounts = async (page: Page) => {
  const counts: Record<string, number> = {};
  for (const h of await ourHosts(page)) counts[h.kind] = (counts[h.kind] ?? 0) + 1;
  return counts;
};

/** Our hosts left with a style attribute (a restyled host must be put right). */
export const styledHosts = async (page: Page) => (await ourHosts(page)).filter((h) => h.attributes.includes('style')).length;

export interface StormOptions {
  seed: number;
  mutations: number;
  /** Also add/remove iframes, detach and re-attach page elements, and throw errors from page scripts. */
  wild?: boolean;
}

export interface StormResult {
  mutations: number;
  iframes: number;
  /** Errors thrown on purpose by the page's own code (message starts with {@link PAGE_FAULT}). */
  faults: number;
}

/** Message prefix of the errors the storm throws as the page. */
export const PAGE_FAULT = 'jzz-soak: page fault';

/**
 * Runs the storm in the page (main world, as the portal's own scripts would). Our hosts are first shown
 * to the page (markHostsForPage), as an attacker watching the DOM would find them.
 */
export async function domStorm(page: Page, options: StormOptions): Promise<StormResult> {
  await markHostsForPage(page);
  return page.evaluate(async ({ seed: seed0, mutations, wild, fault }) => {
    const known = (window as unknown as { __jzzTestHosts?: Set<Element> }).__jzzTestHosts ?? new Set<Element>();
    const isHost = (e: Element) => known.has(e);
    let seed = seed0;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const JUNK = ['广告', '通知：系统维护', '加载中…', '提示', 'lorem ipsum', '？', '更多', '12345'];
    const added: Element[] = [];
    const flipped = new Map<Element, [string, string | null]>();
    const out = { mutations: 0, iframes: 0, faults: 0 };
    const all = () => [...document.body.querySelectorAll('*')];
    const ours = () => all().filter(isHost);
    const step = () => {
      const kind = rnd(wild ? 13 : 10);
      const els = all();
      const target = els[rnd(els.length)];
      if (kind <= 3 && target && !isHost(target)) {
        // Junk next to or inside any element.
        const junk = document.createElement(rnd(2) ? 'div' : 'span');
        junk.textContent = JUNK[rnd(JUNK.length)];
        if (rnd(2)) target.append(junk);
        else target.before(junk);
        added.push(junk);
      } else if (kind <= 5 && added.length) {
        added.splice(rnd(added.length), 1)[0].remove();
      } else if (kind === 6 && target && target !== document.body) {
        // Attributes flipped on page elements; put back at the end.
        const attr = ['data-x', 'title', 'aria-label'][rnd(3)];
        if (!flipped.has(target)) flipped.set(target, [attr, target.getAttribute(attr)]);
        target.setAttribute(attr, String(rnd(1000)));
      } else if (kind === 7) {
        // Tampering with our hosts: restyled, emptied of light children, removed.
        const o = ours();
        const host = o[rnd(o.length)];
        if (host) {
          const t = rnd(3);
          if (t === 0) host.setAttribute('style', 'display:none');
          else if (t === 1) host.append(document.createElement('b'));
          else host.remove();
        }
      } else if (kind === 8 && added.length) {
        added[rnd(added.length)].textContent = JUNK[rnd(JUNK.length)];
      } else if (kind === 10 && out.mutations % 8 === 0) {
        // An iframe (an ad, a help widget) appearing anywhere; same-origin content, no request. Only on every
        // eighth step (not a second draw: this generator's low bits repeat): each one is a whole browsing context.
        const frame = document.createElement('iframe');
        frame.srcdoc = `<p>${JUNK[rnd(JUNK.length)]}</p>`;
        (target && !isHost(target) ? target : document.body).append(frame);
        added.push(frame);
        out.iframes += 1;
      } else if (kind === 11) {
        // The page's own code failing, outside anything of ours.
        const n = out.faults++;
        setTimeout(() => {
          throw new Error(`${fault} ${n}`);
        });
      } else if (kind === 12 && target && target !== document.body && !isHost(target) && target.parentNode) {
        // A framework re-attaching a node: detached and put back in the same place.
        const parent = target.parentNode;
        const next = target.nextSibling;
        target.remove();
        parent.insertBefore(target, next);
      } else if (target && !isHost(target)) {
        target.classList.toggle('jzz-test-flip');
      }
      out.mutations += 1;
    };
    for (let i = 0; i < mutations; i++) {
      step();
      // Bursts of 25, each in its own task, so the observer sees many separate batches.
      if (i % 25 === 24) await new Promise((r) => setTimeout(r, 5));
    }
    added.forEach((e) => e.remove());
    for (const [el, [attr, value]] of flipped) {
      if (value === null) el.removeAttribute(attr);
      else el.setAttribute(attr, value);
    }
    for (const el of document.querySelectorAll('.jzz-test-flip')) el.classList.remove('jzz-test-flip');
    return out;
  }, { seed: options.seed, mutations: options.mutations, wild: options.wild ?? false, fault: PAGE_FAULT });
}
