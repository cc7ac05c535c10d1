/**
 * Robustness and isolation of the content script on hostile or busy pages:
 * - 1,000 random DOM mutations (junk added and removed, attributes flipped, our own hosts removed,
 *   restyled and stuffed) raise no error in the page, and the overlay ends up exactly as before;
 * - a page script cannot read our UI (closed shadow roots), cannot drive it with postMessage or
 *   synthetic events, cannot switch the content script off by replaying WXT's start-up event, and
 *   finds none of our data in its IndexedDB, localStorage, sessionStorage or cookies.
 */
import { test, expect, markHostsForPage, openReplica as open } from './harness';
import { clickInjected, expectInjected, findInjected, injectedText } from './shadow';
import { DRAFT, seedDraft } from './seed';
import { domStorm, hostCounts, styledHosts } from './dom-storm';

test('1,000 random DOM mutations: no page error, and the overlay settles back to exactly what it was', async ({ context }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  for (const url of ['person-platform/#/person-platform/education', 'gzjzz/person/grxx.html']) {
    await open(page, url);
    await expectInjected(page, '申报助手');
    await page.waitForTimeout(600);
    const beforeText = await injectedText(page);
    const beforeHosts = await hostCounts(page);

    expect((await domStorm(page, { seed: 20261126, mutations: 1000 })).mutations).toBe(1000);

    // After the storm: the same UI, once each, and no host left restyled.
    await expect.poll(() => injectedText(page), { timeout: 10_000 }).toBe(beforeText);
    expect(await hostCounts(page)).toEqual(beforeHosts);
    expect(await styledHosts(page)).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('a hostile page can neither read nor drive our UI, nor switch us off, and finds no data of ours', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  // The page listens from its very start: it learns WXT's start-up event name from the broadcast.
  await context.addInitScript(() => {
    (window as unknown as { __heard: string[] }).__heard = [];
    window.addEventListener('message', (e) => {
      const type = (e.data as { type?: unknown })?.type;
      if (typeof type === 'string') (window as unknown as { __heard: string[] }).__heard.push(type);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page, 'person-platform/#/person-platform/overview');
  await expectInjected(page, '当前页面：个人首页');
  await seedDraft(context, extensionId);
  await open(page, 'person-platform/#/person-platform/basic-info');
  await expectInjected(page, '身份证号有效');

  // Our data goes to the side panel's preview, never the page's DOM nor our UI in it.
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');
  expect(await injectedText(page)).not.toContain(DRAFT.captured.hukouAddress);

  // The page is shown which elements are our hosts (as watching the DOM would tell it).
  expect(await markHostsForPage(page)).toBeGreaterThan(0);
  const probe = await page.evaluate(async () => {
    const hosts = [...((window as unknown as { __jzzTestHosts: Set<Element> }).__jzzTestHosts)];
    const shadowRoots = hosts.map((h) => h.shadowRoot);
    const text = document.documentElement.outerHTML + document.body.innerText;
    // Commands a naive content script might obey.
    for (const data of [{ type: 'fill' }, { type: 'jzz:fill', all: true }, { type: 'getFocusDraft' }, { cmd: 'capture' }, 'fill']) window.postMessage(data, '*');
    // Synthetic clicks and keys on our hosts and the document.
    for (const h of hosts) {
      h.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      h.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    document.dispatchEvent(new CustomEvent('jzz:fill', { detail: { all: true } }));
    // Replaying WXT's "a newer copy started" event, whose name the page overheard.
    const heard = (window as unknown as { __heard: string[] }).__heard;
    const started = heard.find((t) => t.endsWith('wxt:content-script-started')) ?? '';
    if (started) document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'portal', messageId: 'spoofed' } }));
    await new Promise((r) => setTimeout(r, 400));
    return {
      hosts: hosts.length,
      openRoots: shadowRoots.filter((r) => r !== null).length,
      leaked: text.includes('草稿路'),
      heardStart: !!started,
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
      dbs: (await indexedDB.databases()).map((d) => d.name),
    };
  });
  expect(probe.hosts).toBeGreaterThan(0);
  expect(probe.openRoots).toBe(0);
  expect(probe.leaked).toBe(false);
  expect(probe.heardStart).toBe(true);
  expect(probe.local).toEqual([]);
  expect(probe.session).toEqual([]);
  expect(probe.cookie).toBe('');
  expect(probe.dbs).toEqual([]);
  // Nothing was filled, captured or submitted by the spoofs.
  const rep = await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __replica: { model: { form: Record<string, string> }; submitted: unknown[] } }).__replica)));
  expect(rep.model.form.hukouAddr).not.toBe(DRAFT.captured.hukouAddress);
  expect(rep.submitted).toEqual([]);
  // Still alive after the replayed start-up event: the live check still answers typing.
  const id = page.locator('.el-form-item:visible', { has: page.locator('label', { hasText: '身份证号' }) }).locator('input');
  await id.fill('130602199003151215');
  await expectInjected(page, '号码有误：校验位与前 17 位不符');
  // And our buttons still work for the agent (a trusted click).
  expect((await findInjected(page, { tag: 'button', text: '关闭' })).length).toBe(1);
  await clickInjected(page, { tag: 'button', text: '关闭' });
  await expect.poll(async () => (await findInjected(page, { tag: 'button', text: '关闭' })).length).toBe(0);
  expect(errors).toEqual([]);
});
