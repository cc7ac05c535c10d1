/** 导出页面结构 through the side panel's page diagnostics, as the agent does it (page-shape.spec.ts, captured.spec.ts, tests/tools/capture-shapes.ts). */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './harness';

/** Exports the active portal tab's structure from the side panel: the preview's text and the saved file. */
export async function exportShape(portal: Page, sidePanel: Page, moduleText: string | RegExp) {
  await portal.bringToFront();
  const card = sidePanel.getByTestId('portal-context');
  await expect(card).toContainText(moduleText);
  const details = card.getByTestId('diag-details');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
  await sidePanel.getByTestId('shape-export-start').click();
  const preview = (await sidePanel.getByTestId('shape-preview').textContent()) ?? '';
  const [download] = await Promise.all([sidePanel.waitForEvent('download'), sidePanel.getByTestId('shape-save').click()]);
  const file = fs.readFileSync((await download.path())!, 'utf8');
  await expect(sidePanel.getByTestId('shape-saved')).toContainText(download.suggestedFilename());
  return { preview, file, name: download.suggestedFilename(), stats: (await sidePanel.getByTestId('shape-stats').textContent()) ?? '' };
}

/** The file without what we write ourselves: our inline styles, numeric layout attributes and the meta lines. */
export function pageParts(file: string): string {
  return file
    .replace(/ (style|colspan|rowspan|maxlength|tabindex|aria-level)="[^"]*"/g, '')
    .replace(/<meta [^>]*>/g, '')
    .replace(/<\/?h[1-6]\b/g, '<h');
}

