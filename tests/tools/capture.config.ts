import { defineConfig } from '@playwright/test';

// `npx playwright test -c tests/tools/capture.config.ts`: exports replica pages with the real 导出页面结构
// into tests/fixtures/portal/captured/ (capture-shapes.ts). Not a test; run it after `npm run build`.
export default defineConfig({
  testDir: '.',
  testMatch: 'capture-shapes.ts',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/capture-shapes',
});
