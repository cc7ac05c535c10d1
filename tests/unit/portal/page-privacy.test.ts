/**
 * Issue #20 in the background: an offer of fill or capture is taken only from our content script on an
 * https portal page, named by the sender's host and kept for the side panel; the work-history verdict
 * for the page never carries the case's contract date; the side panel's draft values.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { offerPortalAction } from '../../../entrypoints/background/portal-actions';
import { annotationOf, focusContractStart, workVerdictForPage } from '../../../entrypoints/background/portal-handlers';
import { PENDING_ACTION_KEY, PendingPortalAction, idKey } from '../../../utils/portal-actions';
import { draftValue } from '../../../components/draft-values';
import { isPortalUrl, portalHostOf, PORTAL_MATCHES } from '../../../utils/matches';
import type { MessageSender } from '../../../entrypoints/background/storage-handlers';
import type { FocusDraft } from '../../../utils/messaging';

const RUNTIME = 'abcdefghijklmnopabcdefghijklmnop';
const URL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';
const sender = (over: Partial<MessageSender> = {}): MessageSender => ({ id: RUNTIME, url: URL, tab: { id: 4, url: URL, active: true }, frameId: 0, ...over });
const offer = { kind: 'fill', module: 'person-basic-info', fields: [{ key: 'mobile', index: 0, label: '手机号码', current: '', mode: 'type' }], residentIdOnPage: '130602199003151214' };

function session() {
  const items: Record<string, unknown> = {};
  return { items, set: async (more: Record<string, unknown>) => void Object.assign(items, more) };
}

describe('offerPortalAction: offers reach the side panel from our content script on an https portal page only', () => {
  it('keeps the offer with the tab, URL and host of the sender, never of the message', async () => {
    const s = session();
    const receipt = await offerPortalAction(offer, sender(), { runtimeId: RUNTIME, session: s, newId: () => 'a1', now: () => 5, panelOpened: async () => true });
    expect(receipt).toEqual({ id: 'a1', panelOpened: true });
    const pending = PendingPortalAction.parse(s.items[PENDING_ACTION_KEY]);
    expect(pending).toMatchObject({ id: 'a1', tabId: 4, url: URL, host: 'fw.bjrcgz.gov.cn', at: 5, offer });
  });
  it.each([
    ['an http portal page', sender({ url: 'http://fw.bjrcgz.gov.cn/x', tab: { id: 4, url: 'http://fw.bjrcgz.gov.cn/x' } })],
    ['a look-alike host', sender({ url: 'https://fw.bjrcgz.gov.cn.evil.example/', tab: { id: 4, url: 'https://fw.bjrcgz.gov.cn.evil.example/' } })],
    ['another extension', sender({ id: 'someone-else' })],
    ['an extension page (no tab)', { id: RUNTIME, url: `chrome-extension://${RUNTIME}/sidepanel.html` }],
  ])('refuses an offer from %s and keeps nothing', async (_name, from) => {
    const s = session();
    await expect(offerPortalAction(offer, from, { runtimeId: RUNTIME, session: s })).rejects.toMatchObject({ code: 'forbidden' });
    expect(s.items).toEqual({});
  });
  it('refuses offers with unknown keys, another kind or oversize values', async () => {
    for (const bad of [{ ...offer, extra: 1 }, { ...offer, kind: 'submit' }, { ...offer, fields: [{ ...offer.fields[0], current: 'x'.repeat(2001) }] }, JSON.parse('{"kind":"fill","module":"person-basic-info","fields":[],"__proto__":{"x":1}}')]) {
      const s = session();
      await expect(offerPortalAction(bad, sender(), { runtimeId: RUNTIME, session: s })).rejects.toMatchObject({ code: 'invalid' });
      expect(s.items).toEqual({});
    }
  });
});

const draft = (over: Partial<FocusDraft> = {}): FocusDraft =>
  ({
    employee: { id: 'e', name: '张伟', residentId: '130602199003151214', gender: 'male', birthDate: '1990-03-15', phone: '13912345678' },
    case: { id: 'c', business: 'new-permit', status: 'draft', facts: { contractStart: '2023-05-15', contractEnd: '2029-05-14' } },
    company: { name: '北京兴创智能科技有限公司', creditCode: '91110115MA01XK3P66', localityOffice: '', agentName: '周敏', agentPhone: '13701234567' },
    captured: {},
    ...over,
  }) as FocusDraft;

describe('the work-history verdict for the page carries no contract date', () => {
  const entries = [{ employer: '甲公司', start: '2015-07', end: '2019-03' }, { employer: '乙公司', start: '2019-04', end: '2023-05-31' }];
  it('a job ending after the case\'s contract start fails, worded without the date', () => {
    const r = workVerdictForPage(entries, '2026-11-27', focusContractStart(draft()));
    const late = r.findings.find((f) => f.ruleId === 'work-before-contract' && !f.passed)!;
    expect(late.message.zh).toBe('「乙公司」结束于 2023-05-31，晚于劳动合同开始日（见侧边栏）；工作经历只填合同开始前的经历');
    expect(r.contractFrom).toBe('case');
    expect(JSON.stringify(r)).not.toContain('2023-05-15');
  });
  it('all jobs before the contract: passed, still without the date; a captured date counts when the case has none', () => {
    const captured = draft({ case: null, captured: { contractStart: { value: '2023年6月1日', module: 'unit-pending-links', capturedAt: '2026-01-01T00:00:00.000Z' } } });
    expect(focusContractStart(captured)).toEqual({ date: '2023-06-01', from: 'captured' });
    const r = workVerdictForPage(entries, '2026-11-27', focusContractStart(captured));
    expect(r.findings.find((f) => f.ruleId === 'work-before-contract')).toMatchObject({ passed: true, message: { zh: '所有经历均在劳动合同开始日（见侧边栏）或之前结束' } });
    expect(JSON.stringify(r)).not.toContain('2023-06-01');
  });
  it('no contract known: no such finding and no source', () => {
    const r = workVerdictForPage(entries, '2026-11-27', focusContractStart(draft({ case: null })));
    expect(r.findings.map((f) => f.ruleId)).not.toContain('work-before-contract');
    expect(r.contractFrom).toBeUndefined();
  });
});

describe('the 附件管理 checklist for the page', () => {
  it('gets the income annotation\'s template only, never names or the phone; complete says the side panel has the full text', () => {
    const template = '以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴。联系人：XXX，电话：XXX';
    expect(annotationOf(draft())).toEqual({ text: template, complete: true });
    expect(annotationOf(draft({ company: null }))).toEqual({ text: template, complete: false });
    expect(annotationOf(null)).toEqual({ text: template, complete: false });
  });
});

describe('the side panel\'s draft values and the shared portal pattern', () => {
  it('records first, captured values for the rest', () => {
    const d = { employee: draft().employee, case: draft().case, company: draft().company, captured: { residence: { value: ' 北京市大兴区 ', module: null, capturedAt: '2026-01-01T00:00:00.000Z' } } };
    expect(draftValue('mobile', d)).toBe('13912345678');
    expect(draftValue('gender', d)).toBe('男');
    expect(draftValue('contractEnd', d)).toBe('2029-05-14');
    expect(draftValue('agentMobile', d)).toBe('13701234567');
    expect(draftValue('residence', d)).toBe('北京市大兴区');
    expect(draftValue('email', d)).toBe('');
  });
  it('compares resident IDs without spaces and case', () => {
    expect(idKey(' 11010519910723528x ')).toBe(idKey('11010519910723528X'));
  });
  it('one https pattern for the manifest and every check', () => {
    expect(PORTAL_MATCHES).toEqual(['https://*.bjrcgz.gov.cn/*']);
    expect(isPortalUrl('https://bjrcgz.gov.cn/')).toBe(true);
    expect(isPortalUrl('http://fw.bjrcgz.gov.cn/')).toBe(false);
    expect(portalHostOf(URL)).toBe('fw.bjrcgz.gov.cn');
  });
});

describe('the content script keeps to issue #20 (source checks; the attacks themselves are tests/e2e/attacks.spec.ts)', () => {
  const root = path.resolve(__dirname, '../../..');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [path.join(dir, d.name)] : []));
  const content = walk(path.join(root, 'entrypoints/portal.content')).map((f) => ({ f: path.relative(root, f), s: fs.readFileSync(f, 'utf8') }));
  const product = ['components', 'entrypoints', 'utils', 'storage', 'rules'].flatMap((d) => walk(path.join(root, d))).map((f) => ({ f: path.relative(root, f), s: fs.readFileSync(f, 'utf8') }));

  it('makes no custom-element hosts and recognises none by name', () => {
    const offending = content.filter(({ s }) => /createShadowRootUi\(|customElements\.|startsWith\('jzz-'\)|createElement\('jzz-/.test(s)).map(({ f }) => f);
    expect(offending).toEqual([]);
  });
  it('never asks for the focused draft nor saves captured values itself', () => {
    expect(content.filter(({ s }) => /'getFocusDraft'|'saveCaptured'|focusDraft\(/.test(s)).map(({ f }) => f)).toEqual([]);
  });
  it('no copy through a selection and execCommand anywhere', () => {
    expect(product.filter(({ s }) => /execCommand\s*\(/.test(s)).map(({ f }) => f)).toEqual([]);
  });
});
