/**
 * Issue #17 part 3, end to end on the built extension: an agent teaches the adapter a page it does not know
 * (a renamed 教育信息, in both replica styles) with 「在页面上指定」 in the side panel — the module, then a field —
 * and the overlay appears with the diagnostics saying what was taught; the picker swallows clicks on the
 * portal's own controls and Esc cancels; the 页面适配包 exported from settings makes a fresh profile recognise the
 * same page, and a hostile pack is refused with nothing changed.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, extensionIdOf, launchWithExtension, readInjectedText } from './harness';
import { translate } from '../../components/i18n';

const ELEMENT = 'https://fw.bjrcgz.gov.cn/person-platform/v2/education.html';
const CLASSIC = 'https://fw.bjrcgz.gov.cn/gzjzz/person/v2/jyxx.html';
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const BADGE = zh('module.person-education');
const EDUCATION_NOTE = zh('portal.education.title');

async function openPortal(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready !== false);
}

/** Starts the picker from `button` in the side panel, then clicks `target` on the portal page. */
async function pick(sidePanel: Page, button: string, portal: Page, target: string): Promise<void> {
  await sidePanel.getByTestId(button).click();
  await expect(sidePanel.getByTestId('teach-status')).toContainText(zh('teach.picking'));
  await portal.locator(target).first().click();
}

async function teach(sidePanel: Page, portal: Page, headingSelector: string, fields: [key: string, target: string, label: string][]): Promise<void> {
  const card = sidePanel.getByTestId('portal-context');
  await expect(card).toContainText(zh('panel.tab.unrecognised'));
  await sidePanel.getByTestId('teach-module').selectOption('person-education');
  await pick(sidePanel, 'teach-page', portal, headingSelector);
  await expect(sidePanel.getByTestId('teach-confirm')).toContainText(zh('module.person-education'));
  await sidePanel.getByTestId('teach-save').click();
  await expect(card.getByTestId('taught-page')).toBeVisible();
  await expect(card).toContainText(zh('panel.tab.module', { module: BADGE }));
  for (const [key, target, label] of fields) {
    await pick(sidePanel, `teach-field-${key}`, portal, target);
    await expect(sidePanel.getByTestId('teach-confirm')).toContainText(`「${label}」`);
    await sidePanel.getByTestId('teach-save').click();
    await expect(card.getByTestId('taught-field').filter({ hasText: `「${label}」` })).toBeVisible();
  }
}

test('an agent teaches a renamed Element-style page and a field; the pack carries it to a fresh profile; a hostile pack is refused', async ({ context, sidePanel, extensionId }) => {
  test.setTimeout(90_000);
  const portal = await context.newPage();
  await openPortal(portal, ELEMENT);
  await portal.bringToFront();
  await expect(sidePanel.getByTestId('portal-context')).toContainText(zh('panel.tab.unrecognised'));
  expect((await readInjectedText(portal)).join('')).toBe('');

  // Esc cancels, and nothing of the picker stays behind.
  await sidePanel.getByTestId('teach-module').selectOption('person-education');
  await sidePanel.getByTestId('teach-page').click();
  await expect.poll(async () => (await readInjectedText(portal)).join('')).toContain('Esc');
  await portal.keyboard.press('Escape');
  await expect(sidePanel.getByTestId('teach-status')).toContainText(zh('teach.cancelled'));
  expect((await readInjectedText(portal)).join('')).toBe('');

  // A click on the portal's own button while picking is swallowed: its dialog does not open.
  await pick(sidePanel, 'teach-page', portal, 'button:has-text("New record")');
  await expect(sidePanel.getByTestId('teach-status')).toContainText(zh('teach.noLabel'));
  await expect(portal.getByRole('dialog', { name: 'New record' })).toHaveCount(0);

  await teach(sidePanel, portal, 'h3:has-text("Education Records")', [
    ['educationLevel', 'th:has-text("培养层次")', '培养层次'],
    ['school', 'th:has-text("就读机构")', '就读机构'],
  ]);
  await expect(sidePanel.getByTestId('portal-context')).toContainText(zh('teach.takenField', { field: '学历', label: '培养层次' }));
  await expect.poll(async () => (await readInjectedText(portal)).join(' | ')).toContain(EDUCATION_NOTE);
  // The picker is gone: the same button, clicked now, opens the portal's dialog.
  await portal.getByRole('button', { name: 'New record' }).click();
  await expect(portal.getByRole('dialog', { name: 'New record' })).toBeVisible();

  // The mapping is kept by texts: the page rendered again from scratch is recognised again.
  await openPortal(portal, ELEMENT);
  await expect.poll(async () => (await readInjectedText(portal)).join(' | ')).toContain(BADGE);

  // Settings list the three mappings and export them as a 页面适配包.
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);
  await expect(settings.getByTestId('mapping-row')).toHaveCount(3);
  const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByTestId('mappings-export').click()]);
  const packPath = test.info().outputPath('pack.json');
  await download.saveAs(packPath);
  const pack = JSON.parse(fs.readFileSync(packPath, 'utf8'));
  expect(pack.format).toBe('jzz-portal-pack');
  expect(JSON.stringify(pack)).not.toMatch(/北方科技大学|京南理工大学|\d{4}-\d{2}(?!-\d{2}T)/);

  // A fresh profile: the hostile pack is refused (nothing changes), the real one is previewed, confirmed, applied.
  const fresh = await launchWithExtension();
  try {
    const freshId = await extensionIdOf(fresh);
    const page = await fresh.newPage();
    await page.goto(`chrome-extension://${freshId}/casebook.html#/settings`);
    await expect(page.getByTestId('mappings-none')).toBeVisible();
    const hostile = { ...pack, mappings: [...pack.mappings, { kind: 'field', module: 'person-basic-info', key: 'residentId', label: '<img src=x onerror=alert(1)>' }] };
    await page.getByTestId('mappings-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect(page.getByTestId('settings-mappings')).toContainText('无法导入页面适配包');
    await expect(page.getByTestId('settings-mappings')).toContainText('HTML');
    await expect(page.getByTestId('mappings-none')).toBeVisible();

    await page.getByTestId('mappings-file').setInputFiles(packPath);
    await expect(page.getByTestId('mappings-preview')).toContainText('新增 3 条');
    await page.getByTestId('mappings-import-confirm').click();
    await expect(page.getByTestId('mapping-row')).toHaveCount(3);

    const freshPortal = await fresh.newPage();
    await openPortal(freshPortal, ELEMENT);
    await expect.poll(async () => (await readInjectedText(freshPortal)).join(' | ')).toContain(EDUCATION_NOTE);
  } finally {
    await fresh.close();
  }
});

test('an agent teaches the renamed classic page by its heading and a data cell (its column is learned, never the value)', async ({ context, sidePanel, extensionId }) => {
  const portal = await context.newPage();
  await openPortal(portal, CLASSIC);
  await portal.bringToFront();
  await teach(sidePanel, portal, 'div.title:has-text("学业档案")', [
    ['educationLevel', 'td:text-is("本科")', '培养层次'],
    ['school', 'th:has-text("就读机构")', '就读机构'],
  ]);
  await expect.poll(async () => (await readInjectedText(portal)).join(' | ')).toContain(EDUCATION_NOTE);
  await expect(sidePanel.getByTestId('portal-context')).not.toContainText('本科');

  // A field that is not missing, by its input in the edit form: its label cell (起始年月) is learned.
  await portal.getByRole('button', { name: '新 增' }).click();
  await sidePanel.getByTestId('teach-other-open').click();
  await sidePanel.getByTestId('teach-other').selectOption('educationStart');
  await pick(sidePanel, 'teach-other-pick', portal, 'input[name=rxny]');
  await expect(sidePanel.getByTestId('teach-confirm')).toContainText('「起始年月」');
  await sidePanel.getByTestId('teach-save').click();
  await expect(sidePanel.getByTestId('portal-context')).toContainText(zh('teach.takenField', { field: '入学时间', label: '起始年月' }));
  // The click on the date input while picking did not open the page's date picker or focus the input.
  expect(await portal.evaluate(() => document.activeElement?.getAttribute('name') ?? '')).not.toBe('rxny');

  // Settings: a label that looks like a value is refused on edit; a mapping deleted is gone from the page's diagnostics.
  const settings = await context.newPage();
  await settings.goto(`chrome-extension://${extensionId}/casebook.html#/settings`);
  // Field rows by id: 学历, 入学时间, 学校名称.
  const row = settings.locator('[data-testid=mapping-row][data-kind=field]').nth(1);
  await expect(row).toContainText('起始年月');
  await row.getByTestId('mapping-edit').click();
  await row.getByTestId('mapping-label').fill('2014-09');
  await row.getByTestId('mapping-save').click();
  await expect(row).toContainText('含连续数字');
  settings.on('dialog', (d) => void d.accept());
  await row.getByTestId('mapping-delete').click();
  await expect(settings.getByTestId('mapping-row')).toHaveCount(3);
  await portal.reload();
  await expect.poll(async () => (await readInjectedText(portal)).join(' | ')).toContain(EDUCATION_NOTE);
  await expect(sidePanel.getByTestId('portal-context')).not.toContainText('起始年月');
});
