/**
 * The catalogs are complete at run time, not only for the type checker: every key has a non-empty text
 * in both zh-CN and English, the same {placeholders} on both sides, no Chinese text left in English by
 * mistake and no English left in the Chinese catalog. The same holds for the portal content script's
 * own catalog (components/i18n/portal.ts) and for the manifest's public/_locales/<lang>/messages.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../components/i18n/translate';
import { portalEn, portalZhCN } from '../../../components/i18n/portal';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Han characters, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Chinese an English text may quote on purpose, because the user meets exactly these words on the
 * portal or in the guide and must recognise them there:
 * - section references into the (Chinese-only) Daxing guide, e.g. "§一(三) 1", "§六(二)", "§提示";
 * - the portal's own words the agent has to find on screen: 北京国际人才网 (the site's name),
 *   已上传 (an attachment row's state), 无效 (the system's mark on a diploma or degree),
 *   「变更现居住地」 (the wording the application has to use);
 * - 中文, the name of the other language written in that language (the language switch).
 */
const SECTION_REF = /§[\u4e00-\u9fff]+(?:\([\u4e00-\u9fff]+\))?/g;
const OFFICIAL_TERMS = ['北京国际人才网', '已上传', '无效', '「变更现居住地」', '中文'];

function withoutAllowedChinese(text: string): string {
  let out = text.replace(SECTION_REF, '');
  for (const term of OFFICIAL_TERMS) out = out.split(term).join('');
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/**
 * A Chinese text written in English by mistake: no Chinese character at all, but an English word
 * (two or more Latin letters in a row). Symbols, numbers, dates and placeholders alone are fine.
 */
function looksEnglish(text: string): boolean {
  if (CJK.test(text)) return false;
  return /[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, ''));
}

interface Catalog {
  name: string;
  zh: Record<string, string>;
  en: Record<string, string>;
}

function readLocale(dir: string): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/_locales', dir, 'messages.json'), 'utf8')) as Record<string, { message?: unknown }>;
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, typeof v.message === 'string' ? v.message : '']));
}

const CATALOGS: Catalog[] = [
  { name: 'components/i18n (zh-CN.ts, en.ts)', zh: catalogs['zh-CN'], en: catalogs.en },
  { name: 'components/i18n/portal.ts (content script)', zh: portalZhCN, en: portalEn },
  { name: 'public/_locales (manifest)', zh: readLocale('zh_CN'), en: readLocale('en') },
];

/** The problems of one catalog pair, one line each (an empty list means complete). */
export function catalogProblems(zh: Record<string, string>, en: Record<string, string>): string[] {
  const problems: string[] = [];
  const keys = [...new Set([...Object.keys(zh), ...Object.keys(en)])].sort();
  for (const key of keys) {
    const z = zh[key];
    const e = en[key];
    if (z === undefined) problems.push(`${key}: missing in zh-CN`);
    if (e === undefined) problems.push(`${key}: missing in English`);
    if (z === undefined || e === undefined) continue;
    if (!z.trim()) problems.push(`${key}: empty in zh-CN`);
    if (!e.trim()) problems.push(`${key}: empty in English`);
    const pz = placeholders(z).join(',');
    const pe = placeholders(e).join(',');
    if (pz !== pe) problems.push(`${key}: placeholders differ: zh-CN {${pz}} vs English {${pe}}`);
    if (looksEnglish(z)) problems.push(`${key}: zh-CN text is English: ${JSON.stringify(z)}`);
    const rest = withoutAllowedChinese(e);
    if (CJK.test(rest)) problems.push(`${key}: English text has Chinese: ${JSON.stringify(e)}`);
  }
  return problems;
}

describe('the catalog checker', () => {
  // The checker itself must catch each kind of mistake, or a passing catalog test proves nothing.
  it('reports a key missing on either side, an empty text, a changed placeholder and text in the wrong language', () => {
    const zh = { a: '你好 {name}', b: '保存', c: 'Save', d: '日期 {date}', e: ' ' };
    const en = { a: 'Hello {name}', c: 'Save', d: 'Date {day}', e: 'Empty', f: 'Only English' };
    expect(catalogProblems(zh, en)).toEqual([
      'b: missing in English',
      'c: zh-CN text is English: "Save"',
      'd: placeholders differ: zh-CN {date} vs English {day}',
      'e: empty in zh-CN',
      'f: missing in zh-CN',
    ]);
    expect(catalogProblems({ x: '附件' }, { x: 'Attachment 附件' })).toEqual(['x: English text has Chinese: "Attachment 附件"']);
  });

  it('lets English quote a guide section and the official portal terms, and Chinese hold only symbols and numbers', () => {
    expect(catalogProblems({ x: '资格（§一(三) 1）', y: '{n} / {total}', z: '≥ 3' }, { x: 'Category (§一(三) 1), shown as 已上传', y: '{n} / {total}', z: '≥ 3' })).toEqual([]);
    expect(catalogProblems({ x: '材料' }, { x: 'Material (§五) 附件' })).toEqual(['x: English text has Chinese: "Material (§五) 附件"']);
  });
});

describe.each(CATALOGS)('$name', ({ zh, en }) => {
  it('has every key in both languages, non-empty, with the same placeholders and each text in its own language', () => {
    expect(Object.keys(zh).length).toBeGreaterThan(0);
    expect(catalogProblems(zh, en)).toEqual([]);
  });
});

it('the manifest messages are the ones wxt.config.ts asks for', () => {
  const config = fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
  const asked = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]).sort();
  expect(asked.length).toBeGreaterThan(0);
  expect(Object.keys(readLocale('zh_CN')).sort()).toEqual(expect.arrayContaining(asked));
  expect(Object.keys(readLocale('en')).sort()).toEqual(expect.arrayContaining(asked));
  // Chrome rejects a manifest name over 75 characters and a description over 132.
  for (const dir of ['zh_CN', 'en']) {
    const m = readLocale(dir);
    expect(m.extName.length, `${dir} extName`).toBeLessThanOrEqual(75);
    expect(m.extDescription.length, `${dir} extDescription`).toBeLessThanOrEqual(132);
  }
});

it('the portal catalog is the portal part of the full catalogs, word for word', () => {
  for (const [key, text] of Object.entries(portalZhCN)) expect(catalogs['zh-CN'][key as keyof typeof portalZhCN], key).toBe(text);
  for (const [key, text] of Object.entries(portalEn)) expect(catalogs.en[key as keyof typeof portalEn], key).toBe(text);
});
