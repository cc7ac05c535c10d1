/**
 * The side panel: the case beside the portal while the agent uploads. Everything it shows comes from
 * Dexie live queries and the background's page context (nothing lives only in memory), so a panel that
 * Edge or Chrome kept hidden, froze or reloaded comes back to the same employee and case; every query
 * re-reads when the panel is shown again.
 */
import { browser } from 'wxt/browser';
import { useEffect, useState } from 'react';
import { useLang, useT, type Lang } from '../../components/i18n';
import { LiveEpochContext, useEpochOnShow, useFocus } from '../../components/use-live';
import { useActivePortalContext } from '../../components/use-portal-context';
import { PortalContextCard } from '../../components/PortalContextCard';
import { FocusPicker } from '../../components/FocusPicker';
import { CaseFactsForm } from '../../components/CaseFactsForm';
import { ChecklistCard } from '../../components/ChecklistCard';
import { DeadlinesCard } from '../../components/DeadlinesCard';
import { EligibilityCard } from '../../components/EligibilityCard';
import { NotesCard } from '../../components/NotesCard';
import { CaseTextsCard } from '../../components/CaseTextsCard';
import { LocalityCard } from '../../components/LocalityCard';
import { AttachmentSyncCard } from '../../components/AttachmentSyncCard';
import { isAttachmentsPage, PageChecklistCard } from '../../components/PageChecklistCard';
import { checklistBusinessFor } from '../../rules/case-facts';
import { PortalActionCard } from '../../components/PortalActionCard';
import { PortalSyncCard } from '../../components/PortalSyncCard';
import { ErrorText } from '../../components/ui';
import { useCase } from '../../components/use-live';
import { getRepos } from '../../storage/repos';
import { SettingsLanguage } from '../../components/SettingsLanguage';
import { sweepAutosaveJournal } from '../../components/use-autosave';

export function App() {
  const epoch = useEpochOnShow();
  useEffect(() => sweepAutosaveJournal(), []);
  return (
    <LiveEpochContext.Provider value={epoch}>
      <SettingsLanguage>
        <Panel />
      </SettingsLanguage>
    </LiveEpochContext.Provider>
  );
}

/** zh-CN ⇄ English, saved in the settings (the case book and the portal overlay follow it). */
function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<unknown>(null);
  const next: Lang = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <>
      <button
        type="button"
        className="lang-switch"
        lang={next === 'en' ? 'en' : 'zh-CN'}
        aria-label={t('panel.lang.switch')}
        data-testid="lang-switch"
        onClick={() => getRepos().settings.update({ language: next }).catch(setError)}
      >
        {next === 'en' ? 'English' : '中文'}
      </button>
      <ErrorText error={error} />
    </>
  );
}

function Panel() {
  const t = useT();
  const context = useActivePortalContext();
  const focus = useFocus();
  const kase = useCase(focus?.caseId);
  const caseId = kase?.id;
  const report = context?.report;
  const [keepRequest, setKeepRequest] = useState(0);
  // No case in focus on a 附件管理 page: the business's basic list at once (issue #18 item 11).
  const pageList = !caseId && report && isAttachmentsPage(report.module) ? { ...report, module: report.module } : null;
  return (
    <main className="panel">
      <header className="panel-header">
        <h1>{t('app.name')}</h1>
        <nav className="header-actions" aria-label={t('panel.nav')}>
          <LanguageSwitch />
          <a href={browser.runtime.getURL('/casebook.html')} target="_blank" rel="noreferrer">
            {t('casebook.open')}
          </a>
        </nav>
      </header>
      <PortalContextCard context={context} />
      <PortalActionCard />
      <PortalSyncCard context={context} />
      {caseId && report?.attachments ? <AttachmentSyncCard caseId={caseId} report={report} /> : null}
      {pageList ? (
        <PageChecklistCard
          report={pageList}
          {...(pageList.module === 'person-attachments' ? { onKeepAsCase: () => setKeepRequest((n) => n + 1) } : {})}
        />
      ) : null}
      <FocusPicker
        keepRequest={keepRequest}
        {...(pageList?.module === 'person-attachments' ? { suggestedBusiness: checklistBusinessFor(pageList.module, undefined) } : {})}
      />
      {caseId && kase ? (
        <>
          <CaseFactsForm caseId={caseId} />
          <ChecklistCard caseId={caseId} pageModule={report?.module} />
          <DeadlinesCard caseId={caseId} />
          {kase.business === 'new-permit' || kase.business === 'renewal' ? <EligibilityCard caseId={caseId} /> : null}
          <NotesCard caseId={caseId} />
          <CaseTextsCard caseId={caseId} />
        </>
      ) : (
        <p className="muted center">{t('panel.pickCase')}</p>
      )}
      <LocalityCard />
      <footer className="privacy">{t('app.privacy')}</footer>
    </main>
  );
}
