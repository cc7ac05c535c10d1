/**
 * One case, full page: its status (moves follow storage's CASE_TRANSITIONS and stamp the stage's date) and
 * dates, the facts that decide the checklist, the checklist itself, deadlines, the eligibility pre-check,
 * documents with validity, notes and the audit history. The facts form, checklist, deadlines, eligibility
 * and notes are the side panel's own components (components/*.tsx), so both show the same thing.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLang, useT } from '../i18n';
import { Card, DateField, ErrorText, SaveState, StatusBadge } from '../ui';
import { auditReplayFilter, useAutosave } from '../use-autosave';
import { useEmployee } from '../use-live';
import { CaseFactsForm } from '../CaseFactsForm';
import { ChecklistCard } from '../ChecklistCard';
import { DeadlinesCard } from '../DeadlinesCard';
import { EligibilityCard } from '../EligibilityCard';
import { NotesCard } from '../NotesCard';
import { CASE_TRANSITIONS, getRepos } from '../../storage/repos';
import type { CasePatch } from '../../storage/schemas';
import type { CaseStatus } from '../../rules/model';
import { AuditCard } from './AuditCard';
import { DocumentsCard } from './DocumentsCard';
import { navigate } from './route';
import { businessLabel, caseStatusLabel, caseTone, maskIdLast4 } from './labels';

const dateOrNull = (v: string | null) => (v === 'long-term' ? null : v);

export function CaseView({ id, today }: { id: string; today: string }) {
  const t = useT();
  const lang = useLang();
  const c = useLiveQuery(() => getRepos().cases.get(id).then((x) => x ?? null), [id]);
  const employee = useEmployee(c?.employeeId);
  // Journaled: closing the tab within the autosave delay must not lose the last keystrokes (use-autosave).
  const saver = useAutosave<CasePatch>(id, (p) => getRepos().cases.update(id, p), { journal: `case:${id}`, replayFilter: auditReplayFilter('cases', id) });
  const [error, setError] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmVoid, setConfirmVoid] = useState(false);
  if (c === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!c) {
    return (
      <div className="cb-missing">
        <p>{t('casebook.caseNotFound')}</p>
        <a href="#/">{t('casebook.back')}</a>
      </div>
    );
  }
  const move = (to: CaseStatus) => getRepos().cases.setStatus(id, to, { on: today }).then(() => setError(null), setError);
  // After an approval the permit's new expiry belongs on the employee (it drives the next renewal).
  const syncPermit =
    c.status === 'approved' && employee && c.permitValidUntil && (c.business === 'renewal' || c.business === 'employer-change' || c.business === 'new-permit') &&
    (employee.permitValidUntil !== c.permitValidUntil || employee.holderStatus !== 'holder');

  return (
    <div className="cb-detail" data-testid="case-view">
      <nav className="crumbs" aria-label={t('casebook.crumbs')}>
        <a href="#/">{t('casebook.nav.table')}</a> ›{' '}
        {employee ? (
          <>
            <a href={`#/employee/${employee.id}`} data-testid="crumb-employee">{employee.name}</a> ›{' '}
          </>
        ) : null}
        <span>{businessLabel(lang, c.business)}</span>
      </nav>
      <header className="cb-detail-head">
        <h2 data-testid="case-title">
          {employee ? `${employee.name} · ` : ''}
          {businessLabel(lang, c.business)}
        </h2>
        {employee ? <span className="mono muted">{maskIdLast4(employee.residentId)}</span> : null}
        <StatusBadge tone={caseTone(c.status)} testId="case-status">{caseStatusLabel(lang, c.status)}</StatusBadge>
        <span className="cb-moves" role="group" aria-label={t('casebook.case.move')}>
          {CASE_TRANSITIONS[c.status].map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'voided' ? 'subtle-danger' : undefined}
              // Voiding asks first (it takes the case off reminders and the calendar); every other move is one click and can be moved back.
              onClick={() => (to === 'voided' ? setConfirmVoid(true) : void move(to))}
              data-testid={`move-${to}`}
            >
              {c.status === 'voided' ? t('casebook.case.reopen', { status: caseStatusLabel(lang, to) }) : `→ ${caseStatusLabel(lang, to)}`}
            </button>
          ))}
        </span>
        {confirmVoid ? (
          <div className="cb-confirm" role="alertdialog" aria-label={t('casebook.case.voidTitle')} data-testid="confirm-void">
            <p>{t('casebook.case.voidConfirm')}</p>
            <button type="button" className="danger" onClick={() => void move('voided').then(() => setConfirmVoid(false))} data-testid="confirm-void-yes">
              {t('casebook.case.voidYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirmVoid(false)}>{t('common.cancel')}</button>
          </div>
        ) : null}
        <span className="cb-spacer" />
        <a className="button" href={`#/print/case/${c.id}`} data-testid="print-checklist">{t('casebook.case.print')}</a>
        <SaveState state={saver.state} error={saver.error} />
      </header>
      <ErrorText error={error} />
      <div className="cb-columns case">
        <div className="cb-col">
          <Card title={t('casebook.case.dates')} testId="case-dates">
            <div className="form-grid dates5">
              <DateField compact label={t('casebook.case.submittedOn')} value={c.submittedOn} onCommit={(v) => saver.schedule({ submittedOn: dateOrNull(v) })} testId="case-submitted" />
              <DateField compact label={t('casebook.case.decidedOn')} value={c.decidedOn} onCommit={(v) => saver.schedule({ decidedOn: dateOrNull(v) })} testId="case-decided" />
              <DateField compact label={t('casebook.case.validFrom')} value={c.permitValidFrom} onCommit={(v) => saver.schedule({ permitValidFrom: dateOrNull(v) })} testId="case-valid-from" />
              <DateField compact label={t('casebook.case.validUntil')} value={c.permitValidUntil} onCommit={(v) => saver.schedule({ permitValidUntil: dateOrNull(v) })} testId="case-valid-until" />
            </div>
            <p className="muted small">{t('casebook.case.datesHint')}</p>
            {syncPermit ? (
              <button
                type="button"
                className="primary"
                data-testid="sync-permit"
                onClick={() => getRepos().employees.update(employee.id, { permitValidUntil: c.permitValidUntil!, holderStatus: 'holder' }).catch(setError)}
              >
                {t('casebook.case.syncPermit', { date: c.permitValidUntil! })}
              </button>
            ) : null}
          </Card>
          <Card title={t('facts.title')} testId="case-facts">
            <CaseFactsForm caseId={id} collapsible={false} />
          </Card>
          <ChecklistCard caseId={id} />
        </div>
        <div className="cb-col">
          <DeadlinesCard caseId={id} />
          {c.business === 'new-permit' || c.business === 'renewal' ? <EligibilityCard caseId={id} /> : null}
          <DocumentsCard owner={{ caseId: id }} today={today} />
          <NotesCard caseId={id} />
          <AuditCard employeeId={c.employeeId} caseId={id} />
          <Card title={t('casebook.case.delete')} className="danger-zone">
            {confirmDelete ? (
              <p>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    getRepos().cases.remove(id).then(() => navigate(c.employeeId ? { name: 'employee', id: c.employeeId } : { name: 'table' }), setError)
                  }
                >
                  {t('casebook.case.deleteConfirm')}
                </button>{' '}
                <button type="button" onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</button>
              </p>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)}>{t('casebook.case.delete')}</button>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
