/** Which portal module the active portal tab was recognised as, with the field diagnostics. */
import { pickText, useLang, useT } from './i18n';
import { portalFieldName } from '../rules/portal-fields';
import { useActivePortalContext } from './use-portal-context';
import { useEmployee, useFocus } from './use-live';
import { CopyButton, StatusLine, ToneIcon } from './ui';
import { PageShapeExport } from './PageShapeExport';
import type { PageReport, TabContext } from '../utils/messaging';
import { idKey } from '../utils/portal-actions';
import { maskIdLast4 } from '../utils/mask';

/**
 * Whether the page shows the person in focus (by ID number): said at once, before any fill or capture is
 * offered (issue #18 item 4). Only the last four digits are shown.
 */
function PagePersonLine({ report }: { report: PageReport }) {
  const t = useT();
  const focus = useFocus();
  const employee = useEmployee(focus?.employeeId);
  if (!report.residentIdOnPage || !employee) return null;
  const same = idKey(report.residentIdOnPage) === idKey(employee.residentId);
  return same ? (
    <StatusLine tone="ok" testId="page-person">
      {t('panel.person.same', { name: employee.name })}
    </StatusLine>
  ) : (
    <StatusLine tone="bad" testId="page-person">
      {t('panel.person.other', { page: maskIdLast4(report.residentIdOnPage), name: employee.name, ours: maskIdLast4(employee.residentId) })}
    </StatusLine>
  );
}
import { PortalTeach } from './PortalTeach';


/**
 * `context`: the active portal context when the caller already reads it (the side panel does, for the
 * attachment rows); without it the card reads it itself.
 */
export function PortalContextCard({ context: given }: { context?: TabContext | null } = {}) {
  const t = useT();
  const lang = useLang();
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
  // In the portal's words (rules/portal-fields.ts), never the code names.
  const names = (keys: string[]) => keys.map((k) => pickText(lang, portalFieldName(k))).join('、');
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
      <PagePersonLine report={report} />
      <details data-testid="diag-details">
        <summary>
          {t('panel.diag.title')}
          {report.module ? <span className="summary-note">{t('panel.diag.counts', { found: report.fieldsFound.length, missing: report.fieldsMissing.length })}</span> : null}
        </summary>
        <p data-testid="diag-found">{t('panel.diag.found', { fields: names(report.fieldsFound) || t('common.none') })}</p>
        <p data-testid="diag-missing">{t('panel.diag.missing', { fields: names(report.fieldsMissing) || t('common.none') })}</p>
        <p className="url">{t('panel.tab.url', { url: report.url })}</p>
        {/* 复制失败 and the text when the clipboard refuses (no silent failure). */}
        <CopyButton text={diagnostics} label={t('panel.diag.copy')} testId="diag-copy" />
        <PageShapeExport key={`${context.tabId}|${report.url}`} context={context} />
      </details>
      {/* Issue #17: 「在页面上指定」 where a field is missing or the page unknown, and what teaching recognised. */}
      <PortalTeach key={`${context.tabId}|${report.url}|${report.module ?? ''}`} context={context} />
    </section>
  );
}
