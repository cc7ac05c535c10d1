/** Which portal module the active portal tab was recognised as, with the field diagnostics. */
import { useEffect, useState } from 'react';
import { useT } from './i18n';
import { ACTIVE_PORTAL_CONTEXT_KEY, TabContext } from '../storage/page-context';

function useActivePortalContext(): TabContext | null | undefined {
  const [context, setContext] = useState<TabContext | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const got = await browser.storage.session.get(ACTIVE_PORTAL_CONTEXT_KEY);
      const parsed = TabContext.safeParse(got[ACTIVE_PORTAL_CONTEXT_KEY]);
      if (alive) setContext(parsed.success ? parsed.data : null);
    };
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && ACTIVE_PORTAL_CONTEXT_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    // Edge and Chrome may keep the panel alive while hidden: re-read when it is shown again.
    const onVisible = () => document.visibilityState === 'visible' && void read();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return context;
}

export function PortalContextCard() {
  const t = useT();
  const context = useActivePortalContext();
  if (context === undefined) return <section className="card" aria-busy="true">{t('common.loading')}</section>;
  if (!context) {
    return (
      <section className="card" aria-label={t('panel.diag.title')} data-testid="portal-context">
        <p>{t('panel.tab.none')}</p>
      </section>
    );
  }
  const { report } = context;
  const diagnostics = [
    `url: ${report.url}`,
    `module: ${report.module ?? '-'}`,
    `found: ${report.fieldsFound.join(', ') || '-'}`,
    `missing: ${report.fieldsMissing.join(', ') || '-'}`,
    ...report.reasons,
  ].join('\n');
  return (
    <section className="card" aria-label={t('panel.diag.title')} data-testid="portal-context">
      <p className="module" data-module={report.module ?? ''}>
        {report.module ? t('panel.tab.module', { module: t(`module.${report.module}`) }) : t('panel.tab.unrecognised')}
      </p>
      <details>
        <summary>{t('panel.diag.title')}</summary>
        <p>{t('panel.diag.found', { fields: report.fieldsFound.join('、') || t('common.none') })}</p>
        <p>{t('panel.diag.missing', { fields: report.fieldsMissing.join('、') || t('common.none') })}</p>
        <p className="url">{t('panel.tab.url', { url: report.url })}</p>
        <button type="button" onClick={() => void navigator.clipboard.writeText(diagnostics)}>
          {t('panel.diag.copy')}
        </button>
      </details>
    </section>
  );
}
