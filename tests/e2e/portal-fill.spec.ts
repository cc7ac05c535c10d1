/**
 * With an employee and case in focus (seeded as the case book would store them): the features use the
 * case (contract start, checklist); fill-from-draft is offered from the page and previewed and confirmed
 * in the side panel only (issue #20: nothing of the draft is drawn in the page), fills only what the
 * agent allows, so that the SPA's own model sees the values, and never submits; capture-to-draft is
 * confirmed and saved in the side panel.
 */
import { test, expect, openReplica as open } from './harness';
import { clickInjected, expectInjected, findInjected, injectedText } from './shadow';
import { DRAFT, readDraftFields, seedDraft, setLanguage } from './seed';
import type { BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The side panel (as a tab), opened after seeding so its live queries start from the seeded data. */
async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return panel;
}

/** Nothing personal of the seeded draft is in our in-page UI (the page could read it). */
async function expectNoDraftInPage(page: Page): Promise<void> {
  const text = await injectedText(page);
  for (const secret of [DRAFT.employee.name, DRAFT.employee.residentId, DRAFT.employee.phone, DRAFT.company.agentName, DRAFT.company.agentPhone, ...Object.values(DRAFT.captured)]) {
    expect(text).not.toContain(secret);
  }
}

const FW = 'https://fw.bjrcgz.gov.cn';


type Replica = { model: Record<string, Record<string, string>>; submitted: unknown[] };
const replica = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __replica: Replica }).__replica)) as Replica);
const spaInput = (page: Page, label: string) =>
  page.locator('.el-form-item:visible', { has: page.locator('label', { hasText: label }) }).locator('input, textarea').first();

test('a focused case drives the checks; fill and capture are previewed and confirmed in the side panel, fill a Vue-style form without submitting', async ({ context, extensionId }) => {
  test.setTimeout(150_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // A recognised page makes the background open (and so create) the database; then the case book's data.
  await open(page, 'person-platform/#/person-platform/overview');
  await expectInjected(page, '当前页面：个人首页');
  await seedDraft(context, extensionId);

  // 工作经历 against the case's contract start: the second job ends after it.
  await open(page, 'person-platform/#/person-platform/work');
  await expectInjected(page, '已按侧边栏所选案卷的劳动合同开始日期核对', '「天津海岳数据服务有限公司」结束于 2023-05-31，晚于劳动合同开始日（见侧边栏）');
  // The case's contract date itself is not drawn in the page (issue #20).
  expect(await injectedText(page)).not.toContain(DRAFT.case.facts.contractStart);

  // 附件管理 with the case: children's and category A's materials become required; the annotation is complete.
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(
    page,
    '附件核对清单 · 新办证件',
    '按侧边栏所选案卷的情形生成',
    // The guide's template only: the filled-in text (names, phone) is copied from the side panel.
    '以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴。联系人：XXX，电话：XXX',
    '含姓名和电话的完整文字在侧边栏「常用文字」中复制',
    '填写了 2 名随往子女',
    '房屋租赁合同或协议（尚有 6 个月以上租赁期限）',
  );
  await expectNoDraftInPage(page);
  expect(await injectedText(page)).not.toContain(DRAFT.company.name);
  const marks = async () => (await findInjected(page, { host: 'jzz-mark', tag: 'span', text: '本案' })).map((m) => m.text);
  // 诚信声明, 应税收入, 3 × 子女 (the row marks arrive after the checklist note).
  await expect.poll(async () => (await marks()).filter((t) => t === '本案必需 · 未上传').length, { message: JSON.stringify(await marks()) }).toBeGreaterThanOrEqual(5);
  expect(await marks()).toContain('本案必需 · 已上传');

  // Fill from draft on the SPA's 个人基础信息: the page's button only offers; the side panel previews.
  const panel = await openPanel(context, extensionId);
  await open(page, 'person-platform/#/person-platform/basic-info');
  await spaInput(page, '手机号码').fill('');
  await spaInput(page, '现居住地').fill('');
  const before = await replica(page);
  expect(before.model.form.mobile).toBe('');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '请在侧边栏中确认');
  // The click's gesture travels with the offer: the browser's side panel was opened for it (else the page says how).
  expect(await injectedText(page)).not.toContain('侧边栏未打开时');
  const action = panel.getByTestId('portal-action');
  await expect(action).toContainText('从草稿填写 · 张伟');
  await expect(panel.getByTestId('action-host')).toContainText('来自页面：fw.bjrcgz.gov.cn');
  const preview = panel.getByTestId('fill-preview');
  await expect(preview).toContainText(DRAFT.captured.residence);
  await expect(preview).toContainText(DRAFT.captured.hukouAddress);
  // The page cannot see the preview: no draft value in its DOM nor in our in-page UI.
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('草稿路');
  await expectNoDraftInPage(page);
  // Nothing is filled before the side panel's confirmation.
  expect((await replica(page)).model.form.mobile).toBe('');
  // The preview is usable with a screen reader and a keyboard (axe, WCAG 2 A/AA).
  const axe = await new AxeBuilder({ page: panel }).include('[data-testid=portal-action]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  expect(axe.passes.length).toBeGreaterThan(0);
  await panel.getByTestId('fill-apply').click();
  await expect(panel.getByTestId('action-result')).toContainText('已填写 2 项（未保存、未提交）');
  await expectInjected(page, '已按侧边栏的确认填写 2 项');
  let after = await replica(page);
  expect(after.model.form.mobile).toBe(DRAFT.employee.phone);
  expect(after.model.form.liveAddr).toBe(DRAFT.captured.residence);
  expect(after.model.form.hukouAddr).toBe(before.model.form.hukouAddr);
  expect(after.model.form.name).toBe('张伟');
  expect(await spaInput(page, '手机号码').inputValue()).toBe(DRAFT.employee.phone);
  // A confirmation applies once: the same offer cannot fill again.
  // Overwriting needs the agent's tick, in the side panel.
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expect(preview).toBeVisible();
  await preview.locator('tr', { hasText: '户籍地址' }).getByRole('checkbox').check();
  await panel.getByTestId('fill-apply').click();
  await expect(panel.getByTestId('action-result')).toContainText('已填写 1 项');
  after = await replica(page);
  expect(after.model.form.hukouAddr).toBe(DRAFT.captured.hukouAddress);
  expect(after.submitted).toEqual([]);

  // Another person's page: the side panel refuses the fill (the ID number shown is not the employee's).
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expect(preview).toBeVisible();
  await spaInput(page, '身份证号').fill('110101199003070011');
  await panel.getByTestId('fill-apply').click();
  await expect(panel.getByTestId('action-result')).toContainText('页面显示的身份证号与侧边栏所选员工不一致');
  expect((await replica(page)).model.form.mobile).toBe(DRAFT.employee.phone);
  // An offer made while the page shows another ID is refused in the side panel before anything is sent.
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expect(panel.getByTestId('action-other-person')).toBeVisible();
  await spaInput(page, '身份证号').fill(DRAFT.employee.residentId);

  // 待确认单位关联列表: the 完善信息 dialog's date pickers and 职务 filled from the case and the draft.
  await open(page, 'unit-platform/#/unit-platform/pending-links');
  // Leaving the page drops its offer from the side panel.
  await expect(action).toHaveCount(0);
  await page.locator('button:visible', { hasText: '完善信息' }).first().click();
  await expect(page.locator('.el-dialog:visible')).toBeVisible();
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expect(preview).toContainText('劳动合同开始日期');
  await expect(preview).toContainText('2029-05-14');
  await expect(preview).toContainText(DRAFT.captured.position);
  await expectNoDraftInPage(page);
  await panel.getByTestId('fill-apply').click();
  await expect(panel.getByTestId('action-result')).toContainText('已填写 3 项');
  const link = await replica(page);
  expect(link.model.emp.contractStart).toBe('2023-05-15');
  expect(link.model.emp.contractEnd).toBe('2029-05-14');
  expect(link.model.emp.post).toBe(DRAFT.captured.position);
  expect(link.submitted).toEqual([]);
  await expectInjected(page, '聘用（劳动）合同有效期至 2029-05-14，满足');

  // Capture on the classic page: its wording (证件号码, 移动电话, 户口所在地) lands under the same keys.
  await page.goto(`${FW}/gzjzz/person/grxx.html`);
  // The side panel saves a capture only from the focused employee's page (by the ID number it shows).
  await clickInjected(page, { tag: 'button', text: '采集到草稿' });
  await expect(panel.getByTestId('action-other-person')).toBeVisible();
  await page.locator('input[name=sfzhm]').fill(DRAFT.employee.residentId);
  await clickInjected(page, { tag: 'button', text: '采集到草稿' });
  await expectInjected(page, '请在侧边栏中确认');
  await expect(action).toContainText('采集到草稿 · 张伟');
  await expect(panel.getByTestId('capture-preview')).toContainText('13520001111');
  // Nothing is saved before the side panel's confirmation.
  expect((await readDraftFields(context, extensionId)).mobile).toBeUndefined();
  await panel.getByTestId('capture-save').click();
  await expect(panel.getByTestId('action-result')).toContainText(/已保存 \d+ 项/);
  const fields = await readDraftFields(context, extensionId);
  expect(fields.mobile?.value).toBe('13520001111');
  expect(fields.hukouAddress?.value).toContain('河北省石家庄市长安区');
  expect(fields.idCardValidUntil?.value).toBe('2033-09-15');
  expect(fields.hukouAddress?.module).toBe('person-basic-info');
  // The obsolete spouse block and the children's form are not the employee's data.
  expect(Object.keys(fields)).not.toContain('spouseName');
  expect(await page.evaluate(() => (window as unknown as { __replica: Replica }).__replica.submitted)).toEqual([]);
  expect(await injectedText(page)).not.toContain('未保存：');

  // The language chosen in the settings reaches the overlay (default zh-CN); rule texts follow it too.
  await setLanguage(context, extensionId, 'en');
  await open(page, 'person-platform/#/person-platform/education');
  await expectInjected(page, 'Work Residence Permit Assistant', 'This page: ', 'Education: from high school (or 中专) up to the highest degree.', 'Education should start at 高中');
  expect(await injectedText(page)).not.toContain('教育信息填写要求');
  expect(errors).toEqual([]);
});
