/**
 * With an employee and case in focus (seeded as the case book would store them): the features use the
 * case (contract start, checklist, income annotation); fill-from-draft previews, fills only what the
 * agent allows, so that the SPA's own model sees the values, and never submits; capture-to-draft
 * stores the page's values through the background.
 */
import { test, expect, openReplica as open } from './harness';
import { clickInjected, expectInjected, findInjected, injectedText } from './shadow';
import { DRAFT, readDraftFields, seedDraft, setLanguage } from './seed';
import type { Page } from '@playwright/test';

const FW = 'https://fw.bjrcgz.gov.cn';


type Replica = { model: Record<string, Record<string, string>>; submitted: unknown[] };
const replica = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __replica: Replica }).__replica)) as Replica);
const spaInput = (page: Page, label: string) =>
  page.locator('.el-form-item:visible', { has: page.locator('label', { hasText: label }) }).locator('input, textarea').first();

test('a focused case drives the checks, fill-from-draft fills a Vue-style form without submitting, capture saves', async ({ context, extensionId }) => {
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
  await expectInjected(page, '劳动合同开始日期：2023-05-15（来自侧边栏所选案卷）', '「天津海岳数据服务有限公司」结束于 2023-05-31，晚于劳动合同开始日 2023-05-15');

  // 附件管理 with the case: children's and category A's materials become required; the annotation is complete.
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(
    page,
    '附件核对清单 · 新办证件 · 张伟',
    '按侧边栏所选案卷的情形生成',
    '以上为张伟个税申报信息，个税由北京兴创智能科技有限公司代扣代缴。联系人：周敏，电话：13701234567',
    '填写了 2 名随往子女',
    '房屋租赁合同或协议（尚有 6 个月以上租赁期限）',
  );
  const marks = (await findInjected(page, { host: 'jzz-mark', tag: 'span', text: '本案' })).map((m) => m.text);
  expect(marks.filter((t) => t === '本案必需 · 未上传').length).toBeGreaterThanOrEqual(5); // 诚信声明, 应税收入, 3 × 子女
  expect(marks).toContain('本案必需 · 已上传');

  // Fill from draft on the SPA's 个人基础信息: two emptied fields are filled, a differing one waits for the agent.
  await open(page, 'person-platform/#/person-platform/basic-info');
  await spaInput(page, '手机号码').fill('');
  await spaInput(page, '现居住地').fill('');
  const before = await replica(page);
  expect(before.model.form.mobile).toBe('');
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '从草稿填写 · 张伟', DRAFT.captured.residence, DRAFT.captured.hukouAddress);
  // The page cannot see the preview: the draft-only address is nowhere in the page's own DOM.
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('草稿路');
  await clickInjected(page, { tag: 'button', text: '填写所选项' });
  await expectInjected(page, '已填写 2 项（未保存、未提交）');
  let after = await replica(page);
  expect(after.model.form.mobile).toBe(DRAFT.employee.phone);
  expect(after.model.form.liveAddr).toBe(DRAFT.captured.residence);
  expect(after.model.form.hukouAddr).toBe(before.model.form.hukouAddr);
  expect(after.model.form.name).toBe('张伟');
  expect(await spaInput(page, '手机号码').inputValue()).toBe(DRAFT.employee.phone);
  // Overwriting needs the agent's tick.
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await clickInjected(page, { tag: 'input', within: '户籍地址' });
  await clickInjected(page, { tag: 'button', text: '填写所选项' });
  await expectInjected(page, '已填写 1 项');
  after = await replica(page);
  expect(after.model.form.hukouAddr).toBe(DRAFT.captured.hukouAddress);
  expect(after.submitted).toEqual([]);

  // 待确认单位关联列表: the 完善信息 dialog's date pickers and 职务 filled from the case and the draft.
  await open(page, 'unit-platform/#/unit-platform/pending-links');
  await page.locator('button:visible', { hasText: '完善信息' }).first().click();
  await expect(page.locator('.el-dialog:visible')).toBeVisible();
  await clickInjected(page, { tag: 'button', text: '从草稿填写' });
  await expectInjected(page, '劳动合同开始日期', '2029-05-14', DRAFT.captured.position);
  await clickInjected(page, { tag: 'button', text: '填写所选项' });
  await expectInjected(page, '已填写 3 项');
  const link = await replica(page);
  expect(link.model.emp.contractStart).toBe('2023-05-15');
  expect(link.model.emp.contractEnd).toBe('2029-05-14');
  expect(link.model.emp.post).toBe(DRAFT.captured.position);
  expect(link.submitted).toEqual([]);
  await expectInjected(page, '聘用（劳动）合同有效期至 2029-05-14，满足');

  // Capture on the classic page: its wording (证件号码, 移动电话, 户口所在地) lands under the same keys.
  await page.goto(`${FW}/gzjzz/person/grxx.html`);
  await clickInjected(page, { tag: 'button', text: '采集到草稿' });
  await expectInjected(page, '采集到草稿 · 张伟', '13520001111');
  await clickInjected(page, { tag: 'button', text: '保存到草稿' });
  await expectInjected(page, /已保存 \d+ 项/);
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
