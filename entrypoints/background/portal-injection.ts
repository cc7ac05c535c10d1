/**
 * When the portal content script comes into a portal tab (issue #16). The manifest declares no content script:
 * Chromium runs declared scripts (even at document_idle) before it fires the page's load event, and any of them
 * costs at least its isolated world (~2 ms traced: the load event ratio was 1.21 with a 3.7 KB start script). So
 * the background injects the portal script itself once the tab's load is complete (tabs.onUpdated, status
 * 'complete': after the load event), into the top frame, and only if it is not already running there (an SPA's
 * route change or a page restored from the back-forward cache completes again in the same document).
 *
 * While a portal tab loads, its status is also looked at every LOAD_POLL_MS: a worker that is just starting (the
 * extension installed, the browser opening with portal tabs) can miss the 'complete' event. A page still loading
 * after SLOW_LOAD_MS (a slow image, a resource that hangs) gets the assistant then, before its load event: the agent
 * may already be typing into a view an SPA rendered, and against a load of over a second the script's ~12 ms (its
 * isolated world and evaluation) are about 1 %.
 */
import { isPortalUrl } from '../../utils/matches';

/** How often a loading portal tab's status is looked at. */
export const LOAD_POLL_MS = 500;
/** After this long still loading (from the start of its load), the page gets the assistant before its load event. */
export const SLOW_LOAD_MS = 1_000;

export interface PortalInjectionDeps {
  /** Is our portal script alive in the tab's top frame? */
  running(tabId: number): Promise<boolean>;
  /** Injects the portal script into the tab's top frame. */
  inject(tabId: number): Promise<void>;
  /** The tab's loading status and URL now (null: gone). */
  tab(tabId: number): Promise<{ status?: string; url?: string } | null>;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface PortalInjection {
  onUpdated(tabId: number, change: { status?: string; url?: string }, tab: { url?: string }): Promise<void>;
  onRemoved(tabId: number): void;
  /**
   * The portal tabs open when the background starts (installed or updated while the agent works, a tab that
   * completed before the worker could listen): each loaded one gets the script if it has none; loading ones are watched.
   */
  sweep(tabs: { id?: number; url?: string; status?: string }[]): Promise<void>;
}

export function portalInjection(deps: PortalInjectionDeps): PortalInjection {
  const watched = new Map<number, unknown>();
  const stopWatching = (tabId: number) => {
    const timer = watched.get(tabId);
    if (timer === undefined) return;
    deps.clearTimer(timer);
    watched.delete(tabId);
  };
  const injectOnce = async (tabId: number) => {
    // A tab closed or navigated away meanwhile, or a page we may not script: no assistant, nothing to report.
    try {
      if (!(await deps.running(tabId))) await deps.inject(tabId);
    } catch {
      /* the next completed load tries again */
    }
  };
  /** Looks at a loading portal tab every LOAD_POLL_MS: injected once it is loaded, or after SLOW_LOAD_MS. */
  const watch = (tabId: number, polls = 0) => {
    stopWatching(tabId);
    watched.set(
      tabId,
      deps.setTimer(() => {
        watched.delete(tabId);
        void deps.tab(tabId).then((now) => {
          if (!now || !isPortalUrl(now.url) || watched.has(tabId)) return undefined;
          if (now.status === 'complete' || (polls + 1) * LOAD_POLL_MS >= SLOW_LOAD_MS) return injectOnce(tabId);
          watch(tabId, polls + 1);
          return undefined;
        });
      }, LOAD_POLL_MS),
    );
  };
  return {
    async onUpdated(tabId, change, tab) {
      const url = change.url ?? tab.url;
      if (change.status === 'loading') {
        if (isPortalUrl(url)) watch(tabId);
        else stopWatching(tabId);
      } else if (change.status === 'complete') {
        stopWatching(tabId);
        if (isPortalUrl(url)) await injectOnce(tabId);
      }
    },
    onRemoved: stopWatching,
    async sweep(tabs) {
      await Promise.all(
        tabs.map((t) => {
          if (t.id === undefined || !isPortalUrl(t.url)) return undefined;
          if (t.status === 'complete') return injectOnce(t.id);
          watch(t.id);
          return undefined;
        }),
      );
    },
  };
}
