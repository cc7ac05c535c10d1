/**
 * The content script's only way to the background (and so to storage and rules/): typed messages.
 * Only TYPES are imported (utils/messaging.ts, rules/): the bundle carries no zod, no rules/ and no Dexie. Rule
 * evaluations are batched (one message per burst of checks) and cached, so a re-render that asks
 * the same question again costs nothing.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type {
  PageReport,
  PortalChecklist,
  PortalGuidance,
  PortalSettings,
  ProtocolMap,
  TaughtMappings,
} from '../../utils/messaging';
import type { ApplyPortalFill, FillOutcome, OfferReceipt, PortalActionOffer, PortalActionProtocolMap } from '../../utils/portal-actions';
import type { PortalModule } from '../../rules/model';
import type { PortalRecords } from '../../rules/portal-records';
import type { PortalAnswer as PortalEvalResult, PortalQuestion as PortalEvalRequest } from '../../rules/portal-questions';

// The protocol's own messenger, made here from its types: importing utils/messaging.ts's would bring zod along.
const messenger = defineExtensionMessaging<ProtocolMap>();
const actions = defineExtensionMessaging<PortalActionProtocolMap>();

const CACHE_MAX = 300;
const BATCH_MS = 25;

/** Today in Beijing from the local clock (until the background answers with its own). */
export function localToday(): string {
  // Beijing (UTC+8) regardless of the machine's zone, as the background computes it.
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export class Bridge {
  private settingsPromise: Promise<PortalSettings> | null = null;
  private readonly results = new Map<string, PortalEvalResult>();
  private readonly inflight = new Map<string, Promise<PortalEvalResult>>();
  private queue: { key: string; req: PortalEvalRequest; resolve: (r: PortalEvalResult) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly guidance = new Map<string, Promise<PortalGuidance | null>>();

  /** Language and today's date; zh-CN and the local date when the background cannot answer. */
  settings(): Promise<PortalSettings> {
    this.settingsPromise ??= messenger
      .sendMessage('getPortalSettings', undefined)
      .catch((): PortalSettings => ({ lang: 'zh-CN', today: localToday() }));
    return this.settingsPromise;
  }

  /** The verdict on `req` if it was asked for before. */
  cached(req: PortalEvalRequest): PortalEvalResult | undefined {
    return this.results.get(JSON.stringify(req));
  }

  /** Asks rules/ (in the background) about `req`; batched and cached. */
  evaluate(req: PortalEvalRequest): Promise<PortalEvalResult> {
    const key = JSON.stringify(req);
    const done = this.results.get(key);
    if (done) return Promise.resolve(done);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = new Promise<PortalEvalResult>((resolve) => {
      this.queue.push({ key, req, resolve });
      this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
    });
    this.inflight.set(key, p);
    return p;
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batch = this.queue.splice(0, 200);
    if (this.queue.length) this.timer = setTimeout(() => void this.flush(), BATCH_MS);
    let answers: PortalEvalResult[] = [];
    try {
      answers = await messenger.sendMessage('evaluatePortal', batch.map((b) => b.req));
    } catch {
      answers = [];
    }
    batch.forEach((b, i) => {
      const answer = answers[i];
      // No answer (background restarting): show nothing for a few seconds rather than asking in a loop.
      const r: PortalEvalResult = answer ?? { ok: true, findings: [] };
      this.inflight.delete(b.key);
      if (this.results.size >= CACHE_MAX) this.results.delete(this.results.keys().next().value as string);
      this.results.set(b.key, r);
      if (!answer) setTimeout(() => this.results.get(b.key) === r && this.results.delete(b.key), 5_000);
      b.resolve(r);
    });
  }

  /** FIELD_GUIDANCE of the module and the texts of `ruleIds` (cached per module and ids). */
  guidanceFor(module: PortalModule, ruleIds: string[] = []): Promise<PortalGuidance | null> {
    const key = `${module}|${ruleIds.join(',')}`;
    let p = this.guidance.get(key);
    if (!p) {
      p = messenger.sendMessage('getPortalGuidance', { module, ruleIds }).catch(() => null);
      this.guidance.set(key, p);
    }
    return p;
  }

  /** The checklist for the module (the focused case's, or the default); null when the background cannot answer. */
  checklist(module: PortalModule): Promise<PortalChecklist | null> {
    return messenger.sendMessage('getPortalChecklist', { module }).catch(() => null);
  }

  /** What the agent taught the adapter (taught.ts); nothing taught when the background cannot answer. */
  mappings(): Promise<TaughtMappings> {
    return messenger.sendMessage('getPortalMappings', undefined).catch((): TaughtMappings => ({ fields: [], pages: [] }));
  }

  /** What this tab was recognised as (the side panel's diagnostics). */
  reportPage(report: PageReport): Promise<void> {
    return messenger.sendMessage('reportPage', report);
  }

  private recordsKey = '';

  /**
   * The people the page shows, for the side panel's 保存到案卷 / 同步到案卷簿 (read-only on the portal). Sent
   * only when they changed; kept by the background in extension memory, never in the page.
   */
  reportRecords(records: PortalRecords): void {
    const key = JSON.stringify(records);
    if (key === this.recordsKey) return;
    this.recordsKey = key;
    messenger.sendMessage('reportPortalRecords', records).catch(() => {
      // The background may be restarting: the next refresh sends them again.
      if (this.recordsKey === key) this.recordsKey = '';
    });
  }

  /** Offers a fill or capture to the side panel, where the agent sees the preview and confirms (utils/portal-actions.ts). */
  offerAction(offer: PortalActionOffer): Promise<OfferReceipt> {
    return actions.sendMessage('offerPortalAction', offer);
  }

  private applyFill: ((req: ApplyPortalFill) => FillOutcome) | null = null;

  /** The handler of the side panel's confirmed fill while `signal` lives (one at a time: the running feature's). */
  onApplyFill(handler: (req: ApplyPortalFill) => FillOutcome, signal: AbortSignal): void {
    this.applyFill = handler;
    signal.addEventListener('abort', () => this.applyFill === handler && (this.applyFill = null), { once: true });
  }

  /**
   * Listens for the side panel's confirmations. Only our own extension pages can send them (a page has no
   * way to message us: no externally_connectable); the shape is checked here without zod.
   */
  listen(): () => void {
    const own = browser.runtime.getURL('/');
    return actions.onMessage('applyPortalFill', ({ data, sender }): FillOutcome => {
      const refused: FillOutcome = { refused: 'stale', filled: 0, failed: [] };
      if (sender.id !== browser.runtime.id || !sender.url?.startsWith(own)) return refused;
      if (!isApplyRequest(data) || !this.applyFill) return refused;
      return this.applyFill(data);
    });
  }
}

function isApplyRequest(d: unknown): d is ApplyPortalFill {
  const r = d as ApplyPortalFill | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.actionId === 'string' &&
    Array.isArray(r.rows) &&
    r.rows.length <= 200 &&
    r.rows.every((x) => typeof x?.key === 'string' && Number.isInteger(x.index) && typeof x.value === 'string' && x.value.length <= 2000)
  );
}
