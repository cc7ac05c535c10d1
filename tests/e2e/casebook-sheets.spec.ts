/**
 * The case book's Excel import and export in the built extension (issue #19), with workbooks written by
 * exceljs and SheetJS (tests/fixtures/sheets/generate.mjs): exceljs loads on demand under the extension's
 * CSP; the agents' workbook (instructions on sheet 1, a merged title above the list) is previewed row by
 * row with its verdicts, in "add new only" and "update existing" modes; the sheet picker; the import is
 * written whole; the .xlsx template and the table's Excel export are read back with SheetJS.
 * Saves docs/screenshots/casebook-import.png (the README's picture of the preview).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { DRAFT, seedDraft } from './seed';

const SHEETS = path.resolve(import.meta.dirname, '../fixtures/sheets');
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/casebook-import.png');
/** Serious or critical axe findings (WCAG 2 A/AA) on the page as it is. */
async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`);
}

const file = (name: string) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync(path.join(SHEETS, name)) });

test('case book: Excel import preview with verdicts, update mode, sheet picker, template and export', async ({ context, extensionId }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/import`);

  // Three employees first (SheetJS has no part in this one: exceljs wrote it).
  await page.getByTestId('import-file').setInputFiles(file('exceljs-update.xlsx'));
  await expect(page.getByTestId('import-read')).toHaveText('读取了工作表「员工」，第 1 行为表头。');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-new', '3');
  await page.getByTestId('import-go').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 3 名员工，更新 0 名，新建业务 0 件');

  // The agents' workbook: the list is on sheet 2 under a merged title; its own column names.
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/import`);
  await page.getByTestId('import-file').setInputFiles(file('exceljs-agents.xlsx'));
  await expect(page.getByTestId('import-read')).toHaveText('读取了工作表「名单」，第 4 行为表头。');
  await expect(page.getByTestId('import-sheet')).toHaveValue('1');
  const columns = page.getByTestId('import-columns');
  await expect(columns).toContainText('公民身份号码 → 身份证号');
  await expect(columns).toContainText('工作居住证有效期至 → 证件有效期至');
  await expect(columns).toContainText('序号');
  await expect(columns).toContainText('部门');
  const row = (n: number) => page.locator(`[data-testid=import-row][data-row="${n}"]`);
  // Add-new-only: the two known employees are skipped; the number-typed ID and the typo are errors.
  await expect(row(5)).toHaveAttribute('data-verdict', 'skip');
  await expect(row(5)).toContainText('钱浩');
  await expect(row(7)).toHaveAttribute('data-verdict', 'error');
  await expect(row(7)).toContainText('身份证号被 Excel 存成了数字（110115199205013000），末几位已变为 0');
  await expect(row(8)).toContainText('号码有误');
  await expect(row(8)).not.toContainText('residentId');
  await expect(page.getByTestId('import-go')).toBeDisabled();

  // Update mode: what each update changes, and the cases the 拟办业务 column opens.
  await page.getByTestId('import-mode-update').check();
  await expect(row(5)).toHaveAttribute('data-verdict', 'update');
  await expect(row(5)).toContainText('手机号：13800000000 → 13812345678');
  await expect(row(5)).toContainText('申报类别：（空） → C');
  await expect(row(5)).toContainText('新建业务：（空） → 续签证件');
  await expect(row(6)).toContainText('持证状态：持证 → 申办中');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-update', '2');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-cases', '2');
  expect(await axeProblems(page)).toEqual([]);
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.getByTestId('import-check').screenshot({ path: SCREENSHOT });

  // The sheet picker: the instructions sheet has no header, and says so; back to the list.
  await page.getByTestId('import-sheet').selectOption('0');
  await expect(page.getByTestId('import-check')).toContainText('表头缺少「姓名」「身份证号」列：工作表「填写说明」的前 20 行中没有表头行');
  await page.getByTestId('import-sheet').selectOption('1');
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-update', '2');

  // Skip the two bad rows and write.
  await page.getByTestId('import-skip').check();
  await page.getByTestId('import-go').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 0 名员工，更新 2 名，新建业务 2 件');

  // The .xlsx template: the list and the explanation sheet, the ID column as Text.
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/import`);
  const [tpl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
  expect(tpl.suggestedFilename()).toBe('员工导入模板.xlsx');
  const template = XLSX.read(fs.readFileSync((await tpl.path())!), { type: 'buffer', cellNF: true });
  expect(template.SheetNames).toEqual(['员工名单', '填写说明']);
  expect(template.Sheets['员工名单'].B1.v).toBe('身份证号');

  // The table's Excel export of the current filter: IDs masked as text unless revealed.
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/`);
  await page.getByTestId('filter-text').fill('钱浩');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', '1');
  const [masked] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const mwb = XLSX.read(fs.readFileSync((await masked.path())!), { type: 'buffer' });
  const mrows = XLSX.utils.sheet_to_json<string[]>(mwb.Sheets[mwb.SheetNames[0]], { header: 1, raw: false });
  expect(mrows).toHaveLength(2);
  expect(mrows[1][0]).toBe('钱浩');
  expect(mrows[1][1]).toMatch(/^\*{14}\d{3}[\dX]$/);
  await page.getByTestId('reveal-ids').check();
  const [full] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const fwb = XLSX.read(fs.readFileSync((await full.path())!), { type: 'buffer' });
  expect(fwb.Sheets[fwb.SheetNames[0]].B2).toMatchObject({ t: 's', v: '110115199003071231' });
  expect(errors).toEqual([]);
});

test('backup: the passphrase is typed twice with its strength shown, and the message after the export fits it', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);
  await expect(page.getByTestId('settings-backup')).toContainText('建议设置口令');
  await page.getByTestId('backup-passphrase').fill('12345678');
  await expect(page.getByTestId('backup-strength')).toHaveAttribute('data-level', 'weak');
  await expect(page.getByTestId('backup-strength')).toContainText('口令强度：弱');
  await expect(page.getByTestId('backup-export')).toBeDisabled();
  await expect(page.getByTestId('backup-again-hint')).toBeVisible();
  await page.getByTestId('backup-passphrase').fill('单位备份 correct horse 2026');
  await expect(page.getByTestId('backup-strength')).toHaveAttribute('data-level', 'very-strong');
  await page.getByTestId('backup-passphrase-again').fill('单位备份 correct horse 2025');
  await expect(page.getByTestId('settings-backup')).toContainText('两次输入的口令不一致');
  await expect(page.getByTestId('backup-export')).toBeDisabled();
  await page.getByTestId('backup-passphrase-again').fill('单位备份 correct horse 2026');
  await expect(page.getByTestId('backup-export')).toBeEnabled();
  expect(await axeProblems(page)).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.encrypted\.json$/);
  await expect(page.getByTestId('backup-notice')).toContainText('此备份已用口令加密');
  await expect(page.getByTestId('backup-notice')).not.toContainText('建议设置口令');
});

test('print view of a case: states, validity dates and verdicts, warnings, deadlines, the filled-in income sentence, notes', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/`);
  await seedDraft(context, extensionId);
  const print = `chrome-extension://${extensionId}/casebook.html#/print/case/${DRAFT.case.id}`;
  await page.goto(print);
  await expect(page.getByTestId('print-item').first()).toBeVisible();
  // An item with a validity rule gets a document valid for one more month only (§五 wants 3 or 6) and a tick.
  const dated = page.locator('[data-testid=print-item]', { has: page.locator('[data-testid=print-validity]', { hasText: '≥' }) }).first();
  const itemId = (await dated.getAttribute('data-item'))!;
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await page.evaluate(async ({ caseId, employeeId, itemId, soon }) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('jzz-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const at = new Date().toISOString();
    const tx = db.transaction(['documents', 'ticks', 'notes'], 'readwrite');
    tx.objectStore('documents').put({ id: 'doc-print', employeeId, caseId, kind: 'other', itemId, validUntil: soon, createdAt: at, updatedAt: at });
    tx.objectStore('ticks').put({ caseId, itemId, state: 'ready', note: '原件在人事处', updatedAt: at });
    tx.objectStore('notes').put({ id: 'note-print', caseId, employeeId, text: '租赁合同待房东盖章后补传', at, updatedAt: at });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { caseId: DRAFT.case.id, employeeId: DRAFT.employee.id, itemId, soon });
  await page.reload();
  const item = page.locator(`[data-testid=print-item][data-item="${itemId}"]`);
  await expect(item).toHaveAttribute('data-state', 'ready');
  await expect(item).toContainText('已备好');
  await expect(item).toContainText('备注：原件在人事处');
  await expect(item.getByTestId('print-validity')).toContainText(`有效期至 ${soon}`);
  await expect(item.getByTestId('print-validity')).toContainText('✗');
  // The income sentence is filled in from the employee and the company, not XXX.
  await expect(page.getByTestId('print-annotation')).toContainText(`以上为${DRAFT.employee.name}个税申报信息，个税由${DRAFT.company.name}代扣代缴。联系人：${DRAFT.company.agentName}，电话：${DRAFT.company.agentPhone}`);
  await expect(page.getByTestId('print-checklist-page')).not.toContainText('XXX');
  await expect(page.getByTestId('print-notes')).toContainText('租赁合同待房东盖章后补传');
  await expect(page.getByTestId('print-deadlines')).toContainText('建议报送日');
  // The ID is masked on paper until the agent unmasks it.
  await expect(page.getByTestId('print-employee')).toContainText(`**************${DRAFT.employee.residentId.slice(-4)}`);
  await page.getByTestId('print-reveal').check();
  await expect(page.getByTestId('print-employee')).toContainText(DRAFT.employee.residentId);
  expect(await axeProblems(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: test.info().outputPath('print-case.png'), fullPage: true });
});

test('a 500-row workbook written by SheetJS: previewed and imported with its 500 cases', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/import`);
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(file('sheetjs-500.xlsx'));
  await expect(page.getByTestId('import-summary')).toHaveAttribute('data-new', '500');
  const preview = Date.now() - t0;
  await expect(page.getByTestId('import-row')).toHaveCount(500);
  const t1 = Date.now();
  await page.getByTestId('import-go').click();
  // While the one transaction runs there is nothing to cancel: no 取消 next to 正在导入.
  await expect(page.getByTestId('import-go')).toContainText('正在导入');
  await expect(page.getByTestId('import-cancel')).toHaveCount(0);
  await expect(page.getByTestId('import-done')).toContainText('新增 500 名员工，更新 0 名，新建业务 500 件', { timeout: 30_000 });
  const write = Date.now() - t1;
  console.log(`[figure] 500-row .xlsx: preview shown ${preview} ms after choosing the file (exceljs loaded on demand), written in ${write} ms`);
  await page.goto(`chrome-extension://${extensionId}/casebook.html#/`);
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-count', '500');
});
