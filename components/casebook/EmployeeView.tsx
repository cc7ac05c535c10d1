/**
 * One employee: their data (autosaved field by field; bad input explained, nothing saved), the permit's
 * renewal or employer-change window, their cases (open one, start a new one — the likely next business is
 * offered first), their documents with validity, the audit history, and erasure of everything about them.
 */
import { beijingDate } from '../../rules/dates';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { pickText, useLang, useT } from '../i18n';
import { Card, DateField, ErrorText, SaveState, SelectField, StatusBadge, StatusLine } from '../ui';
import { auditReplayFilter, sweepAutosaveJournal, useAutosave } from '../use-autosave';
import { useCasesOfEmployee } from '../use-live';
import { EMPLOYEE_BUSINESSES } from '../../rules/case-facts';
import { getRepos } from '../../storage/repos';
import { EmployeePatch, Phone, PersonName, ResidentId } from '../../storage/schemas';
import type { BusinessType } from '../../rules/model';
import { deadlineStatus } from '../../rules/deadlines';
import { PermitDates } from '../PermitDates';
import { ApplicantGroup, guideScope } from '../../rules/scope';
import { useDeadlineOptions } from '../use-deadline-settings';
import { AuditCard } from './AuditCard';
import { DocumentsCard } from './DocumentsCard';
import { TextField, zodMessage } from './fields';
import { navigate } from './route';
import {
  CATEGORIES,
  HOLDER_STATUSES,
  businessLabel,
  caseStatusLabel,
  caseTone,
  categoryLabel,
  holderLabel,
  maskIdLast4,
} from './labels';

export function EmployeeView({ id, today }: { id: string; today: string }) {
  const t = useT();
  const lang = useLang();
  const employee = useLiveQuery(() => getRepos().employees.get(id).then((x) => x ?? null), [id]);
  const cases = useCasesOfEmployee(id);
  // Journaled: closing the tab within the autosave delay must not lose the last keystrokes (use-autosave).
  const saver = useAutosave<EmployeePatch>(id, (p) => getRepos().employees.update(id, p), {
    journal: `employee:${id}`,
    replayFilter: auditReplayFilter('employees', id),
  });
  const [reveal, setReveal] = useState(false);
  const [newBusiness, setNewBusiness] = useState<BusinessType>('new-permit');
  const [error, setError] = useState<unknown>(null);
  const [erase, setErase] = useState(false);
  // The stored holiday notices are registered and the locality buffer read before any day is computed.
  const options = useDeadlineOptions();
  if (employee === undefined || !options) return <p aria-busy="true">{t('common.loading')}</p>;
  if (employee === null || !employee) {
    return (
      <div className="cb-missing">
        <p>{t('casebook.notFound')}</p>
        <a href="#/">{t('casebook.back')}</a>
      </div>
    );
  }
  const e = employee;
  const timed = e.permitValidUntil && (e.holderStatus === 'holder' || e.holderStatus === 'suspended');
  // §七 4: an applicant the guide is not for (the group chosen, or an ID number starting 81/82/83) is told at once.
  const scope = guideScope({ idNumber: e.residentId, ...(e.applicantGroup ? { group: e.applicantGroup } : {}) });
  const business = e.holderStatus === 'holder' ? 'renewal' : 'employer-change';
  const status = timed ? deadlineStatus(e.permitValidUntil!, today, business, options) : undefined;
  const suggested: BusinessType | undefined =
    e.holderStatus === 'holder' && status && status.state !== 'not-yet-open' && status.state !== 'expired'
      ? 'renewal'
      : e.holderStatus === 'suspended'
        ? 'employer-change'
        : e.holderStatus === 'none'
          ? 'new-permit'
          : undefined;

  const start = async (business: BusinessType) => {
    try {
      const c = await getRepos().cases.create({ employeeId: id, business, ...(e.category ? { facts: { category: e.category } } : {}) });
      navigate({ name: 'case', id: c.id });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="cb-detail" data-testid="employee-view">
      <nav className="crumbs" aria-label={t('casebook.crumbs')}>
        <a href="#/">{t('casebook.nav.table')}</a> › <span>{e.name}</span>
      </nav>
      <header className="cb-detail-head">
        <h2>{e.name}</h2>
        <span className="mono">{reveal ? e.residentId : maskIdLast4(e.residentId)}</span>
        <button type="button" className="linklike" onClick={() => setReveal(!reveal)} aria-pressed={reveal} data-testid="reveal-id">
          {reveal ? t('casebook.hideId') : t('casebook.showId')}
        </button>
        <span className="muted">
          {e.gender === 'male' ? t('casebook.male') : t('casebook.female')} · {e.birthDate}
        </span>
        <SaveState state={saver.state} error={saver.error} />
      </header>
      {scope && !scope.inScope ? (
        <StatusLine tone="warn" testId="guide-out-of-scope">
          {pickText(lang, scope.finding.message)} <span className="section">{scope.finding.section}</span>
        </StatusLine>
      ) : null}
      <div className="cb-columns">
        <div className="cb-col">
          <Card title={t('casebook.employee.data')} testId="employee-form">
            <div className="form-grid">
              <TextField label={t('casebook.col.name')} value={e.name} validate={(v) => zodMessage(PersonName.safeParse(v))} onCommit={(v) => saver.schedule({ name: v })} testId="emp-name" />
              {reveal ? (
                <TextField label={t('casebook.col.id')} value={e.residentId} mono validate={(v) => zodMessage(ResidentId.safeParse(v))} onCommit={(v) => saver.schedule({ residentId: v })} testId="emp-id" />
              ) : (
                <div className="field">
                  <span className="label">{t('casebook.col.id')}</span>
                  <span className="mono readonly">{maskIdLast4(e.residentId)}</span>
                  <p className="hint">{t('casebook.idEditHint')}</p>
                </div>
              )}
              <TextField label={t('casebook.phone')} value={e.phone} validate={(v) => (v === '' ? null : zodMessage(Phone.safeParse(v)))} onCommit={(v) => saver.schedule({ phone: v === '' ? null : v })} testId="emp-phone" />
              <SelectField label={t('casebook.col.category')} value={e.category} emptyLabel={t('case.field.unanswered')} options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(lang, c) }))} onChange={(v) => saver.schedule({ category: v })} testId="emp-category" />
              <SelectField label={t('casebook.col.holder')} value={e.holderStatus} options={HOLDER_STATUSES.map((s) => ({ value: s, label: holderLabel(lang, s) }))} onChange={(v) => v && saver.schedule({ holderStatus: v })} testId="emp-holder" />
              <DateField label={t('casebook.col.until')} value={e.permitValidUntil} onCommit={(v) => saver.schedule({ permitValidUntil: v === 'long-term' ? null : v })} testId="emp-until" />
              <SelectField
                label={t('casebook.applicantGroup')}
                value={e.applicantGroup}
                emptyLabel={t('casebook.applicantGroup.unset')}
                options={ApplicantGroup.options.map((g) => ({ value: g, label: t(`casebook.applicantGroup.${g}`) }))}
                onChange={(v) => saver.schedule({ applicantGroup: v })}
                testId="emp-group"
              />
            </div>
            <TextField label={t('casebook.notes')} value={e.notes} multiline validate={(v) => (v.length > 10000 ? { zh: '备注过长（上限 10000 字）', en: 'Notes too long (max 10,000)' } : null)} onCommit={(v) => saver.schedule({ notes: v.trim() === '' ? null : v })} testId="emp-notes" />
          </Card>
          {status ? (
            <Card title={e.holderStatus === 'holder' ? t('casebook.permit.renewal') : t('casebook.permit.changeTitle')} testId="employee-permit">
              <PermitDates expiry={e.permitValidUntil!} today={today} business={business} options={options} />
            </Card>
          ) : null}
        </div>
        <div className="cb-col">
          <Card title={t('casebook.cases')} testId="employee-cases">
            {cases && cases.length === 0 ? <p className="muted">{t('casebook.noCase')}</p> : null}
            <ul className="case-list">
              {(cases ?? []).map((c) => (
                <li key={c.id}>
                  <a href={`#/case/${c.id}`} data-testid="case-link">
                    {businessLabel(lang, c.business)}
                  </a>{' '}
                  <StatusBadge tone={caseTone(c.status)}>{caseStatusLabel(lang, c.status)}</StatusBadge>{' '}
                  <span className="muted small">
                    {t('casebook.createdOn', { date: beijingDate(new Date(c.createdAt)) })}
                    {c.submittedOn ? ` · ${t('casebook.submittedOn', { date: c.submittedOn })}` : ''}
                  </span>
                </li>
              ))}
            </ul>
            <div className="case-new">
              {suggested ? (
                <button type="button" className="primary" onClick={() => start(suggested)} data-testid={`start-${suggested}`}>
                  {t('casebook.start', { business: businessLabel(lang, suggested) })}
                </button>
              ) : null}
              <select aria-label={t('casebook.newBusiness')} value={newBusiness} onChange={(ev) => setNewBusiness(ev.target.value as BusinessType)} data-testid="new-business">
                {EMPLOYEE_BUSINESSES.map((b) => (
                  <option key={b} value={b}>
                    {businessLabel(lang, b)}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => start(newBusiness)} data-testid="new-case">
                {t('casebook.newCase')}
              </button>
            </div>
            <ErrorText error={error} />
          </Card>
          <DocumentsCard owner={{ employeeId: id }} today={today} />
          <AuditCard employeeId={id} />
          <Card title={t('casebook.erase.title')} className="danger-zone">
            <p className="muted small">{t('casebook.erase.text')}</p>
            {erase ? (
              <p>
                <button
                  type="button"
                  className="danger"
                  data-testid="erase-confirm"
                  onClick={async () => {
                    try {
                      await getRepos().employees.remove(id);
                      // Unsaved-edit journal entries may still hold this person's text: drop them all.
                      sweepAutosaveJournal(0);
                      navigate({ name: 'table' });
                    } catch (err) {
                      setError(err);
                    }
                  }}
                >
                  {t('casebook.erase.confirm', { name: e.name })}
                </button>{' '}
                <button type="button" onClick={() => setErase(false)}>{t('common.cancel')}</button>
              </p>
            ) : (
              <button type="button" onClick={() => setErase(true)} data-testid="erase">
                {t('casebook.erase.button')}
              </button>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
