/**
 * Privacy: the built extension makes no network request of its own — not from the service worker,
 * the side panel, the case book, nor from the content script on a portal tab. Checked twice: with
 * Playwright's request events, and below that with the DevTools protocol itself (Network.requestWillBeSent
 * on every target, the service worker included), while the extension does real work.
 */
import { test, expect, extensionIdOf, launchWithExtension } from './harness';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR } from './harness';
import { clickInjected, expectInjected } from './shadow';
import { DRAFT, seedDraft } from './seed';
import { makeResidentId } from '../../rules/identity';
import { addDays, beijingDate } from '../../rules/dates';

test('the extension sends zero requests from any of its contexts', async ({ context, extensionId }) => {
  const offending: string[] = [];
  const portalPages = new Set<string>();
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return;
    const fromWorker = request.serviceWorker() !== null;
    const frameUrl = fromWorker ? '' : request.frame()?.url() ?? '';
    if (fromWorker || frameUrl.startsWith('chrome-extension://')) {
      offending.push(`${fromWorker ? 'service worker' : frameUrl}: ${url}`);
      return;
    }
    // A portal page may load its own replica assets; anything else leaving a portal tab is ours.
    if (!/^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(url) && !url.startsWith('https://example.com/')) {
      offending.push(`${frameUrl}: ${url}`);
    } else portalPages.add(url);
  });

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const book = await context.newPage();
  await book.goto(`chrome-extension://${extensionId}/casebook.html`);
  const portal = await context.newPage();
  for (const hash of ['attachments', 'education', 'basic-info', 'work']) {
    await portal.goto(`https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/${hash}`);
    await portal.waitForTimeout(600);
  }
  await portal.goto('https://example.com/');
  await panel.reload();
  await book.reload();
  await panel.waitForTimeout(1000);
  expect(portalPages.size).toBeGreaterThan(0);
  expect(offending).toEqual([]);
});

test('the built bundles contain no remote address except the portal and documentation links', () => {
  // Allowed: the portal, the official sites the guide itself cites, XML namespaces, React's error-decoder link.
  const allowed = [
    /^https?:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn/,
    /^https?:\/\/rsj\.beijing\.gov\.cn/,
    /^https?:\/\/etax\.chinatax\.gov\.cn/,
    /^http:\/\/www\.w3\.org\//,
    /^https:\/\/react\.dev\/errors\//,
    // Identifiers and documentation links inside zod and WXT; never fetched.
    /^https?:\/\/json-schema\.org\//,
    /^https:\/\/developer\.mozilla\.org\//,
    // Dexie's error messages point to its docs through these two short links (text only, never fetched).
    /^https:\/\/tinyurl\.com\/y2uuvskb$/,
    /^http:\/\/bit\.ly\/2kdckMn$/,
    /^https?:\/\/(localhost|example\.com)/,
    // XML namespaces of the .xlsx files exceljs reads and writes (identifiers inside the documents).
    /^http:\/\/schemas\.openxmlformats\.org\//,
    /^http:\/\/schemas\.microsoft\.com\/office\//,
    /^http:\/\/purl\.org\/dc\//,
    // Documentation links in the messages of exceljs's bundled dependencies; text only, never fetched.
    ...[
      'https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md',
      'https://github.com/zloirock/core-js/blob/v3.33.0/LICENSE',
      'https://github.com/zloirock/core-js',
      'https://github.com/crypto-browserify/crypto-browserify',
      'https://github.com/indutny/elliptic/issues',
      'https://github.com/indutny/elliptic',
      'https://stuk.github.io/jszip/documentation/howto/read_zip.html',
      'https://github.com/uuidjs/uuid#getrandomvalues-not-supported',
    ].map((u) => new RegExp(`^${u.replace(/[.*+?^${}()|[\]\\/#-]/g, '\\$&')}$`)),
  ];
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|html|css|json)$/.test(entry.name)) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/https?:\/\/[a-z0-9][^\s"'`)<>\\]*/gi)) found.add(m[0]);
      }
    }
  };
  walk(EXTENSION_DIR);
  const remote = [...found].filter((u) => !allowed.some((re) => re.test(u)));
  expect(remote).toEqual([]);
});

// ───────────────────────────── the DevTools protocol, browser-wide ─────────────────────────────

interface Socket {
  on(event: 'message', f: (data: Buffer) => void): void;
  on(event: 'open' | 'close', f: () => void): void;
  on(event: 'error', f: (e: Error) => void): void;
  send(data: string): void;
  close(): void;
}
// Node 20 has no WebSocket; Playwright ships the `ws` package inside playwright-core (an exported entry point).
const WebSocketClass = (createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { ws: new (url: string) => Socket }).ws;

type Kind = 'service worker' | 'side panel' | 'case book' | 'portal tab' | 'other extension page' | 'other';
interface Seen {
  kind: Kind;
  url: string;
  /** Script URLs on the initiator's stack: a request from our content script on a portal page shows ours here. */
  initiators: string[];
}

/**
 * One raw CDP connection to the whole browser (Chromium's --remote-debugging-port, next to Playwright's own
 * pipe): auto-attaches to every page and worker (flat sessions), turns the Network domain on in each before it
 * runs any script, and keeps every Network.requestWillBeSent with the kind of target that sent it.
 */
class BrowserWatch {
  readonly seen: Seen[] = [];
  readonly eventsPerKind = new Map<Kind, number>();
  /** Session → its target; a target can be reached through more than one session (a page's auto-attach sees the worker too). */
  private readonly sessions = new Map<string, { targetId: string; type: string }>();
  private readonly targetUrls = new Map<string, string>();
  /** Request → the kind it was counted under, so that its later events (response, finished) are counted there too. */
  private readonly requestKinds = new Map<string, Kind>();
  private readonly counted = new Set<string>();
  private nextId = 1;
  private readonly pending = new Map<number, (r: { error?: { message: string }; result?: unknown }) => void>();

  private constructor(private readonly socket: Socket) {
    socket.on('message', (data) => this.onMessage(JSON.parse(data.toString()) as Record<string, unknown>));
  }

  static async connect(userDataDir: string): Promise<BrowserWatch> {
    const file = path.join(userDataDir, 'DevToolsActivePort');
    await expect.poll(() => fs.existsSync(file)).toBe(true);
    const [port, wsPath] = fs.readFileSync(file, 'utf8').trim().split('\n');
    const socket = new WebSocketClass(`ws://127.0.0.1:${port}${wsPath}`);
    await new Promise<void>((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const watch = new BrowserWatch(socket);
    await watch.send('Target.setDiscoverTargets', { discover: true });
    // Existing targets (the service worker, already running) are attached too; new ones wait for us.
    await watch.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    return watch;
  }

  send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => {
      this.pending.set(id, (r) => (r.error ? reject(new Error(`${method}: ${r.error.message}`)) : resolve(r.result)));
    });
  }

  /** What kind of context a request came from: the target's type, or the document that made it. */
  kindOf(type: string, documentUrl: string): Kind {
    if (type === 'service_worker') return 'service worker';
    if (/^chrome-extension:\/\/[^/]+\/sidepanel\.html/.test(documentUrl)) return 'side panel';
    if (/^chrome-extension:\/\/[^/]+\/casebook\.html/.test(documentUrl)) return 'case book';
    if (documentUrl.startsWith('chrome-extension://')) return 'other extension page';
    if (/^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(documentUrl)) return 'portal tab';
    return 'other';
  }

  private onMessage(msg: Record<string, unknown>) {
    if (typeof msg.id === 'number') {
      this.pending.get(msg.id)?.(msg as never);
      this.pending.delete(msg.id);
      return;
    }
    const params = (msg.params ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const method = String(msg.method);
    const sessionId = msg.sessionId as string | undefined;
    if (method === 'Target.attachedToTarget') {
      this.targetUrls.set(params.targetInfo.targetId, params.targetInfo.url);
      void this.attached(params.sessionId, params.targetInfo, params.waitingForDebugger);
    } else if (method === 'Target.targetInfoChanged' || method === 'Target.targetCreated') {
      this.targetUrls.set(params.targetInfo.targetId, params.targetInfo.url);
    } else if (method === 'Target.detachedFromTarget') {
      this.sessions.delete(params.sessionId);
    } else if (method.startsWith('Network.') && sessionId) {
      const target = this.sessions.get(sessionId);
      if (!target) return;
      // The same event reaches every session attached to the target: count it once.
      const key = `${target.targetId}|${params.requestId ?? ''}|${method}|${params.request?.url ?? ''}|${params.timestamp ?? ''}`;
      if (this.counted.has(key)) return;
      this.counted.add(key);
      const rid = `${target.targetId}|${params.requestId}`;
      const kind =
        method === 'Network.requestWillBeSent'
          ? this.kindOf(target.type, (params.documentURL as string | undefined) ?? this.targetUrls.get(target.targetId) ?? '')
          : (this.requestKinds.get(rid) ?? this.kindOf(target.type, this.targetUrls.get(target.targetId) ?? ''));
      this.eventsPerKind.set(kind, (this.eventsPerKind.get(kind) ?? 0) + 1);
      if (method === 'Network.requestWillBeSent') {
        this.requestKinds.set(rid, kind);
        const frames: { url: string }[] = [];
        for (let s = params.initiator?.stack; s; s = s.parent) frames.push(...(s.callFrames ?? []));
        this.seen.push({ kind, url: params.request.url, initiators: [params.initiator?.url, ...frames.map((f) => f.url)].filter(Boolean) });
      }
    }
  }

  private async attached(sessionId: string, info: { targetId: string; type: string; url: string }, waiting: boolean) {
    this.sessions.set(sessionId, { targetId: info.targetId, type: info.type });
    try {
      if (['page', 'service_worker', 'worker', 'shared_worker', 'iframe'].includes(info.type)) {
        await this.send('Network.enable', {}, sessionId);
        // Frames and workers inside this target too.
        await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
      }
    } catch (e) {
      // A target that closed while we attached (a short-lived frame or worker) can no longer send anything;
      // it was paused until now, so nothing of it went unobserved. Any other failure is real.
      if (!/Session with given id not found|No session with given id|Target closed/i.test(String(e))) throw e;
    } finally {
      if (waiting) await this.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => {});
    }
  }

  close() {
    this.socket.close();
  }
}

/** A request nothing of ours may send: outside the extension, and for a portal tab outside the portal. */
function offends(s: Seen): boolean {
  if (/^(chrome-extension|data|blob):/.test(s.url) || s.url === 'about:blank' || s.url === 'about:srcdoc') return false;
  if (s.kind === 'portal tab') {
    // The replica page's own loads; one started by our content script (on its stack) is ours whatever its address.
    return !/^https:\/\/([a-z0-9-]+\.)*bjrcgz\.gov\.cn\//.test(s.url) || s.initiators.some((u) => u.startsWith('chrome-extension://'));
  }
  return true;
}

test('CDP Network events on the service worker, side panel, case book and a portal tab: nothing leaves', async () => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-cdp-'));
  const context: BrowserContext = await launchWithExtension(dir, ['--remote-debugging-port=0']);
  const watch = await BrowserWatch.connect(dir);
  try {
    const extensionId = await extensionIdOf(context);
    const [worker] = context.serviceWorkers();

    // A portal tab first: its content script asks the background, which creates the database.
    const portal = await context.newPage();
    await portal.goto('https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/overview');
    await expectInjected(portal, '当前页面：个人首页');
    await seedDraft(context, extensionId);

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(panel.getByTestId('employee-facts')).toBeVisible();

    // The case book: an employee sheet imported, a full backup exported and read back in.
    const book = await context.newPage();
    await book.goto(`chrome-extension://${extensionId}/casebook.html#/import`);
    const today = beijingDate(new Date());
    const sheet = [
      ['姓名', '身份证号', '申报类别', '持证状态', '证件有效期至'],
      ['刘洋', makeResidentId({ region: '110115', birthDate: '1988-04-02', sequence: 311 }), 'A', '持证', addDays(today, 62)],
      ['陈静', makeResidentId({ region: '110115', birthDate: '1991-09-19', sequence: 322 }), 'B', '未持证', ''],
    ];
    await book.getByTestId('import-file').setInputFiles({ name: '员工.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${sheet.map((r) => r.join(',')).join('\r\n')}\r\n`) });
    await book.getByTestId('import-go').click();
    await expect(book.getByTestId('import-done')).toContainText('新增 2 名员工');
    await book.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);
    const [download] = await Promise.all([book.waitForEvent('download'), book.getByTestId('backup-export').click()]);
    await book.getByTestId('backup-file').setInputFiles(await download.path());
    await expect(book.getByTestId('backup-plan')).toBeVisible();
    await book.getByTestId('backup-apply').click();
    await expect(book.getByText('备份已导入。')).toBeVisible();

    // The daily reminder check, as the alarm runs it in the worker: 刘洋's renewal window is open.
    const check = await worker.evaluate(() => (globalThis as unknown as { jzzReminders: { runReminderCheck: () => Promise<{ due: unknown[] }> } }).jzzReminders.runReminderCheck().then((r) => r.due.length));
    expect(check).toBeGreaterThan(0);

    // Replica portal pages with the overlay, and fill-from-draft on 个人基础信息.
    for (const hash of ['attachments', 'education', 'work', 'basic-info']) {
      await portal.goto(`https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/${hash}`);
      await expectInjected(portal, '申报助手');
    }
    // Offered from the page, previewed and confirmed in the side panel (issue #20).
    await clickInjected(portal, { tag: 'button', text: '从草稿填写' });
    await expect(panel.getByTestId('fill-preview')).toContainText(DRAFT.captured.hukouAddress);
    await panel.getByTestId('fill-apply').click();
    await expect(panel.getByTestId('action-result')).toContainText('已填写');
    await portal.goto('https://fw.bjrcgz.gov.cn/gzjzz/person/grxx.html');
    await expectInjected(portal, '申报助手');
    await panel.reload();
    await book.reload();

    // Canaries, one per context: a load of our own and an outside address, sent on purpose by the test.
    // Seeing both proves each session watches its target (so "nothing else" is not vacuous); the outside
    // ones are then the only outside addresses allowed in the list.
    const canary = (kind: string) => `https://canary-${kind.replace(' ', '-')}.invalid/`;
    await worker.evaluate(async (u) => {
      await fetch(new URL('/manifest.json', location.href));
      await fetch(u).catch(() => {});
    }, canary('service worker'));
    for (const [kind, page] of [['side panel', panel], ['case book', book], ['portal tab', portal]] as const) {
      await page.evaluate((u) => fetch(u).catch(() => {}), canary(kind));
    }
    await expect.poll(() => new Set(watch.seen.filter((s) => s.url.includes('.invalid/')).map((s) => s.url)).size).toBe(4);

    const byKind = (kind: Kind) => watch.seen.filter((s) => s.kind === kind);
    for (const kind of ['service worker', 'side panel', 'case book', 'portal tab'] as const) {
      expect(byKind(kind).map((s) => s.url), kind).toContain(canary(kind));
    }
    // Each extension context's own chrome-extension:// loads were seen (the worker's: the notification icon
    // the reminder check loaded); the portal tab's replica loads too.
    for (const kind of ['side panel', 'case book'] as const) {
      expect(byKind(kind).filter((s) => s.url.startsWith(`chrome-extension://${extensionId}/`) && s.url.endsWith('.js')).length, kind).toBeGreaterThan(0);
    }
    expect(byKind('service worker').map((s) => s.url)).toContain(`chrome-extension://${extensionId}/icon/128.png`);
    expect(byKind('portal tab').filter((s) => s.url.startsWith('https://fw.bjrcgz.gov.cn/')).length).toBeGreaterThan(5);

    const canaries = new Set(['service worker', 'side panel', 'case book', 'portal tab'].map(canary));
    const offending = watch.seen.filter((s) => !canaries.has(s.url) && offends(s)).map((s) => `${s.kind}: ${s.url}`);
    expect(offending).toEqual([]);
    const counts = Object.fromEntries([...watch.eventsPerKind].sort());
    const requests = Object.fromEntries(['service worker', 'side panel', 'case book', 'portal tab', 'other extension page', 'other'].map((k) => [k, byKind(k as Kind).length]));
    test.info().annotations.push({ type: 'CDP Network events per target', description: JSON.stringify(counts) });
    test.info().annotations.push({ type: 'requestWillBeSent per target', description: JSON.stringify(requests) });
  } finally {
    watch.close();
    await context.close();
  }
});
