/**
 * The only script the manifest declares for portal pages: it asks the background to inject the portal
 * content script (entrypoints/portal.content) into this frame, and does nothing else.
 *
 * Why (issue #16, measured with a Chromium trace): Chromium runs document_idle scripts before it fires the
 * page's load event, so the 77 KB portal script's compilation and start (~10 ms) delayed the load event of
 * the 300-field replica by that much (load ÷ load without the extension 1.35–1.5). This small script costs
 * what any content script costs there: its isolated world (~2 ms traced) and ~0.5 ms to run. (At document_start
 * the same cost lands before the first paint and DOMContentLoaded instead: first paint 1.15 in a quick run.) The
 * portal script is asked for after the next paint and arrives through chrome.scripting after the load event and
 * the first paint, still before an SPA view renders. No web-accessible resource is needed (the page cannot probe for one).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../utils/messaging';

// An unlisted script (no WXT content-script context: nothing here outlives the message), declared in the
// manifest by wxt.config.ts with the portal's matches at document_idle.
export default defineUnlistedScript(() => {
  // No answer to wait for: the background injects, or (restarting) the page simply gets no assistant.
  const start = () =>
    void defineExtensionMessaging<ProtocolMap>()
      .sendMessage('startPortalScript', undefined)
      .catch(() => {});
  // The portal script is asked for once the document is parsed and the next frame is painted (its evaluation must
  // hold back neither the load event nor the first paint); a hidden tab paints nothing, so it asks at once.
  const afterPaint = () => {
    if (document.visibilityState === 'hidden') start();
    else requestAnimationFrame(() => setTimeout(start, 0));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterPaint, { once: true });
  else afterPaint();
});
