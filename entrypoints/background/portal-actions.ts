/**
 * Offers of fill and capture from the content script (utils/portal-actions.ts): sender-checked,
 * parsed, kept in `browser.storage.session` for the side panel, which alone confirms them. The side
 * panel is opened for the offer where the browser allows it (sidePanel.open needs the agent's gesture:
 * the click on the in-page button travels with the message only when the call is made at once).
 */
import { browser } from 'wxt/browser';
import { assertPortalContentScript, parseMessage, type MessageSender } from './storage-handlers';
import { PENDING_ACTION_KEY, PortalActionOffer, type OfferReceipt, type PendingPortalAction } from '../../utils/portal-actions';
import { portalHostOf } from '../../utils/matches';

export interface PortalActionDeps {
  runtimeId: string;
  /** browser.storage.session (or a fake). */
  session: { set(items: Record<string, unknown>): Promise<void> };
  /** Whether opening the side panel for this sender's tab worked (tried when the message arrived). */
  panelOpened?: (tabId: number) => Promise<boolean>;
  newId?: () => string;
  now?: () => number;
}

/** Handles offerPortalAction: the tab, URL and host come from the sender, the offer is parsed with zod. */
export async function offerPortalAction(data: unknown, sender: MessageSender, deps: PortalActionDeps): Promise<OfferReceipt> {
  const { tabId, url } = assertPortalContentScript(sender, deps.runtimeId);
  const offer = parseMessage(PortalActionOffer, data);
  const pending: PendingPortalAction = {
    id: deps.newId?.() ?? crypto.randomUUID(),
    tabId,
    url: url.slice(0, 2048),
    host: portalHostOf(url).slice(0, 300),
    at: deps.now?.() ?? Date.now(),
    offer,
  };
  await deps.session.set({ [PENDING_ACTION_KEY]: pending });
  const panelOpened = (await deps.panelOpened?.(tabId).catch(() => false)) ?? false;
  return { id: pending.id, panelOpened };
}

/**
 * Opens the side panel for an offer's tab as the message arrives (synchronously in the listener, so the
 * click's user gesture still counts); the handler asks for the outcome later.
 */
export function openPanelOnOffer(runtimeId: string): (tabId: number) => Promise<boolean> {
  const attempts = new Map<number, Promise<boolean>>();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { type?: unknown } | null)?.type !== 'offerPortalAction') return undefined;
    try {
      const { tabId } = assertPortalContentScript(sender as MessageSender, runtimeId);
      const opened = browser.sidePanel?.open
        ? browser.sidePanel.open({ tabId }).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
      attempts.set(tabId, opened);
    } catch {
      /* not ours to open: the handler refuses the message */
    }
    return undefined;
  });
  return async (tabId) => {
    const attempt = attempts.get(tabId);
    attempts.delete(tabId);
    return attempt ? attempt : false;
  };
}
