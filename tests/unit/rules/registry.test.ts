import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, ruleById, rulesTableMarkdown } from '../../../rules';

const ROOT = resolve(__dirname, '../../..');

describe('rule registry', () => {
  it('lists many rules with unique kebab-case ids', () => {
    expect(RULES.length).toBeGreaterThan(50);
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every rule a guide section (or 助手建议, never both), a severity and a zh/en description', () => {
    for (const r of RULES) {
      expect(r.section, r.id).toBeTruthy();
      if (r.section === '助手建议') continue;
      for (const part of r.section.split(', ')) expect(part, r.id).toMatch(/^§(提示|[一二三四五六七八九])/);
      // §提示 has two numbered lists: a numbered citation says which (特点 N or 特别注意 N).
      for (const part of r.section.split(', ')) expect(part, r.id).not.toMatch(/^§提示 \d/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.description.zh, r.id).toBeTruthy();
      expect(r.description.en, r.id).toBeTruthy();
    }
  });

  it('points every rule at the file that defines it', () => {
    for (const r of RULES) {
      const path = join(ROOT, r.file);
      expect(existsSync(path), r.file).toBe(true);
      expect(readFileSync(path, 'utf8'), `${r.id} in ${r.file}`).toContain(`'${r.id}'`);
    }
  });

  it('finds a rule by id', () => {
    expect(ruleById('renewal-window-opens')?.section).toBe('§六(三)');
    expect(ruleById('no-such-rule')).toBeUndefined();
  });
});

describe('README rules table', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- rules-table:start -->');
  const end = readme.indexOf('<!-- rules-table:end -->');
  const table = readme.slice(start, end);

  it('sits between the markers', () => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
  });

  it('has a row for every registered rule with its section and file', () => {
    const rows = new Map(
      table
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .map((l) => {
          const cells = l.split(' | ').map((c) => c.replace(/^\| ?|`/g, '').trim());
          return [cells[0], cells] as const;
        }),
    );
    const missing = RULES.filter((r) => !rows.has(r.id)).map((r) => r.id);
    expect(missing, `README is missing rules; paste rulesTableMarkdown():\n${rulesTableMarkdown()}`).toEqual([]);
    for (const r of RULES) {
      expect(rows.get(r.id)?.[1], r.id).toBe(r.section);
      expect(rows.get(r.id)?.[2], r.id).toBe(r.file);
    }
    const unknown = [...rows.keys()].filter((id) => !ruleById(id));
    expect(unknown, 'README lists rules that no longer exist').toEqual([]);
  });
});

describe('purity of rules/', () => {
  const files = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts'));
  // Code only: comments and string literals may say "document." in prose.
  const codeOf = (src: string) =>
    src
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1')
      .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
  it.each(files)('%s uses no DOM, browser, storage, network or clock', (f) => {
    const src = codeOf(readFileSync(join(ROOT, 'rules', f), 'utf8'));
    for (const forbidden of [/\bdocument\./, /\bwindow\./, /\bbrowser\./, /\bchrome\./, /from ['"]dexie/, /\bfetch\(/, /XMLHttpRequest/, /localStorage/, /new Date\(/, /Date\.now\(/]) {
      expect(src, `${f} matches ${forbidden}`).not.toMatch(forbidden);
    }
  });
});
