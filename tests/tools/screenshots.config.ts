import { defineConfig } from '@playwright/test';

// `npm run screenshots`: the store-listing pictures, made by one Playwright script (so it can reuse the
// e2e harness, seed and shadow helpers) from the built extension and the replica portal. Not a test.
export default defineConfig({
  testDir: '.',
  testMatch: 'store-screenshots.ts',
  timeout: 240_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/store-screenshots',
});
