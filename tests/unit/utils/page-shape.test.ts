/** 导出页面结构's answer as the side panel accepts it, and the saved file's name (issue #17 1). */
import { describe, expect, it } from 'vitest';
import { PageShape, pageShapeFileName } from '../../../utils/page-shape';

const good = {
  html: '<!DOCTYPE html>\n<html></html>\n',
  url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info',
  stats: { elements: 3, keptTexts: 2, maskedTexts: 1, maskedValues: 0, dropped: 0, truncated: false },
};

describe('PageShape: the content script\'s answer is parsed before it is shown', () => {
  it('accepts a well-formed answer', () => {
    expect(PageShape.parse(good)).toEqual(good);
  });
  it.each([
    ['an empty file', { ...good, html: '' }],
    ['an unknown key', { ...good, extra: 1 }],
    ['a negative count', { ...good, stats: { ...good.stats, elements: -1 } }],
    ['a missing count', { ...good, stats: { elements: 3 } }],
    ['a file over 8 MB', { ...good, html: 'x'.repeat(8 * 1024 * 1024 + 1) }],
  ])('refuses %s', (_name, bad) => {
    expect(PageShape.safeParse(bad).success).toBe(false);
  });
});

describe('pageShapeFileName', () => {
  it('names the Beijing day and the module, or 未识别', () => {
    expect(pageShapeFileName('2026-12-05', 'person-basic-info')).toBe('页面结构-2026-12-05-person-basic-info.html');
    expect(pageShapeFileName('2026-12-05', null)).toBe('页面结构-2026-12-05-未识别.html');
  });
});
