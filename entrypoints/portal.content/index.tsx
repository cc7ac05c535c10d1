/**
 * The content script on *.bjrcgz.gov.cn: recognise the module of the page, report it (and its field
 * diagnostics) to the background, and run the features registered for it (features/*.tsx). An
 * unrecognised page gets no UI at all. Everything started is bound to WXT's ctx, so an updated extension
 * leaves nothing behind in open tabs.
 *
 * Work follows what changed (issue #16): the page's texts are indexed once (evidence.ts PageIndex) and
 * kept up to date from each MutationObserver batch. Recognition runs in that same callback when the
 * evidence changed (the badge appears in the frame the page's heading and labels arrived in); the features
 * whose reads the batch touched re-check in the next animation frame. Nothing runs while the page is idle.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import type { PageReport } from '../../utils/messaging';
import type { PortalSettings } from '../../utils/messaging';
import { PORTAL_ALIVE_KEY, PORTAL_MATCHES } from '../../utils/matches';
import { PageIndex, type IndexChange, type TextIndex } from './evidence';
import { mayChangeRecognition, recognise, type PageState } from './pages';
import { attachmentRowStatus, fieldDiagnostics, knownFieldsSeen, labelsOf } from './fields';
import { PortalBadge } from './badge';
import { Bridge, localToday } from './bridge';
import { Runtime } from './runtime';
import { Overlay } from './ui';
import { translatePortal } from '../../components/i18n/portal';
import { cellOf, cellText, isOurs, PageScan, readValue, ScanCache, ScanDeps } from './dom';
import { listenPageShape } from './page-shape';
// Taught mappings (issue #17): taught.ts applies them, teach.ts lets the side panel start the picker.
import { applyTaughtFields, recogniseTaught, setTaught, taughtSeen } from './taught';
import { listenForTeaching } from './teach';

// Every feature registers itself when imported.
import.meta.glob('./features/*.tsx', { eager: true });

/** After the agent types or clicks: values changed without any DOM mutation. */
const EDIT_DELAY_MS = 120;
/** A hidden tab gets no animation frames: re-check after this instead. */
const HIDDEN_FRAME_MS = 100;

export default defineContentScript({
  matches: PORTAL_MATCHES,
  // Injected by the background after the page's load event (entrypoints/background/portal-injection.ts): evaluating
  // this script does not hold back the page's load event (issue #16).
  registration: 'runtime',
  runAt: 'document_idle',
  // No stylesheet: each shadow root gets its CSS as text (ui.tsx), so nothing is fetched per host.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Once per document: the background asks whether we run (this isolated world's global, which the page cannot
    // see) before it injects, but two completed loads may race.
    const world = globalThis as unknown as Record<string, (() => boolean) | undefined>;
    if (world[PORTAL_ALIVE_KEY]?.()) return;
    world[PORTAL_ALIVE_KEY] = () => ctx.isValid;
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
    const index = new PageIndex(document);
    index.build();

    let pageKey = '';
    let reportKey = '';
    let recognisedModule: PageState['module'] = null;
    let lastReport: Omit<PageReport, 'attachments' | 'residentIdOnPage' | 'reportedAt'> | null = null;
    /** Something is taught: any text may name a taught page or field (pages.ts mayChangeRecognition knows the built-in ones). */
    let taughtAny = false;
    /** What the report's ID lookup read (a batch elsewhere on the page does not change the report). */
    let reportDeps: ScanDeps | null = null;

    const sendReport = () => {
      if (!lastReport || !ctx.isValid) return;
      const module = lastReport.module;
      const attachments = module === 'person-attachments' || module === 'unit-attachments' ? attachmentRows(index) : undefined;
      // The applicant's ID as the form shows it: the side panel matches it with the person in focus.
      const deps = new ScanDeps();
      const idHit = module === 'person-basic-info' ? new PageScan(document, index, new ScanCache(), deps).fields('residentId')[0] : undefined;
      reportDeps = module === 'person-basic-info' ? deps : null;
      const residentIdOnPage = idHit ? readValue(idHit).slice(0, 40) : '';
      const rKey = JSON.stringify([lastReport, attachments, residentIdOnPage]);
      if (rKey === reportKey) return;
      reportKey = rKey;
      // The background may be restarting (extension update); the next change reports again.
      bridge
        .reportPage({ ...lastReport, ...(attachments ? { attachments } : {}), ...(residentIdOnPage ? { residentIdOnPage } : {}), reportedAt: Date.now() })
        .catch(() => {});
    };

    /** Recognises the page from the kept index; (re)starts the features when the module or URL changed. */
    const decide = (restart = false) => {
      if (!ctx.isValid) return;
      const evidence = index.evidence(location.href);
      // A page the agent taught comes before the built-in table; its taught labels before the built-in ones.
      const taughtPage = recogniseTaught(evidence);
      const { module, side, reasons } = taughtPage ?? recognise(evidence);
      const taughtFields = applyTaughtFields(module);
      const seen = new Set([...evidence.labels, ...evidence.tableHeaders]);
      const diag = module ? fieldDiagnostics(module, seen) : { found: knownFieldsSeen(seen), missing: [] };
      const taughtUsed = taughtSeen(taughtFields, seen);
      const taught = taughtPage || taughtUsed.length ? { ...(taughtPage ? { page: taughtPage.heading } : {}), fields: taughtUsed } : undefined;
      lastReport = { url: location.href, title: document.title, module, fieldsFound: diag.found, fieldsMissing: diag.missing, reasons, ...(taught ? { taught } : {}) };
      const key = JSON.stringify([location.href, module]);
      if (key !== pageKey || restart) {
        pageKey = key;
        recognisedModule = module;
        if (module) {
          const page: PageState = { module, side, url: location.href };
          const lang = settings.lang;
          overlay.setWords(translatePortal(lang, 'portal.dock.brand'), { open: translatePortal(lang, 'portal.dock.unfold'), close: translatePortal(lang, 'portal.dock.fold') });
          overlay.show(PortalBadge({ module, lang })).catch((e) => {
            // Not shown: let the next change try again instead of taking the page as handled.
            if (pageKey === key) pageKey = '';
            console.debug('[jzz] overlay failed', e);
          });
          // The features draw in the next frame (the badge is in this one).
          pending = null;
          frame(() => {
            if (ctx.isValid && pageKey === key) runtime.start(page, index);
          });
        } else {
          runtime.stop();
          overlay.hide();
        }
      }
      sendReport();
    };

    // Changes waiting for the next frame (null: none; the features re-check what they touched).
    let pending: IndexChange | null = null;
    let frameAsked = false;
    const frame = (fn: () => void) => {
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        fn();
      };
      ctx.requestAnimationFrame(run);
      if (document.visibilityState === 'hidden') ctx.setTimeout(run, HIDDEN_FRAME_MS);
    };
    const recheckSoon = (change: IndexChange) => {
      pending = pending ? merge(pending, change) : change;
      if (frameAsked) return;
      frameAsked = true;
      frame(() => {
        frameAsked = false;
        const c = pending;
        pending = null;
        if (!c || !ctx.isValid || !recognisedModule) return;
        if (c.ours) overlay.repair();
        // Our own host tampered with or taken away: every feature puts its hosts back.
        runtime.refresh(c.ours ? undefined : c);
        const attachmentsPage = recognisedModule === 'person-attachments' || recognisedModule === 'unit-attachments';
        if (attachmentsPage || (reportDeps && reportDeps.touchedBy(c))) sendReport();
      });
    };

    void bridge.settings().then((answer) => {
      const changed = answer.lang !== settings.lang || answer.today !== settings.today;
      settings = answer;
      // Draw everything again in the agent's language.
      if (changed && recognisedModule) decide(true);
    });

    // ── taught mappings: fetched now and whenever the side panel saved some; the page is looked at again.
    const loadTaught = () =>
      void bridge.mappings().then((m) => {
        const o = (m ?? {}) as { fields?: unknown[]; pages?: unknown[] };
        taughtAny = (o.fields?.length ?? 0) + (o.pages?.length ?? 0) > 0;
        if (!setTaught(m)) return;
        reportKey = '';
        decide(true);
      });
    loadTaught();
    listenForTeaching(ctx, {
      lang: () => settings.lang,
      reload: loadTaught,
    });

    const observer = new MutationObserver((records) => {
      const relevant = records.filter((r) => !isOwnMutation(r));
      if (relevant.length === 0) return;
      const change = index.apply(relevant);
      if (change.ours) overlay.repair();
      // Recognition in this same callback: the badge comes in the frame the module's heading and labels came in.
      if (change.evidence || (change.evidenceTexts.size > 0 && (taughtAny || mayChangeRecognition(change)))) decide();
      if (recognisedModule) recheckSoon(change);
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
    const moved = () => decide();
    ctx.addEventListener(window, 'hashchange', moved);
    ctx.addEventListener(window, 'popstate', moved);
    ctx.addEventListener(window, 'wxt:locationchange', moved);
    // Typing and choosing change values, not the DOM (a dropdown's choice is written into a readonly input by
    // script): after the agent's own edits and clicks, the features whose fields' values or focus changed re-check.
    const edited = () => runtime.refreshSoon(EDIT_DELAY_MS, true);
    for (const type of ['input', 'change', 'keyup', 'click']) ctx.addEventListener(document, type, edited, { capture: true, passive: true });
    // A committed value (the 身份证号 typed over) goes into the page report too: the side panel matches the person.
    ctx.addEventListener(document, 'change', () => sendReport(), { capture: true, passive: true });

    decide();
  },
});

/** Two batches' changes as one (for the features' re-check in the next frame). */
function merge(a: IndexChange, b: IndexChange): IndexChange {
  return {
    texts: new Set([...a.texts, ...b.texts]),
    added: [...a.added, ...b.added],
    targets: [...a.targets, ...b.targets],
    restyled: [...a.restyled, ...b.restyled],
    removed: [...a.removed, ...b.removed],
    tags: new Set([...a.tags, ...b.tags]),
    evidence: a.evidence || b.evidence,
    evidenceTexts: new Set([...a.evidenceTexts, ...b.evidenceTexts]),
    visibility: a.visibility || b.visibility,
    ours: a.ours || b.ours,
  };
}

/** 附件管理's 附件列表 rows, for the side panel (it offers to tick the matching checklist items). */
function attachmentRows(index: TextIndex): PageReport['attachments'] {
  const name = labelsOf('attachmentName');
  const status = labelsOf('attachmentStatus');
  const table = new PageScan(document, index).table([name, status], 2);
  if (!table) return [];
  return table.rows
    .map((row) => {
      const s = cellText(cellOf(table, row, status));
      return {
        name: cellText(cellOf(table, row, name)).slice(0, 200),
        status: attachmentRowStatus(s),
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
