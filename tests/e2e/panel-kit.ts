/** The side panel page object (the panel opened as a tab): the few actions the e2e tests repeat. */
import type { Page } from '@playwright/test';
import { expect } from './harness';

/** The panel page object: the few actions the tests repeat. */
export function panel(page: Page) {
  return {
    page,
    item: (id: string) => page.locator(`[data-testid="checklist-items"] > li[data-item-id="${id}"]`),
    tick: (id: string) => page.getByTestId(`tick-${id}`),
    async addEmployee(name: string, residentId: string) {
      const form = page.getByTestId('new-employee-form');
      await form.getByLabel('姓名').fill(name);
      await form.getByLabel('居民身份证号').fill(residentId);
      await form.getByRole('button', { name: '保存员工' }).click();
    },
    /** A renewal or employer change is created with the current permit's expiry, which its deadlines need. */
    async addCase(business: string, currentExpiry?: string) {
      const form = page.getByTestId('new-case-form');
      await expect(form.or(page.getByTestId('add-case'))).toBeVisible();
      if (!(await form.isVisible())) await page.getByTestId('add-case').click();
      await page.getByTestId('new-case-business').selectOption({ label: business });
      if (currentExpiry !== undefined) await page.getByTestId('new-case-expiry').fill(currentExpiry);
      await page.getByRole('button', { name: '创建业务' }).click();
    },
    async checklistIds(): Promise<string[]> {
      return page.locator('[data-testid="checklist-items"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
    },
  };
}

