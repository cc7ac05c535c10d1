/**
 * Turns the raw measurements into the issue #8 table: figure, measured (median, n), budget, within budget.
 * A figure that could not be taken is a "not measured" / "error" row with the reason — never a number.
 */
import type { BuildStats } from './build';
import type { CaseBookResult } from './casebook';
import type { PageFigures } from './page-figures';
import type { RulesFigures } from './rules-figures';
import type { StorageFigures } from './storage-figures';
import type { SheetImportFigures } from './sheet-figures';
import { median, round, summarize } from './lib/stats';

export type Status = 'measured' | 'not-measured' | 'error';

export interface Figure {
  id: string;
  figure: string;
  status: Status;
  /** The headline number (a median unless said otherwise). */
  value?: number;
  unit?: string;
  n?: number;
  /** Short text for the table's "measured" column. */
  measured: string;
  budget: string;
  /** true / false; null when the budget is "report it" or nothing was measured. */
  within: boolean | null;
  /** How it was measured and what else was seen. */
  note: string;
}

export interface Inputs {
  page?: { ok: true; value: Omit<PageFigures, 'withArm' | 'close'> } | { ok: false; error: string };
  node?: { ok: true; value: { rules: RulesFigures; storage: StorageFigures } } | { ok: false; error: string };
  chromiumStorage?: { ok: true; value: StorageFigures } | { ok: false; error: string };
  sheetImport?: { ok: true; value: SheetImportFigures } | { ok: false; error: string };
  caseBook?: { ok: true; value: CaseBookResult } | { ok: false; error: string; notBuilt?: boolean };
  size?: { ok: true; value: { rawBytes: number; gzipBytes: number; stats?: BuildStats } } | { ok: false; error: string };
}

const ms = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
const kb = (b: number) => (b / 1024).toFixed(1) + ' KB';

function threadText(w: import('./page-figures').ThreadBreakdown | null, o: import('./page-figures').ThreadBreakdown | null): string {
  if (!w || !o) return '';
  const part = (t: import('./page-figures').ThreadBreakdown) =>
    `${t.tasks} tasks ${ms(t.taskMs)}: script ${ms(t.scriptMs)} (extension ${ms(t.extensionScriptMs)}), style+layout ${ms(t.styleLayoutMs)}, paint ${ms(t.paintMs)}, GC ${ms(t.gcMs)}, other ${ms(t.otherMs)}` +
    (t.topSources.length ? ` [top: ${t.topSources.map((x) => `${x.source} ${x.tasks}× ${ms(x.ms)}`).join('; ')}]` : '');
  return `Traced main thread, with: ${part(w)}; without: ${part(o)}. `;
}

function mostCommon(xs: string[]): string {
  const count = new Map<string, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] || '-';
}

function missing(id: string, figure: string, budget: string, status: Status, why: string, measured?: string): Figure {
  return { id, figure, status, measured: measured ?? (status === 'error' ? 'error' : 'not measured'), budget, within: null, note: why };
}

export function buildFigures(x: Inputs): Figure[] {
  const out: Figure[] = [];

  // ---- page figures -------------------------------------------------------------------------------
  const pageIds: [string, string, string][] = [
    ['load-network-idle-ratio', 'Replica page load → network idle, with ÷ without extension', 'report it (the favicon: see note)'],
    ['load-first-paint-ratio', 'Replica page load → first paint, with ÷ without extension', '≤ 1.05'],
    ['long-tasks-added', 'Main-thread long tasks added by the extension on load', '0'],
    ['overlay-ready', "Overlay ready after the page's own render, 300-field page", '≤ 50 ms'],
    ['mutation-batch', 'One batch of DOM mutations (50-row table re-render)', 'median ≤ 1 ms'],
    ['idle-cpu', 'Extension CPU while the page is idle', '≈ 0 (no timers, no polling)'],
    ['content-script-heap', 'Memory: content-script heap on the replica page', 'report it'],
    ['load-event-ratio', 'Replica page load → load event, with ÷ without extension', '≤ 1.05'],
  ];
  if (!x.page || !x.page.ok) {
    for (const [id, figure, budget] of pageIds) out.push(missing(id, figure, budget, 'error', x.page && !x.page.ok ? x.page.error : 'page figures not run'));
  } else {
    const p = x.page.value;
    const W = p.loads.with;
    const O = p.loads.without;
    const n = Math.min(W.length, O.length);
    const ratio = (k: 'networkIdle' | 'networkIdlePageOnly' | 'firstPaint' | 'firstContentfulPaint' | 'domContentLoaded' | 'loadEnd') => {
      const w = median(W.map((s) => s[k]));
      const o = median(O.map((s) => s[k]));
      return { w, o, r: w / o, d: w - o };
    };
    const net = ratio('networkIdle');
    const pageOnly = ratio('networkIdlePageOnly');
    const load = ratio('loadEnd');
    const dclR = ratio('domContentLoaded');
    const before = p.traced.map((t) => t.beforeLoad).filter((b) => b);
    const scripts = new Map<string, number[]>();
    for (const b of before) for (const sc of b.scripts) scripts.set(sc.script, [...(scripts.get(sc.script) ?? []), sc.ms]);
    const started = p.traced.map((t) => t.startAfterLoadMs).filter((x): x is number => x !== null);
    const loadId = pageIds[7];
    out.push({
      id: loadId[0],
      figure: loadId[1],
      status: 'measured',
      value: round(load.r, 3),
      n,
      measured: `${load.r.toFixed(3)} (${ms(load.w)} vs ${ms(load.o)}, n=${n})`,
      budget: loadId[2],
      within: load.r <= 1.05,
      note:
        `loadEventEnd from navigation timing, medians of ${n} alternating A/B loads per arm after one warm-up each; Δ ${load.d.toFixed(1)} ms (DOMContentLoaded ${ms(dclR.w)} vs ${ms(dclR.o)}); the median of the ${n} paired ratios (each load with ÷ the load beside it without) ${median(W.slice(0, n).map((w, i) => w.loadEnd / O[i].loadEnd)).toFixed(3)}. ` +
        `Chromium runs declared content scripts (document_idle too) before it fires the load event, so their isolated world and evaluation delay it; since #16 the manifest declares none: the background injects the portal script when the tab's load is complete (entrypoints/background/portal-injection.ts). ` +
        (before.length
          ? `Traced (n=${before.length}): between DOMContentLoaded and the load event the extension spent ${ms(median(before.map((b) => b.injectMs)))} making its isolated world (ScriptInjection::InjectJs) and ` +
            ([...scripts].map(([sc, v]) => `${ms(median(v))} in ${sc}`).join(', ') || 'no script time') +
            ` (medians); before DOMContentLoaded ${ms(median(before.map((b) => b.beforeDclMs ?? 0)))}; the portal script itself (injected by the background after the load) started ${started.length ? `${ms(Math.abs(median(started)))} ${median(started) < 0 ? 'before' : 'after'} the load event` : 'n/a'}. `
          : '') +
        `Network idle, for comparison: ${net.r.toFixed(3)} (next row).`,
    });
    out.push({
      id: pageIds[0][0],
      figure: pageIds[0][1],
      status: 'measured',
      value: round(net.r, 3),
      n,
      measured: `${net.r.toFixed(3)} (${ms(net.w)} vs ${ms(net.o)}, n=${n})`,
      budget: pageIds[0][2],
      within: null,
      note:
        `Network idle = max(loadEventEnd, last resource responseEnd) from navigation and resource timing (Playwright's networkidle fires 500 ms after it); medians of ${n} alternating A/B loads per arm after one warm-up each; Δ ${net.d.toFixed(1)} ms. ` +
        `Last response: ${mostCommon(W.map((s) => s.lastResource))} with, ${mostCommon(O.map((s) => s.lastResource))} without. ` +
        `The favicon: the replica declares no icon, so Chromium itself asks for /favicon.ico once the page has loaded (after the load event, outside the page's own loading); here that request goes through Playwright's routing (a 404 from the bench's node process), whose round trip is long and varies with the machine's load, and it ends the network activity of both arms. ` +
        `So this ratio is the load event's delay plus an unrelated browser request: it is reported, and the load event (row above) carries the budget. Without the favicon request: ${pageOnly.r.toFixed(3)} (${ms(pageOnly.w)} vs ${ms(pageOnly.o)}).`,
    });
    const fp = ratio('firstPaint');
    const fcp = ratio('firstContentfulPaint');
    out.push({
      id: pageIds[1][0],
      figure: pageIds[1][1],
      status: Number.isFinite(fp.r) ? 'measured' : 'error',
      value: round(fp.r, 3),
      n,
      measured: Number.isFinite(fp.r) ? `${fp.r.toFixed(3)} (${ms(fp.w)} vs ${ms(fp.o)}, n=${n})` : 'error',
      budget: pageIds[1][2],
      within: Number.isFinite(fp.r) ? fp.r <= 1.05 : null,
      note: `PerformancePaintTiming first-paint; first-contentful-paint ${fcp.r.toFixed(3)} (${ms(fcp.w)} vs ${ms(fcp.o)}). No content script is declared: the portal script is injected by the background once the tab's load is complete.`,
    });

    if (p.traced.length === 0) out.push(missing(pageIds[2][0], pageIds[2][1], pageIds[2][2], 'error', 'no traced load'));
    else {
      const tracedAdded = median(p.traced.map((t) => t.added));
      const containing = median(p.traced.map((t) => t.withExtensionScript));
      const longest = median(p.traced.map((t) => t.longest?.ms ?? 0));
      const longestName = p.traced.find((t) => t.longest)?.longest?.name ?? '-';
      const ltW = median(W.map((s) => s.longTasks));
      const ltO = median(O.map((s) => s.longTasks));
      // The page's own long tasks (the replica's render), how long with and without: what the extension adds inside them.
      const ltMsW = median(W.filter((s) => s.longTasks > 0).map((s) => s.longTaskMs));
      const ltMsO = median(O.filter((s) => s.longTasks > 0).map((s) => s.longTaskMs));
      const added = Math.max(0, ltW - ltO);
      out.push({
        id: pageIds[2][0],
        figure: pageIds[2][1],
        status: 'measured',
        value: added,
        n,
        measured: `${added} (${ltW} vs ${ltO} long tasks per load, n=${n}; the page's own: ${ms(ltMsO)} without, ${ms(ltMsW)} with)`,
        budget: pageIds[2][2],
        within: added === 0,
        note:
          `PerformanceObserver('longtask') in the page, the same untraced A/B loads as the ratios above: long tasks per load with minus without (medians). The replica's render of its 300 fields is a long task of its own (${ms(ltMsO)} without the extension); the content script indexes the new view and reads its headings' styles in the observer callback inside that task (the badge comes in the frame the view is painted in), which makes it ${ms(ltMsW)} (medians), adding no long task. ` +
          `Chromium trace of the load (devtools.timeline, n=${p.traced.length}): ${containing} long task(s) per load contain content-script EvaluateScript/FunctionCall, ${ms(median(p.traced.map((t) => t.extensionMsInLongTasks)))} of it inside them, ${ms(median(p.traced.map((t) => t.extensionMsTotal)))} extension script in all; longest single event ${longestName} ${ms(longest)} (trace overhead included). ` +
          `The trace's own estimate ("the task minus that script < 50 ms" would mean added) says ${tracedAdded}: it is not the budget, because the style and layout the callback forces are counted as its script, while the same task without the extension still measures ${ms(ltMsO)}.`,
      });
    }

    const overlays = W.filter((s) => s.overlay !== null);
    if (overlays.length === 0) {
      out.push(missing(pageIds[3][0], pageIds[3][1], pageIds[3][2], 'error', `no host element of ours appeared in ${W.length} loads with the extension (the content script did not recognise perf-300.html or failed)`));
    } else {
      const afterDcl = overlays.map((s) => s.overlay! - s.domContentLoaded);
      const rendered = overlays.filter((s) => s.replicaRendered !== null);
      const pageRender = rendered.map((s) => s.replicaRendered! - s.domContentLoaded);
      const afterRender = rendered.map((s) => s.overlay! - s.replicaRendered!);
      const startDcl = p.traced.map((t) => t.startAfterDclMs).filter((x): x is number => x !== null);
      const startLoad = p.traced.map((t) => t.startAfterLoadMs).filter((x): x is number => x !== null);
      const v = median(afterRender);
      out.push({
        id: pageIds[3][0],
        figure: pageIds[3][1],
        status: afterRender.length ? 'measured' : 'error',
        value: round(v, 1),
        unit: 'ms',
        n: afterRender.length,
        measured: afterRender.length ? `${ms(v)} (p95 ${ms(summarize(afterRender).p95)}, n=${afterRender.length})` : 'error',
        budget: pageIds[3][2],
        within: afterRender.length ? v <= 50 : null,
        note:
          `MutationObserver in an init script: the page's own render of its 300 fields (the replica's replica:rendered event, ${ms(median(pageRender))} after DOMContentLoaded) → first <${overlays[0].overlayHost}> host of ours added. ` +
          `From DOMContentLoaded: ${ms(median(afterDcl))}. The content script recognises the page in the MutationObserver callback of the render's own mutations and mounts the badge there; the features draw in the next animation frame.` +
          (startDcl.length ? ` In the traced loads the portal script starts (EvaluateScript) ${ms(median(startDcl))} after DOMContentLoaded, ${startLoad.length ? `${ms(Math.abs(median(startLoad)))} ${median(startLoad) < 0 ? 'before' : 'after'} the load event` : ''}.` : '') +
          (overlays.length < W.length ? ` Overlay missing in ${W.length - overlays.length} of ${W.length} loads.` : ''),
      });
    }

    const mu = p.mutations;
    out.push({
      id: pageIds[4][0],
      figure: pageIds[4][1],
      status: 'measured',
      value: round(mu.profiled.median, 3),
      unit: 'ms',
      n: mu.profiled.n,
      measured: `${ms(mu.profiled.median)} (p95 ${ms(mu.profiled.p95)}, n=${mu.profiled.n})`,
      budget: pageIds[4][2],
      within: mu.profiled.median <= 1,
      note:
        `CDP Profiler (${mu.profiled.samplingUs} µs sampling) around each click on 刷新列表, ${BATCH_NOTE}: time of samples with content-script code on the stack = ` +
        `${ms(mu.profiled.observerMs)} in the first 120 ms (the MutationObserver callback keeping the page index, and the next frame's re-check of the features whose reads changed) + ${ms(mu.profiled.recheckMs)} later (medians). ` +
        `Cross-check, Performance.getMetrics ScriptDuration per batch (thread time): ${ms(mu.scriptWith.median)} with vs ${ms(mu.scriptWithout.median)} without, paired difference ${ms(mu.scriptAdded.median)} (n=${mu.scriptAdded.n}). Table renders seen: ${mu.tableRenders}. ` +
        `Hottest content-script functions (self time incl. DOM calls, per batch; names/positions in the minified portal.js): ${mu.profiled.hottest.map((h) => `${h.fn} ${ms(h.msPerBatch)}`).join(', ')} (their code: results.json raw.page.value.mutations.profiled.hottest).`,
    });

    const i = p.idle;
    const extCpu = i.cpuWith.extension ?? 0;
    const pageDelta = i.taskMsWith - i.taskMsWithout;
    // Work a timer, a poll or a listener would cause on the page thread: script, style/layout, paint (GC excluded:
    // V8/Blink housekeeping whose amount follows heap size and timing, seen in both arms).
    const codeWork = (t: NonNullable<typeof i.threadWith>) => t.scriptMs + t.styleLayoutMs + t.paintMs;
    const codeDelta = i.threadWith && i.threadWithout ? codeWork(i.threadWith) - codeWork(i.threadWithout) : pageDelta;
    // "≈ 0 (no timers, no polling)": no extension code runs at all, and the page's thread does no more code work.
    // The extension process's own CPU (service-worker shutdown after 30 s idle, IPC housekeeping) is reported, not judged.
    const idleOk = i.controlCalls > 0 ? i.extensionCalls === 0 && codeDelta <= 10 : null;
    const ep = i.extensionProcess;
    out.push({
      id: pageIds[5][0],
      figure: `Extension CPU while the page is idle for ${i.seconds} s`,
      status: 'measured',
      value: round(i.extensionCallMs, 2),
      unit: 'ms',
      n: 1,
      measured: `${i.extensionCalls} extension calls; page code work ${codeDelta >= 0 ? '+' : ''}${ms(codeDelta)}; extension process ${ms(extCpu)}`,
      budget: pageIds[5][2],
      within: idleOk,
      note:
        (i.controlCalls > 0 ? '' : 'CONTROL FAILED: the trace saw no extension call for a table re-render either, so 0 proves nothing. ') +
        `Freshly loaded pages, settled 3 s, both arms idle at the same time for ${i.seconds} s. Browser-wide trace: ${i.extensionCalls} FunctionCall/TimerFire/EvaluateScript events from chrome-extension:// URLs` +
        (i.extensionCallUrls.length ? ` (${i.extensionCallUrls.join(', ')})` : '') +
        ` (control: one table re-render right after the window showed ${i.controlCalls}). Page main thread (Performance.getMetrics TaskDuration, thread time): ${ms(i.taskMsWith)} with vs ${ms(i.taskMsWithout)} without (the replica's own timers: ${i.timerFiresWith} vs ${i.timerFiresWithout} TimerFire). ` +
        threadText(i.threadWith, i.threadWithout) +
        `Extension process CPU from /proc: ${ms(extCpu)}` +
        (ep ? ` (traced tasks per thread: ${Object.entries(ep.threads).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, v]) => `${t} ${ms(v)}`).join(', ')}; top: ${ep.topSources.map((x) => `${x.source} ${x.tasks}× ${ms(x.ms)}`).join('; ')})` : '') +
        `; renderers ${ms(i.cpuWith.renderer ?? 0)} vs ${ms(i.cpuWithout.renderer ?? 0)} (10 ms ticks). Within budget = no extension script ran (no timer, no polling) and the page thread did ≤ 10 ms more script + style/layout + paint than without; GC and the extension process's own housekeeping are reported, not judged.`,
    });

    const hW = median(W.map((s) => s.heapUsed));
    const hO = median(O.map((s) => s.heapUsed));
    const eW = median(W.map((s) => s.heapEmbedder));
    const eO = median(O.map((s) => s.heapEmbedder));
    out.push({
      id: pageIds[6][0],
      figure: pageIds[6][1],
      status: 'measured',
      value: round((hW - hO) / 1024, 1),
      unit: 'KB',
      n,
      measured: `${kb(hW - hO)} JS heap (${kb(hW)} vs ${kb(hO)}, n=${n})`,
      budget: pageIds[6][2],
      within: null,
      note: `CDP Runtime.getHeapUsage of the page's renderer isolate (main world + the content script's isolated world) after two forced GCs, with minus without (medians); Blink/embedder heap ${kb(eW - eO)} more (${kb(eW)} vs ${kb(eO)}). Runtime.getHeapUsage is per isolate, so the isolated world cannot be separated exactly.`,
    });
  }

  // ---- size -------------------------------------------------------------------------------------------
  if (!x.size || !x.size.ok) out.push(missing('content-script-size', 'Content script size (gzip)', '≤ 80 KB gzip', 'error', x.size && !x.size.ok ? x.size.error : 'not run'));
  else {
    const s = x.size.value;
    const groups = s.stats?.groups ?? [];
    const sum = groups.reduce((a, g) => a + g.minifiedBytes, 0);
    const top = groups
      .slice(0, 4)
      .map((g) => `${g.group} ${((100 * g.minifiedBytes) / sum).toFixed(0)}% (${kb(g.gzipBytes)} gzip alone)` + (g.via && g.via.length > 2 ? ` via ${g.via.slice(0, -1).join(' → ')}` : ''))
      .join('; ');
    out.push({
      id: 'content-script-size',
      figure: 'Content script size (gzip)',
      status: 'measured',
      value: round(s.gzipBytes / 1024, 1),
      unit: 'KB',
      n: 1,
      measured: `${kb(s.gzipBytes)} gzip (${kb(s.rawBytes)} raw)`,
      budget: '≤ 80 KB gzip',
      within: s.gzipBytes <= 80 * 1024,
      note:
        `.output/chrome-mv3/content-scripts/portal.js, gzip -9. ` +
        (groups.length ? `What dominates (Rollup's modules in the real build, minified per group by esbuild): ${top}.` : 'No module breakdown (build step skipped: rerun without --no-build).'),
    });
  }

  // ---- rules (node) -------------------------------------------------------------------------------------
  if (!x.node || !x.node.ok) {
    const why = x.node && !x.node.ok ? x.node.error : 'not run';
    out.push(missing('rules-one-case', 'assessApplicant + checklist + deadlineStatus, one case', '≤ 1 ms', 'error', why));
    out.push(missing('deadline-scan', 'Deadline scan over 5,000 cases', '≤ 100 ms', 'error', why));
    out.push(missing('deadline-scan-indexed', 'Deadline scan over 5,000 cases, case-book path (WorkdayIndex)', '≤ 100 ms', 'error', why));
  } else {
    const r = x.node.value.rules;
    out.push({
      id: 'rules-one-case',
      figure: 'assessApplicant + checklist + deadlineStatus, one case',
      status: 'measured',
      value: round(r.perCase.median, 3),
      unit: 'ms',
      n: r.perCase.n,
      measured: `${ms(r.perCase.median)} (p95 ${ms(r.perCase.p95)}, n=${r.perCase.n})`,
      budget: '≤ 1 ms',
      within: r.perCase.median <= 1,
      note: `node, 500 seeded cases × rounds, each timed on its own after a warm-up; the first case in a fresh process took ${ms(r.perCaseColdMs)}. Permit expiries spread over ~3 years from ${r.today}.`,
    });
    out.push({
      id: 'deadline-scan',
      figure: 'Deadline scan over 5,000 cases',
      status: 'measured',
      value: round(r.scan.median, 1),
      unit: 'ms',
      n: r.scan.n,
      measured: `${ms(r.scan.median)} (n=${r.scan.n})`,
      budget: '≤ 100 ms',
      within: r.scan.median <= 100,
      note: `node, rules/ deadlineStatus(expiry, ${r.today}, renewal | employer-change) for 5,000 seeded cases, whole scan timed (after the per-case warm-up); runs stop after ~6 s (at least one). ${ms(r.scan.median / 5000)} per case. Pure rules only (no database read).`,
    });
    const ix = r.indexedScan;
    if ('error' in ix) out.push(missing('deadline-scan-indexed', 'Deadline scan over 5,000 cases, case-book path (WorkdayIndex)', '≤ 100 ms', 'error', ix.error));
    else
      out.push({
        id: 'deadline-scan-indexed',
        figure: 'Deadline scan over 5,000 cases, case-book path (WorkdayIndex)',
        status: 'measured',
        value: round(ix.median, 2),
        unit: 'ms',
        n: ix.n,
        measured: `${ms(ix.median)} (n=${ix.n})`,
        budget: '≤ 100 ms',
        within: ix.median <= 100 && ix.sameStates,
        note: `node, the same 5,000 cases through rules/deadline-events.ts permitDeadline(expiry, today, business, idx) — what the case book uses — building the WorkdayIndex each run (${ms(ix.indexBuildMs)} of it). Same states as deadlineStatus on the first 200 cases: ${ix.sameStates}.`,
      });
  }

  // ---- case book ------------------------------------------------------------------------------------
  if (!x.caseBook || !x.caseBook.ok) {
    const e = x.caseBook && !x.caseBook.ok ? x.caseBook : { error: 'not run', notBuilt: false };
    const status: Status = e.notBuilt ? 'not-measured' : 'error';
    const why = e.notBuilt
      ? `not measured: case book not built yet when this harness was written — tests/bench/casebook.ts has no caseBook.measure (add that one function). Probe: ${e.error}.`
      : e.error;
    const shown = e.notBuilt ? 'not measured: case book not built yet' : undefined;
    out.push(missing('casebook-first-render', 'Case book first render, 5,000 employees', '≤ 300 ms', status, why, shown));
    out.push(missing('casebook-filter', 'Case book filter, 5,000 employees', '≤ 50 ms', status, why, shown));
  } else {
    const c = x.caseBook.value;
    for (const [id, figure, xs, limit] of [
      // Issue #16: the first screen of rows ≤ 300 ms (issue #8 had asked ≤ 500 ms).
      ['casebook-first-render', 'Case book first render, 5,000 employees', c.firstRenderMs, 300],
      ['casebook-filter', 'Case book filter, 5,000 employees', c.filterMs, 50],
    ] as const) {
      const s = summarize(xs);
      out.push({
        id,
        figure,
        status: 'measured',
        value: round(s.median, 1),
        unit: 'ms',
        n: s.n,
        measured: `${ms(s.median)} (n=${s.n})`,
        budget: `≤ ${limit} ms`,
        within: s.median <= limit,
        note: c.note ?? 'tests/bench/casebook.ts caseBook.measure',
      });
    }
  }

  // ---- storage ------------------------------------------------------------------------------------
  const storageRows = (st: StorageFigures | undefined, err: string | undefined, engine: string, key: string) => {
    const imp = `Import 5,000 employees + 20,000 documents (${engine})`;
    const due = `Documents falling below their validity rule within 60 days (${engine})`;
    // Issue #16: a restore in Chromium ≤ 3 s with progress shown (node's fake-indexeddb keeps issue #8's 2 s).
    const limit = key === 'chromium' ? 3000 : 2000;
    const budget = key === 'chromium' ? '≤ 3 s, with progress' : '≤ 2 s';
    if (!st) {
      out.push(missing(`import-${key}`, imp, budget, 'error', err ?? 'not run'));
      if (key === 'chromium') out.push(missing('restore-longest-task', 'Longest main-thread task during that restore (Chromium)', '≤ 100 ms', 'error', err ?? 'not run'));
      out.push(missing(`due-60-days-${key}`, due, '< 50 ms, index', 'error', err ?? 'not run'));
      return;
    }
    const r = st.restore;
    const progressShown = r.progressEvents >= 2 && r.firstProgressMs < 1000;
    out.push({
      id: `import-${key}`,
      figure: imp,
      status: 'measured',
      value: round(st.importMs, 0),
      unit: 'ms',
      n: 1,
      measured: `${ms(st.importMs)} (n=1; ${r.progressEvents} progress steps)`,
      budget,
      within: st.importMs <= limit && (key !== 'chromium' || progressShown),
      note:
        `A restore as the case book runs it, of the exported backup (${(st.backupChars / 1e6).toFixed(1)} M characters) into an empty database: readBackup (parse + validation) ${ms(r.readMs)}, then applyImport (plan + one all-or-nothing transaction written in 500-row chunks) ${ms(r.applyMs)}. ` +
        `Progress: ${r.progressEvents} onProgress calls over ${r.rowsTotal.toLocaleString('en')} rows, the first ${ms(r.firstProgressMs)} after applyImport began, at most ${ms(r.maxProgressGapMs)} between two. ` +
        `Engine floor: plain Dexie bulkAdd of the same ${st.documents.toLocaleString('en')} document rows into a bare table with the indexes storage/db.ts declares ${ms(st.rawDocumentsBulkAddMs)}. ${st.seedMs !== undefined ? `For comparison: seedBench bulk write of the same ${st.employees.toLocaleString('en')} + ${st.documents.toLocaleString('en')} rows ${ms(st.seedMs)}, export ${ms(st.exportMs ?? NaN)}` : `The file is the one the node run exported (tests/bench/seed-db.ts seed 20260101, ${st.employees.toLocaleString('en')} employees + ${st.documents.toLocaleString('en')} documents)`}. ${st.engine}.`,
    });
    if (key === 'chromium') {
      const lt = r.longTasks;
      const longest = lt ? Math.max(0, ...lt.read, ...lt.apply) : NaN;
      const list = (xs: number[]) => (xs.length ? xs.slice(0, 6).map((x) => ms(x)).join(', ') + (xs.length > 6 ? ` … (${xs.length})` : '') : 'none');
      out.push(
        lt
          ? {
              id: 'restore-longest-task',
              figure: 'Longest main-thread task during that restore (Chromium)',
              status: 'measured',
              value: round(longest, 0),
              unit: 'ms',
              n: lt.read.length + lt.apply.length,
              measured: `${longest > 0 ? ms(longest) : '< 50 ms'} (read ${lt.read.length ? ms(lt.read[0]) : '< 50 ms'}, write ${lt.apply.length ? ms(lt.apply[0]) : '< 50 ms'})`,
              budget: '≤ 100 ms',
              within: longest <= 100,
              note: `PerformanceObserver('longtask') in the extension page during the restore above (tasks ≥ 50 ms; none = every task shorter). Reading the file (JSON.parse + validation, before the agent confirms): ${list(lt.read)}. Writing (applyImport, with the progress bar): ${list(lt.apply)}.`,
            }
          : missing('restore-longest-task', 'Longest main-thread task during that restore (Chromium)', '≤ 100 ms', 'error', 'no longtask observer in this engine'),
      );
    }
    const ok = st.indexUsed.declared && st.indexUsed.sameRowsAsScan;
    out.push({
      id: `due-60-days-${key}`,
      figure: due,
      status: 'measured',
      value: round(st.dueWithin.median, 2),
      unit: 'ms',
      n: st.dueWithin.n,
      measured: `${ms(st.dueWithin.median)}, ${st.dueWithin.rows} rows (n=${st.dueWithin.n})`,
      budget: '< 50 ms, index',
      within: st.dueWithin.median < 50 && ok,
      note:
        `repos.documents.fallingBelowWithin(60, { today: 2026-01-01, includeAlreadyBelow: false }) — a range on the ${st.indexUsed.index} index (declared: ${st.indexUsed.declared}; same rows as a full scan: ${st.indexUsed.sameRowsAsScan}). ` +
        `Full table scan for the same answer: ${ms(st.fullScan.median)}. The repository's default (already-below included): ${ms(st.dueIncludingBelow.median)} for ${st.dueIncludingBelow.rows} rows.`,
    });
  };
  storageRows(x.chromiumStorage?.ok ? x.chromiumStorage.value : undefined, x.chromiumStorage && !x.chromiumStorage.ok ? x.chromiumStorage.error : undefined, 'Chromium IndexedDB', 'chromium');
  storageRows(x.node?.ok ? x.node.value.storage : undefined, x.node && !x.node.ok ? x.node.error : undefined, 'node + fake-indexeddb', 'node');

  // ---- spreadsheet import ----------------------------------------------------------------------------
  const sheetFigure = 'Spreadsheet import, 500 employees (.xlsx, Chromium IndexedDB)';
  if (!x.sheetImport || !x.sheetImport.ok) {
    out.push(missing('sheet-import-500', sheetFigure, '≤ 1 s', 'error', x.sheetImport && !x.sheetImport.ok ? x.sheetImport.error : 'not run'));
  } else {
    const sh = x.sheetImport.value;
    out.push({
      id: 'sheet-import-500',
      figure: sheetFigure,
      status: 'measured',
      value: round(sh.totalMs, 0),
      unit: 'ms',
      n: 1,
      measured: `${ms(sh.totalMs)} (n=1)`,
      budget: '≤ 1 s',
      within: sh.totalMs <= 1000 && sh.created === sh.rows,
      note:
        `The case book's import path on a ${(sh.fileBytes / 1024).toFixed(0)} KB .xlsx (tests/bench/sheet-figures.ts, written by utils/spreadsheet.ts writeXlsx) into an empty database: readSheetFile (exceljs) ${ms(sh.readMs)}, importExisting + checkEmployeeSheet (the preview) ${ms(sh.checkMs)}, applyEmployeeImport (one transaction, ${sh.created} employees + ${sh.cases} cases, validated and audited) ${ms(sh.applyMs)}. ` +
        `Main-thread tasks ≥ 50 ms meanwhile: ${sh.longTasks === null ? 'n/a' : sh.longTasks.length ? sh.longTasks.slice(0, 5).map((x) => ms(x)).join(', ') : 'none'}.`,
    });
  }

  return out;
}

const BATCH_NOTE = 'each click waited out (450 ms) so that it is one batch';

/** The printed table (plain text, aligned; the notes follow it). */
export function formatTable(figures: Figure[]): string {
  const rows = [['figure', 'measured (median, n)', 'budget', 'within'], ...figures.map((f) => [f.figure, f.measured, f.budget, f.within === null ? '—' : f.within ? 'yes' : 'NO'])];
  const width = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) => '| ' + r.map((cell, c) => cell + ' '.repeat(width[c] - [...cell].length)).join(' | ') + ' |';
  return [line(rows[0]), '|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

/** The same table as Markdown for the README (within as ✅ / ❌ / —). */
export function formatMarkdown(figures: Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| figure | measured (median, n) | budget | within budget |',
    '|---|---|---|---|',
    ...figures.map((f) => `| ${esc(f.figure)} | ${esc(f.measured)} | ${esc(f.budget)} | ${f.within === null ? (f.status === 'measured' ? '(report)' : f.status === 'not-measured' ? '—' : 'error') : f.within ? 'yes' : '**no**'} |`),
  ].join('\n');
}
