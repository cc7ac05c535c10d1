/**
 * Issue #20's attacks, run against the production build with a case in focus: the portal page (or any
 * script on it) as the attacker. Each test runs one attack of the issue and asserts that no personal
 * data and no forced action reaches the page:
 * - custom elements pre-defined under our old host names, early (before the content script) and late
 *   (then an SPA route change), with `attachInternals()` and `disabledFeatures = ['shadow']`;
 * - `window.find` over the 3,755 GB 2312 level-1 hanzi plus digits and letters, after every prefix our UI
 *   used to put before personal data, and for each personal value whole;
 * - `@font-face` rules with one `unicode-range` per character under our old font names and the page's own;
 * - clickjacking: a `pointer-events: none` decoy over the dock, and the agent's clicks through it;
 * - an http:// page on the portal's host; a page with a copy listener and `Permissions-Policy: clipboard-write=()`.
 * The seeded employee, company and draft use names, numbers and addresses that no replica page shows, so
 * whatever of them the page can find came from us.
 */
import type { BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fixtureFor } from '../fixtures/portal/routes.mjs';
import { FIXTURE_DIR } from './replica-routing.mjs';
import { test, expect, injectedBoxes, markHostsForPage, openReplica as open, ourHosts } from './harness';
import { clickInjected, expectInjected, findInjected, injectedText } from './shadow';
import { DRAFT, readDraftFields, seedDraft } from './seed';
import { makeResidentId } from '../../rules/identity';

/** A person no replica page knows: every value below is personal data the page must never learn. */
const SECRET: typeof DRAFT = {
  ...DRAFT,
  employee: {
    ...DRAFT.employee,
    name: '欧阳雪梅',
    residentId: makeResidentId({ region: '110105', birthDate: '1991-07-23', sequence: 528 }),
    residentIdRev: '',
    gender: 'female',
    birthDate: '1991-07-23',
    phone: '13644448888',
  },
  case: {
    ...DRAFT.case,
    facts: {
      ...DRAFT.case.facts,
      children: [{ birthDate: '2016-05-20', name: '欧阳潇潇' }, { birthDate: '2019-11-02', name: '欧阳瑞瑞' }],
      contractStart: '2022-11-07',
      contractEnd: '2028-11-06',
    },
  },
  company: { ...DRAFT.company, name: '天工瑞丰信息技术有限公司', agentName: '司马青瑶', agentPhone: '13855557890' },
  captured: {
    residence: '北京市海淀区潇湘馆路 88 号院 3 号楼 1201 室',
    hukouAddress: '湖南省长沙市潇湘北路 17 号',
    position: '首席鳄鱼驯养师',
  },
};
SECRET.employee.residentIdRev = [...SECRET.employee.residentId].reverse().join('');

/** Every personal value seeded, whole. */
const SECRETS: string[] = [
  SECRET.employee.name,
  SECRET.employee.residentId,
  SECRET.employee.phone,
  SECRET.company.name,
  SECRET.company.agentName,
  SECRET.company.agentPhone,
  ...Object.values(SECRET.captured),
  ...SECRET.case.facts.children.map((c) => c.name),
  SECRET.case.facts.contractStart,
  SECRET.case.facts.contractEnd,
];

/** The hanzi of the personal values that no replica page shows (checked in the first test). */
const SECRET_HANZI = [...new Set([...'欧阳雪梅青瑶潇湘瑞丰鳄鱼驯'])];

type Replica = { model: Record<string, Record<string, string>>; submitted: unknown[] };
const replica = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __replica: Replica }).__replica)) as Replica);

/** A recognised page opens the database; then the secret person is seeded and put in focus. */
async function withCaseInFocus(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await open(page, 'person-platform/#/person-platform/overview');
  await expectInjected(page, '当前页面：个人首页');
  await seedDraft(context, extensionId, SECRET);
  return page;
}

/**
 * What the page can reach of the seeded data: its DOM text and attributes (outerHTML, innerText, title),
 * every shadow root it can open (open roots, our hosts' `shadowRoot`), same-origin frames and the
 * selection. Returns the secrets found there.
 */
async function exposedSecrets(page: Page): Promise<string[]> {
  await markHostsForPage(page);
  return page.evaluate((secrets) => {
    const parts: string[] = [document.title, document.documentElement.outerHTML, document.body.innerText, String(getSelection())];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const shadow = el.shadowRoot;
        if (shadow) {
          parts.push(shadow.innerHTML);
          walk(shadow);
        }
        if (el instanceof HTMLIFrameElement) {
          try {
            if (el.contentDocument) {
              parts.push(el.contentDocument.documentElement.outerHTML);
              walk(el.contentDocument);
            }
          } catch {
            /* cross-origin: not the page's either */
          }
        }
      }
    };
    walk(document);
    for (const host of (window as unknown as { __jzzTestHosts?: Set<Element> }).__jzzTestHosts ?? []) {
      if (host.shadowRoot) parts.push(host.shadowRoot.innerHTML);
    }
    const all = parts.join('\n');
    return secrets.filter((s) => all.includes(s));
  }, SECRETS);
}

test('the seeded person is unknown to every replica page we attack (so whatever the page finds came from us)', async ({ context }) => {
  const page = await context.newPage();
  for (const url of ['person-platform/#/person-platform/attachments', 'person-platform/#/person-platform/basic-info', 'person-platform/#/person-platform/work', 'gzjzz/person/grxx.html']) {
    await open(page, url);
    const text = await page.evaluate(() => document.documentElement.outerHTML);
    for (const s of SECRETS) expect(text, `${url} shows ${s}`).not.toContain(s);
    for (const c of SECRET_HANZI) expect(text, `${url} shows ${c}`).not.toContain(c);
  }
});

test('custom elements pre-defined under our old host names, early, with attachInternals and disabledFeatures: our UI still appears and nothing is claimed', async ({ context, extensionId }) => {
  // Before any script of ours: the old names defined, their internals (and any shadow root) collected.
  await context.addInitScript(() => {
    const w = window as unknown as { __stolen: unknown[]; __constructed: string[] };
    w.__stolen = [];
    w.__constructed = [];
    for (const name of ['jzz-overlay', 'jzz-hint', 'jzz-mark']) {
      customElements.define(
        name,
        class extends HTMLElement {
          static disabledFeatures = name === 'jzz-overlay' ? ['shadow'] : [];
          constructor() {
            super();
            w.__constructed.push(name);
            try {
              w.__stolen.push(this.attachInternals());
            } catch {
              /* disabled */
            }
          }
        },
      );
    }
    // And the page's own prototypes hooked: a content script does not use them.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      w.__stolen.push(root);
      return root;
    };
  });
  const page = await withCaseInFocus(context, extensionId);
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案必需 · 未上传');
  await open(page, 'person-platform/#/person-platform/basic-info');
  await expectInjected(page, '身份证号有效');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');

  const hosts = await ourHosts(page);
  expect(hosts.length).toBeGreaterThan(1);
  expect(hosts.every((h) => h.kind === 'jzz-overlay' || h.kind === 'jzz-hint' || h.kind === 'jzz-mark')).toBe(true);
  await markHostsForPage(page);
  const probe = await page.evaluate(() => {
    const w = window as unknown as { __stolen: unknown[]; __constructed: string[]; __jzzTestHosts: Set<Element> };
    const hosts = [...w.__jzzTestHosts];
    return {
      constructed: w.__constructed.length,
      stolen: w.__stolen.length,
      // On a built-in element: attachInternals throws, shadowRoot is null, a second root is refused.
      internals: hosts.filter((h) => {
        try {
          (h as HTMLElement).attachInternals();
          return true;
        } catch {
          return false;
        }
      }).length,
      openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
      localNames: [...new Set(hosts.map((h) => h.localName))].sort(),
      oldNames: document.querySelectorAll('jzz-overlay, jzz-hint, jzz-mark').length,
    };
  });
  expect(probe).toEqual({ constructed: 0, stolen: 0, internals: 0, openRoots: 0, localNames: expect.arrayContaining(['div']), oldNames: 0 });
  expect(await exposedSecrets(page)).toEqual([]);
});

test('custom elements defined late, then an SPA route change: the new hosts are not claimed either', async ({ context, extensionId }) => {
  const page = await withCaseInFocus(context, extensionId);
  await open(page, 'person-platform/#/person-platform/basic-info');
  await expectInjected(page, '身份证号有效');
  await page.evaluate(() => {
    const w = window as unknown as { __stolen: unknown[] };
    w.__stolen = [];
    for (const name of ['jzz-overlay', 'jzz-hint', 'jzz-mark']) {
      customElements.define(
        name,
        class extends HTMLElement {
          static disabledFeatures = ['shadow'];
          constructor() {
            super();
            try {
              w.__stolen.push(this.attachInternals());
            } catch {
              /* nothing */
            }
          }
        },
      );
    }
  });
  // Hosts made after the definitions: a new route (SPA), the checklist, and the fill offer.
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案必需 · 未上传');
  await open(page, 'person-platform/#/person-platform/basic-info');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');
  expect(await page.evaluate(() => (window as unknown as { __stolen: unknown[] }).__stolen.length)).toBe(0);
  expect(await exposedSecrets(page)).toEqual([]);
});

/** GB 2312 level-1 hanzi (rows B0–D7, D7FA–D7FE unassigned), decoded in the page, then digits and letters. */
const ALPHABET_IN_PAGE = () => {
  const decoder = new TextDecoder('gb2312');
  const hanzi: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break;
      hanzi.push(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  const ascii = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
  return { hanzi, ascii };
};

interface FindResult {
  calls: number;
  /** prefix → the characters window.find found right after it. */
  next: Record<string, string[]>;
  whole: Record<string, boolean>;
  hanzi: number;
  valid: number;
}

/** The window.find attack in the page: every alphabet character after each prefix, then each secret whole. */
function findAttack(page: Page, prefixes: string[]): Promise<FindResult> {
  return page.evaluate(
    ({ prefixes, secrets, alphabet }) => {
      const { hanzi, ascii } = (new Function(`return (${alphabet})()`) as () => { hanzi: string[]; ascii: string[] })();
      const find = (window as unknown as { find: (...a: unknown[]) => boolean }).find.bind(window) as (s: string, caseSensitive: boolean, backwards: boolean, wrap: boolean, word: boolean, frames: boolean) => boolean;
      let calls = 0;
      const has = (s: string) => {
        calls++;
        getSelection()?.removeAllRanges();
        return find(s, true, false, true, false, true);
      };
      const next: Record<string, string[]> = {};
      for (const p of prefixes) next[p] = [...ascii, ...hanzi].filter((c) => has(p + c));
      const whole: Record<string, boolean> = {};
      for (const s of secrets) whole[s] = has(s);
      getSelection()?.removeAllRanges();
      return { calls, next, whole, hanzi: hanzi.length, valid: hanzi.filter((c) => /^\p{Script=Han}$/u.test(c)).length };
    },
    { prefixes, secrets: SECRETS, alphabet: ALPHABET_IN_PAGE.toString() },
  );
}

test('window.find over the 3,755 common hanzi, digits and letters finds no personal data in our UI (checklist, fill and capture offers)', async ({ context, extensionId }) => {
  test.setTimeout(300_000);
  const page = await withCaseInFocus(context, extensionId);
  const report: string[] = [];
  let calls = 0;

  // 附件管理 with the case's checklist: the old UI put the employee's name after the title and the agent's
  // name and phone into the income annotation.
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案必需 · 未上传', '应税收入截图注明：');
  // Control: window.find does reach text inside our closed roots (so a miss below means "not there").
  const control = await findAttack(page, ['附件核对清单 · ']);
  expect(control.hanzi).toBe(3755);
  expect(control.valid).toBe(3755);
  expect(control.next['附件核对清单 · ']).toEqual(['新']);
  calls += control.calls;
  const checklist = await findAttack(page, ['新办证件 · ', '以上为', '联系人：', '电话：']);
  calls += checklist.calls;
  expect(checklist.next['新办证件 · ']).toEqual([]);
  // The guide's template (以上为XXX…联系人：XXX，电话：XXX) is all the page finds after those prefixes.
  expect(checklist.next['以上为']).toEqual(['X']);
  expect(checklist.next['联系人：']).toEqual(['X']);
  expect(checklist.next['电话：']).toEqual(['X']);
  expect(Object.entries(checklist.whole).filter(([, found]) => found)).toEqual([]);
  report.push(`附件管理: ${control.calls + checklist.calls} calls`);

  // 工作经历 checked against the case's contract start: the old UI drew the date twice.
  await open(page, 'person-platform/#/person-platform/work');
  await expectInjected(page, '已按侧边栏所选案卷的劳动合同开始日期核对', '晚于劳动合同开始日（见侧边栏）');
  const work = await findAttack(page, ['晚于劳动合同开始日']);
  calls += work.calls;
  // (What follows is '（见侧边栏）': no hanzi, digit or letter.)
  expect(work.next['晚于劳动合同开始日']).toEqual([]);
  expect(Object.entries(work.whole).filter(([, found]) => found)).toEqual([]);
  report.push(`工作经历: ${work.calls} calls`);

  // 个人基础信息 with the fill and capture offers made (the old UI drew both previews here).
  await open(page, 'person-platform/#/person-platform/basic-info');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');
  const fill = await findAttack(page, ['从草稿填写 · ']);
  calls += fill.calls;
  await clickInjected(page, { tag: 'button', text: '采集到草稿' });
  await expectInjected(page, '核对要保存到草稿的内容');
  const capture = await findAttack(page, ['采集到草稿 · ']);
  calls += capture.calls;
  expect(fill.next['从草稿填写 · ']).toEqual([]);
  expect(capture.next['采集到草稿 · ']).toEqual([]);
  expect(Object.entries(fill.whole).filter(([, found]) => found)).toEqual([]);
  expect(Object.entries(capture.whole).filter(([, found]) => found)).toEqual([]);
  report.push(`个人基础信息 with offers: ${fill.calls + capture.calls} calls`);
  expect(await exposedSecrets(page)).toEqual([]);
  console.log(`window.find attack: ${calls} calls (${report.join('; ')}); personal data found: 0`);
  expect(calls).toBeGreaterThan(8 * 3817);
});

test('@font-face unicode-range probes: no font request for any character of our text or of the personal data', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const page = await withCaseInFocus(context, extensionId);
  const requested = new Set<string>();
  await page.route('**/font-probe/**', (route) => {
    requested.add(String.fromCodePoint(parseInt(/\/u([0-9a-f]+)$/.exec(route.request().url())![1], 16)));
    return route.fulfill({ status: 404, body: '' });
  });
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案必需 · 未上传');

  // One @font-face per character for our old font names, the page's own and a quoted "sans-serif".
  const probed = await page.evaluate((alphabet) => {
    const { hanzi, ascii } = (new Function(`return (${alphabet})()`) as () => { hanzi: string[]; ascii: string[] })();
    const families = ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', 'sans-serif', 'system-ui'];
    const rules: string[] = [];
    for (const c of [...hanzi, ...ascii]) {
      const cp = c.codePointAt(0)!.toString(16);
      for (const f of families) rules.push(`@font-face{font-family:"${f}";src:url(/font-probe/u${cp});unicode-range:U+${cp}}`);
    }
    const style = document.createElement('style');
    style.textContent = rules.join('\n');
    document.head.append(style);
    // Control: a closed root of the page's own, its text in one of those families, is reported.
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const p = document.createElement('p');
    p.style.fontFamily = '"Microsoft YaHei"';
    p.textContent = '鼎';
    root.append(p);
    document.body.append(host);
    return rules.length;
  }, ALPHABET_IN_PAGE.toString());
  expect(probed).toBe(7 * 3817);
  // The page's own text and the control are reported (the probe works, also inside a closed root).
  await expect.poll(() => requested.has('鼎') && requested.has('附'), { timeout: 20_000 }).toBe(true);
  // Redraw our UI once more after the rules (a new route, the fill offer), then wait for the fonts.
  await open(page, 'person-platform/#/person-platform/basic-info');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案必需 · 未上传');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));

  // Characters only our UI shows, never the page (not anywhere in the replica SPA's sources): none was requested.
  const ours = await injectedText(page);
  const pageSources = ['element/person.html', 'static/element.js', 'static/element.css', 'data.json'].map((f) => fs.readFileSync(path.join(FIXTURE_DIR, f), 'utf8')).join('');
  const onlyOurs = [...new Set([...ours])].filter((c) => /\p{Script=Han}/u.test(c) && !pageSources.includes(c) && c !== '鼎');
  expect(onlyOurs.length).toBeGreaterThan(10);
  expect(onlyOurs.filter((c) => requested.has(c))).toEqual([]);
  expect(SECRET_HANZI.filter((c) => requested.has(c))).toEqual([]);
  console.log(`@font-face probes: ${probed} rules; ${requested.size} characters requested (page text and the control); of ${onlyOurs.length} characters only our UI shows: 0; of the ${SECRET_HANZI.length} personal-data hanzi: 0`);
});

test('clickjacking: the agent clicks through a decoy laid over the dock, twice and more; nothing is filled or captured', async ({ context, extensionId }) => {
  const page = await withCaseInFocus(context, extensionId);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.bringToFront();
  await open(page, 'person-platform/#/person-platform/basic-info');
  await expectInjected(page, '身份证号有效');
  // The focused person's page (so the offers are valid ones: only the side panel's confirmation is missing).
  const id = page.locator('.el-form-item:visible', { has: page.locator('label', { hasText: '身份证号' }) }).locator('input');
  await id.fill(SECRET.employee.residentId);
  await expectInjected(page, '身份证号有效');
  const [fillButton] = await findInjected(page, { tag: 'button', text: '从草稿填写' });
  expect(fillButton).toBeDefined();
  const before = await replica(page);
  const draftBefore = await readDraftFields(context, extensionId);
  // The decoy: an opaque layer over everything, inert to the mouse, with a fake button where ours are
  // (the page finds the dock with elementFromPoint).
  // (Wherever the dock keeps clear of our hints: an attacker finds it by probing the corners.)
  const { dock } = await injectedBoxes(page);
  expect(dock).not.toBeNull();
  const decoy = await page.evaluate(({ x, y, left, bottom }) => {
    const dockHost = document.elementFromPoint(x, y);
    const layer = document.createElement('div');
    layer.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none';
    const fake = document.createElement('button');
    fake.textContent = '我已阅读并同意';
    fake.style.cssText = `position:fixed;left:${left}px;bottom:${window.innerHeight - bottom}px;width:260px;height:60px`;
    layer.append(fake);
    document.body.append(layer);
    return { foundDock: !!dockHost && dockHost.localName === 'div' && dockHost.shadowRoot === null };
  }, { x: (dock!.left + dock!.right) / 2, y: (dock!.top + dock!.bottom) / 2, left: dock!.left, bottom: dock!.bottom });
  expect(decoy.foundDock).toBe(true);

  // The agent's clicks on the decoy land on our buttons: the fill button, then where a preview's
  // confirmation would be, then the capture button, then there again.
  const centre = async (m: { tag: string; text: string }) => {
    const client = await page.context().newCDPSession(page);
    try {
      const [el] = await findInjected(page, m);
      await client.send('DOM.getDocument', { depth: -1, pierce: true });
      const { model } = (await client.send('DOM.getBoxModel', { nodeId: el.nodeId })) as { model: { content: number[] } };
      return { x: (model.content[0] + model.content[4]) / 2, y: (model.content[1] + model.content[5]) / 2 };
    } finally {
      await client.detach();
    }
  };
  let clicks = 0;
  const fillAt = await centre({ tag: 'button', text: '从草稿填写' });
  await page.mouse.click(fillAt.x, fillAt.y);
  clicks++;
  await expectInjected(page, '请在侧边栏中确认');
  const closeAt = await centre({ tag: 'button', text: '关闭' });
  await page.mouse.click(closeAt.x, closeAt.y - 30);
  await page.mouse.click(closeAt.x, closeAt.y);
  clicks += 2;
  const captureAt = await centre({ tag: 'button', text: '采集到草稿' });
  await page.mouse.click(captureAt.x, captureAt.y);
  await page.mouse.click(captureAt.x, captureAt.y);
  clicks += 2;
  await expectInjected(page, '核对要保存到草稿的内容');

  // The clicks made offers; the side panel holds the last one, waiting for the agent there.
  await expect(panel.getByTestId('portal-action')).toContainText('采集到草稿');
  await expect(panel.getByTestId('capture-save')).toBeVisible();
  const after = await replica(page);
  expect(after.model).toEqual(before.model);
  expect(after.submitted).toEqual([]);
  expect(await readDraftFields(context, extensionId)).toEqual(draftBefore);
  expect(await exposedSecrets(page)).toEqual([]);
  console.log(`clickjacking: ${clicks} clicks through the decoy; fields filled: 0, values captured: 0`);
});

test('an http:// page on the portal host gets no content script and no data', async ({ context, extensionId }) => {
  const https = await withCaseInFocus(context, extensionId);
  const http = await context.newPage();
  await http.goto('http://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments');
  await http.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true);
  // The same page over https in another tab gets our UI: by then the http page would have had it too.
  await open(https, 'person-platform/#/person-platform/attachments');
  await expectInjected(https, '附件核对清单 · 新办证件');
  await http.reload();
  await http.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true);
  await open(https, 'person-platform/#/person-platform/basic-info');
  await expectInjected(https, '身份证号有效');
  expect(await ourHosts(http)).toEqual([]);
  expect(await injectedText(http)).toBe('');
  expect(await exposedSecrets(http)).toEqual([]);
});

test('a copy-listener page that forbids clipboard-write: our copy says 复制失败, the page hears no copy; the side panel shows the text instead', async ({ context, extensionId }) => {
  const page = await withCaseInFocus(context, extensionId);
  // The employer's 可办业务列表 with its request dialog: our suggested opinion has a copy button.
  await page.route('https://fw.bjrcgz.gov.cn/unit-platform/**', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const file = fixtureFor(route.request().url())!;
    await route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'permissions-policy': 'clipboard-write=()' },
      body: fs.readFileSync(path.join(FIXTURE_DIR, file)),
    });
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __copies: string[] };
    w.__copies = [];
    document.addEventListener('copy', (e) => {
      w.__copies.push(String(getSelection()));
      e.clipboardData?.setData('text/plain', '攻击者替换的文字');
      e.preventDefault();
    }, true);
  });
  await open(page, 'unit-platform/#/unit-platform/business');
  await page.locator('button:visible', { hasText: '申请' }).first().click();
  const copy = await clickInjected(page, { tag: 'button', text: '复制' });
  expect(copy.text).toBe('复制');
  await expectInjected(page, '复制失败');
  expect(await page.evaluate(() => (window as unknown as { __copies: string[] }).__copies)).toEqual([]);
  expect(await page.evaluate(() => String(getSelection()))).toBe('');

  // The side panel: a refused clipboard shows 复制失败 and the text to copy by hand (in the panel).
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await panel.getByTestId('copy-annotation').click();
  await expect(panel.getByText('复制失败')).toBeVisible();
  await expect(panel.getByTestId('copy-annotation-fallback')).toHaveValue(`以上为${SECRET.employee.name}个税申报信息，个税由${SECRET.company.name}代扣代缴。联系人：${SECRET.company.agentName}，电话：${SECRET.company.agentPhone}`);
});
