/**
 * The language chosen in the settings, for a whole extension page: sets <html lang>, the page title
 * and the LangProvider, so the side panel, the case book and the welcome page switch together. It also
 * registers the entered holiday arrangements at the root of each page (use-deadline-settings.ts), before
 * any view below counts a working day.
 */
import { useEffect, type ReactNode } from 'react';
import { LangProvider, translate, type Lang, type MessageKey } from './i18n';
import { useSettings } from './use-live';
import { useDeadlineSettings } from './use-deadline-settings';

export function SettingsLanguage({ titleKey, children }: { titleKey?: MessageKey; children: ReactNode }) {
  const settings = useSettings();
  const lang: Lang = settings?.language ?? 'zh-CN';
  useDeadlineSettings();
  useEffect(() => {
    document.documentElement.lang = lang;
    const app = translate(lang, 'app.name');
    document.title = titleKey ? `${translate(lang, titleKey)} · ${app}` : app;
  }, [lang, titleKey]);
  return <LangProvider lang={lang}>{children}</LangProvider>;
}
