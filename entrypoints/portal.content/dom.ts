/**
 * The adapter's DOM half: finds fields by their visible labels (fields.ts), reads and writes their
 * values, and reads tables by their header texts — by structure and meaning only, never by a UI
 * framework's class names. It copes with both replica styles:
 * - SPA: `<label for>` + a sibling content box holding an input, a readonly "select" input, a date
 *   input, radio/checkbox groups or a hidden file input; tables split into a header table and a body
 *   table, with a fixed right column that repeats every row (its copies are hidden cells); dialogs
 *   that stay in the DOM, hidden, after closing.
 * - classic: `<td>label：</td><td><input></td>` pairs and one `<table>` per list.
 */
import { isShown, scanPage, type IndexChange, type TextIndex } from './evidence';
import { FIELDS, field as fieldDef, fitsForm, type FieldDef } from './fields';
import { normaliseLabel } from './pages';
import { isOurs } from './hosts';

const CONTROL_SELECTOR =
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]), select, textarea';

/** Our own hosts (hosts.ts: known by a WeakSet, not by a name). */
export { isOurs } from './hosts';

function inHeaderCell(el: Element): boolean {
  return el.closest('th, [role=columnheader]') !== null;
}

/** A field found on the page: its label, its control(s) and the box holding them (where hints go). */
export interface FieldHit {
  key: string;
  def: FieldDef;
  label: Element;
  controls: HTMLElement[];
  /** The element holding the control(s): the SPA's content box, the classic page's `<td>`. */
  box: Element;
}

function controlsAfter(label: Element): { box: Element; controls: HTMLElement[] } | null {
  // <label for=…> naming a real control (the employer SPA's `for` names a model property instead).
  const forId = label.closest('label')?.getAttribute('for');
  const linked = forId ? label.ownerDocument.getElementById(forId) : null;
  let el: Element | null = label;
  for (let depth = 0; depth < 2 && el && el !== el.ownerDocument.body; depth++, el = el.parentElement) {
    let next = el.nextElementSibling;
    while (next && isOurs(next)) next = next.nextElementSibling;
    if (!next) continue;
    const controls = next.matches(CONTROL_SELECTOR) ? [next as HTMLElement] : [...next.querySelectorAll<HTMLElement>(CONTROL_SELECTOR)];
    if (controls.length) {
      if (linked && !controls.includes(linked as HTMLElement) && linked.matches(CONTROL_SELECTOR)) return { box: next, controls: [linked as HTMLElement] };
      return { box: next, controls };
    }
  }
  if (linked && linked.matches(CONTROL_SELECTOR)) return { box: linked.parentElement ?? linked, controls: [linked as HTMLElement] };
  return null;
}

/** The form a label belongs to (for `requires` / `excludes`): its form, dialog, table or fieldset. */
function scopeOf(label: Element): Element {
  return label.closest('form, [role=dialog], fieldset, table') ?? label.ownerDocument.body;
}

/**
 * What one feature's refresh read: the texts it looked up and the parts of the page it read (field boxes
 * and their label's surroundings, tables). A later batch of mutations that touches none of them cannot
 * change what the feature shows, so the feature is not re-checked (issue #16).
 */
export class ScanDeps {
  readonly texts = new Set<string>();
  readonly regions = new Set<Element>();
  /** Selectors of elements read wherever they are (PageScan.all). */
  readonly selectors = new Set<string>();
  /** The whole text index was read (iterated): any change may matter. */
  everything = false;
  /** The controls of the fields read, with their value and focus then (values change without mutations). */
  readonly values = new Map<HTMLElement, string>();

  /** True when a control read has another value or focus now (after the agent's typing or clicks). */
  valuesChanged(): boolean {
    if (this.readNothing()) return true;
    for (const [el, was] of this.values) if (controlState(el) !== was) return true;
    return false;
  }

  private readNothing(): boolean {
    return this.everything || (this.texts.size === 0 && this.regions.size === 0 && this.selectors.size === 0);
  }

  /** True when `change` may change what was read. */
  touchedBy(change: IndexChange): boolean {
    // A reader that read nothing through the scan read the page by itself: any change may matter.
    if (this.readNothing()) return true;
    for (const t of change.texts) if (this.texts.has(t)) return true;
    for (const sel of this.selectors) {
      for (const el of change.restyled) if (el.matches(sel) || el.querySelector(sel)) return true;
      // 'input[type=file]': only a batch that added or removed an <input> can matter.
      const tag = /^[a-z][a-z0-9]*/i.exec(sel)?.[0].toUpperCase();
      if (tag && !change.tags.has(tag)) continue;
      for (const el of [...change.added, ...change.removed]) if (el.matches(sel) || el.querySelector(sel)) return true;
    }
    if (this.regions.size === 0) return false;
    const around = aroundChanges(change);
    const restyled = change.restyled.length ? new Set(change.restyled) : null;
    for (const region of this.regions) {
      // Removed or moved out of the page; or something inside it changed.
      if (!region.isConnected || around.has(region)) return true;
      // A dialog or tab shown or hidden around what was read.
      if (restyled) for (let a = region.parentElement; a; a = a.parentElement) if (restyled.has(a)) return true;
    }
    return false;
  }
}

/** A control's value, checked state and focus, as one string. */
function controlState(el: HTMLElement): string {
  const c = el as HTMLInputElement;
  return `${c.value ?? ''}\u0000${c.checked ? 1 : 0}\u0000${el.ownerDocument.activeElement === el ? 1 : 0}`;
}

/** The index as a reader sees it: iterating it (instead of looking texts up) makes every change matter to that reader. */
function recording(index: TextIndex, deps: ScanDeps): TextIndex {
  return {
    get: (text) => index.get(text),
    keys: () => {
      deps.everything = true;
      return index.keys();
    },
    [Symbol.iterator]: () => {
      deps.everything = true;
      return index[Symbol.iterator]();
    },
  };
}

const AROUND = new WeakMap<IndexChange, Set<Element>>();

/** Every changed element and its ancestors (computed once per batch, shared by all features). */
function aroundChanges(change: IndexChange): Set<Element> {
  let set = AROUND.get(change);
  if (set) return set;
  set = new Set();
  for (const list of [change.added, change.targets, change.restyled]) {
    for (const el of list) for (let a: Element | null = el; a && !set.has(a); a = a.parentElement) set.add(a);
  }
  AROUND.set(change, set);
  return set;
}

/** Caches shared by every feature's scan in one refresh (visibility and field hits do not depend on the reader). */
export class ScanCache {
  readonly visible = new Map<Element, boolean>();
  readonly fields = new Map<string, FieldHit[]>();
}

/** One refresh's view of the page; everything is computed on first use and kept for that refresh. */
export class PageScan {
  readonly texts: TextIndex;
  private readonly fieldCache: Map<string, FieldHit[]>;
  private readonly visibleCache: Map<Element, boolean>;

  /**
   * `texts`: the page's kept index (evidence.ts PageIndex) or a fresh one; `cache`: shared with the other
   * features of the same refresh; `deps`: where this reader's lookups are recorded.
   */
  constructor(
    readonly doc: Document,
    texts?: TextIndex,
    cache: ScanCache = new ScanCache(),
    readonly deps?: ScanDeps,
  ) {
    const index = texts ?? scanPage(doc, doc.location?.href ?? '').texts;
    this.texts = deps ? recording(index, deps) : index;
    this.fieldCache = cache.fields;
    this.visibleCache = cache.visible;
  }

  shown(el: Element): boolean {
    let v = this.visibleCache.get(el);
    if (v === undefined) {
      v = el.isConnected && isShown(el);
      this.visibleCache.set(el, v);
    }
    return v;
  }

  /** Every element matching `selector` (not ours), visible or not; the reader is re-checked when such an element comes, goes or is restyled. */
  all<E extends Element = Element>(selector: string): E[] {
    this.deps?.selectors.add(selector);
    return [...this.doc.querySelectorAll<E>(selector)].filter((el) => !isOurs(el));
  }

  /** Visible elements whose whole text is one of `variants`. */
  elementsSaying(variants: readonly string[]): Element[] {
    const all = variants.flatMap((v) => this.texts.get(v) ?? []);
    if (this.deps) {
      for (const v of variants) this.deps.texts.add(v);
      // Hidden ones too: a dialog or tab shown around them changes what this lookup finds.
      for (const el of all) this.deps.regions.add(el);
    }
    return all.filter((el) => this.shown(el));
  }

  /** The visible form fields of `key` (its label, the control next to it). */
  fields(key: string): FieldHit[] {
    const def = fieldDef(key);
    const cached = this.fieldCache.get(key);
    if (cached) {
      this.record(def, cached);
      return cached;
    }
    const hits: FieldHit[] = [];
    for (const label of this.elementsSaying(def.labels)) {
      if (inHeaderCell(label) || label.closest('button, a')) continue;
      const near = controlsAfter(label);
      if (!near || !this.shown(near.box)) continue;
      if (def.requires || def.excludes) {
        const scope = scopeOf(label);
        const formHas = (labels: string[]) => labels.some((l) => (this.texts.get(l) ?? []).some((e) => scope.contains(e) && !inHeaderCell(e)));
        if (!fitsForm(def, formHas)) continue;
      }
      if (hits.some((h) => h.box === near.box)) continue;
      hits.push({ key, def, label, controls: near.controls, box: near.box });
    }
    this.fieldCache.set(key, hits);
    this.record(def, hits);
    return hits;
  }

  /** Records what a field lookup read: its label texts (and the form labels it depends on) and each hit's surroundings. */
  private record(def: FieldDef, hits: readonly FieldHit[]): void {
    const deps = this.deps;
    if (!deps) return;
    for (const l of [...def.labels, ...(def.requires ?? []), ...(def.excludes ?? [])]) deps.texts.add(l);
    // controlsAfter looks at the label's and its parent's next siblings: both sit under the grandparent. Hidden
    // labels too: their control may be added, or their dialog shown, later.
    for (const l of def.labels) for (const label of this.texts.get(l) ?? []) deps.regions.add(label.parentElement?.parentElement ?? label.parentElement ?? label);
    for (const h of hits) {
      deps.regions.add(h.box);
      for (const c of h.controls) deps.values.set(c, controlState(c));
    }
  }

  /** Every known field visible on the page. */
  allFields(): FieldHit[] {
    return FIELDS.flatMap((f) => this.fields(f.key));
  }

  /**
   * The visible table whose header row names the most of `columns` (each entry: the label variants of
   * one column); null unless at least `min` columns are found.
   */
  table(columns: readonly (readonly string[])[], min = Math.min(2, columns.length)): TableRead | null {
    const rows = new Map<Element, number>();
    columns.forEach((variants, i) => {
      for (const el of this.elementsSaying(variants)) {
        const cell = el.closest('th, [role=columnheader]');
        const tr = cell?.closest('tr, [role=row]');
        if (!tr) continue;
        const seen = rows.get(tr) ?? 0;
        rows.set(tr, seen | (1 << i));
      }
    });
    let best: Element | null = null;
    let bestCount = 0;
    for (const [tr, mask] of rows) {
      const count = popcount(mask);
      if (count > bestCount) {
        best = tr;
        bestCount = count;
      }
    }
    if (!best || bestCount < min) return null;
    const read = readTable(best);
    this.deps?.regions.add(read.root);
    return read;
  }
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

/** A table read by its header texts. */
export interface TableRead {
  headers: string[];
  rows: TableRow[];
  /** The element holding header and body (classic: the table; SPA: the split table's wrapper). */
  root: Element;
}

export interface TableRow {
  tr: Element;
  cells: Element[];
}

/** The cell of `row` under the first header that is one of `variants`, or null. */
export function cellOf(table: TableRead, row: TableRow, variants: readonly string[]): Element | null {
  const i = table.headers.findIndex((h) => variants.includes(h));
  return i >= 0 ? (row.cells[i] ?? null) : null;
}

/** Trimmed visible text of a cell ('' for none), without our own injected hosts. */
export function cellText(cell: Element | null): string {
  if (!cell) return '';
  let s = '';
  const walk = (n: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) s += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !isOurs(c)) walk(c);
    }
  };
  walk(cell);
  return s.replace(/\s+/g, ' ').trim();
}

function dataRows(table: Element, except?: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter(
    (tr) => tr !== except && tr.closest('table') === table && tr.querySelector(':scope > td') !== null,
  );
}

/** Reads the table of a header row: same-table rows (classic), or the body table paired with a split header. */
function readTable(headerRow: Element): TableRead {
  const headers = [...headerRow.children].filter((c) => c.matches('th, td, [role=columnheader]')).map((c) => normaliseLabel(cellText(c)));
  const table = headerRow.closest('table');
  let root: Element = table ?? headerRow.parentElement ?? headerRow;
  let rows: Element[] = table ? dataRows(table, headerRow) : [];
  if (table && rows.length === 0) {
    // SPA: the header table and the body table are siblings under wrappers; the body is the next table.
    // Later tables (a fixed column's copies) repeat the rows and are ignored.
    for (let anc = table.parentElement, depth = 0; anc && depth < 3; anc = anc.parentElement, depth++) {
      const tables = [...anc.querySelectorAll('table')];
      const i = tables.indexOf(table);
      if (i >= 0 && i + 1 < tables.length) {
        const body = tables[i + 1];
        if (!body.querySelector('th')) rows = dataRows(body);
        root = anc;
        break;
      }
    }
  }
  return {
    headers,
    root,
    rows: rows.map((tr) => ({ tr, cells: [...tr.children].filter((c) => c.matches('td, th')) })),
  };
}

// ───────────────────────────── values ─────────────────────────────

/** How a value gets into a control: typed (text, textarea, typeable date), chosen, clicked, or by hand. */
export type FillMode = 'type' | 'select' | 'radio' | 'manual' | 'locked';

function isText(el: HTMLElement): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['radio', 'checkbox', 'file'].includes(el.type));
}

export function fillModeOf(hit: FieldHit): FillMode {
  const c = hit.controls;
  if (c.some((e) => (e as HTMLInputElement).disabled)) return 'locked';
  if (c.some((e) => e instanceof HTMLInputElement && e.type === 'radio')) return 'radio';
  if (c.some((e) => e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'file'))) return 'manual';
  const first = c[0];
  if (first instanceof HTMLSelectElement) return 'select';
  // A readonly input is a custom dropdown or picker: only the user can operate it safely.
  if (isText(first) && first.readOnly) return 'manual';
  return isText(first) ? 'type' : 'manual';
}

function labelTextOf(input: HTMLInputElement): string {
  return (input.closest('label')?.textContent ?? input.value).trim();
}

/** The value a field shows, as the agent reads it. */
export function readValue(hit: FieldHit): string {
  const c = hit.controls;
  const radios = c.filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'radio');
  if (radios.length) {
    const on = radios.find((r) => r.checked);
    return on ? labelTextOf(on) : '';
  }
  const boxes = c.filter((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'checkbox');
  if (boxes.length) return boxes.filter((b) => b.checked).map(labelTextOf).join('、');
  const first = c[0];
  if (first instanceof HTMLSelectElement) {
    const opt = first.selectedOptions[0];
    return opt && opt.value !== '' ? opt.text.trim() : '';
  }
  if (first instanceof HTMLInputElement && first.type === 'file') return '';
  return isText(first) ? first.value.trim() : '';
}

/**
 * Writes `value` the way a user would, so that a Vue/React-controlled input registers it: the native
 * value setter, then input and change events (a Vue v-model listens to input, date pickers commit on
 * change). Radios are clicked; native selects get their option and a change event. Never submits.
 */
export function writeValue(hit: FieldHit, value: string): boolean {
  const mode = fillModeOf(hit);
  const fire = (el: HTMLElement, type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));
  if (mode === 'type') {
    const el = hit.controls[0] as HTMLInputElement | HTMLTextAreaElement;
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    fire(el, 'input');
    fire(el, 'change');
    return el.value === value;
  }
  if (mode === 'select') {
    const el = hit.controls[0] as HTMLSelectElement;
    const opt = [...el.options].find((o) => o.text.trim() === value || o.value === value);
    if (!opt) return false;
    el.value = opt.value;
    fire(el, 'input');
    fire(el, 'change');
    return true;
  }
  if (mode === 'radio') {
    const radio = hit.controls.find((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.type === 'radio' && labelTextOf(e) === value);
    if (!radio) return false;
    if (!radio.checked) radio.click();
    return radio.checked;
  }
  return false;
}

// ───────────────────────────── dates read off the page ─────────────────────────────

const DATE_RE = /(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/;

/** A date as typed on the portal (2015-07-06, 2015/7/6, 2015年7月, 2010-09) → yyyy-MM-dd / yyyy-MM; '' when none. */
export function pageDate(text: string): string {
  const m = DATE_RE.exec(text);
  if (!m) return '';
  const mm = m[2].padStart(2, '0');
  return m[3] ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`;
}

/** A period cell "2010-09 至 2014-07" (classic) → [start, end]; '至今' ends today. */
export function pagePeriod(text: string, today: string): [string, string] {
  const m = /^(.*?)(?:至|~|～|—|–|\s-\s)(.*)$/.exec(text);
  const [a, b] = m ? [m[1], m[2]] : [text, ''];
  return [pageDate(a), /今/.test(b) ? today : pageDate(b)];
}

/**
 * A history row's start and end (education, work): one 起止时间 cell in the classic layout
 * ("2010-09 至 2013-07"), or separate start and end cells in the SPA.
 */
export function rowPeriod(
  table: TableRead,
  row: TableRow,
  columns: { start: readonly string[]; end: readonly string[]; period: readonly string[] },
  today: string,
): [string, string] {
  const period = cellOf(table, row, columns.period);
  if (period) return pagePeriod(cellText(period), today);
  return [pageDate(cellText(cellOf(table, row, columns.start))), pageDate(cellText(cellOf(table, row, columns.end)))];
}
