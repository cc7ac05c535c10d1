/**
 * The message hub and the only owner of Dexie for content scripts: page reports (schema- and
 * sender-checked) kept in extension session storage for the side panel; the focused employee's draft and
 * captured values (storage/message-handlers.ts); the portal protocol answered with rules/
 * (portal-handlers.ts) — the content script carries no rules of its own; daily reminders.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser, type Browser } from 'wxt/browser';
import { ACTIVE_PORTAL_CONTEXT_KEY, PORTAL_RECORDS_KEY, onMessage, type TabContext } from '../../utils/messaging';
import { getDb } from '../../storage/db';
import { createStorageHandlers, registerStorageHandlers, type OnMessage } from './storage-handlers';
import { sessionPageContextStore } from './tab-contexts';
import { registerCaseBookMenu, registerReminderAlarms, registerReminderHandler } from './reminder-alarms';
import { registerPortalHandlers } from './portal-handlers';
import { isPortalUrl, PORTAL_ALIVE_KEY, PORTAL_MATCHES } from '../../utils/matches';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { PENDING_ACTION_KEY, type PortalActionProtocolMap } from '../../utils/portal-actions';
import { offerPortalAction, openPanelOnOffer } from './portal-actions';
import { portalInjection } from './portal-injection';

/** The portal content script's file in the build (WXT: entrypoints/portal.content → content-scripts/portal.js). */
const PORTAL_SCRIPT = '/content-scripts/portal.js';


export default defineBackground(() => {
  // Reminders first and synchronously: the alarm and notification listeners must exist when the worker wakes for them.
  const reminders = registerReminderAlarms({ db: getDb() });
  registerCaseBookMenu();
  // First run: a short guide (company profile, locality office, privacy, how to open the panel). Opened
  // in the background so it never takes focus from a tab the agent is working in.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html'), active: false });
  });
  // The action opens the side panel (Chrome/Edge); Edge needs a user gesture for sidePanel.open().
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => {});

  const pageContexts = sessionPageContextStore();
  const storageDeps = { db: getDb(), runtimeId: browser.runtime.id, pageContexts };
  const storage = createStorageHandlers(storageDeps);
  // Each handler checks its sender (our content script on a portal tab, or our own pages) and parses its payload.
  // (The focus draft is no message: the portal handlers read it to answer, and only verdicts go to the page.)
  registerStorageHandlers(onMessage as OnMessage, storageDeps);
  registerReminderHandler(onMessage as OnMessage, { runtimeId: browser.runtime.id, runReminderCheck: reminders.runReminderCheck });

  // The portal protocol (utils/messaging.ts): rules/ verdicts, checklists, guidance and settings for the content script.
  registerPortalHandlers(onMessage, {
    db: getDb(),
    runtimeId: browser.runtime.id,
    focusDraft: (sender) => storage.focusDraft(sender),
  });

  // Fill and capture offers: shown and confirmed in the side panel only (issue #20).
  const panelOpened = openPanelOnOffer(browser.runtime.id);
  defineExtensionMessaging<PortalActionProtocolMap>().onMessage('offerPortalAction', ({ data, sender }) =>
    offerPortalAction(data, sender, { runtimeId: browser.runtime.id, session: browser.storage.session, panelOpened }),
  );

  browser.tabs.onActivated.addListener(async ({ tabId }) => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    // Our own pages (the side panel opened as a tab, the case book) keep the portal context. Without
    // the "tabs" permission their URL is hidden from us, so ask which tabs are extension contexts.
    if (!tab || (await isOwnExtensionTab(tabId))) return;
    const context = await pageContexts.get(tabId);
    if (context && isPortalUrl(tab.url)) await browser.storage.session.set({ [ACTIVE_PORTAL_CONTEXT_KEY]: context satisfies TabContext });
    else await browser.storage.session.remove(ACTIVE_PORTAL_CONTEXT_KEY);
  });

  // The portal script comes after the page's load event (portal-injection.ts): the manifest declares none.
  const injection = portalInjection({
    running: async (tabId) => {
      const [result] = await browser.scripting.executeScript({
        target: { tabId },
        injectImmediately: true,
        args: [PORTAL_ALIVE_KEY],
        func: (key: string) => (globalThis as unknown as Record<string, (() => boolean) | undefined>)[key]?.() === true,
      });
      return result?.result === true;
    },
    inject: async (tabId) => void (await browser.scripting.executeScript({ target: { tabId }, files: [PORTAL_SCRIPT], injectImmediately: true })),
    tab: (tabId) => browser.tabs.get(tabId).catch(() => null),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void injection.onUpdated(tabId, change, tab));
  browser.tabs.onRemoved.addListener((tabId) => injection.onRemoved(tabId));
  // Each time this worker starts: a portal tab that completed its load before the worker listened (installed or
  // updated while the agent works, the browser starting with portal tabs open) gets the script if it has none.
  void browser.tabs
    .query({ url: PORTAL_MATCHES })
    .then((tabs) => injection.sweep(tabs))
    .catch(() => {});

  browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
    // Without the "tabs" permission a tab's URL is visible only on the portal's hosts, so a tab that
    // starts loading anything we cannot see has left the portal: drop its context.
    if (change.status !== 'loading' && !change.url) return;
    // A fill or capture offered from this tab was for the page it showed: the side panel drops it.
    await dropPendingActionOf(tabId);
    if (isPortalUrl(change.url ?? tab.url)) return;
    await pageContexts.forget(tabId);
    // The people a portal page showed leave with the portal (on the portal, the side panel shows them
    // only while the tab is still on the page they came from: a route change in an SPA keeps this tab's
    // content script, which reports the new page's people itself).
    await dropPendingActionOf(tabId, PORTAL_RECORDS_KEY);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void pageContexts.forget(tabId);
    void dropPendingActionOf(tabId);
    void dropPendingActionOf(tabId, PORTAL_RECORDS_KEY);
  });
});

async function dropPendingActionOf(tabId: number, key = PENDING_ACTION_KEY): Promise<void> {
  const got = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  if ((got[key] as { tabId?: number } | undefined)?.tabId === tabId) await browser.storage.session.remove(key);
}

async function isOwnExtensionTab(tabId: number): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB' as Browser.runtime.ContextType] }).catch(() => []);
  return contexts.some((c) => c.tabId === tabId);
}
