import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The storage soak (npm run test:soak): too slow for every unit run, so it lives outside tests/unit.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/soak/**/*.soak.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 150_000,
  },
});
