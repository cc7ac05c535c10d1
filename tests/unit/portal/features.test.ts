/**
 * House rules for portal features (Refined GitHub's meta-tests): one file per feature, its id is its
 * file name, it registers once, ends with the pages it was tested on, and is listed in the README.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../../entrypoints/portal.content/features');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.tsx'));
const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');

describe('portal features', () => {
  it('there are features', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of files) {
    const id = file.replace(/\.tsx$/, '');
    const source = fs.readFileSync(path.join(DIR, file), 'utf8');
    describe(id, () => {
      it('registers itself once, under its file name', () => {
        expect(source.match(/addFeature\(/g)?.length).toBe(1);
        expect(source).toContain(`id: '${id}'`);
      });
      it('ends with the replica pages it was tested on', () => {
        const tail = source.trimEnd().split('\n').slice(-4).join('\n');
        expect(tail).toMatch(/\/\/ Tested on: /);
      });
      it('is listed in features/README.md', () => {
        expect(readme).toContain(`| \`${id}\` |`);
      });
      it('writes no HTML and touches no page storage', () => {
        expect(source).not.toMatch(/innerHTML|outerHTML\s*=|insertAdjacentHTML|localStorage|sessionStorage|indexedDB|from 'dexie'/);
      });
    });
  }
  it('the content script as a whole stays away from page storage and HTML strings', () => {
    const all = fs
      .readdirSync(path.dirname(DIR), { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => fs.readFileSync(path.join(path.dirname(DIR), f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/\binnerHTML\b|insertAdjacentHTML|\blocalStorage\b|\bsessionStorage\b|\bindexedDB\b|from 'dexie'|storage\/db'/);
    // Only type imports from storage/ and rules/ (their zod and Dexie stay out of the bundle), and only
    // the portal's own strings from components/i18n.
    // The one exception is rules/attachment-rows.ts, plain data that imports nothing (checked below).
    expect(all.replace(/^export \{[^}]*\} from '\.\.\/\.\.\/rules\/attachment-rows';$/gm, '')).not.toMatch(
      /^(import|export) (?!type )[^;]*from '\.\.\/\.\.\/(\.\.\/)?(storage|rules)\//m,
    );
    // Type imports are erased from the bundle; a value import would bring its module (and zod) along.
    expect(fs.readFileSync(path.resolve('rules/attachment-rows.ts'), 'utf8')).not.toMatch(/^\s*import\b(?! type )/m);
    expect(all).not.toMatch(/components\/i18n\/(index|translate|zh-CN|en)'/);
  });
});
