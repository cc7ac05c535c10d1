/**
 * The element picker of 「在页面上指定」 (issue #17 part 3): started from the side panel, it highlights the
 * element under the pointer, takes the one the agent clicks and learns its label (a field) or heading (a
 * page). Esc cancels. While it runs, every pointer event is swallowed before the page sees it (capture
 * phase on window, default prevented), so a click never opens the portal's dropdowns, links or buttons;
 * when it ends its listeners and its one host are gone.
 *
 * What it learns is what the page shows as a label, column header or heading, and a structural path of tag
 * names and digit-free class names: never an id, never a value. Texts that look like values (long, digit
 * runs) are not returned at all; the side panel validates the rest before it shows and saves anything.
 */
import type { PickResult } from '../../utils/messaging';
import { createHost, isOurs } from './hosts';
import { scanPage } from './evidence';
import { normaliseLabel } from './pages';

const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]), select, textarea, [contenteditable=true]';
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'touchstart', 'touchend'];
const ACTIONS = 'button, a, [role=button], [role=link], [role=menuitem], [role=tab], nav, [role=navigation], [role=menu], [role=tablist]';
const MAX_LABEL = 24;
const MAX_HEADING = 30;

const CSS = `:host{all:initial !important}
.box{position:fixed;pointer-events:none;z-index:2147483646;border:2px solid #0969da;background:rgba(9,105,218,.12);border-radius:3px;box-sizing:border-box;display:none}
.bar{position:fixed;top:10px;left:50%;transform:translateX(-50%);pointer-events:none;z-index:2147483647;background:#0969da;color:#fff;font:13px/1.5 sans-serif;padding:6px 12px;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.25)}`;

/** The tags and stable classes from `el` up to the body (ids and classes with digits are generated: left out). */
export function structuralPath(el: { tagName: string; classList?: Iterable<string>; parentElement: unknown } | null, steps = 8): string {
  const parts: string[] = [];
  for (let e = el; e && parts.length < steps; e = e.parentElement as typeof el) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html') break;
    if (!/^[a-z][a-z0-9-]*$/.test(tag)) break;
    const classes = [...(e.classList ?? [])].filter((c) => /^[A-Za-z_-]{1,40}$/.test(c)).slice(0, 2);
    parts.unshift([tag, ...classes].join('.'));
  }
  return parts.join(' > ');
}

/** A picked text kept only when it can be a label: short, some letter, no run of digits, no '@'. */
function labelText(text: string | null | undefined, max: number): string | null {
  const t = normaliseLabel(text ?? '');
  return t && t.length <= max && /\p{L}/u.test(t) && !/\d{3,}/.test(t) && !t.includes('@') ? t : null;
}

/** The header cell above a table cell (same table, or the header table of a split SPA table). */
function columnHeaderOf(cell: Element): Element | null {
  const row = cell.parentElement;
  if (!row) return null;
  const index = [...row.children].indexOf(cell);
  const table = cell.closest('table');
  const headerIn = (t: Element | null) => t?.querySelector('tr:has(> th), [role=row]:has(> [role=columnheader])') ?? null;
  let header = headerIn(table);
  for (let anc = table?.parentElement, depth = 0; !header && anc && depth < 3; anc = anc.parentElement, depth++) {
    const tables = [...anc.querySelectorAll('table')];
    const i = table ? tables.indexOf(table) : -1;
    if (i > 0) header = headerIn(tables[i - 1]);
  }
  return header?.children[index] ?? null;
}

/** The element whose text labels `control`: its <label>, aria-labelledby, or the text box just before it. */
function labelOfControl(control: Element): Element | null {
  const own = (control as HTMLInputElement).labels?.[0];
  if (own && labelText(own.textContent, MAX_LABEL)) return own;
  const by = control.getAttribute('aria-labelledby');
  const named = by ? control.ownerDocument.getElementById(by.split(/\s+/)[0]) : null;
  if (named && labelText(named.textContent, MAX_LABEL)) return named;
  // SPA: label + content box; classic: <td>label：</td><td><input></td>.
  for (let el: Element | null = control, depth = 0; el && depth < 5 && el !== el.ownerDocument.body; el = el.parentElement, depth++) {
    let prev = el.previousElementSibling;
    while (prev && isOurs(prev)) prev = prev.previousElementSibling;
    if (prev && !prev.querySelector(CONTROL) && labelText(prev.textContent, MAX_LABEL)) return prev;
  }
  return null;
}

/** The label (or column header) a picked element stands for; null when none can be told. */
function fieldLabelOf(picked: Element, known: ReadonlySet<string>): Element | null {
  const control = picked.closest(CONTROL) ?? (picked.querySelectorAll(CONTROL).length === 1 ? picked.querySelector(CONTROL) : null);
  if (control) return labelOfControl(control);
  const cell = picked.closest('td, [role=cell], [role=gridcell]');
  const header = picked.closest('th, [role=columnheader]');
  if (header) return header;
  // A data cell stands for its column (its text is a value: never learned).
  if (cell && !cell.querySelector(CONTROL) && !(cell.nextElementSibling?.querySelector(CONTROL))) {
    const h = columnHeaderOf(cell);
    if (h) return h;
  }
  // A label or a text the page uses as one (classic label cell, SPA form label).
  for (let el: Element | null = picked, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    const t = labelText(el.textContent, MAX_LABEL);
    if (t && (known.has(t) || el.nextElementSibling?.matches(CONTROL) || el.nextElementSibling?.querySelector(CONTROL))) return el;
  }
  return null;
}

/** What picking `picked` teaches, read off `doc`. */
function learn(kind: 'field' | 'page', picked: Element, doc: Document): PickResult {
  // A button, link, menu entry or tab names an action or another page, never this page or a field.
  if (picked.closest(ACTIONS)) return { ok: false, reason: 'no-label' };
  const { evidence } = scanPage(doc, doc.location?.href ?? '');
  if (kind === 'field') {
    const known = new Set([...evidence.labels, ...evidence.tableHeaders]);
    const label = fieldLabelOf(picked, known);
    const text = label && labelText(label.textContent, MAX_LABEL);
    return label && text ? { ok: true, kind, label: text, path: structuralPath(label) } : { ok: false, reason: 'no-label' };
  }
  const titles = new Set([...evidence.headings, ...evidence.texts]);
  for (let el: Element | null = picked, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    const heading = labelText(el.textContent, MAX_HEADING);
    if (heading && titles.has(heading)) {
      const labels = [...new Set([...evidence.tableHeaders, ...evidence.labels])]
        .map((l) => labelText(l, MAX_LABEL))
        .filter((l): l is string => !!l && l !== heading)
        .slice(0, 12);
      return { ok: true, kind, heading, labels };
    }
  }
  return { ok: false, reason: 'no-label' };
}

let running: (() => void) | null = null;

/**
 * Runs the picker until the agent clicks an element (→ what it teaches) or presses Esc, or `signal` aborts
 * (→ cancelled). A second start cancels the first.
 */
export function pickOnPage(kind: 'field' | 'page', prompt: string, signal: AbortSignal): Promise<PickResult> {
  running?.();
  return new Promise((resolve) => {
    const { host, shadow } = createHost('overlay');
    const style = document.createElement('style');
    style.textContent = CSS;
    const root = document.createElement('div');
    root.dataset.jzz = 'picker';
    const box = document.createElement('div');
    box.className = 'box';
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    bar.textContent = prompt;
    root.append(box, bar);
    shadow.append(style, root);
    document.documentElement.append(host);

    const target = (e: Event): Element | null => {
      const path = e.composedPath();
      if (path.some((n) => isOurs(n as Node))) return null;
      const first = path[0];
      return first instanceof Element ? first : null;
    };
    const highlight = (e: Event) => {
      const el = target(e);
      if (!el) return;
      const r = el.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.type !== 'click') return;
      const el = target(e);
      if (el) finish(learn(kind, el, document));
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      finish({ ok: false, reason: 'cancelled' });
    };
    const cancel = () => finish({ ok: false, reason: 'cancelled' });
    const opts = { capture: true, passive: false } as const;
    const finish = (result: PickResult) => {
      window.removeEventListener('pointermove', highlight, opts);
      for (const type of SWALLOWED) window.removeEventListener(type, swallow, opts);
      window.removeEventListener('keydown', key, opts);
      window.removeEventListener('hashchange', cancel);
      signal.removeEventListener('abort', cancel);
      host.remove();
      if (running === cancel) running = null;
      resolve(result);
    };
    window.addEventListener('pointermove', highlight, opts);
    for (const type of SWALLOWED) window.addEventListener(type, swallow, opts);
    window.addEventListener('keydown', key, opts);
    window.addEventListener('hashchange', cancel);
    signal.addEventListener('abort', cancel, { once: true });
    running = cancel;
  });
}
