/**
 * Reads a page into PageEvidence (titles, table headers, labels) and into the index of short texts the
 * features find fields by (dom.ts PageScan), by structure and meaning only: no class names of any UI
 * framework, the portal's markup is unknown to us and will change.
 *
 * The index is built once (one recursive pass: every element's short text is built bottom-up from its
 * children, navigation / header-cell context inherited down the tree) and then kept up to date from
 * MutationRecords (issue #16): a removed subtree takes its entries with it, an added subtree is walked
 * once, a changed text re-reads its element, and the short texts of the ancestors above are rebuilt from
 * their children's until one stays the same. A batch's cost follows what changed, not the page's size.
 * `apply` says which texts gained or lost an element and where the page changed, so that only the
 * features reading those re-check (runtime.ts). A list re-rendered with the markup it had is not read again
 * at all until somebody asks for one of its texts (deferred renders, below).
 */
import { normaliseLabel, type PageEvidence } from './pages';
import { isOurs } from './hosts';

const MAX_TEXT = 80;
/** Longest text (raw) an element may have to be indexed as a label or cell text. */
const MAX_INDEXED = 40;
const MAX_INDEXED_NORMALISED = 24;
const BREADCRUMB = /^\s*(?:当前位置|您的位置|所在位置)\s*[:：]\s*(.+)$/;
/** h1–h6, caption, legend (and role=heading): what titles a view or a section. */
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'CAPTION', 'LEGEND']);

// Navigation repeats every module's name; its texts must not count as the page's title.
const NAV_TAGS = new Set(['A', 'NAV', 'LI', 'OPTION', 'BUTTON', 'SELECT', 'LABEL']);
const NAV_ROLES = new Set(['menu', 'menubar', 'menuitem', 'tab', 'tablist', 'navigation', 'option', 'link']);
/** Never read: code, and controls whose option texts are not the page's words. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);
const OPAQUE_TAGS = new Set(['SELECT', 'TEXTAREA', 'OPTION']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/**
 * Children added to one parent in one batch that index at least this many elements (a list's rows, a table) remember
 * their elements, so that an equal re-render of them (the same markup: a list reloaded with the same rows) need not be
 * read until somebody asks.
 */
const LARGE_RENDER = 64;

/** Visible in layout (the SPA keeps stale views and dropdowns hidden in the DOM). */
export function isShown(el: Element): boolean {
  const anyEl = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof anyEl.checkVisibility === 'function') return anyEl.checkVisibility({ visibilityProperty: true });
  const rect = el.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

/** Context inherited from ancestors. */
const NAV = 1;
const HEADER_CELL = 2;
const BUTTON = 4;
/** Inside a table cell or label: never a view title. */
const NO_TITLE = 8;

/** What one element's own text contributes to the evidence. */
interface Said {
  text: string;
  /** Counted among the page's texts (outside navigation, or on a button). */
  inTexts: boolean;
  kind: 'header' | 'crumb' | 'label' | 'title' | null;
  /** The breadcrumb's last step (kind 'crumb'). */
  crumb?: string;
}

interface Node1 {
  /** The element's whole text when at most MAX_INDEXED long (raw), else null; '' for skipped elements. */
  full: string | null;
  /** Normalised text it is indexed under, if any. */
  key: string | null;
  said: Said | null;
  /** A control's placeholder, counted among the page's texts (可办业务列表: 「请输入单位关联码」 with no label). */
  placeholder?: string;
}

/** Read-only view of the text index: normalised short text → the deepest visible-or-not elements saying it, in document order. */
export interface TextIndex extends Iterable<[string, Element[]]> {
  get(text: string): Element[] | undefined;
  /** Every indexed text. */
  keys(): IterableIterator<string>;
}

/** What one batch of mutations changed. */
export interface IndexChange {
  /** Texts that gained or lost an element (their element lists changed). */
  texts: Set<string>;
  /** Added subtrees (connected). */
  added: Element[];
  /** Elements whose own children or text changed (childList and characterData targets). */
  targets: Element[];
  /** Elements whose style, class, hidden or open attribute changed. */
  restyled: Element[];
  /** Removed subtrees. */
  removed: Element[];
  /** Tag names of the elements added or removed (so a reader of file inputs need not search a re-rendered table). */
  tags: Set<string>;
  /** A heading (h1–h6, caption, legend, role=heading) came, went, changed or was shown or hidden: recognition must run again. */
  evidence: boolean;
  /** Texts that appeared in or disappeared from the evidence (labels, table headers, texts, titles, breadcrumb tails). */
  evidenceTexts: Set<string>;
  /** Styles or visibility may have changed (style/class/hidden/open attributes): what is shown must be read again. */
  visibility: boolean;
  /** One of our own hosts was removed, restyled or stuffed by the page. */
  ours: boolean;
}

export interface PageScanResult {
  evidence: PageEvidence;
  texts: TextIndex;
}

/** The flags an element inherits from its ancestors (for a subtree walked on its own). */
function inheritedFlags(el: Element): number {
  let flags = 0;
  for (let a = el.parentElement; a; a = a.parentElement) flags |= ownFlags(a);
  return flags;
}

function ownFlags(el: Element, role = el.getAttribute('role')): number {
  const tag = el.tagName;
  let flags = 0;
  if (NAV_TAGS.has(tag) || (role !== null && NAV_ROLES.has(role)) || el.getAttribute('aria-hidden') === 'true') flags |= NAV;
  if (tag === 'TH' || role === 'columnheader') flags |= HEADER_CELL;
  if (tag === 'BUTTON') flags |= BUTTON;
  if (tag === 'TD' || tag === 'LABEL') flags |= NO_TITLE;
  return flags;
}

/** Inside something never read (script, our own host…): nothing below is indexed. */
function skippedAbove(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(a.tagName) || isOurs(a)) return true;
  return false;
}

/**
 * The page's evidence and text index, built once and kept up to date from mutation records. One per
 * document; `build()` first, then `apply(records)` for every MutationObserver batch.
 */
export class PageIndex implements TextIndex {
  private nodes = new WeakMap<Element, Node1>();
  private readonly byText = new Map<string, Set<Element>>();
  private readonly sorted = new Map<string, Element[]>();
  // The evidence as multisets (text → how many elements say it): a batch changes the evidence only when a
  // text appears or disappears, not when a re-rendered table replaces its cells by equal ones.
  private readonly labels = new Map<string, number>();
  private readonly headers = new Map<string, number>();
  private readonly texts = new Map<string, number>();
  private readonly crumbs = new Map<string, number>();
  private readonly titleTexts = new Map<string, number>();
  private readonly crumbOf = new Map<Element, string>();
  private readonly titles = new Set<Element>();
  private readonly headings = new Set<Element>();
  private titleStyle = new WeakMap<Element, boolean>();
  /** Set while a batch is applied. */
  private change: IndexChange | null = null;
  /** Inherited flags of the elements asked about in this batch (ancestors are shared by most of them). */
  private readonly above = new Map<Element, number>();
  /** The evidence keys touched by this batch, and whether each was present before it. */
  private readonly touched = new Map<Map<string, number>, Map<string, boolean>>();
  /** Per parent: the children one batch added to it, walked and large, unchanged inside since. */
  private readonly large = new Map<Element, Render>();
  /**
   * Per parent: children re-rendered with the markup of those they replaced. Their entries are still filed under the
   * old elements (`els`); they are read (and the old entries dropped) when a text of theirs is looked up, the evidence
   * is asked for, or the page changes inside them (issue #16: a reloaded list nobody reads costs nothing).
   */
  private readonly pending = new Map<Element, Deferred>();
  /** Each deferred child → the old child whose entries stand for it. */
  private readonly standIn = new Map<Element, Element>();
  /** Set while added children are walked: the elements they index. */
  private collecting: Element[] | null = null;

  constructor(readonly doc: Document) {}

  /** Walks the whole document (the first scan). */
  build(): void {
    this.nodes = new WeakMap();
    this.byText.clear();
    this.sorted.clear();
    this.labels.clear();
    this.headers.clear();
    this.texts.clear();
    this.crumbs.clear();
    this.titleTexts.clear();
    this.crumbOf.clear();
    this.titles.clear();
    this.headings.clear();
    this.large.clear();
    this.pending.clear();
    this.standIn.clear();
    const body = this.doc.body ?? this.doc.documentElement;
    if (body) this.walk(body, inheritedFlags(body));
  }

  keys(): IterableIterator<string> {
    this.readAll();
    return this.byText.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, Element[]]> {
    this.readAll();
    for (const key of [...this.byText.keys()]) {
      const list = this.get(key);
      if (list?.length) yield [key, list];
    }
  }

  get(text: string): Element[] | undefined {
    if (this.pending.size) for (const [parent, d] of [...this.pending]) if (d.keys.has(text)) this.readDeferred(parent);
    let list = this.sorted.get(text);
    if (list) return list;
    const set = this.byText.get(text);
    if (!set) return undefined;
    const all = [...set].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    // A wrapper saying the same as its descendant is not a hit of its own: the deepest element is.
    list = all.filter((el, i) => !(i + 1 < all.length && el.contains(all[i + 1])));
    this.sorted.set(text, list);
    return list;
  }

  /** The evidence for recognition, as the page shows it now (headings and titles only when visible). */
  evidence(url: string): PageEvidence {
    this.readAll();
    const headings = new Set<string>();
    for (const el of this.headings) {
      if (!el.isConnected || !isShown(el)) continue;
      const t = normaliseLabel(el.textContent ?? '');
      if (t && t.length <= 30) headings.add(t);
    }
    for (const crumb of this.crumbs.keys()) headings.add(crumb);
    const view = this.doc.defaultView;
    if (view) {
      for (const el of this.titles) {
        const said = this.nodes.get(el)?.said;
        if (!said || !el.isConnected) continue;
        let styled = this.titleStyle.get(el);
        if (styled === undefined) {
          styled = looksLikeTitle(el, view);
          this.titleStyle.set(el, styled);
        }
        if (styled && isShown(el)) headings.add(said.text);
      }
    }
    return {
      url,
      title: this.doc.title,
      headings: [...headings],
      tableHeaders: [...this.headers.keys()],
      labels: [...this.labels.keys()],
      texts: [...this.texts.keys()],
    };
  }

  /** Applies one MutationObserver batch; returns what changed. */
  apply(records: readonly MutationRecord[]): IndexChange {
    const change: IndexChange = { texts: new Set(), added: [], targets: [], restyled: [], removed: [], tags: new Set(), evidence: false, evidenceTexts: new Set(), visibility: false, ours: false };
    this.change = change;
    this.touched.clear();
    this.above.clear();
    try {
      const refresh = new Set<Element>();
      const added: Element[] = [];
      const rewalk: Element[] = [];
      const walked = new Set<Element>();
      // Removed subtrees: forgotten after the equal re-renders among them were paired with their twins.
      const removed: Element[] = [];
      const removedFrom = new Map<Element, Element[]>();
      const addedTo = new Map<Element, Element[]>();
      /** Targets of records outside the page: a subtree changed after it left (its DOM is not what was indexed). */
      const detached: Node[] = [];
      const body = this.doc.body;
      if (this.large.size || this.pending.size) this.beforeBatch(records, walked);
      for (const r of records) {
        // <body> itself replaced: read the new one whole.
        if (r.type === 'childList' && r.target === this.doc.documentElement) {
          if ([...r.addedNodes, ...r.removedNodes].some((n) => n.nodeName === 'BODY')) {
            this.build();
            change.evidence = true;
            if (this.doc.body) change.added.push(this.doc.body);
            return change;
          }
          continue;
        }
        // Only <body> is read (a <title> or <style> changed in <head> says nothing).
        if (!body || !body.contains(r.target)) {
          detached.push(r.target);
          // A node removed from the page still takes its entries along.
          for (const n of r.removedNodes) if (n.nodeType === 1 && this.nodes.has(n as Element)) this.forget(n as Element);
          continue;
        }
        if (r.type === 'attributes') {
          const el = r.target as Element;
          if (isOurs(el)) change.ours = true;
          else if (r.attributeName === 'aria-hidden' || r.attributeName === 'role') rewalk.push(el);
          else {
            change.visibility = true;
            change.restyled.push(el);
          }
          continue;
        }
        const target = r.type === 'characterData' ? r.target.parentElement : (r.target as Element);
        if (!target) continue;
        if (isOurs(target)) {
          change.ours = true;
          continue;
        }
        for (const n of r.removedNodes) {
          if (n.nodeType !== 1) continue;
          if (isOurs(n)) change.ours = true;
          else {
            removed.push(n as Element);
            listIn(removedFrom, target, n as Element);
          }
        }
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1 || isOurs(n)) continue;
          added.push(n as Element);
          listIn(addedTo, target, n as Element);
        }
        refresh.add(target);
      }
      if (rewalk.length === 0 && (this.large.size || this.pending.size)) {
        for (const [parent, olds] of removedFrom) this.pairTwins(parent, olds, addedTo.get(parent), detached, walked);
      }
      /** The elements walked below each parent that got children in this batch. */
      const walkedUnder = new Map<Element, Element[]>();
      for (const el of removed) {
        if (walked.has(el)) continue;
        this.forget(el);
        change.removed.push(el);
      }
      // Added subtrees: walked once (a node added and moved within the batch is walked where it is now).
      for (const el of added) {
        if (!el.isConnected || walked.has(el) || skippedAbove(el)) continue;
        this.forget(el);
        const parent = el.parentElement;
        this.collecting = parent ? (walkedUnder.get(parent) ?? []) : null;
        this.walk(el, this.inherited(el), walked);
        if (parent && this.collecting) walkedUnder.set(parent, this.collecting);
        this.collecting = null;
        change.added.push(el);
        this.controlsChanged(el);
      }
      for (const [parent, els] of walkedUnder) {
        if (els.length < LARGE_RENDER) continue;
        const roots = (addedTo.get(parent) ?? []).filter((el) => el.parentElement === parent && walked.has(el));
        this.large.set(parent, { roots, els });
      }
      for (const el of rewalk) {
        if (!el.isConnected || skippedAbove(el)) continue;
        this.forget(el);
        this.walk(el, this.inherited(el), walked);
        change.added.push(el);
        refresh.add(el.parentElement ?? el);
      }
      // Changed elements: their own text and their short text from their children's, then upwards.
      for (const el of refresh) {
        if (!el.isConnected || walked.has(el) || skippedAbove(el)) continue;
        this.reread(el, this.inherited(el));
        change.targets.push(el);
        // A label's control may sit in a sibling added next to it (classic `<td>label</td><td><input></td>`).
        const prev = el.previousElementSibling;
        if (prev && !walked.has(prev) && this.nodes.get(prev)?.said) this.reread(prev, this.inherited(prev));
      }
      for (const el of refresh) if (el.isConnected) this.propagate(el.parentElement);
      for (const el of added) if (el.isConnected && el.parentElement && !refresh.has(el.parentElement)) this.propagate(el.parentElement);
      // A class or style may make a text bold or large (a title) or show or hide a heading: read styles again.
      if (change.visibility) {
        this.titleStyle = new WeakMap();
        for (const r of change.restyled) {
          for (const h of this.headings) if (r.contains(h)) change.evidence = true;
          for (const t of this.titles) if (r.contains(t)) change.evidenceTexts.add(this.nodes.get(t)?.said?.text ?? '');
          // A deferred render's headings and titles are still filed under its old elements, which are not in the page.
          for (const [parent, d] of this.pending) {
            if (!r.contains(parent) && !parent.contains(r)) continue;
            if (d.heading) change.evidence = true;
            for (const text of d.titles) change.evidenceTexts.add(text);
          }
        }
      }
      for (const [map, keys] of this.touched) for (const [key, was] of keys) if (map.has(key) !== was) change.evidenceTexts.add(key);
      return change;
    } finally {
      this.change = null;
      this.collecting = null;
      this.above.clear();
    }
  }

  // ───────────────────────────── equal re-renders ─────────────────────────────

  /**
   * Before a batch's records are read: a large render changed inside is no longer what its element list says; a
   * deferred one changed inside is read now, as the page is.
   */
  private beforeBatch(records: readonly MutationRecord[], walked: Set<Element>): void {
    for (const r of records) {
      const t = r.target;
      // A class or style changes no entry; aria-hidden and role do (the subtree is walked again).
      const reread = r.type !== 'attributes' || r.attributeName === 'aria-hidden' || r.attributeName === 'role';
      if (reread) for (const parent of [...this.large.keys()]) if (t !== parent && parent.contains(t)) this.large.delete(parent);
      if (!reread) continue;
      for (const [parent, d] of [...this.pending]) {
        if (t !== parent && parent.contains(t)) {
          this.readDeferred(parent, walked);
          if (this.change) for (const root of d.roots) if (root.isConnected) this.change.added.push(root);
        }
      }
    }
  }

  /**
   * The children removed from `parent` in this batch and those added to it: when the removed ones include all of a
   * large (or deferred) render and the added ones repeat its markup, the added ones take over its entries unread.
   */
  private pairTwins(parent: Element, olds: Element[], news: Element[] | undefined, detached: Node[], walked: Set<Element>): void {
    if (!news || !parent.isConnected || skippedAbove(parent)) return;
    const was = this.pending.get(parent);
    const render = was ?? this.large.get(parent);
    if (!render) return;
    const gone = new Set(olds);
    if (!render.roots.every((r) => gone.has(r) && !r.isConnected && !detached.some((t) => r === t || r.contains(t)))) return;
    const fresh = news.filter((el) => el.parentElement === parent && !walked.has(el));
    if (fresh.length !== render.roots.length || fresh.some((el, i) => el.tagName !== render.roots[i].tagName)) return;
    // The old markup: kept from its own deferral, else read from the old children, unchanged since they were walked.
    const html = fresh.map((el) => el.outerHTML).join('\u0000');
    if (html !== (was ? was.html : render.roots.map((el) => el.outerHTML).join('\u0000'))) return;
    const d: Deferred = was ? { ...was, html, roots: fresh } : { ...this.summary(render.els), els: render.els, html, roots: fresh, old: render.roots };
    if (was) for (const root of was.roots) this.standIn.delete(root);
    this.large.delete(parent);
    this.pending.set(parent, d);
    const change = this.change!;
    fresh.forEach((el, i) => {
      this.standIn.set(el, d.old[i]);
      walked.add(el);
      change.added.push(el);
    });
    for (const el of render.roots) {
      walked.add(el);
      change.removed.push(el);
    }
    // Their texts are said by other elements now (features reading them look again); the evidence is the same.
    for (const k of d.keys) change.texts.add(k);
    for (const tag of d.tags) change.tags.add(tag);
  }

  private summary(els: Element[]): { keys: Set<string>; tags: Set<string>; heading: boolean; titles: string[] } {
    const keys = new Set<string>();
    const tags = new Set<string>();
    const titles: string[] = [];
    let heading = false;
    for (const el of els) {
      const node = this.nodes.get(el);
      if (node?.key) keys.add(node.key);
      tags.add(el.tagName);
      if (this.headings.has(el)) heading = true;
      if (node?.said?.kind === 'title') titles.push(node.said.text);
    }
    return { keys, tags, heading, titles };
  }

  /** Reads a deferred render now: the old elements' entries go, the children in the page are walked as they are. */
  private readDeferred(parent: Element, walked?: Set<Element>): void {
    const d = this.pending.get(parent);
    if (!d) return;
    this.pending.delete(parent);
    for (const root of d.roots) this.standIn.delete(root);
    this.dropEntries(d.els);
    const inBatch = this.change !== null;
    for (const root of d.roots) {
      if (!root.isConnected || skippedAbove(root)) continue;
      this.walk(root, inBatch ? this.inherited(root) : inheritedFlags(root), walked);
    }
    if (!inBatch) this.above.clear();
  }

  /** Every deferred render read (before the whole index or the evidence is read). */
  private readAll(): void {
    for (const parent of [...this.pending.keys()]) this.readDeferred(parent);
  }

  /** Drops the entries of these elements (a deferred subtree's old ones: their DOM is not read again). */
  private dropEntries(els: Element[]): void {
    for (const el of els) {
      const node = this.nodes.get(el);
      if (node) {
        this.unset(el, node);
        this.nodes.delete(el);
      }
      if (this.headings.delete(el) && this.change) this.change.evidence = true;
    }
  }

  /** The flags `el` inherits from its ancestors, remembered for the batch. */
  private inherited(el: Element): number {
    const parent = el.parentElement;
    if (!parent) return 0;
    let flags = this.above.get(el);
    if (flags === undefined) {
      flags = this.inherited(parent) | ownFlags(parent);
      this.above.set(el, flags);
    }
    return flags;
  }

  // ───────────────────────────── building ─────────────────────────────

  /** Visits `el` and its subtree; returns its text when at most MAX_INDEXED long, else null. */
  private walk(el: Element, inherited: number, walked?: Set<Element>): string | null {
    walked?.add(el);
    const tag = el.tagName;
    this.change?.tags.add(tag);
    if (SKIP_TAGS.has(tag) || isOurs(el)) return '';
    const role = el.getAttribute('role');
    const flags = inherited | ownFlags(el, role);
    let own = '';
    let full: string | null = '';
    let children = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        own += v;
        if (full !== null) full += v;
      } else if (n.nodeType === 1) {
        children++;
        const child = this.walk(n as Element, flags, walked);
        full = full === null || child === null ? null : full + child;
      }
      if (full !== null && full.length > MAX_INDEXED) full = null;
    }
    if (HEADING_TAGS.has(tag) || role === 'heading') {
      this.headings.add(el);
      if (this.change) this.change.evidence = true;
    }
    this.set(el, this.node(el, tag, full, own, flags, children));
    this.collecting?.push(el);
    return OPAQUE_TAGS.has(tag) ? '' : full;
  }

  /**
   * What is kept of one element. A wrapper whose one element child says the same (the SPA's `<td><div
   * class="cell">…`) is not indexed: the deepest element is the hit (its short text still counts for its parents).
   */
  private node(el: Element, tag: string, full: string | null, own: string, flags: number, children: number): Node1 {
    const said = this.said(el, own, flags);
    // Text only (a cell's `<div>`): its whole text is its own, normalised once.
    let key = children === 0 && said && !OPAQUE_TAGS.has(tag) ? (said.text.length <= MAX_INDEXED_NORMALISED && own.length <= MAX_INDEXED ? said.text : null) : indexKey(tag, full);
    if (key && children === 1 && !own.trim() && this.nodes.get(el.firstElementChild!)?.key === key) key = null;
    const node: Node1 = { full: OPAQUE_TAGS.has(tag) ? '' : full, key, said };
    // A control's placeholder can be all that names it (可办业务列表: 「请输入单位关联码」 with no label).
    if (CONTROL_TAGS.has(tag) && !(flags & NAV)) {
      const placeholder = normaliseLabel(el.getAttribute('placeholder') ?? '');
      if (placeholder && placeholder.length <= MAX_TEXT) node.placeholder = placeholder;
    }
    return node;
  }

  /** Re-reads one element whose children changed, from its children's known texts (added ones were walked). */
  private reread(el: Element, inherited: number): void {
    const tag = el.tagName;
    const flags = inherited | ownFlags(el);
    let own = '';
    let full: string | null = '';
    let children = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        own += v;
        if (full !== null) full += v;
      } else if (n.nodeType === 1) {
        children++;
        const child = this.fullOf(n as Element, flags);
        full = full === null || child === null ? null : full + child;
      }
      if (full !== null && full.length > MAX_INDEXED) full = null;
    }
    this.set(el, this.node(el, tag, full, own, flags, children));
  }

  private fullOf(el: Element, inherited: number): string | null {
    if (SKIP_TAGS.has(el.tagName) || isOurs(el)) return '';
    // A deferred child says what the old child it repeats said.
    const old = this.standIn.get(el);
    if (old) return this.nodes.get(old)?.full ?? null;
    const known = this.nodes.get(el);
    return known ? known.full : this.walk(el, inherited);
  }

  /** Rebuilds the short texts of `el` and its ancestors until one stays the same. */
  private propagate(el: Element | null): void {
    for (; el; el = el.parentElement) {
      const before = this.nodes.get(el);
      this.reread(el, this.inherited(el));
      const after = this.nodes.get(el);
      if (before && after && before.full === after.full && before.key === after.key) return;
    }
  }

  /** A control was added: the texts before the boxes holding it may now label it. */
  private controlsChanged(el: Element): void {
    if (!(CONTROL_TAGS.has(el.tagName) || el.querySelector('input, select, textarea, [contenteditable=true]'))) return;
    let a: Element | null = el;
    for (let depth = 0; a && depth < 6; depth++, a = a.parentElement) {
      const prev = a.previousElementSibling;
      if (prev && this.nodes.get(prev)?.said && !prev.contains(el)) this.reread(prev, this.inherited(prev));
    }
  }

  private said(el: Element, text: string, flags: number): Said | null {
    const raw = text.trim();
    if (!raw || raw.length > MAX_TEXT) return null;
    const t = normaliseLabel(raw);
    if (!t) return null;
    const inNav = (flags & NAV) !== 0;
    const said: Said = { text: t, inTexts: !inNav || (flags & BUTTON) !== 0, kind: null };
    if (t.length > 30) return said;
    if (flags & HEADER_CELL) {
      said.kind = 'header';
      return said;
    }
    const crumb = raw.includes('位置') ? BREADCRUMB.exec(raw) : null;
    if (crumb) {
      // 「当前位置：个人信息 > 个人基础信息」: the last step names the view.
      const last = normaliseLabel(crumb[1].split(/[>＞》→/]/).pop() ?? '');
      if (last) {
        said.kind = 'crumb';
        said.crumb = last;
      }
      return said;
    }
    const end = raw[raw.length - 1];
    const hasColon = end === ':' || end === '：';
    if (el.tagName === 'LABEL' || hasColon || labelsAControl(el)) said.kind = 'label';
    // A short, bold or large text outside navigation titles the view (SPA page titles, classic section bars).
    else if (!hasColon && t.length <= 16 && !inNav && !(flags & NO_TITLE)) said.kind = 'title';
    return said;
  }

  // ───────────────────────────── bookkeeping ─────────────────────────────

  private set(el: Element, node: Node1): void {
    const before = this.nodes.get(el);
    if (before) this.unset(el, before);
    this.nodes.set(el, node);
    if (node.key) {
      let set = this.byText.get(node.key);
      if (!set) this.byText.set(node.key, (set = new Set()));
      set.add(el);
      this.sorted.delete(node.key);
      this.change?.texts.add(node.key);
    }
    // A heading's text is read when recognising: any change under it counts.
    if (this.change && this.headings.has(el)) this.change.evidence = true;
    if (node.placeholder) this.count(this.texts, node.placeholder, 1);
    const s = node.said;
    if (!s) return;
    if (s.inTexts) this.count(this.texts, s.text, 1);
    if (s.kind === 'header') this.count(this.headers, s.text, 1);
    else if (s.kind === 'label') this.count(this.labels, s.text, 1);
    else if (s.kind === 'crumb') {
      this.crumbOf.set(el, s.crumb!);
      this.count(this.crumbs, s.crumb!, 1);
    } else if (s.kind === 'title') {
      this.titles.add(el);
      this.count(this.titleTexts, s.text, 1);
    }
  }

  private unset(el: Element, node: Node1): void {
    if (node.placeholder) this.count(this.texts, node.placeholder, -1);
    if (node.key) {
      const set = this.byText.get(node.key);
      if (set?.delete(el)) {
        if (set.size === 0) this.byText.delete(node.key);
        this.sorted.delete(node.key);
        this.change?.texts.add(node.key);
      }
    }
    const s = node.said;
    if (!s) return;
    if (s.inTexts) this.count(this.texts, s.text, -1);
    if (s.kind === 'header') this.count(this.headers, s.text, -1);
    else if (s.kind === 'label') this.count(this.labels, s.text, -1);
    else if (s.kind === 'crumb') {
      this.crumbOf.delete(el);
      this.count(this.crumbs, s.crumb!, -1);
    } else if (s.kind === 'title') {
      this.titles.delete(el);
      this.count(this.titleTexts, s.text, -1);
    }
  }

  private count(map: Map<string, number>, key: string, by: number): void {
    if (this.change) {
      let keys = this.touched.get(map);
      if (!keys) this.touched.set(map, (keys = new Map()));
      if (!keys.has(key)) keys.set(key, map.has(key));
    }
    const n = (map.get(key) ?? 0) + by;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  }

  /** Drops the entries of `root` and its subtree (removed from the page, or about to be walked again). */
  private forget(root: Element): void {
    for (const [parent, render] of [...this.large]) if (root.contains(parent) || render.roots.includes(root)) this.large.delete(parent);
    for (const [parent, d] of [...this.pending]) {
      if (!root.contains(parent) && !d.roots.includes(root)) continue;
      // Its entries are filed under the old elements (its own hold none); the children still in the page are read.
      for (const tag of d.tags) this.change?.tags.add(tag);
      this.readDeferred(parent);
    }
    const stack: Element[] = [root];
    while (stack.length) {
      const el = stack.pop()!;
      this.change?.tags.add(el.tagName);
      if (isOurs(el)) {
        if (this.change) this.change.ours = true;
        continue;
      }
      const node = this.nodes.get(el);
      if (node) {
        this.unset(el, node);
        this.nodes.delete(el);
      }
      if (this.headings.delete(el) && this.change) this.change.evidence = true;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
    }
  }
}

/** Children one batch added to a parent, with the elements walked below them. */
interface Render {
  roots: Element[];
  els: Element[];
}

/** Children re-rendered with the markup of those they replaced, whose entries are still filed under the old ones. */
interface Deferred extends Render {
  /** The old children holding the entries, by position (roots[i] stands for old[i]). */
  old: Element[];
  /** The markup both share. */
  html: string;
  keys: Set<string>;
  tags: Set<string>;
  /** A heading inside, and the texts that may title the view when bold or large: shown or hidden by a restyle around them. */
  heading: boolean;
  titles: string[];
}

function listIn(map: Map<Element, Element[]>, key: Element, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

function indexKey(tag: string, full: string | null): string | null {
  if (OPAQUE_TAGS.has(tag) || full === null || !full.trim()) return null;
  const t = normaliseLabel(full);
  return t && t.length <= MAX_INDEXED_NORMALISED ? t : null;
}

/** The evidence and the text index of `doc`, in one pass (a fresh index, not kept up to date). */
export function scanPage(doc: Document, url: string): PageScanResult {
  const index = new PageIndex(doc);
  index.build();
  return { evidence: index.evidence(url), texts: index };
}

/** A cell or element whose next sibling holds a form control (classic `<td>label</td><td><input></td>`). */
function labelsAControl(el: Element): boolean {
  const next = el.nextElementSibling;
  if (!next) return false;
  if (CONTROL_TAGS.has(next.tagName) || next.getAttribute('contenteditable') === 'true') return true;
  return next.querySelector('input, select, textarea, [contenteditable=true]') !== null;
}

function looksLikeTitle(el: Element, view: Window): boolean {
  const style = view.getComputedStyle(el);
  const weight = Number(style.fontWeight) || (style.fontWeight === 'bold' ? 700 : 400);
  return weight >= 600 || parseFloat(style.fontSize) >= 17;
}
