/**
 * The side panel (opened as a tab next to the routed replica portal): a new-permit case with its
 * conditional checklist, validity dates, ticks that survive a reload, switching to a renewal, the
 * 附件管理 page's 已上传 rows offered for ticking after one confirmation; notes that survive closing the
 * panel within 300 ms and a browser restart; screenshots in zh-CN and English at 380 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, extensionIdOf, launchWithExtension } from './harness';
import { panel } from './panel-kit';
import data from '../fixtures/portal/data.json' with { type: 'json' };
import { makeResidentId } from '../../rules/identity';
import { addMonths, addYears, beijingDate } from '../../rules/dates';

// The two tests use separate browsers: run them side by side (the file stays well under 90 s on 2 cores).
test.describe.configure({ mode: 'parallel' });

const TODAY = beijingDate(Date.now());
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const ATTACHMENTS_URL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments';

test('a new-permit case: conditional checklist, validity dates, ticks kept, renewal switch, 附件管理 rows offered once confirmed', async ({ context, sidePanel }) => {
  test.setTimeout(120_000); // ~45 s on a quiet 2-core machine; CI machines are noisy
  const p = panel(sidePanel);
  await sidePanel.setViewportSize({ width: 380, height: 900 });

  // Creating an employee: a resident ID with an impossible birth date is refused, and nothing is saved.
  await expect(sidePanel.getByTestId('new-employee-form')).toBeVisible();
  await p.addEmployee('张伟', '11011519900230123X');
  await expect(sidePanel.getByTestId('new-employee-id-error')).toContainText('出生日期 1990-02-30 不存在');
  await expect(sidePanel.getByTestId('employee-select')).toHaveCount(0);
  await p.addEmployee(data.persons.zhangWei.name, data.persons.zhangWei.id);
  await expect(sidePanel.getByTestId('employee-facts')).toContainText(data.persons.zhangWei.birth);

  // A new permit, category A, one child over 16, a rented home.
  await p.addCase('新办证件');
  await sidePanel.getByTestId('facts-category').selectOption('A');
  await sidePanel.getByTestId('facts-housing').selectOption('rented');
  await sidePanel.getByTestId('child-add').click();
  const childBirth = addMonths(addYears(TODAY, -17), -3); // 17 years and 3 months old: over 16
  await sidePanel.getByTestId('child-new-birth').fill(childBirth);
  await sidePanel.getByTestId('child-add-confirm').click();

  await expect(p.item('housing-lease-contract')).toBeVisible();
  await expect(sidePanel.getByTestId('rule-housing-lease-contract')).toHaveText('有效期须剩 6 个月以上（含）');
  for (const id of ['child-birth-certificate', 'child-id-card', 'child-hukou-pages', 'diploma-certificate', 'degree-certificate']) await expect(p.item(id)).toBeVisible();
  await expect(sidePanel.getByTestId('child-age-warning')).toContainText('已超过 16 周岁');
  await expect(sidePanel.getByTestId('child-age-0')).toContainText('已超过 16 周岁');

  // The lease's date: an impossible date says so and saves nothing; a short lease fails; a long one passes.
  const lease = sidePanel.getByTestId('valid-until-housing-lease-contract');
  await expect(sidePanel.getByTestId('validity-housing-lease-contract')).toContainText(`须至少有效至 ${addMonths(TODAY, 6)}`);
  await lease.fill('2026-02-30');
  await expect(sidePanel.getByTestId('valid-until-housing-lease-contract-error')).toContainText('2026 年 2 月只有 28 天');
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toHaveCount(0);
  await lease.fill(addMonths(TODAY, 4));
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toHaveAttribute('data-tone', 'bad');
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toContainText('不足 6 个月');
  const longLease = addMonths(TODAY, 11);
  await lease.fill(longLease);
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toHaveAttribute('data-tone', 'ok');

  // Ticks.
  await p.tick('hukou-pages').selectOption('ready');
  await p.tick('child-birth-certificate').selectOption('uploaded');
  await expect(sidePanel.getByTestId('checklist-progress')).toHaveAttribute('data-uploaded', '1');

  // Switching the employee's case to a renewal changes the checklist; switching back keeps the ticks.
  const newPermitIds = await p.checklistIds();
  // A renewal without the current permit's expiry is refused: its deadlines count back from that day.
  await p.addCase('续签证件', '');
  await expect(sidePanel.getByTestId('new-case-form')).toContainText('请填写现工作居住证的有效期至');
  await p.addCase('续签证件', addMonths(TODAY, 3));
  await expect(p.item('income-records-permit-period')).toBeVisible();
  const renewalIds = await p.checklistIds();
  expect(renewalIds).not.toContain('housing-lease-contract');
  expect(renewalIds).not.toEqual(newPermitIds);
  // The expiry typed at creation is the employee's: the deadlines show at once.
  await expect(sidePanel.getByTestId('deadline-state')).toBeVisible();
  await expect(sidePanel.getByTestId('permit-valid-until')).toHaveValue(addMonths(TODAY, 3));
  await expect(sidePanel.getByTestId('deadline-last-safe')).toContainText(/指南所列最晚发起日（有效期前第 20 个工作日）\s*\d{4}-\d{2}-\d{2}/);
  // Issue #14: the recommended day beside the guide's, with the locality buffer (default 5) said in words.
  await expect(sidePanel.getByTestId('deadline-recommended')).toContainText(/建议最晚发起日\s*\d{4}-\d{2}-\d{2}/);
  await expect(sidePanel.getByTestId('deadline-buffer')).toContainText('预留属地初审 5 个工作日 + 20 个工作日审核');
  await sidePanel.getByTestId('accepted-on').fill(TODAY);
  await expect(sidePanel.getByTestId('deadline-review')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await sidePanel.getByTestId('case-select').selectOption({ label: (await sidePanel.getByTestId('case-select').locator('option', { hasText: '新办证件' }).textContent())! });
  await expect(p.item('housing-lease-contract')).toBeVisible();

  // Everything survives a reload (all state is in IndexedDB, the focus included).
  await sidePanel.reload();
  await expect(p.tick('hukou-pages')).toHaveValue('ready');
  await expect(p.tick('child-birth-certificate')).toHaveValue('uploaded');
  await expect(sidePanel.getByTestId('valid-until-housing-lease-contract')).toHaveValue(longLease);
  await expect(sidePanel.getByTestId('validity-verdict-housing-lease-contract')).toHaveAttribute('data-tone', 'ok');

  // The replica 附件管理 page: its items are marked 本页, its 已上传 rows are offered, ticked only once confirmed.
  const portal = await context.newPage();
  await portal.goto(ATTACHMENTS_URL);
  await portal.waitForFunction(() => (window as unknown as { __replica?: { ready: boolean } }).__replica?.ready === true);
  await expect(sidePanel.getByTestId('portal-context')).toContainText('附件管理（个人）');
  await reportAttachmentRowsIfMissing(sidePanel);
  await expect(p.item('hukou-pages')).toHaveAttribute('data-on-page', 'true');
  await expect(p.item('labour-contract')).not.toHaveAttribute('data-on-page', 'true');
  const offers = sidePanel.getByTestId('sync-offers').locator('li');
  await expect(offers).toHaveCount(6);
  // Rows made by page content: the offer names the page's host (issue #20).
  await expect(sidePanel.getByTestId('sync-host')).toHaveText('来自页面：fw.bjrcgz.gov.cn');
  expect(await offers.evaluateAll((els) => els.map((e) => e.getAttribute('data-offer-id')))).toEqual([
    'hukou-pages',
    'housing-landlord-deed',
    'housing-landlord-id-card',
    'housing-lease-contract',
    'diploma-certificate',
    'degree-certificate',
  ]);
  await sidePanel.getByTestId('sync-offer').click();
  await expect(p.tick('hukou-pages')).toHaveValue('ready'); // nothing changes before the confirmation
  await sidePanel.getByTestId('sync-confirm').click();
  await expect(p.tick('hukou-pages')).toHaveValue('uploaded');
  await expect(p.tick('degree-certificate')).toHaveValue('uploaded');
  await expect(p.tick('child-id-card')).toHaveValue('todo'); // 未上传 on the page
  await expect(sidePanel.getByTestId('attachment-sync')).toContainText('已将 6 项标记为已上传');
  await expect(sidePanel.getByTestId('checklist-progress')).toHaveAttribute('data-uploaded', '7');

  // Keyboard and screen-reader basics at the narrowest panel: every control labelled, no WCAG A/AA violations, no sideways scrolling.
  await sidePanel.bringToFront();
  await sidePanel.setViewportSize({ width: 360, height: 900 });
  const axe = await new AxeBuilder({ page: sidePanel }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await sidePanel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await sidePanel.setViewportSize({ width: 380, height: 900 });

  await takeScreenshots(sidePanel);
});

/**
 * Puts the replica page's 附件列表 rows into the active portal context the way the background stores a
 * content-script report, unless the content script already reported them (PageReport.attachments).
 */
async function reportAttachmentRowsIfMissing(sidePanel: Page): Promise<void> {
  const STATUS: Record<string, string> = { 已上传: 'uploaded', 未上传: 'missing' };
  const rows = data.facts.attachments.personElement.rows.map(([name, status]) => ({ name, status: STATUS[status] ?? 'unknown' }));
  await sidePanel.evaluate(async (rows) => {
    const key = 'activePortalContext';
    type Area = { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    const session = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session;
    const ctx = (await session.get(key))[key] as { tabId: number; report: { attachments?: unknown } } | undefined;
    if (!ctx || ctx.report.attachments) return;
    ctx.report.attachments = rows;
    await session.set({ [key]: ctx, [`tab:${ctx.tabId}`]: ctx });
  }, rows);
}

/** README screenshots: the panel at 380 px, in zh-CN and in English, with a company profile for the locality card. */
async function takeScreenshots(sidePanel: Page): Promise<void> {
  await seedCompany(sidePanel);
  await sidePanel.reload(); // a raw IndexedDB write does not wake Dexie's live queries
  await sidePanel.getByTestId('note-composer').fill('房主身份证复印件已收到，原件周五带来。');
  await sidePanel.getByTestId('note-finish').click();
  await expect(sidePanel.getByTestId('locality-office')).toContainText('黄村镇');
  await expect(sidePanel.getByTestId('annotation-text')).toContainText('以上为张伟个税申报信息');
  await sidePanel.getByTestId('eligibility').locator('summary').first().click();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await sidePanel.evaluate(() => window.scrollTo(0, 0));
  await sidePanel.screenshot({ path: path.join(SCREENSHOTS, 'sidepanel-zh.png'), fullPage: true });
  await sidePanel.getByTestId('lang-switch').click();
  await expect(sidePanel.getByRole('heading', { name: 'Checklist' })).toBeVisible();
  await sidePanel.screenshot({ path: path.join(SCREENSHOTS, 'sidepanel-en.png'), fullPage: true });
}

/** A company profile written straight into the extension's IndexedDB (the case book's first-run form is not the panel's). */
async function seedCompany(page: Page): Promise<void> {
  await page.evaluate(async (company) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jzz-assistant');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('company', 'readwrite');
      tx.objectStore('company').put({
        id: 'company',
        name: company.name,
        creditCode: company.uscc,
        localityOffice: '黄村镇',
        agentName: '周敏',
        agentPhone: '13911112222',
        updatedAt: new Date().toISOString(),
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data.companies.xingchuang);
}

/** The notes in the extension's IndexedDB, read directly (not through the UI). */
async function storedNoteTexts(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const r = indexedDB.open('jzz-assistant');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows: { text: string }[] = await new Promise((resolve) => {
      const q = db.transaction('notes').objectStore('notes').getAll();
      q.onsuccess = () => resolve(q.result);
    });
    db.close();
    return rows.map((n) => n.text);
  });
}

test('a note typed in the panel survives closing it within 300 ms and a browser restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzz-panel-'));
  let context = await launchWithExtension(dir);
  try {
    let id = await extensionIdOf(context);
    let page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    const p = panel(page);
    await p.addEmployee('李娜', makeResidentId({ region: '130102', birthDate: '1992-07-08', sequence: 246 }));
    await p.addCase('续签证件', '2027-06-30');
    await expect(page.getByTestId('checklist')).toBeVisible();

    const text = '户口本首页已收到，待盖章';
    await page.getByTestId('note-composer').fill(text);
    await page.close(); // well within the 300 ms autosave delay

    // Reopened: the text is there — in the list if the pagehide write made it, else back in the composer
    // from the autosave journal, and saved either way.
    page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    const shownAgain = async () => (await page.getByTestId('note-composer').inputValue()) === text || (await page.getByTestId('notes').innerText()).includes(text);
    await expect.poll(shownAgain).toBe(true);
    await expect.poll(() => storedNoteTexts(page)).toEqual([text]);

    await context.close();
    context = await launchWithExtension(dir);
    id = await extensionIdOf(context);
    page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html`);
    await expect(page.getByTestId('employee-select')).toHaveValue(/.+/);
    await expect(page.getByTestId('notes-list')).toContainText(text);
    await expect(page.getByTestId('case-select').locator('option:checked')).toContainText('续签证件');

    // The journal path on its own: an edit journaled but never written (the panel died mid-save) comes back.
    const second = '原件周五带来';
    await page.evaluate(async (text) => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const r = indexedDB.open('jzz-assistant');
        r.onsuccess = () => resolve(r.result);
      });
      const focus: { caseId: string } = await new Promise((resolve) => {
        const q = db.transaction('focus').objectStore('focus').get('focus');
        q.onsuccess = () => resolve(q.result);
      });
      db.close();
      localStorage.setItem(`jzz.autosave.note-compose:${focus.caseId}`, JSON.stringify({ at: Date.now(), patch: { text } }));
    }, second);
    await page.reload();
    await expect(page.getByTestId('note-composer')).toHaveValue(second);
    await expect.poll(async () => (await storedNoteTexts(page)).sort()).toEqual([text, second].sort());
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
