/**
 * The only script the manifest declares for portal pages: it asks the background to inject the portal
 * content script (entrypoints/portal.content) into this frame, and does nothing else.
 *
 * Why (issue #16, measured with a Chromium trace): Chromium runs document_idle scripts before it fires the
 * page's load event, so the 77 KB portal script's compilation and start (~10 ms) delayed the load event of
 * the 300-field replica by that much (load ÷ load without the extension 1.35–1.5). This script is a few
 * hundred bytes; the portal script arrives through chrome.scripting a moment later, after the load event,
 * still long before an SPA view renders. No web-accessible resource is needed (the page cannot probe for it).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../utils/messaging';

// An unlisted script (no WXT content-script context: nothing here outlives the message), declared in the
// manifest by wxt.config.ts with the portal's matches at document_idle.
export default defineUnlistedScript(() => {
  // No answer to wait for: the background injects, or (restarting) the page simply gets no assistant.
  defineExtensionMessaging<ProtocolMap>()
    .sendMessage('startPortalScript', undefined)
    .catch(() => {});
});
