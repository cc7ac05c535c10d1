/**
 * Accessibility: axe (WCAG 2 A/AA) finds no serious or critical violation on the case book's screens
 * and the welcome page. (The side panel is checked in sidepanel.spec.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './harness';

const SCREENS = ['casebook.html#/', 'casebook.html#/calendar', 'casebook.html#/reports', 'casebook.html#/import', 'casebook.html#/settings', 'welcome.html', 'privacy.html'];

test('the case book, welcome and privacy pages have no serious or critical axe violations', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const problems: string[] = [];
  for (const screen of SCREENS) {
    await page.goto(`chrome-extension://${extensionId}/${screen}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${screen}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`);
    }
  }
  expect(problems).toEqual([]);
});
