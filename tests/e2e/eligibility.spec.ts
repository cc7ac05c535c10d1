/**
 * The applicant pre-check (§一(三)) in the side panel: the facts the checklist does not need are asked
 * for in the card, judged at once, kept after a reload, and a number the agent mistypes is refused
 * with a message while the stored value stays what it was.
 */
import { test, expect } from './harness';
import data from '../fixtures/portal/data.json' with { type: 'json' };

test('the pre-check asks for education, experience and months of social insurance, and judges them', async ({ sidePanel }) => {
  const page = sidePanel;
  await page.setViewportSize({ width: 380, height: 900 });
  const employeeForm = page.getByTestId('new-employee-form');
  await employeeForm.getByLabel('姓名').fill(data.persons.zhangWei.name);
  await employeeForm.getByLabel('居民身份证号').fill(data.persons.zhangWei.id);
  await employeeForm.getByRole('button', { name: '保存员工' }).click();
  const caseForm = page.getByTestId('new-case-form');
  await expect(caseForm.or(page.getByTestId('add-case'))).toBeVisible();
  if (!(await caseForm.isVisible())) await page.getByTestId('add-case').click();
  await page.getByTestId('new-case-business').selectOption({ label: '新办证件' });
  await page.getByRole('button', { name: '创建业务' }).click();

  const card = page.getByTestId('eligibility');
  await card.locator('summary').first().click();
  const category = card.getByTestId('condition-applicant-category');
  const insurance = card.getByTestId('condition-applicant-social-insurance-6-months');
  await expect(category).toHaveAttribute('data-status', 'unknown');
  await expect(insurance).toHaveAttribute('data-status', 'unknown');

  await card.getByTestId('eligibility-facts').locator('summary').click();
  await card.getByTestId('eligibility-education').selectOption({ label: '本科' });
  await card.getByTestId('eligibility-degree').selectOption({ label: '是' });
  // Full-width digits, as a Chinese input method types them, are read as digits.
  await card.getByTestId('eligibility-experience').fill('３０');
  await expect(category).toHaveAttribute('data-status', 'met');
  await expect(category).toContainText('符合的类别：A');

  await card.getByTestId('eligibility-social-insurance').fill('4');
  await card.getByLabel('本单位连续缴纳个税').fill('12');
  await expect(insurance).toHaveAttribute('data-status', 'not-met');
  await expect(insurance).toContainText('社保 4 个月');

  // A mistyped number: a message, and the stored 4 months stay.
  await card.getByTestId('eligibility-social-insurance').fill('4个月');
  await expect(card.getByRole('alert')).toContainText('请输入 0–600 之间的整数；未保存。');
  await expect(insurance).toContainText('社保 4 个月');

  await card.getByTestId('eligibility-social-insurance').fill('12');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(insurance).toHaveAttribute('data-status', 'met');

  // §一(三) 3: six months of taxable income well above 1.2 × the wage standard, typed with separators.
  const income = card.getByTestId('condition-income-monthly-1-2x');
  await expect(income).toHaveAttribute('data-status', 'unknown');
  const months = card.getByTestId('eligibility-income').locator('input');
  await expect(months).toHaveCount(12);
  await months.nth(6).fill('2万');
  await expect(card.getByRole('alert')).toContainText('最多两位小数');
  for (let i = 6; i < 12; i++) await months.nth(i).fill('30,000.50');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(income).toHaveAttribute('data-status', 'met');
  await expect(income).toContainText('近6个月月均 30000.5 元');

  // Saved: after a reload the card judges the same and shows what was typed.
  await page.waitForTimeout(500);
  await page.reload();
  const again = page.getByTestId('eligibility');
  await again.locator('summary').first().click();
  await expect(again.getByTestId('condition-applicant-category')).toHaveAttribute('data-status', 'met');
  await expect(again.getByTestId('condition-applicant-social-insurance-6-months')).toHaveAttribute('data-status', 'met');
  await again.getByTestId('eligibility-facts').locator('summary').click();
  await expect(again.getByTestId('eligibility-experience')).toHaveValue('30');
  await expect(again.getByTestId('eligibility-social-insurance')).toHaveValue('12');
  await expect(again.getByTestId('condition-income-monthly-1-2x')).toHaveAttribute('data-status', 'met');
  await expect(again.getByTestId('eligibility-income').locator('input').nth(11)).toHaveValue('30000.5');
});
