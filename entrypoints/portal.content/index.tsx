/**
 * The content script on *.bjrcgz.gov.cn: recognise the module of the page, report it (and its field
 * diagnostics) to the background, and run the features registered for it (features/*.tsx). An
 * unrecognised page gets no UI at all. One batched MutationObserver (plus the agent's own edits)
 * drives every re-check; nothing polls while the page is idle. Everything started is bound to WXT's
 * ctx, so an updated extension leaves nothing behind in open tabs.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import type { PageReport } from '../../utils/messaging';
import type { PortalSettings } from '../../utils/messaging';
import { PORTAL_MATCHES } from '../../utils/matches';
import { scanPage } from './evidence';
import { recognise, type PageState } from './pages';
import { field, fieldDiagnostics, knownFieldsSeen, labelsOf } from './fields';
import { PortalBadge } from './badge';
import { Bridge, localToday } from './bridge';
import { Runtime } from './runtime';
import { Overlay } from './ui';
import { translatePortal } from '../../components/i18n/portal';
import { cellOf, cellText, isOurs, PageScan, readValue } from './dom';
import { listenPageShape } from './page-shape';

// Every feature registers itself when imported.
import.meta.glob('./features/*.tsx', { eager: true });

/** Batch window for DOM bursts: SPA renders arrive in many small pieces. */
const CHECK_DELAY_MS = 150;
/** While no module is recognised yet (the page is still rendering), look again sooner. */
const FIRST_CHECK_DELAY_MS = 40;
/** After the agent types or clicks: values changed without any DOM mutation. */
const EDIT_DELAY_MS = 120;

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  // No stylesheet: each shadow root gets its CSS as text (ui.tsx), so nothing is fetched per host.
  cssInjectionMode: 'manual',
  async main(ctx) {
    guardAgainstSpoofedRestart();

    const bridge = new Bridge();
    // The side panel's confirmed fills (the only way a fill happens: issue #20).
    ctx.onInvalidated(bridge.listen());
    // 导出页面结构: the side panel's request, on any portal page (recognised or not).
    ctx.onInvalidated(listenPageShape());
    const overlay = new Overlay();
    // zh-CN and the local date until the background answers (it may be asleep): the overlay does not wait.
    let settings: PortalSettings = { lang: 'zh-CN', today: localToday() };
    const runtime = new Runtime(ctx, bridge, overlay, () => settings);
    let pageKey = '';
    let reportKey = '';
    let recognisedModule: PageState['module'] = null;
    void bridge.settings().then((answer) => {
      const changed = answer.lang !== settings.lang || answer.today !== settings.today;
      settings = answer;
      if (changed && recognisedModule) {
        // Draw everything again in the agent's language.
        pageKey = '';
        schedule();
      }
    });

    const check = async () => {
      if (!ctx.isValid) return;
      const { evidence, texts } = scanPage(document, location.href);
      const { module, side, reasons } = recognise(evidence);
      const seen = new Set([...evidence.labels, ...evidence.tableHeaders]);
      const diag = module ? fieldDiagnostics(module, seen) : { found: knownFieldsSeen(seen), missing: [] };

      const key = JSON.stringify([location.href, module]);
      if (key !== pageKey) {
        pageKey = key;
        const page: PageState = { module, side, url: location.href };
        recognisedModule = module;
        if (module) {
          try {
            const lang = settings.lang;
            overlay.setWords(translatePortal(lang, 'portal.dock.brand'), { open: translatePortal(lang, 'portal.dock.unfold'), close: translatePortal(lang, 'portal.dock.fold') });
            await overlay.show(PortalBadge({ module, lang }));
          } catch (e) {
            // Not shown: let the next check try again instead of taking the page as handled.
            if (pageKey === key) pageKey = '';
            throw e;
          }
          if (!ctx.isValid || pageKey !== key) return;
          runtime.start(page, texts);
        } else {
          runtime.stop();
          overlay.hide();
        }
      } else {
        overlay.repair();
        runtime.refresh(texts);
      }
      // The hints may have moved or grown: keep the dock off them (issue #18 item 10).
      overlay.placeSoon();

      const attachments = module === 'person-attachments' || module === 'unit-attachments' ? attachmentRows(texts) : undefined;
      // The applicant's ID as the form shows it: the side panel matches it with the person in focus.
      const idHit = module === 'person-basic-info' ? new PageScan(document, texts).fields('residentId')[0] : undefined;
      const residentIdOnPage = idHit ? readValue(idHit).slice(0, 40) : '';
      const rKey = JSON.stringify([location.href, module, diag.found, diag.missing, attachments, residentIdOnPage]);
      if (rKey === reportKey) return;
      reportKey = rKey;
      const report: PageReport = {
        url: location.href,
        title: document.title,
        module,
        fieldsFound: diag.found,
        fieldsMissing: diag.missing,
        reasons,
        ...(attachments ? { attachments } : {}),
        fieldNames: Object.fromEntries([...diag.found, ...diag.missing].map((k) => [k, field(k).labels[0]])),
        ...(residentIdOnPage ? { residentIdOnPage } : {}),
        reportedAt: Date.now(),
      };
      try {
        await bridge.reportPage(report);
      } catch {
        // The background may be restarting (extension update); the next change reports again.
      }
    };

    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      ctx.setTimeout(
        () => {
          pending = false;
          check().catch((e) => console.debug('[jzz] check failed', e));
        },
        recognisedModule ? CHECK_DELAY_MS : FIRST_CHECK_DELAY_MS,
      );
    };
    const observer = new MutationObserver((records) => {
      if (records.every(isOwnMutation)) return;
      schedule();
    });
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      // Dialogs and tabs open by style/class alone (the SPA keeps closed dialogs in the DOM).
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'open', 'aria-hidden'],
    });
    ctx.onInvalidated(() => observer.disconnect());
    // Scrolling moves the hints under the fixed dock: re-place it, once per frame, only while the agent scrolls.
    // (Capturing on document sees the page's own scrolling panes too.)
    ctx.addEventListener(document, 'scroll', () => overlay.placeSoon(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => overlay.placeSoon(), { passive: true });
    ctx.addEventListener(window, 'hashchange', schedule);
    ctx.addEventListener(window, 'popstate', schedule);
    ctx.addEventListener(window, 'wxt:locationchange', schedule);
    // Typing changes values, not the DOM: refresh the live checks after the agent's own edits.
    const edited = () => runtime.refreshSoon(EDIT_DELAY_MS);
    // (Clicks that change what a feature reads change the DOM too: the observer has them.)
    for (const type of ['input', 'change', 'keyup']) ctx.addEventListener(document, type, edited, { capture: true, passive: true });
    // A committed value (the 身份证号 typed over) goes into the page report too: the side panel matches the person.
    ctx.addEventListener(document, 'change', schedule, { capture: true, passive: true });

    await check();
  },
});

/** 附件管理's 附件列表 rows, for the side panel (it offers to tick the matching checklist items). */
function attachmentRows(texts: Map<string, Element[]>): PageReport['attachments'] {
  const name = labelsOf('attachmentName');
  const status = labelsOf('attachmentStatus');
  const table = new PageScan(document, texts).table([name, status], 2);
  if (!table) return [];
  return table.rows
    .map((row) => {
      const s = cellText(cellOf(table, row, status));
      return {
        name: cellText(cellOf(table, row, name)).slice(0, 200),
        status: s.includes('已上传') ? ('uploaded' as const) : s.includes('未上传') ? ('missing' as const) : ('unknown' as const),
      };
    })
    .filter((r) => r.name)
    .slice(0, 100);
}

/**
 * True when a mutation needs no re-check: our own hosts being added, or a table row's class flipping
 * (hover). A host removed, restyled or stuffed by the page is not ours to ignore: the next check puts
 * it back and undoes the tampering.
 */
function isOwnMutation(r: MutationRecord): boolean {
  // Row hover and selection classes (Element UI's hover-row, current-row) change nothing we read.
  if (r.type === 'attributes') return r.attributeName === 'class' && /^(TR|TD|TH)$/.test((r.target as Element).tagName);
  if (r.type !== 'childList' || r.removedNodes.length > 0 || isOurs(r.target)) return false;
  return r.addedNodes.length > 0 && [...r.addedNodes].every((n) => isOurs(n));
}

/**
 * WXT's ctx stops itself when a "content script started" event names it (meant for a newer copy of
 * this script after an update), and it announces that event's name to the page with postMessage.
 * A page could replay it to switch us off. A genuine newer copy only exists when this copy's
 * extension context is gone, so while ours is alive the event is stopped before WXT sees it.
 */
function guardAgainstSpoofedRestart(): void {
  const name = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  window.addEventListener(
    name,
    (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
  document.addEventListener(
    name,
    (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
