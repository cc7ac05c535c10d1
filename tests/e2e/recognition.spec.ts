/**
 * The built content script recognises every replica page as the module it is, in both styles, and
 * stays silent on pages it does not know; the side panel follows hash-route navigation.
 */
import { test, expect, ourHosts, readInjectedText } from './harness';
import { pages, type ReplicaPage } from '../fixtures/portal/routes.mjs';
import { translate } from '../../components/i18n';
import type { PortalModule } from '../../rules/model';


const moduleText = (m: PortalModule) => translate('zh-CN', 'panel.tab.module', { module: translate('zh-CN', `module.${m}`) });

test('every replica page is recognised as its module, and unknown pages get no overlay', async ({ context }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  const failures: string[] = [];
  for (const p of pages as ReplicaPage[]) {
    await page.goto(p.url);
    if (p.module) {
      const want = moduleText(p.module);
      try {
        await expect.poll(async () => (await readInjectedText(page)).join(' | '), { timeout: 8_000 }).toContain(want);
      } catch {
        failures.push(`${p.url}: expected ${p.module}, overlay says "${(await readInjectedText(page)).join(' | ')}"`);
      }
    } else {
      // Give the SPA time to render and the content script its batched check.
      await page.waitForTimeout(700);
      const injected = await readInjectedText(page);
      if (injected.length) failures.push(`${p.url}: expected no overlay, found "${injected.join(' | ')}"`);
    }
  }
  expect(failures).toEqual([]);
});

test('nothing is injected on a page outside the portal', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://example.com/');
  await page.waitForTimeout(700);
  expect(await readInjectedText(page)).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeGreaterThan(0);
  expect(await ourHosts(page)).toEqual([]);
});

test('the side panel shows the module of the active portal tab and follows hash navigation', async ({ context, sidePanel }) => {
  await expect(sidePanel.getByTestId('portal-context')).toContainText('不是北京国际人才网页面');
  const portal = await context.newPage();
  await portal.goto('https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments');
  await portal.bringToFront();
  await expect(sidePanel.getByTestId('portal-context')).toContainText(moduleText('person-attachments'));
  // Switching to our own page (the panel opened as a tab) keeps the portal tab's context.
  await sidePanel.bringToFront();
  await sidePanel.waitForTimeout(300);
  await expect(sidePanel.getByTestId('portal-context')).toContainText(moduleText('person-attachments'));
  await portal.bringToFront();
  // Navigating inside the SPA changes only the hash: the content script must notice.
  await portal.evaluate(() => {
    location.hash = '#/person-platform/education';
  });
  await expect(sidePanel.getByTestId('portal-context')).toContainText(moduleText('person-education'));
  await portal.goto('https://example.com/');
  await expect(sidePanel.getByTestId('portal-context')).toContainText('不是北京国际人才网页面');
});

test('the assistant comes once per page, whatever completes again; a page still loading after a second gets it then', async ({ context }) => {
  const page = await context.newPage();
  // A fast page (the bench's traces show the script starting after its load event): an SPA route change, which
  // completes the tab's load again, brings no second copy.
  await page.goto('https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info');
  await expect.poll(async () => (await readInjectedText(page)).join(' | '), { timeout: 8_000 }).toContain(moduleText('person-basic-info'));
  const docks = async () => (await ourHosts(page)).filter((h) => h.kind === 'jzz-overlay').length;
  expect(await docks()).toBe(1);
  await page.evaluate(() => (location.hash = '#/person-platform/education'));
  await expect.poll(async () => (await readInjectedText(page)).join(' | '), { timeout: 8_000 }).toContain(moduleText('person-education'));
  await page.waitForTimeout(1_200);
  expect(await docks()).toBe(1);

  // A page whose picture takes 8 s: its load event is far off, the assistant is there within a few seconds anyway.
  const slow = await context.newPage();
  await slow.route('https://fw.bjrcgz.gov.cn/slow-picture.png', async (route) => {
    await new Promise((r) => setTimeout(r, 8_000));
    await route.fulfill({ status: 404, body: '' }).catch(() => {});
  });
  await slow.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => document.body.append(Object.assign(document.createElement('img'), { src: '/slow-picture.png', alt: '' })));
  });
  await slow.goto('https://fw.bjrcgz.gov.cn/gzjzz/person/grxx.html', { waitUntil: 'domcontentloaded' });
  await expect.poll(async () => (await readInjectedText(slow)).join(' | '), { timeout: 5_000 }).toContain(moduleText('person-basic-info'));
  expect(await slow.evaluate(() => document.readyState)).not.toBe('complete');
});
