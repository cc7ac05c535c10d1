/**
 * The latest fill/capture offer from a portal tab (utils/portal-actions.ts), as the background keeps it
 * in `browser.storage.session`; `null` when there is none. Re-read on every change and when shown again.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PENDING_ACTION_KEY, PendingPortalAction } from '../utils/portal-actions';

export function usePendingAction(): PendingPortalAction | null {
  const [pending, setPending] = useState<PendingPortalAction | null>(null);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const got = await browser.storage.session.get(PENDING_ACTION_KEY).catch(() => ({}) as Record<string, unknown>);
      const parsed = PendingPortalAction.safeParse(got[PENDING_ACTION_KEY]);
      if (alive) setPending(parsed.success ? parsed.data : null);
    };
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && PENDING_ACTION_KEY in changes) void read();
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
  return pending;
}

/** Drops the offer once it was applied, saved or cancelled (only if it is still the same one). */
export async function clearPendingAction(id: string): Promise<void> {
  const got = await browser.storage.session.get(PENDING_ACTION_KEY);
  if ((got[PENDING_ACTION_KEY] as { id?: string } | undefined)?.id === id) await browser.storage.session.remove(PENDING_ACTION_KEY);
}
