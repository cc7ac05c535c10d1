/**
 * Accessibility: axe (WCAG 2 A/AA) finds no serious or critical violation on the case book's screens
 * (empty and with a case), the welcome and privacy pages, the side panel with a case in both languages,
 * and the UI injected into the replica portal (附件管理, 教育信息, 个人基础信息 with warnings and the
 * fill-from-draft preview, in the Element UI and the classic style). The injected UI sits in closed
 * shadow roots: axe checks open copies of it (injected-a11y.ts), and Chromium's accessibility tree of
 * the real UI must give every button, checkbox and link a name.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openReplica as open } from './harness';
import { expectInjected, clickInjected } from './shadow';
import { DRAFT, seedDraft, setLanguage } from './seed';
import { axeInjected, injectedControls, openCopies, removeCopies } from './injected-a11y';

// Three independent browsers: run them side by side.
test.describe.configure({ mode: 'parallel' });

const FW = 'https://fw.bjrcgz.gov.cn';
const SCREENS = ['casebook.html#/', 'casebook.html#/calendar', 'casebook.html#/reports', 'casebook.html#/import', 'casebook.html#/settings', 'welcome.html', 'privacy.html'];

async function seriousOrCritical(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`);
}

test('the case book, welcome and privacy pages have no serious or critical axe violations', async ({ context, extensionId }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const screen of SCREENS) {
    await page.goto(`chrome-extension://${extensionId}/${screen}`);
    // Rendered: the page's heading and its main region (no network to go idle: everything is local).
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.locator('main').first()).toBeVisible();
    await page.waitForTimeout(400);
    problems.push(...(await seriousOrCritical(page, screen)));
  }
  expect(problems).toEqual([]);
});

test('with a case: the case book table, the case page and the side panel in Chinese and English have no serious or critical axe violations', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  // A portal page makes the background create the database; then the case book's data.
  const portal = await context.newPage();
  await portal.goto(`${FW}/gzjzz/person/jyxx.html`);
  await expectInjected(portal, '教育信息填写要求');
  await seedDraft(context, extensionId);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    await setLanguage(context, extensionId, lang);
    for (const screen of ['casebook.html#/', `casebook.html#/case/${DRAFT.case.id}`, 'casebook.html#/calendar']) {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`chrome-extension://${extensionId}/${screen}`);
      if (screen.endsWith('calendar')) await expect(page.getByRole('grid')).toBeVisible();
      else await expect(page.getByText(DRAFT.employee.name).first()).toBeVisible();
      await page.waitForTimeout(300);
      problems.push(...(await seriousOrCritical(page, `${lang} ${screen}`)));
    }
    // The side panel at its real width, with the focused case's checklist and deadlines.
    await page.setViewportSize({ width: 380, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(page.getByTestId('checklist-items')).toBeVisible();
    await page.waitForTimeout(300);
    problems.push(...(await seriousOrCritical(page, `${lang} sidepanel.html`)));
  }
  expect(problems).toEqual([]);
});

/** A replica page and what must be on it before the check. */
interface InjectedCase {
  name: string;
  url: string;
  expect: string[];
  /** A button of our UI to click first (the fill-from-draft preview). */
  click?: string;
  /** Controls our UI shows there: at least one of each must be found (so the tree really reached our UI). */
  controls?: ('button' | 'checkbox')[];
}

const INJECTED: InjectedCase[] = [
  { name: 'element 附件管理', url: 'person-platform/#/person-platform/attachments', expect: ['附件核对清单 · 新办证件', '本案必需 · 未上传'] },
  { name: 'classic 附件管理', url: 'gzjzz/person/fjgl.html', expect: ['附件核对清单 · 新办证件', '本案必需 · 已上传'] },
  { name: 'element 教育信息', url: 'person-platform/#/person-platform/education', expect: ['教育信息填写要求', '目前最早为本科'] },
  { name: 'classic 教育信息', url: 'gzjzz/person/jyxx.html', expect: ['教育信息填写要求', '各段教育经历衔接正常'] },
  { name: 'element 个人基础信息', url: 'person-platform/#/person-platform/basic-info', expect: ['身份证号有效', '随往子女原则上年龄不超过 16 周岁'] },
  { name: 'classic 个人基础信息 (warnings)', url: 'gzjzz/person/grxx.html', expect: ['号码有误：校验位与前 17 位不符', '配偶信息已取消'] },
  // The preview itself is in the side panel (issue #20); the page shows where to confirm.
  { name: 'element 从草稿填写', url: 'person-platform/#/person-platform/basic-info', click: '从草稿填写', expect: ['请在侧边栏中确认'], controls: ['button'] },
  { name: 'classic 从草稿填写', url: 'gzjzz/person/grxx.html', click: '从草稿填写', expect: ['请在侧边栏中确认'], controls: ['button'] },
];


test('the UI injected into the portal, in both styles, has no serious or critical axe violations and names every control', async ({ context, extensionId }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, 'person-platform/#/person-platform/overview');
  await expectInjected(page, '当前页面：个人首页');
  await seedDraft(context, extensionId);

  const problems: string[] = [];
  const table: string[] = [];
  for (const c of INJECTED) {
    await open(page, c.url);
    if (c.click) await clickInjected(page, { tag: 'button', text: c.click });
    await expectInjected(page, ...c.expect);
    await page.waitForTimeout(300); // late answers from the background re-render the notes once more

    const copied = await openCopies(page);
    expect(copied, `${c.name}: hosts copied`).toBeGreaterThan(0);
    const axe = await axeInjected(page);
    await removeCopies(page);
    expect(axe.contrastChecked, `${c.name}: text of the copies checked by axe`).toBeGreaterThan(0);
    table.push(`${c.name}: ${copied} hosts, ${axe.contrastChecked} texts contrast-checked; critical ${axe.critical}, serious ${axe.serious}, moderate ${axe.moderate}, minor ${axe.minor}${axe.lines.length ? `\n    ${axe.lines.join('\n    ')}` : ''}`);
    if (axe.critical + axe.serious > 0) problems.push(`${c.name}: ${axe.lines.join('; ')}`);

    const { controls, unnamed } = await injectedControls(page);
    for (const role of c.controls ?? []) expect(controls.filter((x) => x.startsWith(`${role} `)).length, `${c.name}: ${role}s in the accessibility tree`).toBeGreaterThan(0);
    for (const u of unnamed) problems.push(`${c.name}: unnamed ${u}`);
  }
  // The copies are really checked: an unnamed button put into one is reported.
  expect(await openCopies(page)).toBeGreaterThan(0);
  await page.evaluate(() => document.querySelector('[data-axe-copy]')!.shadowRoot!.querySelector('.root')!.append(document.createElement('button')));
  const broken = await axeInjected(page);
  await removeCopies(page);
  expect(broken.lines.join('\n')).toContain('button-name (critical)');

  // The per-page counts, for the report (and for whoever fixes the next violation).
  console.log(`axe on the injected UI:\n  ${table.join('\n  ')}`);
  expect(problems).toEqual([]);
});
