/**
 * The one picker of a `{ zh, en }` text (rules/ writes every message so) for the language on screen.
 * Dependency-free: the content script bundles it too.
 */
export function pickText(lang: 'zh-CN' | 'en', text: { readonly zh: string; readonly en: string }): string {
  return lang === 'en' ? text.en : text.zh;
}
