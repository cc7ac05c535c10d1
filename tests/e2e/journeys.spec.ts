/**
 * The agent's journeys across the side panel, the portal, the case book, reminders and exports (issue #18):
 * one case, one truth. Each test is named for what the agent sees, plays it end to end with the built
 * extension, and checks that every view tells the same story about the same case.
 */
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, launchWithExtension, extensionIdOf, injectedBoxes, openReplica, type Box } from './harness';
import { panel } from './panel-kit';
import { parseCsv, parseIcs, readDownload } from './exports-kit';
import { clickInjected, expectInjected } from './shadow';
import data from '../fixtures/portal/data.json' with { type: 'json' };
import { makeResidentId } from '../../rules/identity';
import { addMonths, beijingDate } from '../../rules/dates';

test.describe.configure({ mode: 'parallel' });

const TODAY = beijingDate(Date.now());
/** README pictures of what these journeys show (rewritten by each run, like the other specs' pictures). */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const FW = 'https://fw.bjrcgz.gov.cn';
const ATTACHMENTS = `${FW}/person-platform/#/person-platform/attachments`;
/** 张伟 as the agent keeps him: not the 张伟 (130602199003151214) the replica portal pages show. */
const OUR_ZHANG = { name: '张伟', id: makeResidentId({ region: '110115', birthDate: '1992-06-18', sequence: 135 }) };

/** A replica portal page at its real URL, rendered (harness openReplica takes the path under fw.bjrcgz.gov.cn). */
const openPortal = (page: Page, url: string) => openReplica(page, url.slice(`${FW}/`.length));

function caseBook(extensionId: string) {
  return `chrome-extension://${extensionId}/casebook.html`;
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  const [w] = context.serviceWorkers();
  return w ?? context.waitForEvent('serviceworker');
}

type DueReminder = { kind: string; title: { zh: string } };
/** The daily reminder check, run by the background on `day` (what the agent's notifications say). */
async function remindersOn(context: BrowserContext, day: string): Promise<DueReminder[]> {
  const worker = await serviceWorker(context);
  return worker.evaluate(async (d) => {
    const r = await (globalThis as unknown as { jzzReminders: { runReminderCheck(d: string): Promise<{ due: DueReminder[] }> } }).jzzReminders.runReminderCheck(d);
    return r.due.map((x) => ({ kind: x.kind, title: { zh: x.title.zh } }));
  }, day);
}

test('a renewal created in the side panel is in the case book at once: the 续签申请期内 filter, the calendar and the reminders', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(120_000);
  const p = panel(sidePanel);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  const expiry = addMonths(TODAY, 2);
  await p.addCase('续签证件', expiry);
  await expect(sidePanel.getByTestId('deadline-state')).toBeVisible();

  const book = await context.newPage();
  await book.goto(`${caseBook(extensionId)}#/`);
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '1');
  const row = book.getByTestId('casebook-row');
  await expect(row).toContainText('持证');
  await expect(row.locator('.cb-until')).toHaveText(expiry);
  await book.getByTestId('filter-permit').selectOption('window-open');
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '1');
  await expect(row.getByTestId('permit-state')).toContainText('申请期内');
  await expect(row.locator('.cb-next')).toContainText('续签建议最晚发起日');
  const lastSafe = (await row.locator('.cb-next .mono').textContent())!.trim();
  // A filter that matches nobody says so (not an empty grid).
  await book.getByTestId('filter-permit').selectOption('missed');
  await expect(book.getByTestId('casebook-no-results')).toContainText('没有符合筛选条件的员工（共 1 名）');

  // The calendar of that month, and today's reminders beside it.
  await book.goto(`${caseBook(extensionId)}#/calendar/${lastSafe.slice(0, 7)}`);
  await expect(book.getByTestId('agenda').locator('[data-kind="renewal-last-safe-day"]')).toContainText('张伟');
  await expect(book.getByTestId('due-reminders')).toContainText('张伟：续签申请期已开始');
  // The background's daily check says the same.
  expect((await remindersOn(context, TODAY)).map((r) => r.title.zh)).toContain('张伟：续签申请期已开始');
});

test('an employer change is called an employer change in the table, the CSV, the ICS and the reminders', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(120_000);
  const p = panel(sidePanel);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await p.addCase('聘用单位变更', addMonths(TODAY, 2));
  await expect(sidePanel.getByTestId('deadline-state')).toBeVisible();

  const book = await context.newPage();
  await book.goto(`${caseBook(extensionId)}#/`);
  const row = book.getByTestId('casebook-row');
  await expect(row.getByTestId('permit-state')).toContainText('变更');
  await expect(row.locator('.cb-next')).toContainText('聘用单位变更建议最晚发起日');
  await expect(row.locator('.cb-next')).not.toContainText('续签');

  const [csvDownload] = await Promise.all([book.waitForEvent('download'), book.getByTestId('export-csv').click()]);
  const [header, line] = parseCsv((await readDownload(csvDownload)).slice(1));
  const next = line[header.indexOf('下一事项')];
  expect(next).toContain('聘用单位变更');
  expect(line.join(',')).not.toContain('续签');
  const safeDay = line[header.indexOf('建议最晚发起日')];
  expect(safeDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await book.goto(`${caseBook(extensionId)}#/reports`);
  const [icsDownload] = await Promise.all([book.waitForEvent('download'), book.getByTestId('report-ics').click()]);
  const events = parseIcs(await readDownload(icsDownload));
  expect(events.some((e) => e.SUMMARY.includes('张伟：聘用单位变更建议最晚发起日') && e['DTSTART;VALUE=DATE'] === safeDay.replace(/-/g, ''))).toBe(true);
  expect(events.some((e) => e.SUMMARY.includes('续签'))).toBe(false);

  // On the recommended latest day the daily check reminds of the employer change, not a renewal.
  const due = await remindersOn(context, safeDay);
  expect(due.map((r) => r.kind)).toContain('employer-change-last-safe-day');
  expect(due.some((r) => r.title.zh.includes('聘用单位变更'))).toBe(true);
  expect(due.some((r) => r.title.zh.includes('续签'))).toBe(false);
});

test('a short lease is flagged in the side panel, the 附件管理 overlay, the sync, the eligibility check, the print view and the case book (with the category chosen in the panel)', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(150_000);
  const p = panel(sidePanel);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await p.addCase('新办证件');
  await sidePanel.getByTestId('facts-category').selectOption('A');
  await sidePanel.getByTestId('facts-housing').selectOption('rented');
  const shortLease = addMonths(TODAY, 4);
  await sidePanel.getByTestId('valid-until-housing-lease-contract').fill(shortLease);
  // Side panel: the lease's own verdict, and the eligibility check's residence condition.
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toHaveAttribute('data-tone', 'bad');
  const residence = sidePanel.getByTestId('condition-applicant-legal-residence');
  await expect(residence).toHaveAttribute('data-status', 'not-met');
  await expect(residence).toContainText('住所证明：租住（住宅）');
  await expect(residence).toContainText('不足 6 个月');
  await expect(residence).not.toContainText('rented');

  // The portal's 附件管理: the page says 已上传 for 住所证明, our overlay says the lease must be replaced.
  const portal = await context.newPage();
  await openPortal(portal, ATTACHMENTS);
  await expectInjected(portal, '附件核对清单 · 新办证件', '有效期不足 6 个月，须更换', '即使已上传也须更换');
  await portal.screenshot({ path: path.join(SCREENSHOTS, 'portal-short-lease.png') });
  // The lease's date is the case's: not drawn in the page.
  expect((await portal.evaluate(() => document.body.innerText)).includes(shortLease)).toBe(false);

  // The sync offers to tick it, with the verdict beside it and a warning in the confirmation.
  await expect(sidePanel.getByTestId('portal-context')).toContainText('附件管理');
  await expect(sidePanel.getByTestId('sync-validity-housing-lease-contract')).toContainText('不足 6 个月');
  await sidePanel.getByTestId('sync-offer').click();
  await expect(sidePanel.getByTestId('sync-validity-warning')).toContainText('标记为已上传不代表材料合格');
  await sidePanel.getByTestId('sync-confirm').click();
  await expect(p.tick('housing-lease-contract')).toHaveValue('uploaded');

  // The case book: the row's next thing is the document that already fails, and the print view says so.
  const book = await context.newPage();
  await book.goto(`${caseBook(extensionId)}#/`);
  const row = book.getByTestId('casebook-row');
  await expect(row.locator('.cb-next')).toContainText('材料有效期不再满足要求');
  await expect(row.locator('.cb-next')).toContainText('已过');
  // The category chosen in the side panel is the case book's column and filter.
  await expect(row.locator('.cb-category')).toContainText('A');
  await book.getByTestId('filter-category').selectOption('A');
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '1');
  await row.click();
  await expect(book.getByTestId('case-view')).toBeVisible();
  await book.getByTestId('print-checklist').click();
  const leaseLine = book.locator('[data-testid=print-item][data-item="housing-lease-contract"]');
  await expect(leaseLine).toHaveAttribute('data-state', 'uploaded');
  await expect(leaseLine.getByTestId('print-short')).toHaveText('✗ 有效期不足，须更换');
  await expect(leaseLine.getByTestId('print-validity')).toContainText('不足 6 个月');
  // And the reminders: an alarm now, not a reminder whose day has passed.
  const due = await remindersOn(context, TODAY);
  expect(due.find((r) => r.kind === 'document-falls-below')?.title.zh).toBe('张伟：房屋租赁合同（住所证明）有效期已不足');
});

test("another person's page is refused for capture and fill: nothing of theirs goes into the case", async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(120_000);
  const p = panel(sidePanel);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await p.addCase('新办证件');
  await expect(p.item('hukou-pages')).toBeVisible();

  // The replica's 个人基础信息 shows the other 张伟.
  const portal = await context.newPage();
  await openPortal(portal, `${FW}/person-platform/#/person-platform/basic-info`);
  await expectInjected(portal, '当前页面');
  // Said at once, before anything is offered: the page shows someone else.
  await expect(sidePanel.getByTestId('page-person')).toContainText('页面显示的是另一人（身份证号 **************1214），不是所选员工 张伟');
  await expect(sidePanel.getByTestId('diag-found')).toContainText('身份证号');
  const action = sidePanel.getByTestId('portal-action');
  await clickInjected(portal, { tag: 'button', text: '采集到草稿' });
  await expect(action).toBeVisible();
  await expect(sidePanel.getByTestId('action-other-person')).toContainText('页面显示的身份证号与侧边栏所选员工不一致');
  await expect(sidePanel.getByTestId('capture-save')).toHaveCount(0);
  await action.getByRole('button', { name: '取消' }).click();
  await clickInjected(portal, { tag: 'button', text: '从草稿填写' });
  await expect(sidePanel.getByTestId('action-other-person')).toBeVisible();
  await expect(sidePanel.getByTestId('fill-apply')).toHaveCount(0);
  // The agent corrects the page's ID to the employee's: the panel says it is the same person now.
  const idInput = portal.locator('.el-form-item:visible', { has: portal.locator('label', { hasText: '身份证号' }) }).locator('input').first();
  await idInput.fill(OUR_ZHANG.id);
  await idInput.press('Tab');
  await expect(sidePanel.getByTestId('page-person')).toContainText('页面显示的身份证号是所选员工 张伟 的');

  // The case book's employee is still ours: no ID or birth date of the other person was written.
  const book = await context.newPage();
  await book.goto(`${caseBook(extensionId)}#/`);
  await book.getByTestId('reveal-ids').check();
  await expect(book.getByTestId('casebook-row').locator('.cb-id')).toHaveText(OUR_ZHANG.id);
  await book.getByTestId('casebook-row').click();
  await book.getByTestId('crumb-employee').click();
  await book.getByTestId('reveal-id').click();
  await expect(book.getByTestId('emp-id')).toHaveValue(OUR_ZHANG.id);
  expect(await book.locator('body').innerText()).not.toContain(data.persons.zhangWei.id);
});

test('a voided case asks first, gets no dates, and can be reopened', async ({ extensionId, context, sidePanel }) => {
  test.setTimeout(90_000);
  const p = panel(sidePanel);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await p.addCase('新办证件');
  await expect(sidePanel.getByTestId('deadline-quarter')).toBeVisible();

  const book = await context.newPage();
  await book.goto(`${caseBook(extensionId)}#/`);
  await book.getByTestId('casebook-row').click();
  await expect(book.getByTestId('case-status')).toContainText('草稿');
  await book.getByTestId('move-voided').click();
  await expect(book.getByTestId('confirm-void')).toContainText('之后可以随时重新打开');
  // Nothing changed before the confirmation.
  await expect(book.getByTestId('case-status')).toContainText('草稿');
  await book.getByTestId('confirm-void-yes').click();
  await expect(book.getByTestId('case-status')).toContainText('已作废');
  await expect(book.getByTestId('deadline-voided')).toBeVisible();
  await expect(book.getByTestId('deadline-quarter')).toHaveCount(0);
  // The side panel follows: no suggested filing day for a voided case.
  await expect(sidePanel.getByTestId('deadline-voided')).toBeVisible();
  await expect(sidePanel.getByTestId('deadline-quarter')).toHaveCount(0);

  await book.getByTestId('move-draft').click();
  await expect(book.getByTestId('case-status')).toContainText('草稿');
  await expect(book.getByTestId('deadline-quarter')).toBeVisible();
  await expect(book.getByTestId('audit-entry').first()).toContainText('草稿');
});

test('on Saturday a deadline on Monday says no working day is left before it, not 就是今天', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  // Saturday 2026-12-05, 10:00 in Beijing.
  const saturday = new Date('2026-12-05T02:00:00Z');
  const panelPage = await context.newPage();
  await panelPage.clock.install({ time: saturday });
  await panelPage.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const p = panel(panelPage);
  await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await p.addCase('新办证件');
  await panelPage.getByTestId('facts-housing').selectOption('rented');
  // Valid until 2027-06-06: on Monday 2026-12-07 it no longer has 6 months left.
  await panelPage.getByTestId('valid-until-housing-lease-contract').fill('2027-06-06');
  await expect(panelPage.getByTestId('validity-verdict-housing-lease-contract')).toHaveAttribute('data-tone', 'ok');

  const book = await context.newPage();
  await book.clock.install({ time: saturday });
  await book.goto(`${caseBook(extensionId)}#/`);
  const next = book.getByTestId('casebook-row').locator('.cb-next');
  await expect(next).toContainText('2026-12-07');
  await expect(next).toContainText('此前已无其他工作日');
  await expect(next).not.toContainText('就是今天');
});

test('at 01:44 in Beijing on a computer set to UTC, names, notes and exports carry the Beijing date', async () => {
  test.setTimeout(120_000);
  const context = await launchWithExtension(undefined, [], { timezoneId: 'UTC' });
  try {
    const extensionId = await extensionIdOf(context);
    // 2026-12-04 17:44 UTC = 2026-12-05 01:44 in Beijing.
    const late = new Date('2026-12-04T17:44:00Z');
    const panelPage = await context.newPage();
    await panelPage.clock.install({ time: late });
    await panelPage.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const p = panel(panelPage);
    await p.addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
    await p.addCase('新办证件');
    // The new permit is in focus (its checklist shows) before the agent adds the renewal.
    await expect(p.item('hukou-pages')).toBeVisible();
    await p.addCase('续签证件', '2027-01-31');
    // The renewal is in focus (its deadlines show) before the agent types a note on it.
    await expect(panelPage.getByTestId('deadline-state')).toBeVisible();
    await panelPage.getByTestId('note-composer').fill('已提醒员工准备户口本');
    await panelPage.getByTestId('note-finish').click();
    await expect(panelPage.getByTestId('note').first()).toContainText('2026-12-05 01:44');
    await expect(panelPage.getByTestId('note').first()).not.toContainText('修改');

    const book = await context.newPage();
    await book.clock.install({ time: late });
    await book.goto(`${caseBook(extensionId)}#/`);
    await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '1');
    const [csv] = await Promise.all([book.waitForEvent('download'), book.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toBe('jzz-casebook-2026-12-05.csv');
    await book.getByTestId('casebook-row').click();
    await book.getByTestId('crumb-employee').click();
    await expect(book.getByTestId('employee-cases')).toContainText('2026-12-05 创建');
    await expect(book.getByTestId('employee-cases')).not.toContainText('2026-12-04');
    await book.goto(`${caseBook(extensionId)}#/settings`);
    await book.getByTestId('backup-passphrase').fill('correct horse battery staple 2026');
    await book.getByTestId('backup-passphrase-again').fill('correct horse battery staple 2026');
    const [backup] = await Promise.all([book.waitForEvent('download'), book.getByTestId('backup-export').click()]);
    expect(backup.suggestedFilename()).toContain('2026-12-05');
    expect(backup.suggestedFilename()).not.toContain('2026-12-04');
  } finally {
    await context.close();
  }
});

test('with no employee yet, the side panel on 附件管理 shows the basic checklist and offers to keep it as a case', async ({ context, sidePanel }) => {
  test.setTimeout(90_000);
  const portal = await context.newPage();
  await openPortal(portal, ATTACHMENTS);
  await expectInjected(portal, '附件核对清单 · 新办证件');
  const card = sidePanel.getByTestId('page-checklist');
  await expect(card).toContainText('本页材料清单 · 新办证件');
  await expect(card).toContainText('与页面上的核对清单相同');
  // The same four items the overlay lists, with what the page says of each.
  await expect(card.locator('[data-item-id]')).toHaveCount(4);
  await expect(card.locator('[data-item-id="hukou-pages"]')).toHaveAttribute('data-page-state', 'uploaded');
  await expect(card.locator('[data-item-id="applicant-integrity-statement"]')).toContainText('签字并加盖单位公章');
  await sidePanel.setViewportSize({ width: 380, height: 900 });
  await sidePanel.screenshot({ path: path.join(SCREENSHOTS, 'sidepanel-page-checklist.png') });
  await card.getByTestId('page-checklist-keep').click();
  // The new employee form takes the cursor; the new case form then proposes 新办证件.
  await expect(sidePanel.getByTestId('new-employee-form').getByLabel('姓名')).toBeFocused();
  await panel(sidePanel).addEmployee(OUR_ZHANG.name, OUR_ZHANG.id);
  await expect(sidePanel.getByTestId('new-case-business')).toHaveValue('new-permit');
  await sidePanel.getByRole('button', { name: '创建业务' }).click();
  await expect(sidePanel.getByTestId('page-checklist')).toHaveCount(0);
  await expect(sidePanel.getByTestId('attachment-sync')).toBeVisible();
});

const overlaps = (a: Box, b: Box) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

for (const width of [1280, 966]) {
  test(`the floating 申报助手 badge never covers a hint on 附件管理 at ${width} px, in both page styles`, async ({ context }) => {
    test.setTimeout(90_000);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    for (const url of [ATTACHMENTS, `${FW}/gzjzz/person/fjgl.html`]) {
      await openPortal(page, url);
      await expectInjected(page, '附件核对清单', '本案必需');
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y <= height; y += 200) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        // Wait until the dock has been placed for this scroll position (one frame after the scroll).
        await expect
          .poll(async () => {
            const { hints, dock } = await injectedBoxes(page);
            if (!dock) return 'no dock';
            const covered = hints.filter((h) => overlaps(h, dock));
            return covered.length ? `covers ${covered.length} hint(s) at y=${y}: ${JSON.stringify(dock)}` : 'clear';
          })
          .toBe('clear');
      }
    }
  });
}
