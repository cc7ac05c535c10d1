/**
 * Each feature's hint or warning on the replica pages, in both styles (Element-like SPA and classic
 * table layout), at the real portal URLs; live checks follow typing. No case is in focus here, so the
 * checklists are the businesses' default lists (portal-fill.spec.ts covers a focused case).
 */
import { test, expect } from './harness';
import { clickInjected, expectInjected, expectNotInjected, findInjected, injectedText } from './shadow';
import { addMonths, beijingDate, fullYearsBetween } from '../../rules/dates';
import type { Page } from '@playwright/test';

const FW = 'https://fw.bjrcgz.gov.cn';
const today = () => beijingDate(Date.now());

async function open(page: Page, url: string) {
  const full = url.startsWith('http') ? url : `${FW}/${url}`;
  await page.goto(full);
  // An SPA hash change keeps the old view "ready" for a moment: wait for the route asked for.
  const route = /#(\/[^?]*)/.exec(full)?.[1] ?? null;
  await page.waitForFunction((r) => {
    const rep = (window as unknown as { __replica?: { ready?: boolean; route?: string } }).__replica;
    return rep?.ready === true && (r === null || rep.route === r);
  }, route);
}

/** The SPA input (or textarea) next to a label, by the label's text. */
const spaInput = (page: Page, label: string) =>
  page.locator('.el-form-item:visible', { has: page.locator('label', { hasText: label }) }).locator('input, textarea').first();

const submitted = (page: Page) => page.evaluate(() => (window as unknown as { __replica: { submitted: unknown[] } }).__replica.submitted.length);

test('applicant pages: education, work, addresses, IDs, validity dates, children, spouse, photo, info change', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // 教育信息: the rule above the list; the SPA's list starts at 本科, the classic one at 高中.
  await open(page, 'person-platform/#/person-platform/education');
  await expectInjected(page, '教育信息应自高中时期（或中专）开始填写至取得最高学历学位时期的信息', '目前最早为本科');
  await open(page, 'gzjzz/person/jyxx.html');
  await expectInjected(page, '教育信息应自高中时期', '自高中开始填写', '各段教育经历衔接正常');
  expect(await injectedText(page)).not.toContain('目前最早为');

  // 工作经历: the rule, and without a case the contract start is unknown (order and overlaps still checked).
  for (const url of ['person-platform/#/person-platform/work', 'gzjzz/person/gzjl.html']) {
    await open(page, url);
    await expectInjected(page, '工作经历填写申请单位上传的劳动合同开始前的全部经历', '尚不知道劳动合同开始日期', '工作经历无重叠');
  }

  // 个人基础信息 (SPA): addresses, the ID checked, the §五 date with today's exact date, children's ages.
  await open(page, 'person-platform/#/person-platform/basic-info');
  const threeMonths = addMonths(today(), 3);
  await expectInjected(
    page,
    '户籍地址及现居住地信息，均应以后期办理的相应材料',
    '身份证号有效（1990-03-15，男）',
    `居民身份证有效期至 2036-04-10，满足提供时 3 个月以上（含，即至少至 ${threeMonths}）`,
    '随往子女原则上年龄不超过 16 周岁',
    `${fullYearsBetween('2016-05-20', today())} 周岁 ✓`,
    `${fullYearsBetween('2019-11-02', today())} 周岁 ✓`,
  );
  // One address note under each of the two address fields.
  expect((await injectedText(page)).split('均应以后期办理的相应材料').length - 1).toBe(2);
  // Live: a wrong check digit typed into the Vue-style input is flagged, the right one passes.
  const idInput = spaInput(page, '身份证号');
  await idInput.fill('130602199003151215');
  await expectInjected(page, '号码有误：校验位与前 17 位不符');
  expect(await page.evaluate(() => (window as unknown as { __replica: { model: { form: { idNo: string } } } }).__replica.model.form.idNo)).toBe('130602199003151215');
  await idInput.fill('130602199003151214');
  await expectInjected(page, '身份证号有效（1990-03-15，男）');
  await expectNotInjected(page, '号码有误');
  // A document date typed too short for §五.
  const idExpiry = spaInput(page, '身份证有效期至');
  await idExpiry.fill(addMonths(today(), 1));
  await idExpiry.press('Enter');
  await expectInjected(page, `有效期至 ${addMonths(today(), 1)}，不足 3 个月`);
  // The 随往子女 dialog: a child born 17 years ago is over the limit.
  await page.locator('.toolbar button:visible', { hasText: '添加' }).click();
  const childBirth = page.locator('.el-dialog:visible .el-form-item', { hasText: '出生日期' }).locator('input');
  await childBirth.fill(addMonths(today(), -17 * 12 - 1));
  await childBirth.press('Enter');
  await expectInjected(page, '已超过 16 周岁', '原则上不能随往');
  expect(await submitted(page)).toBe(0);

  // 个人基础信息 (classic): the wrong check digit of the replica, the obsolete spouse block, 王乐乐's age.
  await open(page, 'gzjzz/person/grxx.html');
  await expectInjected(page, '号码有误：校验位与前 17 位不符', '配偶信息已取消', '配偶不可办理随迁', `${fullYearsBetween('2018-03-12', today())} 周岁 ✓`, '户籍地址及现居住地信息');
  const sfz = page.locator('input[name=sfzhm]');
  await sfz.fill('');
  await sfz.pressSequentially('1301021992', { delay: 20 });
  await expectInjected(page, '共 10 位');
  await sfz.fill('130102199207082460');
  await expectInjected(page, '身份证号有效（1992-07-08，女）');
  await expectNotInjected(page, '号码有误');

  // 证件照片 and 个人信息变更.
  await open(page, 'person-platform/#/person-platform/photo');
  await expectInjected(page, '照片应为近期一寸免冠证件照');
  await open(page, 'person-platform/#/person-platform/info-change');
  await expectInjected(page, '提交个人信息变更时应注明具体变更事项');
  const note = spaInput(page, '变更事项说明');
  await note.fill('更新一下信息');
  await expectInjected(page, '请注明具体变更事项');
  await note.fill('现居住地变更为大兴区黄村镇');
  await expectInjected(page, '已注明变更事项：居住地');
  expect(await submitted(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('employer pages: permission request, link and contract dates, employees, company codes', async ({ context }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sixMonths = addMonths(today(), 6);

  // 可办业务列表: the rule, then the request dialog checked live, with a suggested opinion put in on a click.
  await open(page, 'unit-platform/#/unit-platform/business');
  await expectInjected(page, '证件类型「北京市工作居住证」，所属主管部门「大兴区人力社保局」');
  await page.locator('button:visible', { hasText: '申请' }).first().click();
  const choose = async (label: string, option: string) => {
    await page.locator('.el-dialog:visible .el-form-item', { hasText: label }).locator('.el-select').click();
    await page.locator('.el-select-dropdown:visible li', { hasText: option }).first().click();
  };
  await choose('证件类型', '北京市工作居住证');
  await choose('主管部门', '朝阳区人力社保局');
  await expectInjected(page, '证件类型正确', '所属主管部门应为「大兴区人力社保局」', '申请意见应写明拟办理事项');
  await choose('主管部门', '大兴区人力社保局');
  await expectInjected(page, '主管部门正确');
  // The suggestion is offered to copy only (nothing in the page writes into the portal's fields); the agent pastes it.
  expect(await findInjected(page, { tag: 'button', text: '填入申请意见' })).toHaveLength(0);
  await page.locator('.el-dialog:visible textarea').fill('拟办理事项：新办证件、聘用单位变更');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __replica: { model: { apply: { opinion: string } } } }).__replica.model.apply.opinion))
    .toContain('拟办理事项：新办证件、聘用单位变更');
  await expectInjected(page, '申请意见已写明拟办理事项');
  expect(await submitted(page)).toBe(0);

  // 待确认单位关联列表 (SPA): the contract rule with the exact date; the dialog's end date checked as typed.
  await open(page, 'unit-platform/#/unit-platform/pending-links');
  await expectInjected(page, `今天（${today()}）上传，合同须至少有效至 ${sixMonths}`);
  await page.locator('button:visible', { hasText: '完善信息' }).first().click();
  // The empty end date: the rule with today's exact date.
  await expectInjected(page, `提供时须仍有 6 个月以上（含）有效期：今天（${today()}）提供，须至少有效至 ${sixMonths}`);
  const end = page.locator('.el-dialog:visible .el-form-item', { hasText: '劳动合同结束日期' }).locator('input');
  await end.fill(addMonths(today(), 5));
  await end.press('Enter');
  await expectInjected(page, `不足 6 个月：${today()} 提供时须至少有效至 ${sixMonths}`);
  await end.fill(addMonths(today(), 30));
  await end.press('Enter');
  await expectInjected(page, `聘用（劳动）合同有效期至 ${addMonths(today(), 30)}，满足提供时 6 个月以上`);
  expect(await submitted(page)).toBe(0);

  // 当前在职员工: each contract's end date marked (陈静's ends 2027-02-28); classic 合同起止日期 too.
  await open(page, 'unit-platform/#/unit-platform/employees');
  await expectInjected(page, '合同不足 6 个月', '合同有效期足够');
  await open(page, 'gzjzz/unit/dqzzyg.html');
  await expectInjected(page, '合同有效期足够');
  await open(page, 'gzjzz/unit/dqrgl.html');
  await page.locator('a', { hasText: '完善信息' }).first().click();
  const classicEnd = page.locator('input[name=htzzrq]');
  await classicEnd.fill(addMonths(today(), 2));
  await expectInjected(page, '不足 6 个月');

  // 待办理证件聘用单位变更员工: the social-insurance payer rule above the list.
  await open(page, 'unit-platform/#/unit-platform/permit?tab=employer-change');
  await expectInjected(page, '聘用单位须与社保扣缴单位一致');

  // 单位信息: the credit code and the agent's ID checked (SPA 统一社会信用代码, classic 社会统一信用代码).
  await open(page, 'unit-platform/#/unit-platform/company');
  await expectInjected(page, '统一社会信用代码有效', '身份证号有效（1985-06-10，女）');
  await open(page, 'gzjzz/unit/dwxx.html');
  await expectInjected(page, '统一社会信用代码有效', '身份证号有效（1979-12-01，男）');
  expect(errors).toEqual([]);
});

test('附件管理 on both sides and both styles: the default checklist, row marks and the annotation', async ({ context }) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await open(page, 'person-platform/#/person-platform/attachments');
  await expectInjected(
    page,
    '附件核对清单 · 新办证件',
    '侧边栏未选择案卷',
    '本案需上传 4 项：已上传 2 项，缺 2 项',
    '本案必需 · 未上传需签字并加盖公章需注明个税说明',
    '以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴',
    '本案未要求',
    '有效聘用（劳动）合同 — 员工列表 → 待确认单位关联列表',
  );
  await open(page, 'gzjzz/person/fjgl.html');
  await expectInjected(page, '附件核对清单 · 新办证件', '本案需上传 4 项：已上传 2 项，缺 2 项', '本案必需 · 已上传需签字并加盖公章');
  await open(page, 'unit-platform/#/unit-platform/attachments');
  await expectInjected(page, '附件核对清单 · 权限注册', '本案需上传 6 项：已上传 3 项，缺 3 项', '须提供近一年验资报告');
  await open(page, 'gzjzz/unit/dwfjgl.html');
  await expectInjected(page, '附件核对清单 · 权限注册', '本案需上传 6 项：已上传 3 项，缺 3 项');
});

test('unrecognised pages stay silent, and the report names the fields found per module', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${FW}/person-platform/v2/education.html`);
  await page.waitForTimeout(800);
  expect(await injectedText(page)).toBe('');
  await open(page, 'person-platform/#/person-platform/education');
  await page.bringToFront();
  await expectInjected(page, '教育信息应自高中时期');
  const context_ = () =>
    sidePanel.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };
      return (await chrome.storage.session.get('activePortalContext')).activePortalContext as { report: { module: string; fieldsFound: string[]; fieldsMissing: string[] } };
    });
  await expect.poll(async () => (await context_())?.report?.module).toBe('person-education');
  const { report } = await context_();
  expect(report.fieldsFound).toEqual(expect.arrayContaining(['educationLevel', 'school']));
  expect(report.fieldsMissing).toEqual([]);
  await open(page, 'gzjzz/person/fjgl.html');
  await expect.poll(async () => ((await context_())?.report as unknown as { attachments?: unknown[] })?.attachments?.length).toBe(10);
});

test('a recognised page that changes shape in place goes unrecognised: the overlay goes and the report says why', async ({ context, sidePanel }) => {
  const page = await context.newPage();
  await open(page, 'person-platform/#/person-platform/education');
  await page.bringToFront();
  await expectInjected(page, '教育信息应自高中时期');
  const report = () =>
    sidePanel.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };
      return ((await chrome.storage.session.get('activePortalContext')).activePortalContext as { report: { module: string | null; reasons: string[] } } | undefined)?.report;
    });
  await expect.poll(async () => (await report())?.module).toBe('person-education');
  // The portal renames its columns and title without a navigation (no URL change): only the mutation records tell.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('th .cell, h3, .page-title, .el-breadcrumb__inner')) el.textContent = 'Records';
  });
  await expect.poll(() => injectedText(page)).toBe('');
  await expect.poll(async () => (await report())?.module ?? null).toBeNull();
  expect((await report())!.reasons.join(' ')).toContain('no module heading with matching fields');
});
