/**
 * `npm run screenshots`: the Chrome Web Store / Edge Add-ons listing pictures, 1280×800 PNGs in
 * store/screenshots/, made from the built extension (.output/chrome-mv3) on the replica portal with
 * made-up people: the overlay on 附件管理 with the side panel beside it, the case book table, a case
 * with its checklist, the calendar of reminders, and the English UI. Run with the e2e harness (request
 * routing, no network) so the pictures show exactly what the tests test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openReplica as openPortal } from '../e2e/harness';
import { DRAFT, seedDraft, setLanguage } from '../e2e/seed';
import { clickInjected, expectInjected } from '../e2e/shadow';
import { makeResidentId } from '../../rules/identity';
import { addDays, beijingDate } from '../../rules/dates';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'docs/store');
const W = 1280;
const H = 800;
/** The side panel's width in Chrome and Edge by default (user-resizable). */
const PANEL = 380;
const TODAY = beijingDate(Date.now());


/** 18 made-up employees for the table and the calendar: holders due for renewal soon, later ones, applicants. */
function employeesCsv(): Buffer {
  const names = ['王芳', '李娜', '刘洋', '陈静', '杨磊', '黄艳', '赵杰', '吴涛', '周明', '徐超', '孙霞', '马平', '朱婷', '胡浩然', '郭子轩', '何欣怡', '高思远', '林雨桐'];
  const rows = names.map((name, i) => {
    const id = makeResidentId({ region: '110115', birthDate: addDays('1984-02-01', i * 211), sequence: 120 + i });
    const group = i % 3;
    const until = group === 0 ? addDays(TODAY, 58 + i) : group === 1 ? addDays(TODAY, 300 + i * 9) : '';
    const status = until ? '持证' : i % 2 ? '申办中' : '未持证';
    return [name, id, 'ABCDE'[i % 5], status, until];
  });
  const all = [['姓名', '身份证号', '申报类别', '持证状态', '证件有效期至'], ...rows];
  return Buffer.from('\uFEFF' + all.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** Puts two screenshots side by side in one W×H picture: the portal (left) and the side panel (right). */
async function sideBySide(context: BrowserContext, left: Buffer, right: Buffer, file: string) {
  const page = await context.newPage();
  await page.setViewportSize({ width: W, height: H });
  const src = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
  await page.setContent(
    `<style>html,body{margin:0;background:#fff}body{display:flex;width:${W}px;height:${H}px;overflow:hidden}` +
      `img{display:block;height:${H}px}.r{border-left:1px solid #c4c7cc;box-shadow:-2px 0 6px rgba(0,0,0,.12)}</style>` +
      `<img src="${src(left)}" width="${W - PANEL - 1}"><img class="r" src="${src(right)}" width="${PANEL}">`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: path.join(OUT, file) });
  await page.close();
}

/** The portal page and the side panel, each at its size, composed. */
async function portalWithPanel(context: BrowserContext, portal: Page, panel: Page, file: string) {
  await portal.setViewportSize({ width: W - PANEL - 1, height: H });
  await panel.setViewportSize({ width: PANEL, height: H });
  await portal.bringToFront();
  await portal.waitForTimeout(500);
  const left = await portal.screenshot();
  const right = await panel.screenshot();
  await sideBySide(context, left, right, file);
}

test('store screenshots', async ({ context, extensionId }) => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const base = `chrome-extension://${extensionId}`;

  // The database exists once a portal page has asked the background; then the case book's data.
  const portal = await context.newPage();
  await openPortal(portal, 'person-platform/#/person-platform/overview');
  await expectInjected(portal, '当前页面：个人首页');
  await seedDraft(context, extensionId);
  const book = await context.newPage();
  await book.setViewportSize({ width: W, height: H });
  await book.goto(`${base}/casebook.html#/import`);
  await book.getByTestId('import-file').setInputFiles({ name: '员工.csv', mimeType: 'text/csv', buffer: employeesCsv() });
  await book.getByTestId('import-go').click();
  await expect(book.getByTestId('import-done')).toContainText('新增 18 名员工');

  // 1. 附件管理 with the case's checklist in the overlay, the side panel beside it.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: PANEL, height: H });
  await panel.goto(`${base}/sidepanel.html`);
  // The panel follows the active tab: the portal's.
  await portal.bringToFront();
  await openPortal(portal, 'person-platform/#/person-platform/attachments');
  await expectInjected(portal, '附件核对清单 · 新办证件');
  await expect(panel.getByTestId('portal-context')).toContainText('附件管理（个人）');
  await expect(panel.getByTestId('checklist-items')).toBeVisible();
  await portalWithPanel(context, portal, panel, '1-portal-attachments-sidepanel.png');

  // 2. The case book table.
  await book.bringToFront();
  await book.goto(`${base}/casebook.html#/`);
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '19');
  await book.waitForTimeout(300);
  await book.screenshot({ path: path.join(OUT, '2-casebook-table.png') });

  // 3. A case with its checklist and deadlines.
  await book.goto(`${base}/casebook.html#/case/${DRAFT.case.id}`);
  await expect(book.getByTestId('checklist')).toBeVisible();
  await book.waitForTimeout(300);
  await book.screenshot({ path: path.join(OUT, '3-case-checklist.png') });

  // 4. The calendar: the month of the first renewal deadline (the holders due soon).
  await book.goto(`${base}/casebook.html#/calendar`);
  // Each month's agenda is read once its events are in (an item, or the "no events" line), not while it loads.
  const monthShown = () => expect(book.getByTestId('agenda-item').first().or(book.getByText('没有截止事项。'))).toBeVisible();
  await monthShown();
  for (let i = 0; i < 6 && !(await book.getByTestId('agenda').locator('[data-kind="renewal-last-safe-day"]').count()); i++) {
    await book.getByRole('button', { name: '下个月' }).click();
    await monthShown();
  }
  await expect(book.getByTestId('agenda').locator('[data-kind="renewal-last-safe-day"]').first()).toBeVisible();
  await book.waitForTimeout(300);
  await book.screenshot({ path: path.join(OUT, '4-calendar-reminders.png') });

  // 5. English: 个人基础信息 with the fill-from-draft preview in the side panel, both in English.
  await setLanguage(context, extensionId, 'en');
  await panel.reload();
  await portal.bringToFront();
  // A new document, so the content script starts again and reads the language (a hash change would not).
  await portal.goto('about:blank');
  await openPortal(portal, 'person-platform/#/person-platform/basic-info');
  await clickInjected(portal, { tag: 'button', text: 'Fill from draft' });
  // Since #20 the preview is the side panel's; the page says where to confirm.
  await expect(panel.getByTestId('portal-action')).toContainText('Fill from draft · 张伟');
  await expect(panel.getByTestId('checklist-items')).toBeVisible();
  await portalWithPanel(context, portal, panel, '5-english-fill-from-draft.png');

  const files = fs.readdirSync(OUT).filter((f) => f.endsWith('.png'));
  expect(files).toHaveLength(5);
  console.log(`store screenshots (${W}×${H}) in ${path.relative(ROOT, OUT)}/:\n  ${files.join('\n  ')}`);
});
