/**
 * The message hub: receives page reports from the content script (schema- and sender-checked) and
 * keeps the active portal tab's context in extension session storage for the side panel.
 */
import { onMessage } from '../storage/messaging';
import { ACTIVE_PORTAL_CONTEXT_KEY, PageReport, type TabContext } from '../storage/page-context';

const PORTAL_HOST = /(^|\.)bjrcgz\.gov\.cn$/;

function isPortalUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return PORTAL_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

const tabKey = (tabId: number) => `tab:${tabId}`;

export default defineBackground(() => {
  // The action opens the side panel (Chrome/Edge); Edge needs a user gesture for sidePanel.open().
  void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => {});

  onMessage('reportPage', async ({ data, sender }) => {
    // Only our own content script on a portal tab may report; anything else is ignored.
    if (sender.id !== browser.runtime.id || !sender.tab?.id || !isPortalUrl(sender.tab.url)) return;
    const parsed = PageReport.safeParse(data);
    if (!parsed.success) return;
    const context: TabContext = { tabId: sender.tab.id, report: parsed.data };
    await browser.storage.session.set({ [tabKey(sender.tab.id)]: context });
    if (sender.tab.active) await browser.storage.session.set({ [ACTIVE_PORTAL_CONTEXT_KEY]: context });
  });

  onMessage('getActivePortalContext', async () => {
    const got = await browser.storage.session.get(ACTIVE_PORTAL_CONTEXT_KEY);
    return (got[ACTIVE_PORTAL_CONTEXT_KEY] as TabContext | undefined) ?? null;
  });

  browser.tabs.onActivated.addListener(async ({ tabId }) => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    // Our own pages (the side panel opened as a tab, the case book) keep the portal context. Without
    // the "tabs" permission their URL is hidden from us, so ask which tabs are extension contexts.
    if (!tab || (await isOwnExtensionTab(tabId))) return;
    const got = await browser.storage.session.get(tabKey(tabId));
    const context = (got[tabKey(tabId)] as TabContext | undefined) ?? null;
    if (context && isPortalUrl(tab.url)) await browser.storage.session.set({ [ACTIVE_PORTAL_CONTEXT_KEY]: context });
    else await browser.storage.session.remove(ACTIVE_PORTAL_CONTEXT_KEY);
  });

  browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
    // Without the "tabs" permission a tab's URL is visible only on the portal's hosts, so a tab that
    // starts loading anything we cannot see has left the portal: drop its context.
    if (change.status !== 'loading' && !change.url) return;
    if (isPortalUrl(change.url ?? tab.url)) return;
    await forgetTab(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});

async function isOwnExtensionTab(tabId: number): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: ['TAB' as Browser.runtime.ContextType] }).catch(() => []);
  return contexts.some((c) => c.tabId === tabId);
}

async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabKey(tabId));
  const got = await browser.storage.session.get(ACTIVE_PORTAL_CONTEXT_KEY);
  if ((got[ACTIVE_PORTAL_CONTEXT_KEY] as TabContext | undefined)?.tabId === tabId) {
    await browser.storage.session.remove(ACTIVE_PORTAL_CONTEXT_KEY);
  }
}
