/**
 * Features register themselves (Refined GitHub style): an id, the page predicates they run on and an
 * `init(env)`. The runtime starts the matching ones for each recognised page, calls their refresh
 * callbacks after the batched DOM check, and tears everything down through their AbortSignal when
 * the page (module or URL) changes. A feature's error never reaches the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { translatePortal, type PortalKey, type PortalLang } from '../../components/i18n/portal';
import type { Bilingual } from '../../rules/model';
import type { PortalSettings } from '../../utils/messaging';
import type { Bridge } from './bridge';
import { PageScan } from './dom';
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
  /** This refresh's scan of the page (one DOM walk shared by every feature). */
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

export class Runtime {
  private controller: AbortController | null = null;
  private refreshers: { id: string; cb: () => void }[] = [];
  private scanMemo: PageScan | null = null;
  private refreshTimer: number | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly bridge: Bridge,
    private readonly overlay: Overlay,
    /** Read at every start: the language may arrive from the background after the first page started. */
    private readonly settingsOf: () => PortalSettings,
  ) {
    ctx.onInvalidated(() => this.stop());
  }

  /** Stops the running features and starts those whose predicates match `page`. */
  start(page: PageState, texts?: Map<string, Element[]>): void {
    this.stop();
    if (!page.module || !this.ctx.isValid) return;
    const controller = new AbortController();
    this.controller = controller;
    const recognised = page as FeatureEnv['page'];
    const settings = this.settingsOf();
    for (const feature of registry) {
      if (!feature.include.some((p) => p(recognised))) continue;
      const signal = controller.signal;
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
          const entry = { id: feature.id, cb };
          this.refreshers.push(entry);
          signal.addEventListener('abort', () => (this.refreshers = this.refreshers.filter((r) => r !== entry)), { once: true });
        },
        refreshSoon: () => this.refreshSoon(),
      };
      try {
        const started = feature.init(env);
        if (started instanceof Promise) started.catch((e) => report(feature.id, e));
      } catch (e) {
        report(feature.id, e);
      }
    }
    this.refresh(texts);
  }

  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.refreshers = [];
  }

  private scan(): PageScan {
    this.scanMemo ??= new PageScan(document);
    return this.scanMemo;
  }

  /** Runs every running feature's refresh on a fresh scan (`texts`: an index just built for this DOM state). */
  refresh(texts?: Map<string, Element[]>): void {
    if (this.refreshTimer !== null) {
      // A refresh now makes a pending one redundant.
      clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    }
    this.scanMemo = texts ? new PageScan(document, texts) : null;
    if (!this.ctx.isValid) return;
    for (const r of [...this.refreshers]) {
      try {
        r.cb();
      } catch (e) {
        report(r.id, e);
      }
    }
    this.scanMemo = null;
    // Hints may have appeared or grown: the dock keeps off them.
    this.overlay.placeSoon();
  }

  refreshSoon(delay = 60): void {
    if (this.refreshTimer !== null) return;
    this.refreshTimer = this.ctx.setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, delay);
  }
}
