/**
 * UI language: zh-CN first, English second. A React context carries the chosen language so the
 * side panel, case book and overlay render the same strings; `translate` works outside React too.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { translate, type Lang, type MessageKey } from './translate';

export { translate, pickText, type Lang, type MessageKey } from './translate';

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
