/**
 * The side panel's way into the page for teaching (issue #17 part 3): `startPortalPicker` runs the picker
 * (picker.ts) and answers with what it learned; `portalMappingsChanged` makes the content script fetch the
 * taught mappings again. Only our own extension pages can send these (a page has no way to message us); the
 * shape is checked here without zod.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PickResult, PortalTabProtocolMap, StartPortalPicker } from '../../utils/messaging';
import { translatePortal, type PortalLang } from '../../components/i18n/portal';
import { pickOnPage } from './picker';

const tab = defineExtensionMessaging<PortalTabProtocolMap>();

function isStart(d: unknown): d is StartPortalPicker {
  const r = d as Record<string, unknown> | null;
  return typeof r === 'object' && r !== null && (r.kind === 'page' || (r.kind === 'field' && typeof r.key === 'string' && r.key.length <= 100 && typeof r.name === 'string' && r.name.length <= 30));
}

/**
 * Listens while `ctx` lives. `reload()`: fetch the mappings and look at the page again.
 */
export function listenForTeaching(ctx: ContentScriptContext, opts: { lang: () => PortalLang; reload: () => void }): void {
  const own = browser.runtime.getURL('/');
  const trusted = (sender: { id?: string; url?: string }) => sender.id === browser.runtime.id && !!sender.url?.startsWith(own);
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  ctx.onInvalidated(
    tab.onMessage('startPortalPicker', ({ data, sender }): Promise<PickResult> | PickResult => {
      if (!trusted(sender) || !isStart(data)) return { ok: false, reason: 'busy' };
      const prompt =
        data.kind === 'field'
          ? translatePortal(opts.lang(), 'portal.picker.field', { field: data.name })
          : translatePortal(opts.lang(), 'portal.picker.page');
      return pickOnPage(data.kind, prompt, controller.signal);
    }),
  );
  ctx.onInvalidated(
    tab.onMessage('portalMappingsChanged', ({ sender }) => {
      if (trusted(sender)) opts.reload();
    }),
  );
}
