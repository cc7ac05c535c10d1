/** Which portal module the active portal tab was recognised as, with the field diagnostics. */
import { useT } from './i18n';
import { useActivePortalContext } from './use-portal-context';
import { CopyButton, ToneIcon } from './ui';
import type { TabContext } from '../utils/messaging';
import { PortalTeach } from './PortalTeach';


/**
 * `context`: the active portal context when the caller already reads it (the side panel does, for the
 * attachment rows); without it the card reads it itself.
 */
export function PortalContextCard({ context: given }: { context?: TabContext | null } = {}) {
  const t = useT();
  const own = useActivePortalContext();
  const context = given !== undefined ? given : own;
  if (context === undefined) return <section className="card portal" aria-busy="true">{t('common.loading')}</section>;
  if (!context) {
    return (
      <section className="card portal portal-none" aria-label={t('panel.diag.title')} data-testid="portal-context">
        <p className="portal-line">
          <ToneIcon tone="neutral" />
          <span>{t('panel.tab.none')}</span>
        </p>
      </section>
    );
  }
  const { report } = context;
  const diagnostics = [
    `url: ${report.url}`,
    `module: ${report.module ?? '-'}`,
    `found: ${report.fieldsFound.join(', ') || '-'}`,
    `missing: ${report.fieldsMissing.join(', ') || '-'}`,
    ...(report.attachments ? [`attachments: ${report.attachments.map((a) => `${a.name}=${a.status}`).join('; ')}`] : []),
    ...report.reasons,
  ].join('\n');
  return (
    <section className={`card portal ${report.module ? 'portal-known' : 'portal-unknown'}`} aria-label={t('panel.diag.title')} data-testid="portal-context">
      <p className="module portal-line" data-module={report.module ?? ''}>
        <ToneIcon tone={report.module ? 'ok' : 'warn'} />
        <span>{report.module ? t('panel.tab.module', { module: t(`module.${report.module}`) }) : t('panel.tab.unrecognised')}</span>
      </p>
      <details>
        <summary>
          {t('panel.diag.title')}
          {report.module ? <span className="summary-note">{t('panel.diag.counts', { found: report.fieldsFound.length, missing: report.fieldsMissing.length })}</span> : null}
        </summary>
        <p>{t('panel.diag.found', { fields: report.fieldsFound.join('、') || t('common.none') })}</p>
        <p>{t('panel.diag.missing', { fields: report.fieldsMissing.join('、') || t('common.none') })}</p>
        <p className="url">{t('panel.tab.url', { url: report.url })}</p>
        {/* 复制失败 and the text when the clipboard refuses (no silent failure). */}
        <CopyButton text={diagnostics} label={t('panel.diag.copy')} testId="diag-copy" />
      </details>
      {/* Issue #17: 「在页面上指定」 where a field is missing or the page unknown, and what teaching recognised. */}
      <PortalTeach key={`${context.tabId}|${report.url}|${report.module ?? ''}`} context={context} />
    </section>
  );
}
