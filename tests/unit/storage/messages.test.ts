import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REQUEST_SCHEMAS } from '../../../utils/messaging';
import { registerPortalHandlers } from '../../../entrypoints/background/portal-handlers';
import { registerReminderHandler } from '../../../entrypoints/background/reminder-alarms';
import {
  createStorageHandlers,
  isPortalUrl,
  registerStorageHandlers,
  type MessageSender,
  type OnMessage,
} from '../../../entrypoints/background/storage-handlers';
import { memoryPageContextStore, sessionPageContextStore } from '../../../entrypoints/background/tab-contexts';
import type { PageReport } from '../../../utils/messaging';
import { CREDIT_CODE, makeClock, rid, snapshot, useFreshDb } from './helpers';

const RUNTIME_ID = 'ourextensionidaaaaaaaaaaaaaaaaaa';
const PORTAL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/overview';
const contentScript = (over: Partial<MessageSender> = {}): MessageSender => ({
  id: RUNTIME_ID,
  url: PORTAL,
  tab: { id: 7, url: PORTAL, active: true },
  frameId: 0,
  ...over,
});
const extensionPage: MessageSender = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/sidepanel.html` };
const report = (over: Partial<PageReport> = {}): PageReport => ({
  url: PORTAL,
  title: '北京市政务服务',
  module: 'person-basic-info',
  fieldsFound: ['basic.name'],
  fieldsMissing: ['basic.address'],
  reasons: ['heading 个人基础信息'],
  reportedAt: 1_772_330_400_000,
  ...over,
});

describe('the background message handlers', () => {
  const t = useFreshDb({ now: makeClock().ticking });
  const setup = () => {
    const pageContexts = memoryPageContextStore();
    const h = createStorageHandlers({ db: t.db, runtimeId: RUNTIME_ID, pageContexts, now: makeClock().ticking });
    return { h, pageContexts };
  };
  const focused = async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), phone: '13812345678', category: 'A' });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', facts: { housing: 'own' } });
    await t.repos.focus.set(e.id, c.id);
    return { e, c };
  };

  it('knows, for a portal question, that no employee is in focus', async () => {
    const { h } = setup();
    expect(await h.focusDraft(contentScript())).toBeNull();
  });

  it('reads the focused employee, case, company and captured values for the portal answers', async () => {
    const { h } = setup();
    const { e, c } = await focused();
    await t.repos.company.save({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE });
    await t.repos.drafts.saveCaptured({ employeeId: e.id, module: 'person-basic-info', fields: { 'basic.address': '旧地址', 'basic.tel': '1' } });
    await t.repos.drafts.saveCaptured({ employeeId: e.id, caseId: c.id, module: 'person-basic-info', fields: { 'basic.address': '新地址' } });
    const draft = await h.focusDraft(contentScript());
    expect(draft?.employee).toMatchObject({ id: e.id, name: '张伟', residentId: e.residentId, gender: 'male', category: 'A' });
    expect(draft?.case).toMatchObject({ id: c.id, business: 'new-permit', facts: { housing: 'own' } });
    expect(draft?.company).toMatchObject({ creditCode: CREDIT_CODE });
    expect(draft?.captured['basic.address'].value).toBe('新地址');
    expect(draft?.captured['basic.tel'].value).toBe('1');
  });

  it.each([
    ['another extension', contentScript({ id: 'someoneelse' })],
    ['no sender id', contentScript({ id: undefined })],
    ['a page outside the portal', contentScript({ url: 'https://example.com/', tab: { id: 7, url: 'https://example.com/' } })],
    ['a look-alike host', contentScript({ url: 'https://bjrcgz.gov.cn.evil.example/', tab: { id: 7, url: 'https://bjrcgz.gov.cn.evil.example/' } })],
    ['a host that only ends in the name', contentScript({ url: 'https://evilbjrcgz.gov.cn/', tab: { id: 7, url: 'https://evilbjrcgz.gov.cn/' } })],
    ['a portal frame inside a foreign tab', contentScript({ tab: { id: 7, url: 'https://evil.example/' } })],
    ['an http portal page', contentScript({ url: 'http://fw.bjrcgz.gov.cn/person-platform/', tab: { id: 7, url: 'http://fw.bjrcgz.gov.cn/person-platform/' } })],
    ['an https portal frame in an http portal tab', contentScript({ tab: { id: 7, url: 'http://fw.bjrcgz.gov.cn/' } })],
    ['a javascript: URL', contentScript({ url: 'javascript:alert(1)//bjrcgz.gov.cn', tab: undefined })],
    ['an extension page (no tab)', extensionPage],
  ])('computes no focus draft for %s', async (_name, sender) => {
    const { h } = setup();
    await focused();
    await expect(h.focusDraft(sender)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('recognises https portal URLs on the main host and its subdomains only', () => {
    expect(isPortalUrl('https://www.bjrcgz.gov.cn/')).toBe(true);
    expect(isPortalUrl('https://bjrcgz.gov.cn/x')).toBe(true);
    // http can be rewritten on the way: no script, no answers (issue #20).
    expect(isPortalUrl('http://bjrcgz.gov.cn/x')).toBe(false);
    expect(isPortalUrl('http://fw.bjrcgz.gov.cn/person-platform/')).toBe(false);
    expect(isPortalUrl('https://fw.bjrcgz.gov.cn.example.com/')).toBe(false);
    expect(isPortalUrl('ftp://fw.bjrcgz.gov.cn/')).toBe(false);
    expect(isPortalUrl('not a url')).toBe(false);
    expect(isPortalUrl(undefined)).toBe(false);
  });

  it('answers neither getFocusDraft nor saveCaptured: personal data never goes to the portal page by message', async () => {
    const registered = new Map<string, unknown>();
    const onMessage = ((type: string, handler: unknown) => {
      registered.set(type, handler);
      return () => {};
    }) as OnMessage;
    registerStorageHandlers(onMessage, { db: t.db, runtimeId: RUNTIME_ID, pageContexts: memoryPageContextStore() });
    registerPortalHandlers(onMessage as never, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: async () => null });
    expect(registered.has('getFocusDraft')).toBe(false);
    expect(registered.has('saveCaptured')).toBe(false);
    expect(Object.keys(REQUEST_SCHEMAS)).not.toContain('getFocusDraft');
    expect(Object.keys(REQUEST_SCHEMAS)).not.toContain('saveCaptured');
  });

  it('keeps a page report per tab, with the tab id and URL taken from the sender', async () => {
    const { h, pageContexts } = setup();
    await h.reportPage(report({ url: 'https://claimed.example/' }), contentScript());
    const ctx = await pageContexts.get(7);
    expect(ctx).toMatchObject({ tabId: 7, report: { url: PORTAL, module: 'person-basic-info' } });
    expect(await h.getActivePortalContext(undefined, extensionPage)).toEqual(ctx);
    // a background tab's report does not replace the active context
    await h.reportPage(report({ module: 'person-education' }), contentScript({ tab: { id: 9, url: PORTAL, active: false } }));
    expect((await h.getActivePortalContext(null, extensionPage))?.tabId).toBe(7);
    await pageContexts.forget(7);
    expect(await h.getActivePortalContext(undefined, extensionPage)).toBeNull();
    expect(await pageContexts.get(9)).not.toBeNull();
  });

  it('refuses a malformed page report and a context request from a content script', async () => {
    const { h } = setup();
    await expect(h.reportPage({ ...report(), module: 'bank' }, contentScript())).rejects.toMatchObject({ code: 'invalid' });
    await expect(h.reportPage(report(), { ...contentScript(), tab: undefined })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.getActivePortalContext(undefined, contentScript())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.getActivePortalContext(undefined, { id: RUNTIME_ID, url: 'chrome-extension://otherid/x.html' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the people a portal page shows for the side panel: the tab and URL are the sender\'s; a foreign or malformed message stores nothing', async () => {
    const handlers = new Map<string, (m: { data: unknown; sender: MessageSender }) => Promise<unknown>>();
    const on = ((type: string, fn: (m: { data: unknown; sender: MessageSender }) => Promise<unknown>) => (handlers.set(type, fn), () => {})) as never;
    const stored: Record<string, unknown>[] = [];
    registerPortalHandlers(on, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: async () => null, session: { set: async (items) => void stored.push(items) }, now: () => new Date(1_772_330_400_000) });
    const send = handlers.get('reportPortalRecords')!;
    const records = { kind: 'list', module: 'unit-employees', view: '当前在职员工', rows: [{ name: '陈静', permitState: '正常' }] };
    await send({ data: records, sender: contentScript() });
    expect(stored).toEqual([{ portalRecords: { tabId: 7, url: PORTAL, host: 'fw.bjrcgz.gov.cn', at: 1_772_330_400_000, records } }]);
    await expect(send({ data: records, sender: extensionPage })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(send({ data: records, sender: contentScript({ url: 'https://example.com/', tab: { id: 7, url: 'https://example.com/' } }) })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(send({ data: { ...records, rows: [{ name: '陈静', salary: 1 }] }, sender: contentScript() })).rejects.toMatchObject({ code: 'invalid' });
    await expect(send({ data: { ...records, __proto__: { x: 1 }, constructor: 1 }, sender: contentScript() })).rejects.toMatchObject({ code: 'invalid' });
    expect(stored).toHaveLength(1);
  });

  it('registers one listener per message type and removes them all', async () => {
    const registered = new Map<string, (m: { data: unknown; sender: MessageSender }) => Promise<unknown>>();
    const removed: string[] = [];
    const onMessage = ((type: string, handler: (m: { data: unknown; sender: MessageSender }) => Promise<unknown>) => {
      registered.set(type, handler);
      return () => removed.push(type);
    }) as OnMessage;
    const off = registerStorageHandlers(onMessage, { db: t.db, runtimeId: RUNTIME_ID, pageContexts: memoryPageContextStore() });
    const storageMessages = [...registered.keys()];
    // The portal questions' handlers complete the protocol: every message of utils/messaging.ts has one listener.
    registerPortalHandlers(onMessage as never, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: async () => null });
    registerReminderHandler(onMessage, { runtimeId: RUNTIME_ID, runReminderCheck: async () => ({ today: '2026-12-04', due: [], notified: [], badge: '' }) });
    await expect(registered.get('runReminderCheck')!({ data: undefined, sender: contentScript() })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await registered.get('runReminderCheck')!({ data: undefined, sender: extensionPage })).toMatchObject({ today: '2026-12-04' });
    expect([...registered.keys()].sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
    off();
    expect(removed.sort()).toEqual(storageMessages.sort());
  });

  it('stores page contexts in browser.storage.session', async () => {
    const store = sessionPageContextStore();
    await store.set({ tabId: 3, report: report() }, true);
    const raw = await fakeBrowser.storage.session.get(['tab:3', 'activePortalContext']);
    expect(raw['tab:3']).toMatchObject({ tabId: 3 });
    expect(await store.getActive()).toMatchObject({ tabId: 3 });
    await fakeBrowser.storage.session.set({ 'tab:4': { tabId: 'four' } });
    expect(await store.get(4)).toBeNull(); // malformed entries read as absent
    await store.forget(3);
    expect(await store.getActive()).toBeNull();
  });

  it('has a schema for every request that accepts a well-formed one', () => {
    expect(REQUEST_SCHEMAS.getPortalSettings.safeParse(undefined).success).toBe(true);
    expect(REQUEST_SCHEMAS.getPortalSettings.safeParse({ x: 1 }).success).toBe(false);
    vi.restoreAllMocks();
  });
});
