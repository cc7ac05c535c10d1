/**
 * UI language: zh-CN first, English second. A React context carries the chosen language so the
 * side panel, case book and overlay render the same strings; `translate` works outside React too.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

export const catalogs: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The text of `key` in `lang`, with `{name}` placeholders replaced from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? catalogs['zh-CN'][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const LangContext = createContext<Lang>('zh-CN');

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** `const t = useT(); t('panel.title')` */
export function useT() {
  const lang = useContext(LangContext);
  return (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
}
