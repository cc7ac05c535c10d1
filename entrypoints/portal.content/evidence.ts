/**
 * Reads a page into PageEvidence: titles, table headers and labels, by structure and meaning only.
 * No class names of any UI framework: the portal's markup is unknown to us and will change.
 */
import { normaliseLabel, type PageEvidence } from './pages';

// Navigation repeats every module's name; its texts must not count as the page's title.
const NAV_ANCESTORS =
  'a, nav, li, option, button, select, label, [role=menu], [role=menubar], [role=menuitem], [role=tab], [role=tablist], [role=navigation], [role=option], [role=link], [aria-hidden=true]';
const CONTROL = 'input, select, textarea, [contenteditable=true]';
const MAX_CANDIDATES = 2000;
const MAX_TEXT = 80;
const BREADCRUMB = /^\s*(?:当前位置|您的位置|所在位置)\s*[:：]\s*(.+)$/;

/** Visible in layout (the SPA keeps stale views and dropdowns hidden in the DOM). */
export function isShown(el: Element): boolean {
  const anyEl = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof anyEl.checkVisibility === 'function') return anyEl.checkVisibility({ visibilityProperty: true });
  const rect = el.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

function ownText(el: Element): string {
  let s = '';
  for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) s += node.textContent ?? '';
  return s.trim();
}

/** Ignore our own injected hosts (custom elements named jzz-*). */
function isOurs(el: Element): boolean {
  return el.closest('[data-jzz-host]') !== null || el.tagName.toLowerCase().startsWith('jzz-');
}

export function collectEvidence(doc: Document, url: string): PageEvidence {
  const headings = new Set<string>();
  const labels = new Set<string>();
  const tableHeaders = new Set<string>();
  const texts = new Set<string>();

  for (const el of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, caption, legend, [role=heading]')) {
    if (isOurs(el) || !isShown(el)) continue;
    const t = normaliseLabel(el.textContent ?? '');
    if (t && t.length <= 30) headings.add(t);
  }

  let seen = 0;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && seen < MAX_CANDIDATES; node = walker.nextNode()) {
    const el = node as Element;
    const text = ownText(el);
    if (!text || text.length > MAX_TEXT) continue;
    seen++;
    if (isOurs(el)) continue;
    const tag = el.tagName.toLowerCase();
    const t = normaliseLabel(text);
    if (!t) continue;
    const inNav = el.closest(NAV_ANCESTORS) !== null;
    if (!inNav || el.closest('button')) texts.add(t);
    if (t.length > 30) continue;
    if (tag === 'th' || el.getAttribute('role') === 'columnheader' || el.closest('th, [role=columnheader]')) {
      tableHeaders.add(t);
      continue;
    }
    const crumb = BREADCRUMB.exec(text);
    if (crumb) {
      // 「当前位置：个人信息 > 个人基础信息」: the last step names the view.
      const last = normaliseLabel(crumb[1].split(/[>＞》→/]/).pop() ?? '');
      if (last) headings.add(last);
      continue;
    }
    const hasColon = /[:：]\s*$/.test(text);
    if (tag === 'label' || hasColon || labelsAControl(el)) labels.add(t);
    // A short, bold or large text outside navigation titles the view (SPA page titles, classic section bars).
    if (!hasColon && t.length <= 16 && !inNav && looksLikeTitle(el) && isShown(el)) headings.add(t);
  }
  return {
    url,
    title: doc.title,
    headings: [...headings],
    tableHeaders: [...tableHeaders],
    labels: [...labels],
    texts: [...texts],
  };
}

/** A cell or element whose next sibling holds a form control (classic `<td>label</td><td><input></td>`). */
function labelsAControl(el: Element): boolean {
  const next = el.nextElementSibling;
  if (!next) return false;
  return next.matches(CONTROL) || next.querySelector(CONTROL) !== null;
}

function looksLikeTitle(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  const weight = Number(style.fontWeight) || (style.fontWeight === 'bold' ? 700 : 400);
  return weight >= 600 || parseFloat(style.fontSize) >= 17;
}
