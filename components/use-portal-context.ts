/**
 * The active portal tab's context (module, field diagnostics, attachment rows) as the background keeps
 * it in `browser.storage.session`; `null` when no portal tab is active, `undefined` while loading.
 * Re-read on every change and whenever the panel is shown again (Edge and Chrome may keep it alive while hidden).
 */
import { useSessionValue } from './use-session-value';
import { ACTIVE_PORTAL_CONTEXT_KEY, TabContext } from '../utils/messaging';

export function useActivePortalContext(): TabContext | null | undefined {
  return useSessionValue(ACTIVE_PORTAL_CONTEXT_KEY, TabContext);
}
