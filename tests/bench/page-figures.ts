/**
 * Page figures: the built extension in Debian's Chromium vs the same browser without it, on the
 * 300-field replica page (https://fw.bjrcgz.gov.cn/bench/perf-300.html, routed by tests/e2e/replica-routing.mjs).
 *
 * Two persistent contexts (A: --load-extension, B: none; the same flags, viewport and locale otherwise),
 * driven alternately from this one process so that machine drift hits both alike. Each figure says how
 * it was taken; see README "Performance".
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, chromiumArgs, routeReplicas } from '../e2e/replica-routing.mjs';
import { median, summarize, type Summary } from './lib/stats';

export const PERF_URL = 'https://fw.bjrcgz.gov.cn/bench/perf-300.html';
const REFRESH_BUTTON = '刷新列表';

export interface PageBenchOptions {
  extensionDir: string;
  /** A/B page loads per arm (after one discarded warm-up each). */
  runs: number;
  /** Traced loads with the extension, for long-task attribution. */
  tracedRuns: number;
  /** Re-renders of the 50-row table per arm (and as many profiled ones). */
  batches: number;
  /** How long the idle page is watched. */
  idleSeconds: number;
  /**
   * Wall-clock caps per phase (ms): on a loaded machine repetitions stop early (never below 3) so that the
   * whole bench stays under 5 minutes; the n actually reached is reported with every figure.
   */
  budgets: { loads: number; traced: number; batches: number };
  log: (msg: string) => void;
}

/** Repeats `fn` up to `max` times, and at least `min` times, while `budgetMs` lasts. */
async function repeat(max: number, budgetMs: number, fn: (i: number) => Promise<void>, min = 3): Promise<number> {
  const start = Date.now();
  let i = 0;
  while (i < max && (i < min || Date.now() - start < budgetMs)) await fn(i++);
  return i;
}

/** Installed in every page of both arms before any page script (addInitScript). */
function initScript() {
  type Bench = {
    lt: { start: number; dur: number }[];
    jzz: number | null;
    jzzName: string | null;
    rendered: number | null;
    stop: () => void;
  };
  const w = window as unknown as { __bench: Bench };
  // Our hosts are plain div/span with a closed shadow root and no name (issue #20): an empty, attribute-less
  // div/span that refuses a second shadow root is one (an ordinary empty element just gets an empty root).
  const isHostProbe = (el: Element): boolean => {
    if ((el.localName !== 'div' && el.localName !== 'span') || el.attributes.length || el.childNodes.length || el.shadowRoot) return false;
    try {
      // A slot keeps whatever the page puts in that element later on screen.
      el.attachShadow({ mode: 'open' }).append(document.createElement('slot'));
      return false;
    } catch {
      return true;
    }
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && isHostProbe(n as Element)) {
          b.jzz = performance.now();
          b.jzzName = (n as Element).localName;
          mo.disconnect();
          return;
        }
      }
    }
  });
  const b: Bench = { lt: [], jzz: null, jzzName: null, rendered: null, stop: () => mo.disconnect() };
  w.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lt.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask unsupported: the count stays empty and the report says n/a
  }
  mo.observe(document, { childList: true, subtree: true });
  addEventListener('replica:rendered', () => {
    if (b.rendered === null) b.rendered = performance.now();
  });
}

interface Arm {
  name: 'with' | 'without';
  context: BrowserContext;
  userDataDir: string;
  extensionId?: string;
  /** Extension pages the browser opened by itself at start (the welcome tab) and the bench closed. */
  closedOnStart: string[];
}

async function launch(name: Arm['name'], extensionDir: string): Promise<Arm> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), `jzz-bench-${name}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(name === 'with' ? extensionDir : null),
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  await routeReplicas(context);
  await context.addInitScript(initScript);
  const arm: Arm = { name, context, userDataDir, closedOnStart: [] };
  if (name === 'with') {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
    arm.extensionId = new URL(worker.url()).host;
    // On install the extension opens its welcome page in a background tab: close it, so that arm A runs no page
    // that arm B does not (its renderer would compete for the 2 cores during every measurement).
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const own = context.pages().filter((p) => p.url().startsWith(`chrome-extension://${arm.extensionId}/`));
      if (own.length) {
        for (const p of own) {
          arm.closedOnStart.push(new URL(p.url()).pathname);
          await p.close();
        }
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return arm;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function settle(page: Page, withExtension: boolean) {
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true, null, { timeout: 15_000 });
  if (withExtension) {
    await page
      .waitForFunction(() => (window as unknown as { __bench: { jzz: number | null } }).__bench.jzz !== null, null, { timeout: 5_000 })
      .catch(() => undefined);
  }
  // The content script recognises in the observer callback and re-checks in the next frame; leave it time to go quiet.
  await page.waitForTimeout(1_000);
}

export interface LoadSample {
  firstPaint: number;
  firstContentfulPaint: number;
  domContentLoaded: number;
  loadEnd: number;
  /** max(loadEventEnd, last resource responseEnd): after this the network is idle. */
  networkIdle: number;
  /** The same without the favicon, which the browser (not the page) fetches once the page has loaded. */
  networkIdlePageOnly: number;
  lastResource: string;
  longTasks: number;
  longTaskMs: number;
  replicaRendered: number | null;
  overlay: number | null;
  overlayHost: string | null;
  scriptMs: number;
  taskMs: number;
  heapUsed: number;
  heapEmbedder: number;
}

async function loadOnce(arm: Arm): Promise<LoadSample> {
  const page = await arm.context.newPage();
  const cdp = await arm.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(PERF_URL, { waitUntil: 'networkidle' });
    await settle(page, arm.name === 'with');
    const m = await metrics(cdp);
    const d = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const b = (window as unknown as { __bench: { lt: { start: number; dur: number }[]; jzz: number | null; jzzName: string | null; rendered: number | null } }).__bench;
      return {
        fp: paint['first-paint'] ?? NaN,
        fcp: paint['first-contentful-paint'] ?? NaN,
        dcl: nav.domContentLoadedEventStart,
        load: nav.loadEventEnd,
        net: Math.max(nav.loadEventEnd, nav.responseEnd, ...res.map((r) => r.responseEnd)),
        netPage: Math.max(nav.loadEventEnd, nav.responseEnd, ...res.filter((r) => !r.name.endsWith('/favicon.ico')).map((r) => r.responseEnd)),
        last: res.reduce<PerformanceResourceTiming | null>((a, r) => (!a || r.responseEnd > a.responseEnd ? r : a), null)?.name ?? '',
        lt: b.lt,
        jzz: b.jzz,
        jzzName: b.jzzName,
        rendered: b.rendered,
      };
    });
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return {
      firstPaint: d.fp,
      firstContentfulPaint: d.fcp,
      domContentLoaded: d.dcl,
      loadEnd: d.load,
      networkIdle: d.net,
      networkIdlePageOnly: d.netPage,
      lastResource: d.last.replace(/^https:\/\/[^/]+/, ''),
      longTasks: d.lt.length,
      longTaskMs: d.lt.reduce((s, t) => s + t.dur, 0),
      replicaRendered: d.rendered,
      overlay: d.jzz,
      overlayHost: d.jzzName,
      scriptMs: m.ScriptDuration * 1000,
      taskMs: m.TaskDuration * 1000,
      heapUsed: heap.usedSize,
      heapEmbedder: heap.embedderHeapUsedSize ?? NaN,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Tracing (browser-wide, through the browser's own CDP session)

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

async function startTrace(arm: Arm, categories: string[]) {
  const browser = arm.context.browser();
  if (!browser) throw new Error('no browser handle for tracing');
  const session = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  return {
    async stop(): Promise<TraceEvent[]> {
      const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await done;
      await session.detach().catch(() => undefined);
      return events;
    },
  };
}

const isExt = (e: TraceEvent) => typeof e.args?.data?.url === 'string' && e.args.data.url.startsWith('chrome-extension://');

/** Top-level extension script events (EvaluateScript / FunctionCall not nested in another one). */
function topLevelExtensionEvents(events: TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && isExt(e))
    .sort((a, b) => a.ts - b.ts);
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of own) {
    if (e.ts >= end) {
      out.push(e);
      end = e.ts + (e.dur ?? 0);
    }
  }
  return out;
}

export interface LongTaskAttribution {
  /** Main-thread tasks ≥ 50 ms that contain extension script. */
  withExtensionScript: number;
  /** …of which would have stayed under 50 ms without that script: long tasks the extension added. */
  added: number;
  /** Extension script time inside those tasks, and all extension script on the page during the load. */
  extensionMsInLongTasks: number;
  extensionMsTotal: number;
  /** The longest single extension event (EvaluateScript of portal.js is the script's start-up). */
  longest: { name: string; ms: number } | null;
  /** When the content script starts (its EvaluateScript), relative to DOMContentLoaded and to the load event (trace marks). */
  startAfterDclMs: number | null;
  startAfterLoadMs: number | null;
  /**
   * What the extension did on the page's main thread between DOMContentLoaded and the load event (it delays the
   * load event by that much when it runs there): the isolated world's creation (ScriptInjection::InjectJs) and each
   * extension script's top-level EvaluateScript/FunctionCall, by script.
   */
  beforeLoad: { injectMs: number; scripts: { script: string; ms: number }[]; gapMs: number | null; beforeDclMs: number };
}

async function tracedLoad(arm: Arm): Promise<LongTaskAttribution> {
  const page = await arm.context.newPage();
  // 'extensions' adds ScriptInjection::InjectJs (the isolated world made for a content script).
  const trace = await startTrace(arm, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'extensions']);
  let events: TraceEvent[];
  try {
    await page.goto(PERF_URL, { waitUntil: 'networkidle' });
    await settle(page, true);
  } finally {
    events = await trace.stop();
    await page.close();
  }
  const contentScript = events.find((e) => e.name === 'EvaluateScript' && isExt(e) && e.args?.data?.url?.includes('/content-scripts/'));
  if (!contentScript) throw new Error('the content script did not run in the traced load');
  const { pid, tid } = contentScript;
  const ext = topLevelExtensionEvents(events, pid, tid);
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) >= 50_000);
  let withExt = 0;
  let added = 0;
  let inLong = 0;
  for (const t of tasks) {
    const inside = ext.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)).reduce((s, e) => s + (e.dur ?? 0), 0);
    if (inside > 0) {
      withExt += 1;
      inLong += inside;
      if ((t.dur ?? 0) - inside < 50_000) added += 1;
    }
  }
  const longest = ext.reduce<TraceEvent | null>((a, e) => (!a || (e.dur ?? 0) > (a.dur ?? 0) ? e : a), null);
  const mark = (name: string) => events.find((e) => e.name === name && e.pid === pid)?.ts;
  const dcl = mark('MarkDOMContent');
  const load = mark('MarkLoad');
  const between = (e: TraceEvent) => dcl !== undefined && load !== undefined && e.ts >= dcl && e.ts < load;
  const byScript = new Map<string, number>();
  for (const e of ext.filter(between)) {
    const script = e.args!.data!.url!.replace(/^chrome-extension:\/\/[^/]+/, '');
    byScript.set(script, (byScript.get(script) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const injections = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'ScriptInjection::InjectJs');
  const inject = injections.filter(between);
  const early = (e: TraceEvent) => dcl !== undefined && e.ts < dcl;
  return {
    beforeLoad: {
      beforeDclMs: [...injections.filter(early), ...ext.filter(early)].reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
      injectMs: inject.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
      scripts: [...byScript].map(([script, ms]) => ({ script, ms })),
      gapMs: dcl === undefined || load === undefined ? null : (load - dcl) / 1000,
    },
    withExtensionScript: withExt,
    added,
    extensionMsInLongTasks: inLong / 1000,
    extensionMsTotal: ext.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
    longest: longest ? { name: longest.name, ms: (longest.dur ?? 0) / 1000 } : null,
    startAfterDclMs: dcl === undefined ? null : (contentScript.ts - dcl) / 1000,
    startAfterLoadMs: load === undefined ? null : (contentScript.ts - load) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Mutation batches

async function clickRefresh(page: Page): Promise<number> {
  return page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').includes(label));
    if (!button) throw new Error(`no ${label} button`);
    button.click();
    return (window as unknown as { __replica: { tableRenders: number } }).__replica.tableRenders;
  }, REFRESH_BUTTON);
}

/** Waits past the content script's work for one batch (observer callback, then the next frame), so each click is one batch. */
const BATCH_WAIT_MS = 450;

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * Time (ms) of samples whose stack includes extension code; split at `splitMs` after the profile start.
 * `byFunction` adds each such sample to the innermost extension function on its stack (its self time,
 * native DOM calls included), keyed "name (line:col)" in the minified content script.
 */
function extensionTime(profile: CpuProfile, splitMs: number, byFunction?: Map<string, number>): { total: number; early: number; late: number } {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const memo = new Map<number, boolean>();
  const ext = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const r = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && ext(p)));
    memo.set(id, r);
    return r;
  };
  const innermost = (id: number): string => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (f.url.startsWith('chrome-extension://')) return `${f.functionName || '(anonymous)'} (${f.lineNumber + 1}:${f.columnNumber + 1})`;
    }
    return '?';
  };
  let t = 0;
  const out = { total: 0, early: 0, late: 0 };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dur = profile.timeDeltas[i + 1] ?? 0;
    if (!ext(profile.samples[i])) continue;
    out.total += dur;
    if (byFunction) {
      const k = innermost(profile.samples[i]);
      byFunction.set(k, (byFunction.get(k) ?? 0) + dur / 1000);
    }
    if (t / 1000 < splitMs) out.early += dur;
    else out.late += dur;
  }
  return { total: out.total / 1000, early: out.early / 1000, late: out.late / 1000 };
}

/** The first characters of the minified content script at a profiler position "name (line:col)", to grep for. */
function codeAt(extensionDir: string, fn: string): string {
  const m = /\((\d+):(\d+)\)$/.exec(fn);
  if (!m) return '';
  try {
    const lines = fs.readFileSync(path.join(extensionDir, 'content-scripts/portal.js'), 'utf8').split('\n');
    return (lines[Number(m[1]) - 1] ?? '').slice(Number(m[2]) - 1, Number(m[2]) + 79);
  } catch {
    return '';
  }
}

export interface MutationFigures {
  /** Content-script time per batch from the CPU profiler (samples with extension code on the stack). */
  profiled: Summary & { observerMs: number; recheckMs: number; samplingUs: number; hottest: { fn: string; msPerBatch: number; code: string }[] };
  /** ScriptDuration per batch, with and without the extension, and the paired difference. */
  scriptWith: Summary;
  scriptWithout: Summary;
  scriptAdded: Summary;
  tableRenders: number;
}

async function openSettled(arm: Arm): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await arm.context.newPage();
  const cdp = await arm.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(PERF_URL, { waitUntil: 'networkidle' });
  await settle(page, arm.name === 'with');
  await page.evaluate(() => (window as unknown as { __bench: { stop: () => void } }).__bench.stop());
  return { page, cdp };
}

// ---------------------------------------------------------------------------------------------
// Idle CPU

interface ProcCpu {
  pid: number;
  kind: string;
  ms: number;
}

/** CPU time (user + system) of every process of the browser whose profile is `userDataDir`, from /proc. */
function browserProcesses(userDataDir: string): ProcCpu[] {
  const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);
  const stat = new Map<number, { ppid: number; ms: number }>();
  const cmd = new Map<number, string>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stat.set(Number(d), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * tick });
      cmd.set(Number(d), fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // the process ended meanwhile
    }
  }
  const root = [...cmd].find(([, c]) => c.includes(`--user-data-dir=${userDataDir}`) && !c.includes('--type='))?.[0];
  if (root === undefined) return [];
  const out: ProcCpu[] = [];
  const visit = (pid: number) => {
    const c = cmd.get(pid) ?? '';
    const type = /--type=(\S+)/.exec(c)?.[1] ?? 'browser';
    const kind = type === 'renderer' && c.includes('--extension-process') ? 'extension' : type;
    out.push({ pid, kind, ms: stat.get(pid)?.ms ?? 0 });
    for (const [child, s] of stat) if (s.ppid === pid) visit(child);
  };
  visit(root);
  return out;
}

function cpuByKind(before: ProcCpu[], after: ProcCpu[]): Record<string, number> {
  const start = new Map(before.map((p) => [p.pid, p.ms]));
  const out: Record<string, number> = {};
  for (const p of after) out[p.kind] = (out[p.kind] ?? 0) + (p.ms - (start.get(p.pid) ?? p.ms));
  return out;
}

/** Main-thread time of one renderer by kind of work, from a trace (outermost events only, no double counting). */
export interface ThreadBreakdown {
  tasks: number;
  taskMs: number;
  scriptMs: number;
  extensionScriptMs: number;
  styleLayoutMs: number;
  paintMs: number;
  gcMs: number;
  otherMs: number;
  /** Where the thread's tasks were posted from (toplevel trace args), most time first. */
  topSources: { source: string; tasks: number; ms: number }[];
}

function kindOf(name: string): 'script' | 'layout' | 'paint' | 'gc' | null {
  if (/^(FunctionCall|EvaluateScript|v8\.callFunction|v8\.run|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame)$/.test(name)) return 'script';
  if (/GC|Scavenge|MarkCompact/i.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|Layout|RecalcStyle|ScheduleStyleRecalculation|LocalFrameView::layout|UpdateLayerTree|IntersectionObserverController::computeIntersections)$/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|CompositeLayers|Commit|PaintImage|RasterTask|UpdateLayer)$/.test(name)) return 'paint';
  return null;
}

function breakdown(events: TraceEvent[], pid: number): ThreadBreakdown {
  const own = events.filter((e) => e.pid === pid && e.tid === pid && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = own.filter((e) => e.name === 'RunTask');
  const out: ThreadBreakdown = { tasks: tasks.length, taskMs: 0, scriptMs: 0, extensionScriptMs: 0, styleLayoutMs: 0, paintMs: 0, gcMs: 0, otherMs: 0, topSources: [] };
  const sources = new Map<string, { tasks: number; ms: number }>();
  for (const e of own) {
    if (e.name !== 'ThreadControllerImpl::RunTask') continue;
    const a = e.args as { src_file?: string; src_func?: string } | undefined;
    const key = `${(a?.src_file ?? '?').split('/').slice(-1)[0]} ${(a?.src_func ?? '').replace(/\(.*$/, '').split(' ').slice(-1)[0]}`.trim();
    const cur = sources.get(key) ?? { tasks: 0, ms: 0 };
    cur.tasks += 1;
    cur.ms += (e.dur ?? 0) / 1000;
    sources.set(key, cur);
  }
  out.topSources = [...sources].sort((x, y) => y[1].ms - x[1].ms).slice(0, 3).map(([source, v]) => ({ source, ...v }));
  for (const t of tasks) out.taskMs += (t.dur ?? 0) / 1000;
  let end = -Infinity;
  for (const e of own) {
    const kind = kindOf(e.name);
    if (!kind || e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    const d = (e.dur ?? 0) / 1000;
    if (kind === 'script') {
      out.scriptMs += d;
      if (isExt(e)) out.extensionScriptMs += d;
    } else if (kind === 'layout') out.styleLayoutMs += d;
    else if (kind === 'paint') out.paintMs += d;
    else out.gcMs += d;
  }
  out.otherMs = Math.max(0, out.taskMs - out.scriptMs - out.styleLayoutMs - out.paintMs - out.gcMs);
  return out;
}

/** The renderer process (pid) of web pages whose main thread worked most in `events`. */
/** Task time per thread of the extension process (ExtensionRenderer: the service worker and its helpers). */
function extensionProcessTasks(events: TraceEvent[]): IdleFigures['extensionProcess'] {
  const pid = events.find((e) => e.name === 'process_name' && e.args?.name === 'ExtensionRenderer')?.pid;
  if (pid === undefined) return null;
  const names = new Map(events.filter((e) => e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, e.args?.name ?? String(e.tid)]));
  const threads: Record<string, number> = {};
  const sources = new Map<string, { tasks: number; ms: number }>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const thread = names.get(e.tid) ?? String(e.tid);
    threads[thread] = (threads[thread] ?? 0) + (e.dur ?? 0) / 1000;
    const a = e.args as { src_file?: string; src_func?: string } | undefined;
    const key = `${thread}: ${(a?.src_file ?? '?').split('/').slice(-1)[0]} ${(a?.src_func ?? '').replace(/\(.*$/, '').split(' ').slice(-1)[0]}`.trim();
    const cur = sources.get(key) ?? { tasks: 0, ms: 0 };
    cur.tasks += 1;
    cur.ms += (e.dur ?? 0) / 1000;
    sources.set(key, cur);
  }
  return { threads, topSources: [...sources].sort((x, y) => y[1].ms - x[1].ms).slice(0, 3).map(([source, v]) => ({ source, ...v })) };
}

function busiestPageRenderer(events: TraceEvent[]): number | undefined {
  const pages = new Set(events.filter((e) => e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid));
  const busy = new Map<number, number>();
  for (const e of events) if (pages.has(e.pid) && e.tid === e.pid && e.name === 'RunTask') busy.set(e.pid, (busy.get(e.pid) ?? 0) + (e.dur ?? 0));
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export interface IdleFigures {
  seconds: number;
  /** Main-thread time of the portal page (CDP Performance.getMetrics deltas), per arm. */
  taskMsWith: number;
  taskMsWithout: number;
  scriptMsWith: number;
  scriptMsWithout: number;
  /** Extension script calls seen in a browser-wide trace over the idle period (timers, listeners, polling). */
  extensionCalls: number;
  extensionCallMs: number;
  extensionCallUrls: string[];
  /** Extension calls the same trace saw for one table re-render just before the window (must be > 0). */
  controlCalls: number;
  /** Timer callbacks fired in the portal page's renderer, per arm (the replica's own included). */
  timerFiresWith: number;
  timerFiresWithout: number;
  /** The portal page's renderer main thread over the idle period, by kind of work (trace), per arm. */
  threadWith: ThreadBreakdown | null;
  threadWithout: ThreadBreakdown | null;
  /** The extension's own process over the window (trace): task time per thread and where the tasks came from. */
  extensionProcess: { threads: Record<string, number>; topSources: { source: string; tasks: number; ms: number }[] } | null;
  /** CPU time per process kind over the idle period (/proc, 10 ms ticks), per arm. */
  cpuWith: Record<string, number>;
  cpuWithout: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------

export interface PageFigures {
  chromium: string;
  extensionId: string;
  closedOnStart: string[];
  loads: { with: LoadSample[]; without: LoadSample[] };
  traced: LongTaskAttribution[];
  mutations: MutationFigures;
  idle: IdleFigures;
  /** For the storage and case-book steps, which run in the same browser afterwards. */
  withArm: Arm;
  close: () => Promise<void>;
}

export async function pageFigures(o: PageBenchOptions): Promise<PageFigures> {
  const A = await launch('with', o.extensionDir);
  const B = await launch('without', o.extensionDir);
  const close = async () => {
    await A.context.close().catch(() => undefined);
    await B.context.close().catch(() => undefined);
    for (const d of [A.userDataDir, B.userDataDir]) fs.rmSync(d, { recursive: true, force: true });
  };
  try {
    const version = await (async () => {
      const s = await A.context.browser()!.newBrowserCDPSession();
      const v = (await s.send('Browser.getVersion')) as { product: string };
      await s.detach();
      return v.product;
    })();

    // 1. Loads, alternating A/B; one warm-up load per arm is discarded.
    o.log(`page loads: ${o.runs} per arm, alternating`);
    await loadOnce(A);
    await loadOnce(B);
    const loads = { with: [] as LoadSample[], without: [] as LoadSample[] };
    await repeat(o.runs, o.budgets.loads, async (i) => {
      for (const arm of i % 2 === 0 ? [A, B] : [B, A]) loads[arm.name].push(await loadOnce(arm));
    });

    // 2. Traced loads with the extension: which long tasks contain extension script.
    o.log(`traced loads: ${o.tracedRuns}`);
    const traced: LongTaskAttribution[] = [];
    await repeat(o.tracedRuns, o.budgets.traced, async () => {
      traced.push(await tracedLoad(A));
    });

    // 3. Mutation batches.
    o.log(`mutation batches: ${o.batches} per arm + ${o.batches} profiled`);
    const pa = await openSettled(A);
    const pb = await openSettled(B);
    const firstRenders = await pa.page.evaluate(() => (window as unknown as { __replica: { tableRenders: number } }).__replica.tableRenders);
    const sWith: number[] = [];
    const sWithout: number[] = [];
    const batchBudget = o.budgets.batches / 2;
    await repeat(o.batches, batchBudget, async (i) => {
      const pair: Record<string, number> = {};
      for (const [arm, p] of i % 2 === 0 ? ([[A, pa], [B, pb]] as const) : ([[B, pb], [A, pa]] as const)) {
        const m0 = await metrics(p.cdp);
        await clickRefresh(p.page);
        await p.page.waitForTimeout(BATCH_WAIT_MS);
        const m1 = await metrics(p.cdp);
        pair[arm.name] = (m1.ScriptDuration - m0.ScriptDuration) * 1000;
      }
      sWith.push(pair.with);
      sWithout.push(pair.without);
    });
    const SAMPLING_US = 100;
    await pa.cdp.send('Profiler.enable');
    await pa.cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    const prof: { total: number; early: number; late: number }[] = [];
    const byFunction = new Map<string, number>();
    await repeat(o.batches, batchBudget, async () => {
      await pa.cdp.send('Profiler.start');
      await clickRefresh(pa.page);
      await pa.page.waitForTimeout(BATCH_WAIT_MS);
      const { profile } = (await pa.cdp.send('Profiler.stop')) as { profile: CpuProfile };
      prof.push(extensionTime(profile, 120, byFunction));
    });
    await pa.cdp.send('Profiler.disable');
    const lastRenders = await pa.page.evaluate(() => (window as unknown as { __replica: { tableRenders: number } }).__replica.tableRenders);
    const mutations: MutationFigures = {
      profiled: {
        ...summarize(prof.map((p) => p.total)),
        observerMs: median(prof.map((p) => p.early)),
        recheckMs: median(prof.map((p) => p.late)),
        samplingUs: SAMPLING_US,
        hottest: [...byFunction]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([fn, total]) => ({ fn, msPerBatch: total / Math.max(1, prof.length), code: codeAt(o.extensionDir, fn) })),
      },
      scriptWith: summarize(sWith),
      scriptWithout: summarize(sWithout),
      scriptAdded: summarize(sWith.map((w, i) => w - sWithout[i])),
      tableRenders: lastRenders - firstRenders,
    };

    // 4. Idle: a freshly loaded page in each arm, left alone for idleSeconds, both watched at the same time.
    o.log(`idle: ${o.idleSeconds} s, both arms at once`);
    await pa.page.close();
    await pb.page.close();
    const qa = await openSettled(A);
    const qb = await openSettled(B);
    await Promise.all([qa.page.waitForTimeout(2_000), qb.page.waitForTimeout(2_000)]);
    const idleCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.gc', 'blink.user_timing', 'toplevel'];
    const trA = await startTrace(A, idleCategories);
    const trB = await startTrace(B, idleCategories);
    const markAll = (name: string) => Promise.all([qa.page, qb.page].map((p) => p.evaluate((n) => performance.mark(n), name)));
    await markAll('jzz-bench-idle-start');
    const [mA0, mB0] = await Promise.all([metrics(qa.cdp), metrics(qb.cdp)]);
    const cA0 = browserProcesses(A.userDataDir);
    const cB0 = browserProcesses(B.userDataDir);
    await new Promise((r) => setTimeout(r, o.idleSeconds * 1000));
    const cA1 = browserProcesses(A.userDataDir);
    const cB1 = browserProcesses(B.userDataDir);
    const [mA1, mB1] = await Promise.all([metrics(qa.cdp), metrics(qb.cdp)]);
    await markAll('jzz-bench-idle-end');
    // Positive control after the window: one table re-render in the traced browser, so the report can show that
    // this trace does see the content script's calls (a 0 must mean "nothing ran", not "not seen").
    await clickRefresh(qa.page);
    await qa.page.waitForTimeout(1_000);
    const [allA, allB] = await Promise.all([trA.stop(), trB.stop()]);
    const markTs = (events: TraceEvent[], name: string) => {
      const ts = events.find((e) => e.name === name)?.ts;
      if (ts === undefined) throw new Error(`idle trace: the mark ${name} was not recorded`);
      return ts;
    };
    const split = (events: TraceEvent[]) => {
      const a = markTs(events, 'jzz-bench-idle-start');
      const b = markTs(events, 'jzz-bench-idle-end');
      return { inside: events.filter((e) => e.ph === 'M' || (e.ts >= a && e.ts <= b)), after: events.filter((e) => e.ts > b) };
    };
    const wA = split(allA);
    const wB = split(allB);
    const evA = wA.inside;
    const evB = wB.inside;
    const extCall = (e: TraceEvent) => e.ph === 'X' && (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire') && isExt(e);
    const extCalls = evA.filter(extCall);
    const controlEvents = wA.after.filter(extCall);
    const controlCalls = controlEvents.length;
    // A's page renderer is where the content script ran for the control; B's is its busiest web renderer.
    const pidA = controlEvents[0]?.pid ?? busiestPageRenderer(evA);
    const pidB = busiestPageRenderer(evB);
    /** Timer callbacks fired in web-page renderers (process_name "Renderer"; the extension's is "ExtensionRenderer"). */
    const timerFires = (events: TraceEvent[]) => {
      const pages = new Set(events.filter((e) => e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid));
      return events.filter((e) => e.name === 'TimerFire' && pages.has(e.pid)).length;
    };
    const idle: IdleFigures = {
      seconds: o.idleSeconds,
      taskMsWith: (mA1.TaskDuration - mA0.TaskDuration) * 1000,
      taskMsWithout: (mB1.TaskDuration - mB0.TaskDuration) * 1000,
      scriptMsWith: (mA1.ScriptDuration - mA0.ScriptDuration) * 1000,
      scriptMsWithout: (mB1.ScriptDuration - mB0.ScriptDuration) * 1000,
      extensionCalls: extCalls.length,
      extensionCallMs: extCalls.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
      extensionCallUrls: [...new Set(extCalls.map((e) => e.args!.data!.url!.replace(/^chrome-extension:\/\/[^/]+/, '')))],
      controlCalls,
      threadWith: pidA === undefined ? null : breakdown(evA, pidA),
      threadWithout: pidB === undefined ? null : breakdown(evB, pidB),
      timerFiresWith: timerFires(evA),
      timerFiresWithout: timerFires(evB),
      extensionProcess: extensionProcessTasks(evA),
      cpuWith: cpuByKind(cA0, cA1),
      cpuWithout: cpuByKind(cB0, cB1),
    };
    await qa.page.close();
    await qb.page.close();
    await B.context.close();

    return { chromium: version, extensionId: A.extensionId!, closedOnStart: A.closedOnStart, loads, traced, mutations, idle, withArm: A, close };
  } catch (e) {
    await close();
    throw e;
  }
}
