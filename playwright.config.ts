import { defineConfig } from '@playwright/test';

// The built extension (.output/chrome-mv3) is what is tested, in Debian's Chromium (no browser download).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  outputDir: 'test-results',
});
