/**
 * The background's handlers for the storage messages of utils/messaging.ts. Each one checks the sender (our own extension; a content
 * script on an https *.bjrcgz.gov.cn page, or one of our extension pages) and parses the payload with its zod schema
 * before anything else; a refusal is a thrown StorageError ('forbidden' / 'invalid'), which
 * @webext-core/messaging hands back to the caller as a rejected promise.
 *
 * Testable without a browser: handlers take the database, the runtime id and a page-context store.
 * The background wires them with `registerStorageHandlers(onMessage, { db: getDb(), runtimeId:
 * browser.runtime.id, pageContexts: sessionPageContextStore() })`.
 */
import type { z } from 'zod';
import type { JzzDb } from '../../storage/db';
import { StorageError, fromZodError, pickLang } from '../../storage/errors';
import { createRepos } from '../../storage/repos';
import type { CapturedValue } from '../../storage/schemas';
import { findHostileKey } from '../../utils/hostile';
import {
  REQUEST_SCHEMAS,
  type FocusDraft,
  type ProtocolMap,
  type TabContext,
} from '../../utils/messaging';
import type { PageContextStore } from './tab-contexts';
import { isPortalUrl } from '../../utils/matches';

/** The messages whose handlers live here (the portal questions' are in portal-handlers.ts). */
const MESSAGE_TYPES = ['reportPage', 'getActivePortalContext'] as const;
type MessageType = (typeof MESSAGE_TYPES)[number];

/** The parts of `runtime.MessageSender` the checks use. */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; active?: boolean };
}

export interface StorageHandlerDeps {
  db: JzzDb;
  /** `browser.runtime.id`. */
  runtimeId: string;
  pageContexts: PageContextStore;
  now?: () => Date;
}

// https only, the manifest's pattern: one definition (utils/matches.ts).
export { isPortalUrl };

function forbidden(reason: string): StorageError {
  return new StorageError(
    'forbidden',
    { zh: '拒绝：消息不是来自本扩展在北京国际人才网上的页面。', en: 'Refused: the message did not come from this extension on the portal.' },
    { reason },
  );
}

/** Throws unless the sender is our content script in a portal tab (frame URL and tab URL on the portal). */
export function assertPortalContentScript(sender: MessageSender, runtimeId: string): { tabId: number; url: string; active: boolean } {
  if (!runtimeId || sender.id !== runtimeId) throw forbidden('foreign-extension');
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) throw forbidden('no-tab');
  const url = sender.url ?? sender.tab?.url;
  if (!isPortalUrl(url)) throw forbidden('not-portal');
  if (sender.tab?.url !== undefined && !isPortalUrl(sender.tab.url)) throw forbidden('not-portal-tab');
  return { tabId, url: url as string, active: sender.tab?.active !== false };
}

/** Throws unless the sender is one of our own extension pages (side panel, case book). */
export function assertExtensionPage(sender: MessageSender, runtimeId: string): void {
  if (!runtimeId || sender.id !== runtimeId) throw forbidden('foreign-extension');
  const url = sender.url ?? sender.origin;
  let ok = false;
  try {
    const u = url ? new URL(url) : undefined;
    ok = !!u && /^(chrome|moz|ms-browser|safari-web)-extension:$/.test(u.protocol) && (u.protocol === 'moz-extension:' || u.hostname === runtimeId);
  } catch {
    ok = false;
  }
  if (!ok) throw forbidden('not-extension-page');
}

function parseRequest<T extends MessageType>(type: T, data: unknown): z.output<(typeof REQUEST_SCHEMAS)[T]> {
  return parseMessage(REQUEST_SCHEMAS[type], data) as z.output<(typeof REQUEST_SCHEMAS)[T]>;
}

/**
 * Checks a message payload from another context: hostile keys first, then its zod schema. Refusals are
 * StorageError('invalid') with a zh/en sentence (also used by the portal protocol's handlers).
 */
export function parseMessage<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const hostile = findHostileKey(data);
  if (hostile) {
    throw new StorageError(
      'invalid',
      { zh: `消息内容含有不允许的键名「${hostile}」，已拒绝。`, en: `The message contains the forbidden key "${hostile}"; refused.` },
      { reason: 'hostile-key' },
    );
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    // A message is refused, not "not saved" (fromZodError's wording for forms): say so, then the first problem.
    const details = fromZodError(r.error, { zh: '消息内容', en: 'Message' }).details;
    throw new StorageError(
      'invalid',
      { zh: `消息内容无效，已拒绝：${pickLang(details[0] ?? '', 'zh-CN')}`, en: `The message was refused as invalid: ${pickLang(details[0] ?? '', 'en')}` },
      { reason: 'invalid-message', details, cause: r.error },
    );
  }
  return r.data;
}

export type StorageHandlers = {
  [K in MessageType]: (data: unknown, sender: MessageSender) => Promise<ReturnType<ProtocolMap[K]>>;
} & {
  /**
   * The employee and case in focus, for the portal handlers' answers to our content script's questions (`sender`: that
   * question's sender, checked). Not a message: what it returns is personal data and never goes to the portal page's
   * process (the getFocusDraft and saveCaptured messages were removed once the side panel did fills and captures).
   */
  focusDraft(sender: MessageSender): Promise<FocusDraft | null>;
};

/** The handlers, one per message type: `(data, sender) => Promise<response>`; and `focusDraft`. */
export function createStorageHandlers(deps: StorageHandlerDeps): StorageHandlers {
  const { db } = deps;
  const repos = createRepos(db, { now: deps.now, source: 'portal' });

  return {
    async focusDraft(sender): Promise<FocusDraft | null> {
      assertPortalContentScript(sender, deps.runtimeId);
      const focus = await repos.focus.get();
      if (!focus?.employeeId) return null;
      const e = await repos.employees.get(focus.employeeId);
      if (!e) return null;
      const c = focus.caseId ? await repos.cases.get(focus.caseId) : undefined;
      const company = await repos.company.get();
      const captured: Record<string, CapturedValue> = {
        ...((await repos.drafts.get(e.id))?.fields ?? {}),
        ...(c ? ((await repos.drafts.get(e.id, c.id))?.fields ?? {}) : {}),
      };
      return {
        employee: {
          id: e.id,
          name: e.name,
          residentId: e.residentId,
          gender: e.gender,
          birthDate: e.birthDate,
          phone: e.phone,
          category: e.category,
          holderStatus: e.holderStatus,
          permitValidUntil: e.permitValidUntil,
          applicantGroup: e.applicantGroup,
        },
        case: c
          ? {
              id: c.id,
              business: c.business,
              status: c.status,
              facts: c.facts,
              submittedOn: c.submittedOn,
              acceptedOn: c.acceptedOn,
              decidedOn: c.decidedOn,
              permitValidFrom: c.permitValidFrom,
              permitValidUntil: c.permitValidUntil,
            }
          : null,
        company: company
          ? {
              name: company.name,
              creditCode: company.creditCode,
              localityOffice: company.localityOffice,
              agentName: company.agentName,
              agentPhone: company.agentPhone,
            }
          : null,
        captured,
      };
    },

    async reportPage(data, sender): Promise<void> {
      const { tabId, url, active } = assertPortalContentScript(sender, deps.runtimeId);
      const report = parseRequest('reportPage', data);
      // The sender's URL is the truth; a report cannot claim another page.
      const context: TabContext = { tabId, report: { ...report, url: url.slice(0, 2048) } };
      await deps.pageContexts.set(context, active);
    },

    async getActivePortalContext(data, sender): Promise<TabContext | null> {
      assertExtensionPage(sender, deps.runtimeId);
      parseRequest('getActivePortalContext', data);
      return deps.pageContexts.getActive();
    },
  };
}

/** The `onMessage` of a messenger for ProtocolMap (the one messages.ts exports, or a test double). */
export type OnMessage = <T extends keyof ProtocolMap>(
  type: T,
  handler: (message: { data: unknown; sender: MessageSender }) => Promise<ReturnType<ProtocolMap[T]>>,
) => () => void;

/** Registers every handler; returns a function that removes them all. */
export function registerStorageHandlers(onMessage: OnMessage, deps: StorageHandlerDeps): () => void {
  const handlers = createStorageHandlers(deps);
  const removers = MESSAGE_TYPES.map((type) =>
    onMessage(type, ({ data, sender }) => handlers[type](data, sender) as never),
  );
  return () => removers.forEach((r) => r());
}
