/**
 * The content script on *.bjrcgz.gov.cn: recognise the module of the page, report it (and its field
 * diagnostics) to the background, and show our UI only on pages it recognises. Everything it starts
 * is bound to WXT's ctx so an updated extension leaves nothing behind in open tabs.
 */
import ReactDOM from 'react-dom/client';
import { sendMessage } from '../../storage/messaging';
import { collectEvidence } from './evidence';
import { recognise } from './pages';
import { fieldDiagnostics } from './fields';
import { PortalBadge } from './badge';
import type { PageReport } from '../../storage/page-context';
import type { PortalModule } from '../../rules/model';

export default defineContentScript({
  matches: ['*://*.bjrcgz.gov.cn/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let lastKey = '';
    let badge: Awaited<ReturnType<typeof mountBadge>> | null = null;
    let badgeModule: PortalModule | null = null;

    const mountBadge = (module: PortalModule) =>
      createShadowRootUi(ctx, {
        name: 'jzz-badge',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        // Closed: the portal's own scripts must not read into our UI.
        mode: 'closed',
        onMount(container) {
          const root = ReactDOM.createRoot(container);
          root.render(<PortalBadge module={module} />);
          return root;
        },
        onRemove(root) {
          root?.unmount();
        },
      });

    const check = async () => {
      if (!ctx.isValid) return;
      const evidence = collectEvidence(document, location.href);
      const { module, reasons } = recognise(evidence);
      const seen = new Set([...evidence.labels, ...evidence.tableHeaders]);
      const diag = module ? fieldDiagnostics(module, seen) : { found: [], missing: [] };
      const key = JSON.stringify([location.href, module, diag.found, diag.missing]);
      if (key === lastKey) return;
      lastKey = key;

      if (module !== badgeModule) {
        badge?.remove();
        badge = null;
        badgeModule = module;
        if (module) {
          badge = await mountBadge(module);
          badge.mount();
        }
      }
      const report: PageReport = {
        url: location.href,
        title: document.title,
        module,
        fieldsFound: diag.found,
        fieldsMissing: diag.missing,
        reasons,
        reportedAt: Date.now(),
      };
      try {
        await sendMessage('reportPage', report);
      } catch {
        // The background may be restarting (extension update); the next change reports again.
      }
    };

    // One batched re-check for a burst of DOM mutations: SPA renders arrive in many small pieces.
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      ctx.setTimeout(() => {
        pending = false;
        void check();
      }, 150);
    };
    const observer = new MutationObserver((records) => {
      // Our own UI changing must not wake us up.
      if (records.every((r) => (r.target as Element).closest?.('[data-jzz-host], jzz-badge'))) return;
      schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(window, 'hashchange', schedule);
    ctx.addEventListener(window, 'popstate', schedule);
    ctx.addEventListener(window, 'wxt:locationchange', schedule);

    await check();
  },
});
