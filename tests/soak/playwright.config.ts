import { defineConfig } from '@playwright/test';

// The portal soak (npm run test:soak): the built extension (.output/chrome-mv3) in Debian's Chromium, one worker.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.soak.spec.ts',
  timeout: 150_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/soak',
});
