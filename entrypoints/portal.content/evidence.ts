/**
 * Reads a page into PageEvidence: titles, table headers and labels, by structure and meaning only.
 * No class names of any UI framework: the portal's markup is unknown to us and will change.
 *
 * One recursive pass over the DOM (scanPage) yields both the evidence for recognition and the index
 * of short texts the features find fields by (dom.ts PageScan): every element's short text is built
 * bottom-up from its children, so no element's textContent is computed twice, and navigation /
 * header-cell context is inherited down the tree instead of asked with closest() per element. It
 * runs after every batch of DOM mutations, so its cost is the content script's cost per batch.
 */
import { normaliseLabel, type PageEvidence } from './pages';
import { isOurs } from './hosts';

const MAX_CANDIDATES = 2000;
const MAX_TEXT = 80;
/** Longest text (raw) an element may have to be indexed as a label or cell text. */
const MAX_INDEXED = 40;
const MAX_INDEXED_NORMALISED = 24;
const BREADCRUMB = /^\s*(?:当前位置|您的位置|所在位置)\s*[:：]\s*(.+)$/;

// Navigation repeats every module's name; its texts must not count as the page's title.
const NAV_TAGS = new Set(['A', 'NAV', 'LI', 'OPTION', 'BUTTON', 'SELECT', 'LABEL']);
const NAV_ROLES = new Set(['menu', 'menubar', 'menuitem', 'tab', 'tablist', 'navigation', 'option', 'link']);
/** Never read: code, and controls whose option texts are not the page's words. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);
const OPAQUE_TAGS = new Set(['SELECT', 'TEXTAREA', 'OPTION']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

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

export interface PageScanResult {
  evidence: PageEvidence;
  /** Short element texts, normalised → the deepest elements carrying them, in document order. */
  texts: Map<string, Element[]>;
}

/** The evidence and the text index of `doc`, in one pass. */
export function scanPage(doc: Document, url: string): PageScanResult {
  const headings = new Set<string>();
  const labels = new Set<string>();
  const tableHeaders = new Set<string>();
  const texts = new Set<string>();
  const index = new Map<string, Element[]>();

  for (const el of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, caption, legend, [role=heading]')) {
    if (isOurs(el) || !isShown(el)) continue;
    const t = normaliseLabel(el.textContent ?? '');
    if (t && t.length <= 30) headings.add(t);
  }

  let candidates = 0;
  const view = doc.defaultView;

  const addIndex = (text: string, el: Element) => {
    const t = normaliseLabel(text);
    if (!t || t.length > MAX_INDEXED_NORMALISED) return;
    const list = index.get(t);
    if (!list) index.set(t, [el]);
    // Children come first (post-order): a wrapper saying the same as its descendant is not added.
    else if (!el.contains(list[list.length - 1])) list.push(el);
  };

  /** Visits `el` and its subtree; returns its text when at most MAX_INDEXED long, else null. */
  const visit = (el: Element, inherited: number): string | null => {
    const tag = el.tagName;
    if (SKIP_TAGS.has(tag) || isOurs(el)) return '';
    const role = el.getAttribute('role');
    let flags = inherited;
    if (NAV_TAGS.has(tag) || (role !== null && NAV_ROLES.has(role)) || el.getAttribute('aria-hidden') === 'true') flags |= NAV;
    if (tag === 'TH' || role === 'columnheader') flags |= HEADER_CELL;
    if (tag === 'BUTTON') flags |= BUTTON;
    if (tag === 'TD' || tag === 'LABEL') flags |= NO_TITLE;

    // One loop over the children: this element's own text, and its whole (short) text built from theirs.
    let own = '';
    let full: string | null = '';
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const v = n.nodeValue ?? '';
        own += v;
        if (full !== null) full += v;
      } else if (n.nodeType === 1) {
        const child = visit(n as Element, flags);
        full = full === null || child === null ? null : full + child;
      }
      if (full !== null && full.length > MAX_INDEXED) full = null;
    }
    own = own.trim();
    // A control's placeholder can be all that names it (可办业务列表: 「请输入单位关联码」 with no label).
    if (CONTROL_TAGS.has(tag) && !(flags & NAV)) {
      const placeholder = normaliseLabel(el.getAttribute('placeholder') ?? '');
      if (placeholder && placeholder.length <= MAX_TEXT) texts.add(placeholder);
    }
    if (own && own.length <= MAX_TEXT && candidates < MAX_CANDIDATES) {
      candidates++;
      evidenceOf(el, own, flags);
    }
    if (OPAQUE_TAGS.has(tag)) return '';
    if (full !== null && full.trim()) addIndex(full, el);
    return full;
  };

  const evidenceOf = (el: Element, text: string, flags: number) => {
    const t = normaliseLabel(text);
    if (!t) return;
    const inNav = (flags & NAV) !== 0;
    if (!inNav || flags & BUTTON) texts.add(t);
    if (t.length > 30) return;
    if (flags & HEADER_CELL) {
      tableHeaders.add(t);
      return;
    }
    const crumb = BREADCRUMB.exec(text);
    if (crumb) {
      // 「当前位置：个人信息 > 个人基础信息」: the last step names the view.
      const last = normaliseLabel(crumb[1].split(/[>＞》→/]/).pop() ?? '');
      if (last) headings.add(last);
      return;
    }
    const hasColon = /[:：]\s*$/.test(text);
    if (el.tagName === 'LABEL' || hasColon || labelsAControl(el)) labels.add(t);
    // A short, bold or large text outside navigation titles the view (SPA page titles, classic section bars).
    if (!hasColon && t.length <= 16 && !inNav && !(flags & NO_TITLE) && view && looksLikeTitle(el, view) && isShown(el)) headings.add(t);
  };

  const body = doc.body ?? doc.documentElement;
  visit(body, 0);
  return {
    evidence: {
      url,
      title: doc.title,
      headings: [...headings],
      tableHeaders: [...tableHeaders],
      labels: [...labels],
      texts: [...texts],
    },
    texts: index,
  };
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
