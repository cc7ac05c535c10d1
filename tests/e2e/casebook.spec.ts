/**
 * The case book (issue #7) in the built extension: 300 made-up employees imported from a CSV (one bad row
 * first refuses the whole file with its row number, then "skip the bad rows" imports the rest), the
 * "renewal window open" filter, opening a case, CSV and ICS exports parsed back, the daily reminder check
 * run with a fake date in the service worker (notifications + badge), and the zh-CN screenshots of the
 * table, a case and the calendar (docs/screenshots/casebook-*.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './harness';
import { parseCsv, parseIcs, readDownload as read } from './exports-kit';
import { makeResidentId } from '../../rules/identity';
import { addDays, beijingDate } from '../../rules/dates';
// rules/deadlines is not imported here: Playwright's loader cannot import its holiday JSON (no import
// attribute). The groups below are chosen so that the rules' answer is certain whatever the holidays,
// and the dates the case book computed are read back from its own CSV (the unit tests pin them to rules/).

const TODAY = beijingDate(Date.now());
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '婷', '浩然', '子轩', '欣怡', '思远', '雨桐', '佳琪', '晓东', '海燕'];

interface Person {
  name: string;
  id: string;
  status: '持证' | '挂起' | '未持证' | '申办中';
  until: string;
  category: string;
}

/**
 * 300 made-up employees: a third hold a permit expiring in 60–64 days (≈ 40 working days: inside the
 * 60-working-day renewal window and well before the last safe day, whatever the holidays), a sixth one
 * expiring in about 13 months (window not yet open), a sixth suspended (挂起), the rest without a permit.
 */
function people(): Person[] {
  return Array.from({ length: 300 }, (_, i) => {
    // (surname, given name) is a bijection of i < 300: every name is unique.
    const name = SURNAMES[i % 30] + GIVEN[(i % 30 + 11 * Math.floor(i / 30)) % GIVEN.length];
    const id = makeResidentId({ region: '110115', birthDate: addDays('1975-01-01', i * 37), sequence: 100 + i });
    const group = i % 6;
    const until = group === 0 || group === 3 ? addDays(TODAY, 60 + (i % 5)) : group === 1 ? addDays(TODAY, 400 + (i % 7)) : group === 2 ? addDays(TODAY, 200) : '';
    const status = group === 2 ? '挂起' : until ? '持证' : i % 2 ? '申办中' : '未持证';
    return { name, id, status, until, category: 'ABCDEFGH'[i % 8] };
  });
}

function csv(rows: string[][]): Buffer {
  return Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** The two chrome.* calls the test makes in the service worker. */
interface Chromeish {
  chrome: { action: { getBadgeText(d: object): Promise<string> }; notifications: { getAll(): Promise<Record<string, unknown>> } };
}

async function serviceWorker(page: Page): Promise<Worker> {
  const [w] = page.context().serviceWorkers();
  return w ?? page.context().waitForEvent('serviceworker');
}

test('case book: import 300, filter the renewal window, open a case, export CSV and ICS, reminders, screenshots', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  const base = `chrome-extension://${extensionId}/casebook.html`;
  await page.goto(`${base}#/`);
  await expect(page.getByTestId('casebook-empty')).toBeVisible();

  // ── Import: one bad row refuses the file (with its row number), then skipping it imports the 300.
  const ps = people();
  const header = ['姓名', '身份证号', '申报类别', '持证状态', '证件有效期至'];
  const body = ps.map((p) => [p.name, p.id, p.category, p.status, p.until]);
  const withBad = [header, ...body.slice(0, 10), ['错误行', '110115199003071230', 'A', '持证', '2027-02-30'], ...body.slice(10)];
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-file').setInputFiles({ name: '员工.csv', mimeType: 'text/csv', buffer: csv(withBad) });
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-invalid', '1');
  await expect(page.locator('[data-testid=import-row][data-row="12"]')).toContainText('有误');
  await expect(page.locator('[data-testid=import-row][data-row="12"]')).toContainText('不是有效日期');
  await expect(page.getByTestId('import-go')).toBeDisabled();
  await page.getByTestId('import-skip').check();
  await page.getByTestId('import-go').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 300 名员工');

  // ── The table: 300 rows, the renewal-window filter matches the rules' own verdicts.
  await page.getByTestId('nav-table').click();
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', '300');
  const inWindow = ps.filter((p) => p.status === '持证' && p.until < addDays(TODAY, 100));
  expect(inWindow).toHaveLength(100);
  await page.getByTestId('filter-permit').selectOption('window-open');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', String(inWindow.length));
  await expect(page.getByTestId('casebook-row').first()).toContainText('申请期内');
  // IDs are masked to their last 4 digits unless revealed.
  const firstId = await page.getByTestId('casebook-row').first().locator('.cb-id').textContent();
  expect(firstId).toMatch(/^\*{14}[\dX]{4}$/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'casebook-table.png') });

  // ── Export the filtered list as CSV (UTF-8 BOM, masked IDs) and parse it back.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = await read(csvDownload);
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const table = parseCsv(csvText.slice(1));
  expect(table[0].slice(0, 2)).toEqual(['姓名', '身份证号']);
  expect(table).toHaveLength(inWindow.length + 1);
  expect(new Set(table.slice(1).map((r) => r[0]))).toEqual(new Set(inWindow.map((p) => p.name)));
  expect(table.slice(1).every((r) => /^\*{14}[\dX]{4}$/.test(r[1]))).toBe(true);

  // ── Keyboard: the grid takes focus, ↓ moves, Enter opens; an employee without a case offers the renewal.
  await page.getByTestId('casebook-grid').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('employee-view')).toBeVisible();
  await page.getByTestId('start-renewal').click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('case-title')).toContainText('续签证件');
  await expect(page.getByTestId('checklist')).toBeVisible();
  await expect(page.getByTestId('deadlines')).toBeVisible();
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'casebook-case.png') });
  // The printable checklist of the case.
  await page.getByTestId('print-checklist').click();
  await expect(page.getByTestId('print-item').first()).toBeVisible();

  // ── ICS of the next 12 months' deadlines, parsed back.
  await page.goto(`${base}#/reports`);
  const [icsDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-ics').click()]);
  const ics = await read(icsDownload);
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  const events = parseIcs(ics);
  expect(events.length).toBeGreaterThan(100);
  expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
  expect(events.every((e) => /^\d{8}$/.test(e['DTSTART;VALUE=DATE']))).toBe(true);
  expect(ics).not.toMatch(/\d{17}[\dX]/); // no resident IDs in a calendar
  // The CSV's last safe filing day of a holder is the ICS event's date.
  const someone = table[1];
  const lastSafe = someone[8];
  expect(lastSafe > TODAY && lastSafe < someone[5]).toBe(true);
  expect(events.some((e) => e.SUMMARY.includes(`${someone[0]}：续签建议最晚发起日`) && e['DTSTART;VALUE=DATE'] === lastSafe.replace(/-/g, ''))).toBe(true);

  // ── The calendar (month of the first renewal deadlines).
  await page.goto(`${base}#/calendar/${lastSafe.slice(0, 7)}`);
  await expect(page.getByTestId('agenda-item').first()).toBeVisible();
  await expect(page.getByTestId('agenda').locator('[data-kind="renewal-last-safe-day"]').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'casebook-calendar.png') });

  // ── The daily reminder check, run in the service worker with a fake date: the day the latest of the
  // "window opens in about a year" group can file. On that day exactly those holders are due.
  const later = ps.filter((p) => p.status === '持证' && p.until >= addDays(TODAY, 400));
  await page.goto(`${base}#/`);
  await page.getByTestId('filter-clear').click(); // the filter is kept while the agent moves around
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', '300');
  const [allDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const all = parseCsv((await read(allDownload)).slice(1));
  const laterNames = new Set(later.map((p) => p.name));
  const opens = all.filter((r) => laterNames.has(r[0])).map((r) => r[7]);
  expect(opens).toHaveLength(later.length);
  const fakeDay = opens.sort().at(-1)!;
  expect(fakeDay > addDays(TODAY, 300)).toBe(true);
  const worker = await serviceWorker(page);
  const wired = await worker.evaluate(() => typeof (globalThis as { jzzReminders?: { runReminderCheck?: unknown } }).jzzReminders?.runReminderCheck === 'function');
  expect(wired, 'the background must call registerReminderAlarms() from storage/reminder-alarms.ts').toBe(true);
  const result = await worker.evaluate(async (day) => {
    const r = await (globalThis as unknown as { jzzReminders: { runReminderCheck(d: string): Promise<{ due: { kind: string }[]; notified: string[]; badge: string }> } }).jzzReminders.runReminderCheck(day);
    return { due: r.due.map((d) => d.kind), notified: r.notified, badge: r.badge };
  }, fakeDay);
  expect(result.due).toHaveLength(later.length);
  expect(new Set(result.due)).toEqual(new Set(['renewal-open']));
  const badge = await worker.evaluate(() => (globalThis as unknown as Chromeish).chrome.action.getBadgeText({}));
  expect(badge).toBe(String(later.length));
  const shown = await worker.evaluate(async () => Object.keys(await (globalThis as unknown as Chromeish).chrome.notifications.getAll()));
  expect(shown.filter((id) => id.startsWith('jzz-reminder|'))).toHaveLength(result.notified.length);
  expect(result.notified.length).toBe(3); // two separate, one list of the rest
  expect(result.notified.filter((id) => id.startsWith('jzz-reminder|employee/'))).toHaveLength(2);
  // The same day again: nothing new to notify, the badge stays.
  const again = await worker.evaluate(async (day) => (await (globalThis as unknown as { jzzReminders: { runReminderCheck(d: string): Promise<{ notified: string[] }> } }).jzzReminders.runReminderCheck(day)).notified, fakeDay);
  expect(again).toEqual([]);
});

test('case book: a GBK sheet is decoded, an undecodable one refused, and English switches the whole page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const base = `chrome-extension://${extensionId}/casebook.html`;
  await page.goto(`${base}#/import`);
  // 「姓名,身份证号\r\n张伟,<id>\r\n」 in GBK (Excel's default CSV on Chinese Windows).
  const id = makeResidentId({ region: '110115', birthDate: '1990-03-07', sequence: 123 });
  const gbk = Buffer.concat([Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac50d0ad5c5ceb02c', 'hex'), Buffer.from(`${id}\r\n`, 'latin1')]);
  await page.getByTestId('import-file').setInputFiles({ name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk });
  await expect(page.getByTestId('import-read')).toContainText('按 GBK 编码读取');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-valid', '1');
  await page.getByTestId('import-file').setInputFiles({ name: 'junk.csv', mimeType: 'text/csv', buffer: Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0x7f, 0xff]) });
  await expect(page.getByTestId('import-refused')).toContainText('无法识别文件编码');

  await page.goto(`${base}#/settings`);
  await page.getByTestId('settings-language').selectOption('en');
  await expect(page.getByTestId('nav-table')).toHaveText('Employees & cases');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A bad credit code is explained and not saved.
  await page.getByTestId('company-name').fill('北京兴创智能科技有限公司');
  await page.getByTestId('company-credit-code').fill('91110115MA01XK3P6X');
  await expect(page.getByTestId('settings-company').getByRole('alert')).toContainText('The code is wrong somewhere');
  await expect(page.getByTestId('settings-company').getByRole('alert')).not.toContainText('should be');
});

test('case book settings: a pasted holiday notice is shown, confirmed, listed and removed; a contradictory one stores nothing; the buffer is saved', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);
  const card = page.getByTestId('settings-holidays');
  await expect(card.getByTestId('holidays-coverage')).toContainText('已录入：无');
  // Contradictory: 2月14日 both off and working.
  await card.getByTestId('holidays-text').fill('国务院办公厅关于2027年部分节假日安排的通知\n一、春节：2月14日至2月15日放假，共2天。2月14日上班。');
  await card.getByTestId('holidays-read').click();
  await expect(card.getByTestId('holidays-problems')).toContainText('无法读取这份通知，未保存任何内容');
  await expect(card.getByTestId('holidays-parsed')).toHaveCount(0);
  await expect(card.getByTestId('holidays-stored').locator('li')).toHaveCount(0);

  await card.getByTestId('holidays-text').fill(
    '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月5日（农历除夕、周五）至2月11日（周四）放假调休，共7天。2月14日（周日）上班。',
  );
  await card.getByTestId('holidays-read').click();
  await expect(card.getByTestId('holidays-parsed')).toContainText('读取结果：2027 年');
  await expect(card.getByTestId('holidays-run')).toHaveCount(2);
  await expect(card.getByTestId('holidays-workdays')).toHaveText('2027-02-14');
  await card.getByTestId('holidays-confirm').click();
  await expect(card.getByTestId('holidays-year-2027')).toBeVisible();
  await expect(card.getByTestId('holidays-coverage')).toContainText('已录入：2027');

  await card.getByTestId('holidays-remove').click();
  await card.getByTestId('holidays-remove-confirm').click();
  await expect(card.getByTestId('holidays-year-2027')).toHaveCount(0);

  await page.getByTestId('buffer-workdays').fill('8');
  await expect(page.getByTestId('settings-buffer')).toContainText('已自动保存');
  await page.reload();
  await expect(page.getByTestId('buffer-workdays')).toHaveValue('8');
});

test('case book: a 港澳台居民居住证 holder (81…) gets the §七 4 notice instead of the Daxing checklist', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const base = `chrome-extension://${extensionId}/casebook.html`;
  await page.goto(`${base}#/import`);
  const id = makeResidentId({ region: '810000', birthDate: '1990-03-07', sequence: 123 });
  await page.getByTestId('import-file').setInputFiles({ name: 'hmt.csv', mimeType: 'text/csv', buffer: csv([['姓名', '身份证号'], ['陈家明', id]]) });
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-valid', '1');
  await page.getByTestId('import-go').click();
  await page.getByTestId('nav-table').click();
  await page.getByTestId('casebook-row').first().click();
  await expect(page.getByTestId('employee-view').getByTestId('guide-out-of-scope')).toContainText('港澳台人才（证件号码以 81/82/83 开头，为港澳台居民居住证）：按原有条件和程序办理');
  await page.getByTestId('new-business').selectOption('new-permit');
  await page.getByTestId('new-case').click();
  await expect(page.getByTestId('checklist').getByTestId('guide-out-of-scope')).toContainText('按原有条件和程序办理');
  await expect(page.getByTestId('checklist-items')).toHaveCount(0);
});
