/**
 * The portal's strings live in components/i18n/portal.ts, spread into the full catalogs: every surface
 * reads the same text, and the content script bundles only its own strings.
 */
import { describe, expect, it } from 'vitest';
import { portalEn, portalZhCN, translatePortal, type PortalKey } from '../../../components/i18n/portal';
import { translate } from '../../../components/i18n/translate';

describe('portal strings', () => {
  const keys = Object.keys(portalZhCN) as PortalKey[];
  it('are part of the full catalogs, the same text in both languages', () => {
    for (const key of keys) {
      expect(translate('zh-CN', key)).toBe(translatePortal('zh-CN', key));
      expect(translate('en', key)).toBe(translatePortal('en', key));
    }
  });
  it('have an English text for every key, and placeholders that match', () => {
    for (const key of keys) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(portalEn[key], key).toBeTruthy();
      expect(names(portalEn[key]), key).toEqual(names(portalZhCN[key]));
    }
  });
  it('fill placeholders', () => {
    expect(translatePortal('zh-CN', 'panel.tab.module', { module: translatePortal('zh-CN', 'module.person-education') })).toBe('当前页面：教育信息');
  });
});
