/**
 * Where the background keeps each portal tab's page context: `browser.storage.session` (extension
 * memory, cleared when the browser closes, not readable by content scripts by default, never
 * IndexedDB). Keys: `tab:<tabId>` per tab and ACTIVE_PORTAL_CONTEXT_KEY for the tab the agent is on.
 */
import { browser } from 'wxt/browser';
import { ACTIVE_PORTAL_CONTEXT_KEY, TabContext } from '../../utils/messaging';

const tabKey = (tabId: number): string => `tab:${tabId}`;

export interface PageContextStore {
  /** Stores a tab's context; `active` also makes it the active portal context. */
  set(context: TabContext, active: boolean): Promise<void>;
  get(tabId: number): Promise<TabContext | null>;
  getActive(): Promise<TabContext | null>;
  /** Drops a tab's context (closed, or navigated away from the portal). */
  forget(tabId: number): Promise<void>;
}

/** The minimal storage area the store needs (browser.storage.session, or a fake). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

function parse(value: unknown): TabContext | null {
  const r = TabContext.safeParse(value);
  return r.success ? r.data : null;
}

/** The store over `browser.storage.session` (or another area with the same shape). */
export function sessionPageContextStore(area: SessionArea = browser.storage.session as unknown as SessionArea): PageContextStore {
  return {
    async set(context, active) {
      await area.set({ [tabKey(context.tabId)]: context, ...(active ? { [ACTIVE_PORTAL_CONTEXT_KEY]: context } : {}) });
    },
    async get(tabId) {
      return parse((await area.get(tabKey(tabId)))[tabKey(tabId)]);
    },
    async getActive() {
      return parse((await area.get(ACTIVE_PORTAL_CONTEXT_KEY))[ACTIVE_PORTAL_CONTEXT_KEY]);
    },
    async forget(tabId) {
      await area.remove(tabKey(tabId));
      const active = parse((await area.get(ACTIVE_PORTAL_CONTEXT_KEY))[ACTIVE_PORTAL_CONTEXT_KEY]);
      if (active?.tabId === tabId) await area.remove(ACTIVE_PORTAL_CONTEXT_KEY);
    },
  };
}

/** An in-memory store (tests, or a browser without storage.session). */
export function memoryPageContextStore(): PageContextStore {
  const map = new Map<string, unknown>();
  return sessionPageContextStore({
    async get(key) {
      return map.has(key) ? { [key]: structuredClone(map.get(key)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    async remove(key) {
      map.delete(key);
    },
  });
}
