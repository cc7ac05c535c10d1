/**
 * The latest fill/capture offer from a portal tab (utils/portal-actions.ts), as the background keeps it
 * in `browser.storage.session`; `null` when there is none. Re-read on every change and when shown again.
 */
import { browser } from 'wxt/browser';
import { PENDING_ACTION_KEY, PendingPortalAction } from '../utils/portal-actions';
import { useSessionValue } from './use-session-value';

export function usePendingAction(): PendingPortalAction | null {
  return useSessionValue(PENDING_ACTION_KEY, PendingPortalAction) ?? null;
}

/** Drops the offer once it was applied, saved or cancelled (only if it is still the same one). */
export async function clearPendingAction(id: string): Promise<void> {
  const got = await browser.storage.session.get(PENDING_ACTION_KEY);
  if ((got[PENDING_ACTION_KEY] as { id?: string } | undefined)?.id === id) await browser.storage.session.remove(PENDING_ACTION_KEY);
}
