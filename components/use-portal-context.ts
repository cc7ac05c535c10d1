/**
 * The active portal tab's context (module, field diagnostics, attachment rows) as the background keeps
 * it in `browser.storage.session`; `null` when no portal tab is active, `undefined` while loading.
 * Re-read on every change and whenever the panel is shown again (Edge and Chrome may keep it alive while hidden).
 */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { ACTIVE_PORTAL_CONTEXT_KEY, TabContext } from '../utils/messaging';

export function useActivePortalContext(): TabContext | null | undefined {
  const [context, setContext] = useState<TabContext | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const got = await browser.storage.session.get(ACTIVE_PORTAL_CONTEXT_KEY).catch(() => ({}) as Record<string, unknown>);
      const parsed = TabContext.safeParse(got[ACTIVE_PORTAL_CONTEXT_KEY]);
      if (alive) setContext(parsed.success ? parsed.data : null);
    };
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && ACTIVE_PORTAL_CONTEXT_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    const onVisible = () => document.visibilityState === 'visible' && void read();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return context;
}
