/**
 * The portal fills the case book (issue #17 part 4), read-only on the portal: the personal home page's permit
 * card saved to the case in focus after one confirmation (its validity date then drives the case book's
 * deadlines), a different person refused; an employer list previewed (new employees, changed dates, states
 * outside the vocabulary shown verbatim, the unread page named), cancelled without a change, applied after
 * the confirmation with audit entries naming the page; the 单位关联码 hint where only a placeholder or a button
 * names it; both replica styles.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openReplica } from './harness';
import { expectInjected } from './shadow';
import { DRAFT, seedDraft } from './seed';
import data from '../fixtures/portal/data.json' with { type: 'json' };
import { beijingDate } from '../../rules/dates';

test.describe.configure({ mode: 'parallel' });

const TODAY = beijingDate(Date.now());
const NOW = '2026-11-20T08:00:00.000Z';

/** Rows written straight into the extension's database (an extension page: the background's origin). */
async function put(context: BrowserContext, extensionId: string, rows: { employees?: object[]; cases?: object[]; focus?: object }): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.evaluate(async (rows) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('jzz-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['employees', 'cases', 'focus'], 'readwrite');
    for (const e of rows.employees ?? []) tx.objectStore('employees').put(e);
    for (const c of rows.cases ?? []) tx.objectStore('cases').put(c);
    if (rows.focus) tx.objectStore('focus').put(rows.focus);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
  await page.close();
}

function employee(id: string, person: { name: string; id: string; birth: string; gender: string }, extra: object = {}) {
  return {
    id,
    name: person.name,
    residentId: person.id,
    residentIdRev: [...person.id].reverse().join(''),
    gender: person.gender === '男' ? 'male' : 'female',
    birthDate: person.birth,
    holderStatus: 'holder',
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

const changes = (panel: Page) => panel.getByTestId('records-changes').locator('li');

test('个人首页: the permit card saved to the case in focus after one confirmation; another person refused', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(90_000);
  const portal = await context.newPage();
  await openReplica(portal, 'person-platform/#/person-platform/overview');
  // 张伟, applying for a new permit (case at 区审核): the page shows his permit issued and the business 办理成功.
  await seedDraft(context, extensionId, { ...DRAFT, case: { ...DRAFT.case, status: 'district-review' } });
  await sidePanel.reload();
  await expect(sidePanel.getByTestId('portal-context')).toContainText('个人首页');
  await expectInjected(portal, '保存到案卷');
  const card = sidePanel.getByTestId('portal-records');
  // The page masks the ID: matched by the visible characters, and said so.
  await expect(sidePanel.getByTestId('records-match')).toContainText('部分隐藏');
  await expect(changes(sidePanel)).toHaveCount(5);
  await expect(card).toContainText('证件有效期至：— → 2028-02-29');
  await expect(card).toContainText('持证状态：申办中 → 持证（页面：有效）');
  await expect(card).toContainText('办理状态：区人力社保局审核 → 已核准（页面：办理成功）');
  await expect(card).toContainText('证件有效期起：— → 2025-03-01');
  // The other business (个人信息变更) is shown, not applied.
  await expect(sidePanel.getByTestId('records-notes')).toContainText('个人信息变更');

  // Cancelled: nothing changes.
  await sidePanel.getByTestId('records-offer').click();
  await sidePanel.getByTestId('records-cancel').click();
  await expect(sidePanel.getByTestId('records-result')).toContainText('已取消，案卷未改动。');
  await expect(changes(sidePanel)).toHaveCount(5);

  await sidePanel.getByTestId('records-offer').click();
  await sidePanel.getByTestId('records-confirm').click();
  await expect(sidePanel.getByTestId('records-result')).toContainText('更新 2 条记录');
  await expect(sidePanel.getByTestId('records-changes')).toHaveCount(0);

  // The case book: the permit's expiry is the employee's, and its renewal dates follow at once; audited with the page and day.
  const book = await context.newPage();
  await book.goto(`chrome-extension://${extensionId}/casebook.html#/employee/${DRAFT.employee.id}`);
  await expect(book.getByTestId('emp-until')).toHaveValue('2028-02-29');
  await expect(book.getByTestId('employee-permit')).toBeVisible();
  const origins = book.getByTestId('audit-origin');
  await expect(origins.first()).toContainText(`个人首页 · fw.bjrcgz.gov.cn/person-platform/#/person-platform/overview（${TODAY}）`);
  await book.goto(`chrome-extension://${extensionId}/casebook.html#/case/${DRAFT.case.id}`);
  await expect(book.getByTestId('case-valid-until')).toHaveValue('2028-02-29');

  // Another employee in focus: the page's person is not theirs, nothing can be saved.
  const other = employee('emp-wangfang', data.persons.wangFang, { holderStatus: 'applying' });
  await put(context, extensionId, { employees: [other], cases: [{ id: 'case-wangfang', employeeId: other.id, business: 'new-permit', status: 'collecting', facts: {}, createdAt: NOW, updatedAt: NOW }], focus: { id: 'focus', employeeId: other.id, caseId: 'case-wangfang', at: NOW } });
  await book.close();
  await portal.bringToFront();
  await sidePanel.reload();
  await expect(sidePanel.getByTestId('records-refused')).toContainText('页面上是「张伟」');
  await expect(sidePanel.getByTestId('records-offer')).toHaveCount(0);
});

test('当前在职员工: previewed, cancelled without a change, the page size raised, synced all at once with audit entries', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(90_000);
  const portal = await context.newPage();
  await openReplica(portal, 'unit-platform/#/unit-platform/employees');
  // 陈静 known with an older expiry, 赵磊 known and up to date; 王芳 applying (not on this list).
  const wangFang = employee('emp-wangfang', data.persons.wangFang, { holderStatus: 'applying' });
  await put(context, extensionId, {
    employees: [employee('emp-chenjing', data.persons.chenJing, { permitValidUntil: '2027-01-31' }), employee('emp-zhaolei', data.persons.zhaoLei, { permitValidUntil: '2027-02-26' }), wangFang],
    cases: [{ id: 'case-wangfang', employeeId: wangFang.id, business: 'new-permit', status: 'collecting', facts: {}, createdAt: NOW, updatedAt: NOW }],
  });
  await sidePanel.reload();
  const card = sidePanel.getByTestId('portal-records');
  await expect(card).toContainText('当前在职员工 → 案卷簿');
  await expect(sidePanel.getByTestId('records-rows')).toHaveText('读取了 10 行。');
  await expect(sidePanel.getByTestId('records-paged')).toContainText('第 1 页，共 2 页：只读取了本页');
  await expect(card).toContainText('陈静 · 证件有效期至：2027-01-31 → 2028-03-31');
  await expect(card).toContainText('新员工 吴婷');
  const notes = sidePanel.getByTestId('records-notes');
  await expect(notes).toContainText('赵磊 · 证件状态「正常」不在已知状态中');
  await expect(notes).toContainText('冯雪 · 「冻结」在案卷中没有对应状态');
  await expect(notes).toContainText('郑浩 · 缺少姓名或身份证号');
  await expect(changes(sidePanel)).toHaveCount(8); // 陈静's date + 杨帆 吴婷 冯雪 韩冰 曹阳 彭丽 蒋涛
  const axe = await new AxeBuilder({ page: sidePanel }).include('[data-testid="portal-records"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Cancel: nothing is written.
  await sidePanel.getByTestId('records-offer').click();
  await sidePanel.getByTestId('records-cancel').click();
  await expect(sidePanel.getByTestId('records-result')).toContainText('已取消，案卷未改动。');
  const book = await context.newPage();
  await book.goto(`chrome-extension://${extensionId}/casebook.html`);
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '3');

  // The agent shows 50 a page: every row is read, no page left unread.
  await portal.bringToFront();
  await portal.getByLabel('每页条数').selectOption('50');
  await expect(sidePanel.getByTestId('records-rows')).toHaveText('读取了 12 行。');
  await expect(sidePanel.getByTestId('records-paged')).toHaveCount(0);
  await expect(changes(sidePanel)).toHaveCount(10); // + 沈悦 邓超 of page 2
  await sidePanel.getByTestId('records-offer').click();
  await sidePanel.getByTestId('records-confirm').click();
  await expect(sidePanel.getByTestId('records-result')).toContainText('已保存：新建 9 名员工，更新 1 条记录。');

  await book.reload();
  await expect(book.getByTestId('row-count')).toHaveAttribute('data-count', '12');
  await book.goto(`chrome-extension://${extensionId}/casebook.html#/employee/emp-chenjing`);
  await expect(book.getByTestId('emp-until')).toHaveValue('2028-03-31');
  await expect(book.getByTestId('audit-origin').first()).toContainText(`当前在职员工 · fw.bjrcgz.gov.cn/unit-platform/#/unit-platform/employees（${TODAY}）`);
  // Nothing was written to the portal.
  expect(await portal.evaluate(() => (window as unknown as { __replica: { submitted: unknown[] } }).__replica.submitted.length)).toBe(0);

  // 待办理新办证件员工: 王芳's 待单位审核 moves her case; 唐宁's 材料补正中 is shown verbatim; page 1 of 2.
  await book.close();
  await portal.bringToFront();
  await openReplica(portal, 'unit-platform/#/unit-platform/permit?tab=new');
  await expect(card).toContainText('待办理新办证件员工 → 案卷簿');
  await expect(sidePanel.getByTestId('records-paged')).toContainText('第 1 页，共 2 页');
  await expect(card).toContainText('王芳 · 办理状态：收集材料 → 单位审核（页面：待单位审核）');
  await expect(notes).toContainText('唐宁 · 办理状态「材料补正中」不在已知状态中');
  await expect(notes).toContainText('许可 · 缺少姓名或身份证号');
  await sidePanel.getByTestId('records-offer').click();
  await sidePanel.getByTestId('records-confirm').click();
  await expect(sidePanel.getByTestId('records-result')).toContainText('已保存：新建 3 名员工，更新 1 条记录。');
});

test('classic pages and the 单位关联码 hint: 个人首页 with the full ID, a paged list, a placeholder or a button naming the code', async ({ context, extensionId, sidePanel }) => {
  test.setTimeout(90_000);
  const portal = await context.newPage();
  await openReplica(portal, 'gzjzz/person/grsy.html');
  const liNa = employee('emp-lina', data.persons.liNa, { holderStatus: 'applying' });
  await put(context, extensionId, {
    employees: [liNa],
    cases: [{ id: 'case-lina', employeeId: liNa.id, business: 'new-permit', status: 'locality-review', facts: {}, createdAt: NOW, updatedAt: NOW }],
    focus: { id: 'focus', employeeId: liNa.id, caseId: 'case-lina', at: NOW },
  });
  await sidePanel.reload();
  await expect(sidePanel.getByTestId('records-match')).toHaveText('页面上的身份证号与当前员工一致。');
  await expect(sidePanel.getByTestId('portal-records')).toContainText('证件有效期至：— → 2027-05-31');
  await expect(sidePanel.getByTestId('records-notes')).toContainText('办理状态「补充材料中」不在已知状态中');

  await portal.goto('https://fw.bjrcgz.gov.cn/gzjzz/unit/dqzzyg.html');
  await expect(sidePanel.getByTestId('records-paged')).toContainText('第 1 页，共 2 页');
  await expect(sidePanel.getByTestId('portal-records')).toContainText('新员工 宋佳');
  await expect(sidePanel.getByTestId('records-notes')).toContainText('朱琳 · 缺少姓名或身份证号');

  await portal.goto('https://fw.bjrcgz.gov.cn/gzjzz/person/kbyw.html');
  await expectInjected(portal, '单位关联码由用人单位在单位系统中获取', '待单位审核通过才关联成功', '助手建议');
  await openReplica(portal, 'person-platform/#/person-platform/business');
  await portal.getByRole('button', { name: '进入' }).first().click();
  await expectInjected(portal, '单位关联码由用人单位在单位系统中获取', '§六(一) 1 (2)、2 (2)');
});
