/**
 * Features register themselves (Refined GitHub style): an id, the page predicates they run on and an
 * `init(env)`. The runtime starts the matching ones for each recognised page, calls their refresh
 * callbacks when what they read changed, and tears everything down through their AbortSignal when
 * the page (module or URL) changes. A feature's error never reaches the page.
 *
 * Each refresh records what the feature read through `env.scan()` (texts looked up, field boxes, tables:
 * dom.ts ScanDeps); a batch of DOM mutations re-checks only the features whose reads it touched
 * (issue #16); after the agent's typing or clicks, those whose fields' values or focus changed; a changed
 * language restarts them all, and a feature's own `refreshSoon` (an answer arrived) re-checks that feature.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { translatePortal, type PortalKey, type PortalLang } from '../../components/i18n/portal';
import type { Bilingual } from '../../rules/model';
import type { PortalSettings } from '../../utils/messaging';
import type { Bridge } from './bridge';
import { PageScan, ScanCache, ScanDeps } from './dom';
import type { IndexChange, TextIndex } from './evidence';
import type { PagePredicate, PageState } from './pages';
import { Anchors, Overlay, pick } from './ui';

export interface FeatureEnv {
  readonly id: string;
  readonly ctx: ContentScriptContext;
  readonly signal: AbortSignal;
  readonly page: PageState & { module: NonNullable<PageState['module']> };
  readonly lang: PortalLang;
  readonly today: string;
  readonly bridge: Bridge;
  readonly overlay: Overlay;
  /** The feature's own anchored hosts. */
  readonly anchors: Anchors;
  t(key: PortalKey, params?: Record<string, string | number>): string;
  pick(text: Bilingual): string;
  /** This refresh's view of the page (the kept index, shared by every feature; what it reads is recorded). */
  scan(): PageScan;
  /** Called after every batched DOM check and user edit while the page stays the same. */
  onRefresh(cb: () => void): void;
  /** Asks for a refresh soon (e.g. when an answer from the background arrived). */
  refreshSoon(): void;
}

export interface Feature {
  id: string;
  include: PagePredicate[];
  init(env: FeatureEnv): void | Promise<void>;
}

const registry: Feature[] = [];

/** Registers a feature; each file in features/ calls this once at import. */
export function addFeature(feature: Feature): void {
  if (registry.some((f) => f.id === feature.id)) throw new Error(`feature ${feature.id} registered twice`);
  registry.push(feature);
}

export function registeredFeatures(): readonly Feature[] {
  return registry;
}

function report(id: string, error: unknown): void {
  // Never thrown into the page; visible in the extension's console for a bug report.
  console.debug(`[jzz] feature ${id} failed`, error);
}

interface Refresher {
  id: string;
  cb: () => void;
  /** What its last refresh read; null until it ran once. */
  deps: ScanDeps | null;
  /** Asked for by the feature itself (an answer arrived). */
  due: boolean;
}

export class Runtime {
  private controller: AbortController | null = null;
  private refreshers: Refresher[] = [];
  private current: { cache: ScanCache; deps: ScanDeps } | null = null;
  private refreshTimer: number | null = null;
  private edited = false;
  private index: TextIndex | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly bridge: Bridge,
    private readonly overlay: Overlay,
    /** Read at every start: the language may arrive from the background after the first page started. */
    private readonly settingsOf: () => PortalSettings,
  ) {
    ctx.onInvalidated(() => this.stop());
  }

  /** Stops the running features and starts those whose predicates match `page`; `index`: the page's kept text index. */
  start(page: PageState, index?: TextIndex): void {
    this.stop();
    this.index = index;
    if (!page.module || !this.ctx.isValid) return;
    const controller = new AbortController();
    this.controller = controller;
    const recognised = page as FeatureEnv['page'];
    const settings = this.settingsOf();
    for (const feature of registry) {
      if (!feature.include.some((p) => p(recognised))) continue;
      const signal = controller.signal;
      let mine: Refresher | null = null;
      const env: FeatureEnv = {
        id: feature.id,
        ctx: this.ctx,
        signal,
        page: recognised,
        lang: settings.lang,
        today: settings.today,
        bridge: this.bridge,
        overlay: this.overlay,
        anchors: new Anchors(signal),
        t: (key, params) => translatePortal(settings.lang, key, params),
        pick: (text) => pick(settings.lang, text),
        scan: () => this.scan(),
        onRefresh: (cb) => {
          const entry: Refresher = { id: feature.id, cb, deps: null, due: false };
          mine ??= entry;
          this.refreshers.push(entry);
          signal.addEventListener('abort', () => (this.refreshers = this.refreshers.filter((r) => r !== entry)), { once: true });
        },
        refreshSoon: () => {
          // Only this feature's own refresh is due (its answer arrived); before it registered one, everybody's.
          for (const r of this.refreshers) if (r.id === feature.id || !mine) r.due = true;
          this.refreshSoon();
        },
      };
      try {
        const started = feature.init(env);
        if (started instanceof Promise) started.catch((e) => report(feature.id, e));
      } catch (e) {
        report(feature.id, e);
      }
    }
    this.refresh();
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.refreshers = [];
  }

  private scan(): PageScan {
    if (this.current) return new PageScan(document, this.index, this.current.cache, this.current.deps);
    // Outside a refresh (an event handler of a feature): a view of its own.
    return new PageScan(document, this.index);
  }

  /**
   * Runs the refresh of every running feature (`change` omitted), or only of those whose last reads
   * `change` touched (`'due'`: none; `'edit'`: the agent typed or clicked, so those whose fields' values or
   * focus changed), and of those that asked for one.
   */
  refresh(change?: IndexChange | 'due' | 'edit'): void {
    if (this.refreshTimer !== null && !change) {
      // A refresh of everybody now makes a pending one redundant.
      clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
      this.edited = false;
    }
    if (!this.ctx.isValid) return;
    const cache = new ScanCache();
    let ran = false;
    for (const r of [...this.refreshers]) {
      if (change && r.deps && !r.due) {
        const touched = change === 'due' ? false : change === 'edit' ? r.deps.valuesChanged() : r.deps.touchedBy(change);
        if (!touched) continue;
      }
      r.due = false;
      const deps = new ScanDeps();
      this.current = { cache, deps };
      try {
        r.cb();
      } catch (e) {
        report(r.id, e);
      } finally {
        this.current = null;
      }
      r.deps = deps;
      ran = true;
    }
    // Hints may have appeared or grown: the dock keeps off them.
    if (ran) this.overlay.placeSoon();
  }

  /** A refresh soon of the features that asked for one, and (`edited`: after the agent's typing or clicks) of those whose fields changed. */
  refreshSoon(delay = 60, edited = false): void {
    this.edited ||= edited;
    if (this.refreshTimer !== null) return;
    this.refreshTimer = this.ctx.setTimeout(() => {
      this.refreshTimer = null;
      const edit = this.edited;
      this.edited = false;
      this.refresh(edit ? 'edit' : 'due');
    }, delay);
  }
}
