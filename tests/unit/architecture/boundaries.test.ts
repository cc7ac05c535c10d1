/**
 * The folder boundaries of the README's architecture section, as dependency-cruiser checks them in
 * `npm test` (npm run lint:deps). The rule set is proven to bite: a miniature of our folders with one
 * forbidden import of each kind (tests/fixtures/boundaries/) must produce exactly those violations,
 * and the real tree must produce none.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import config from '../../../.dependency-cruiser.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');

async function violations(baseDir: string, dirs: string[], options: Partial<IConfiguration['options']> = {}): Promise<string[]> {
  const { output } = await cruise(dirs, { ...config.options, ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = output as ICruiseResult;
  // A package shows by its name (its resolved path depends on where node_modules sits).
  const named = (to: string) => to.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${named(v.to)}`).sort();
}

describe('the dependency rules', () => {
  it('refuse each forbidden import of the miniature tree, and only those', async () => {
    const found = await violations(path.join(ROOT, 'tests/fixtures/boundaries'), ['rules', 'storage', 'components', 'entrypoints', 'utils'], { tsConfig: undefined });
    expect(found).toEqual(
      [
        'components-never-import-entrypoints: components/card.ts → entrypoints/sidepanel/main.ts',
        'content-script-never-imports-storage: entrypoints/portal.content/index.ts → storage/db.ts',
        'entrypoints-are-separate: entrypoints/portal.content/index.ts → entrypoints/background/index.ts',
        'no-circular: utils/a.ts → utils/b.ts',
        'rules-imports-nothing-of-ours: rules/deadline.ts → storage/db.ts',
        'rules-are-pure: rules/window.ts → dexie',
        'storage-knows-no-browser: storage/notify.ts → react-dom',
        'storage-is-the-database-only: storage/db.ts → components/card.ts',
      ].sort(),
    );
  }, 30_000);

  it('find no violation in the product', async () => {
    expect(await violations(ROOT, ['rules', 'storage', 'components', 'entrypoints', 'utils'])).toEqual([]);
  }, 30_000);
});
