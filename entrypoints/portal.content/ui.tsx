/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Injected UI: every piece lives in a closed shadow root on a plain `div`/`span` host (hosts.ts: known
 * by a WeakSet, never by a name the page could define first): a hint (a note under a field or above a
 * section), a mark (inline, in a table cell) and the one floating overlay (badge and actions). Text goes
 * in as text nodes only. Hosts are kept per key and moved, not recreated, when the portal re-renders,
 * and they go away with their feature's AbortSignal.
 *
 * What is drawn here, the page can learn (window.find, @font-face probes, sizes; issue #20): only the
 * guide's texts and what the page itself shows. Personal data and every confirmation are in the side
 * panel.
 */
import type { Finding } from '../../rules/rule';
import type { PortalLang as Lang } from '../../components/i18n/portal';
import { copyText } from '../../components/copy-text';
import { pickText } from '../../utils/bilingual';
import { anchoredHostRects, createHost, forgetHost, type HostKind } from './hosts';

export type Level = 'info' | 'ok' | 'warning' | 'error';
export type { HostKind };

// Generic family only: a page's @font-face cannot take a generic name, so no page font (and no
// per-character unicode-range probe) ever draws our text.
const FONT = 'sans-serif';

const BASE_CSS = `
.root{margin:0;font:12px/1.55 ${FONT};color:#1f2328}
.n{background:#f6f8fa;border:1px solid #d0d7de;border-left:3px solid #0969da;border-radius:4px;padding:4px 8px;max-width:760px;box-sizing:border-box;text-align:left;white-space:normal;word-break:break-word}
.n.warning{border-left-color:#bf8700;background:#fff8c5}
.n.error{border-left-color:#cf222e;background:#ffebe9}
.n.ok{border-left-color:#1a7f37;background:#f0fff4}
.b{font-weight:600;color:#0969da;margin-right:4px}
.h{font-weight:600}
.s{color:#57606a;font-size:11px;margin-left:4px;white-space:nowrap}
/* a block or long .s is a sentence, not a section mark: it wraps inside the panel */
div.s,.s.wrap{white-space:normal}div.s{margin-left:0}
ul{margin:2px 0 0;padding-left:2px;list-style:none}
li{margin:1px 0}
li.error{color:#a40e26}li.warning{color:#7d4e00}li.ok{color:#116329}
.tag{display:inline-block;padding:0 5px;border-radius:3px;background:#ddf4ff;color:#0550ae;margin:0 4px 0 0;font-size:11px;line-height:17px;white-space:nowrap}
.tag.error{background:#ffebe9;color:#a40e26}.tag.ok{background:#dafbe1;color:#116329}.tag.warning{background:#fff8c5;color:#7d4e00}.tag.muted{background:#eaeef2;color:#57606a}
button{font:12px/1.4 ${FONT};border:1px solid #d0d7de;background:#fff;border-radius:4px;padding:2px 8px;cursor:pointer;color:#1f2328}
button.primary{background:#0969da;border-color:#0969da;color:#fff}
button:focus-visible,input:focus-visible,a:focus-visible,.panel:focus-visible{outline:2px solid #0969da;outline-offset:1px}
.row{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin-top:4px}
code,.q{font-family:inherit;background:#eaeef2;border-radius:3px;padding:1px 4px}
table{border-collapse:collapse;margin-top:4px;width:100%}
td,th{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top;font-weight:normal}
th{background:#f6f8fa}
`;

// `all: initial !important` first: our hosts are plain div/span, so the page's own rules for div and
// span (or worse) must not reach them; !important inside the shadow tree wins over the page's.
const RESET = 'all:initial !important;';
const HOST_CSS: Record<HostKind, string> = {
  hint: `:host{${RESET}display:block !important;margin:4px 0 !important}${BASE_CSS}`,
  mark: `:host{${RESET}display:inline-block !important;margin:0 0 0 6px !important;vertical-align:middle !important}${BASE_CSS}.n{padding:0 6px;display:inline-block}`,
  overlay: `:host{${RESET}display:block !important}${BASE_CSS}
.dock{position:fixed;left:16px;bottom:16px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-start;gap:8px;max-width:min(560px,calc(100vw - 32px))}
.dock.br{left:auto;right:16px;align-items:flex-end}
.dock.tr{left:auto;right:16px;bottom:auto;top:16px;align-items:flex-end;flex-direction:column-reverse}
.dock.tl{bottom:auto;top:16px;flex-direction:column-reverse}
.dock.compact .badge{padding:2px 6px}
button.fold{border:none;background:none;padding:0 2px;color:#57606a;font-size:12px;line-height:1}
.badge{background:#fff;border:1px solid #0969da;border-radius:6px;padding:5px 8px;font-size:12px;box-shadow:0 2px 8px rgba(0,0,0,.15);display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.panel{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:10px 12px;box-shadow:0 4px 16px rgba(0,0,0,.18);max-height:60vh;overflow:auto;font-size:12px;width:100%;box-sizing:border-box}
.panel h2{font-size:14px;margin:0 0 6px}
.panel td:first-child,.panel td:last-child{white-space:nowrap}
`,
};

/** A note: the assistant's name, an optional title and section, then the body. */
export function Note(props: { level?: Level; title?: string; section?: string; brand: string; children?: unknown }): HTMLElement {
  return (
    <div class={`n ${props.level ?? 'info'}`} role="note">
      <span class="b">{props.brand}</span>
      {props.title ? <span class="h">{props.title}</span> : null}
      {props.section ? <span class="s">{props.section}</span> : null}
      <div>{props.children}</div>
    </div>
  );
}

/** The level of a set of findings: the worst failed severity, 'ok' when every one passed. */
export function levelOf(findings: readonly Finding[]): Level {
  if (findings.some((f) => !f.passed && f.severity === 'error')) return 'error';
  if (findings.some((f) => !f.passed && f.severity === 'warning')) return 'warning';
  if (findings.some((f) => !f.passed)) return 'info';
  return findings.length ? 'ok' : 'info';
}

export { pickText as pick };

/** Findings as a list: failed ones first, each with its mark, message and section. */
export function FindingList(props: { findings: readonly Finding[]; lang: Lang; passed?: boolean }): HTMLElement {
  const shown = props.findings.filter((f) => props.passed !== false || !f.passed);
  const sorted = [...shown].sort((a, b) => Number(a.passed) - Number(b.passed));
  return (
    <ul>
      {sorted.map((f) => {
        const level = f.passed ? 'ok' : f.severity === 'info' ? 'info' : f.severity;
        return (
          <li class={level}>
            {f.passed ? '✓ ' : f.severity === 'error' ? '✗ ' : '! '}
            {pickText(props.lang, f.message)}
            <span class="s">{f.section}</span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Copies `text` (a guide text shown beside it) on a trusted click; says so on the button, or says
 * 复制失败 — the text stays shown beside it, never selected in the page (no execCommand fallback).
 */
export function CopyButton(props: { text: string; label: string; done: string; failed: string }): HTMLElement {
  const button = (<button type="button">{props.label}</button>) as HTMLButtonElement;
  button.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    void copyText(props.text).then((ok) => {
      button.textContent = ok ? props.done : props.failed;
    });
  });
  return button;
}

// ───────────────────────────── anchored hosts ─────────────────────────────

export type Where = 'before' | 'after' | 'append' | 'prepend';

/** One piece of UI the feature wants on the page now. */
export interface Placement {
  /** Stable across re-renders (the host is moved, not rebuilt). */
  key: string;
  anchor: Element;
  where: Where;
  /** Changes when the content must be drawn again. */
  version: string;
  render: () => Node;
  host?: 'hint' | 'mark';
}

interface Mounted {
  host: HTMLElement | null;
  body: HTMLElement | null;
  anchor: Element;
  where: Where;
  version: string;
  render: () => Node;
  hostName: HostKind;
  removed: boolean;
  remove: () => void;
}

function insert(host: Element, anchor: Element, where: Where): void {
  if (host === anchor || host.contains(anchor)) return;
  if (where === 'append') anchor.append(host);
  else if (where === 'prepend') anchor.prepend(host);
  else if (where === 'before') anchor.before(host);
  else anchor.after(host);
}

/**
 * Undoes a page's tampering with one of our hosts: they are made without attributes or light-DOM
 * children, so any there (a `style="display:none"`, stuffed nodes) were put there by the page.
 */
function restoreHost(host: Element): void {
  for (const name of host.getAttributeNames()) host.removeAttribute(name);
  while (host.firstChild) host.firstChild.remove();
}

function placed(m: Mounted): boolean {
  const host = m.host;
  if (!host || !host.isConnected || !m.anchor.isConnected) return false;
  if (m.where === 'append' || m.where === 'prepend') return host.parentElement === m.anchor;
  return host.parentElement === m.anchor.parentElement;
}

/**
 * Mounts `render()` in a new host's closed shadow root at `anchor`. `isolateEvents`: keys typed in
 * our UI do not reach the page's listeners.
 */
async function mountHost(
  kind: HostKind,
  anchor: Element,
  where: Where,
  render: () => Node,
  isolateEvents = false,
): Promise<{ host: HTMLElement; body: HTMLElement; remove: () => void }> {
  const { host, shadow } = createHost(kind);
  const style = document.createElement('style');
  style.textContent = HOST_CSS[kind];
  const body = document.createElement('div');
  body.className = 'root';
  // Inside the closed root (the tests read the kind through DevTools; the page cannot).
  body.dataset.jzz = kind;
  shadow.append(style, body);
  if (isolateEvents) for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  body.append(render());
  insert(host, anchor, where);
  return {
    host,
    body,
    remove: () => {
      host.remove();
      forgetHost(host);
    },
  };
}

/**
 * The hosts of one feature: `sync(placements)` puts each wanted piece at its anchor (moving an
 * existing host when the portal re-rendered) and removes the rest. Everything goes on abort.
 */
export class Anchors {
  private readonly live = new Map<string, Mounted>();

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  sync(placements: readonly Placement[]): void {
    if (this.signal.aborted) return;
    const wanted = new Set<string>();
    for (const p of placements) {
      if (wanted.has(p.key) || !p.anchor.isConnected) continue;
      wanted.add(p.key);
      const hostName = p.host ?? 'hint';
      const m = this.live.get(p.key);
      if (m && m.hostName === hostName) {
        m.render = p.render;
        if (m.host) restoreHost(m.host);
        if (m.host && (m.anchor !== p.anchor || m.where !== p.where || !placed(m))) {
          m.anchor = p.anchor;
          m.where = p.where;
          insert(m.host, p.anchor, p.where);
        } else {
          m.anchor = p.anchor;
          m.where = p.where;
        }
        if (m.version !== p.version) {
          m.version = p.version;
          m.body?.replaceChildren(p.render());
        }
        continue;
      }
      if (m) this.drop(p.key);
      this.mount(p, hostName);
    }
    for (const key of [...this.live.keys()]) if (!wanted.has(key)) this.drop(key);
  }

  private mount(p: Placement, hostName: HostKind): void {
    const m: Mounted = { host: null, body: null, anchor: p.anchor, where: p.where, version: p.version, render: p.render, hostName, removed: false, remove: () => {} };
    this.live.set(p.key, m);
    mountHost(hostName, p.anchor, p.where, () => m.render())
      .then(({ host, body, remove }) => {
        m.host = host;
        m.body = body;
        m.remove = remove;
        if (m.removed || this.signal.aborted) {
          remove();
          return;
        }
        // The wanted place or content may have changed while the host was being made.
        if (!placed(m) && m.anchor.isConnected) insert(host, m.anchor, m.where);
        body.replaceChildren(m.render());
      })
      .catch(() => this.live.delete(p.key));
  }

  private drop(key: string): void {
    const m = this.live.get(key);
    if (!m) return;
    m.removed = true;
    m.remove();
    this.live.delete(key);
  }

  clear(): void {
    for (const key of [...this.live.keys()]) this.drop(key);
  }
}

// ───────────────────────────── the floating overlay ─────────────────────────────

/** The one floating host: the badge (module recognised), feature actions, and a panel (previews). */
type DockCorner = 'bl' | 'br' | 'tr' | 'tl';

export class Overlay {
  private body: HTMLElement | null = null;
  private dock: HTMLElement | null = null;
  private corner: DockCorner = 'bl';
  /** Folded by the agent, or folded because every corner would cover a hint. */
  private folded = false;
  private crowded = false;
  /** The unfolded dock's size, measured while it showed everything. */
  private fullSize: { width: number; height: number } | null = null;
  private brand = '';
  private foldLabels = { open: '', close: '' };
  private placing = 0;
  private removeHost: (() => void) | null = null;
  private badge: Node | null = null;
  private readonly actions = new Map<string, Node>();
  private panel: Node | null = null;

  /** The short name shown when folded, and the fold button's labels, in the agent's language. */
  setWords(brand: string, foldLabels: { open: string; close: string }): void {
    this.brand = brand;
    this.foldLabels = foldLabels;
  }

  /** Re-places the dock at the next frame (scroll, resize: one measurement per frame). */
  placeSoon(): void {
    if (this.placing || !this.dock) return;
    this.placing = requestAnimationFrame(() => {
      this.placing = 0;
      this.place();
    });
  }

  async show(badge: Node): Promise<void> {
    this.badge = badge;
    if (!this.body) {
      const { body, remove } = await mountHost('overlay', document.body, 'append', () => this.draw(), true);
      this.body = body;
      this.removeHost = remove;
    } else {
      // A new page of the SPA may have re-rendered <body> and taken our host with it; no later
      // mutation need come to trigger a repair, so put it back now (recognition flaked on this).
      this.repair();
    }
    this.redraw();
  }

  hide(): void {
    this.removeHost?.();
    this.removeHost = null;
    this.body = null;
    this.dock = null;
    this.fullSize = null;
    this.actions.clear();
    this.panel = null;
  }

  /** A feature's action buttons; removed when its signal aborts. */
  setAction(id: string, node: Node | null, signal?: AbortSignal): void {
    if (node) this.actions.set(id, node);
    else this.actions.delete(id);
    signal?.addEventListener('abort', () => this.setAction(id, null), { once: true });
    this.redraw();
  }

  panelIs(node: Node): boolean {
    return this.panel === node;
  }

  setPanel(node: Node | null): void {
    this.panel = node;
    this.redraw();
  }

  /** Puts the host back at the end of <body> if the page moved or removed it, and undoes tampering. */
  repair(): void {
    const root = this.body?.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    if (!host) return;
    restoreHost(host);
    if (host.parentElement !== document.body && document.body) document.body.append(host);
  }

  private draw(): Node {
    const compact = this.folded || this.crowded;
    const dock = (
      <div class={this.dockClass()}>
        {this.panel ? <div class="panel">{this.panel}</div> : null}
        <div class="badge">
          {compact ? <strong>{this.brand}</strong> : this.badge}
          {compact ? null : [...this.actions.values()]}
          <button
            type="button"
            class="fold"
            aria-expanded={compact ? 'false' : 'true'}
            aria-label={compact ? this.foldLabels.open : this.foldLabels.close}
            title={compact ? this.foldLabels.open : this.foldLabels.close}
            onClick={() => {
              // Unfolding by hand shows everything even where hints are crowded; the next scroll re-places it.
              this.folded = !compact;
              this.crowded = false;
              this.redraw();
            }}
          >
            {compact ? '+' : '–'}
          </button>
        </div>
      </div>
    ) as HTMLElement;
    this.dock = dock;
    return dock;
  }

  private redraw(): void {
    this.body?.replaceChildren(this.draw());
    this.place();
  }

  /**
   * Keeps the dock off our own hints and marks (issue #18 item 10: it covered the 附件管理 hints at 1280 and
   * 966 px): the first corner — bottom left, bottom right, top right, top left — where the dock covers none
   * of them; where every corner would, the dock folds to its name alone in the least crowded corner. Runs
   * after each draw and each check, and on scroll and resize (one measurement per frame, none while idle).
   */
  place(): void {
    const dock = this.dock;
    if (!dock || !dock.isConnected || this.panel) return;
    const hints = anchoredHostRects();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = document.documentElement.clientHeight || window.innerHeight;
    // Judge the corners by the unfolded size (would it fit there?), or by the folded size when the agent folded it.
    const now = dock.getBoundingClientRect();
    if (!this.crowded && !this.folded) this.fullSize = { width: now.width, height: now.height };
    const { width, height } = this.folded ? now : (this.fullSize ?? now);
    const at = (corner: DockCorner) => {
      const left = corner === 'bl' || corner === 'tl' ? 16 : vw - 16 - width;
      const top = corner === 'tl' || corner === 'tr' ? 16 : vh - 16 - height;
      return { left, top, right: left + width, bottom: top + height };
    };
    const overlap = (corner: DockCorner) => {
      const d = at(corner);
      let area = 0;
      for (const r of hints) {
        const w = Math.min(d.right, r.right) - Math.max(d.left, r.left);
        const h = Math.min(d.bottom, r.bottom) - Math.max(d.top, r.top);
        if (w > 0 && h > 0) area += w * h;
      }
      return area;
    };
    const corners: DockCorner[] = ['bl', 'br', 'tr', 'tl'];
    const free = corners.find((c) => overlap(c) === 0);
    const corner = free ?? corners.reduce((a, b) => (overlap(b) < overlap(a) ? b : a));
    const crowded = !free && !this.folded;
    if (corner === this.corner && crowded === this.crowded) return;
    const redraw = crowded !== this.crowded;
    this.corner = corner;
    this.crowded = crowded;
    // Moving only restyles the dock (its buttons keep their focus); folding changes what it shows.
    if (redraw) this.body?.replaceChildren(this.draw());
    else dock.className = this.dockClass();
  }

  private dockClass(): string {
    return `dock ${this.corner}${this.folded || this.crowded ? ' compact' : ''}`;
  }
}
