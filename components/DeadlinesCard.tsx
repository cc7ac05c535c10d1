/**
 * The case's dates: for a renewal the window (opens 60 working days before expiry, §六(三)), the recommended
 * latest day (助手建议) and the guide's latest day (20 working days before, §提示 特别注意 4); for an employer
 * change the same two days (§六(四)) — both through PermitDates, with the stored settings;
 * for a new permit the suggested quarter-end filing day (§一(一)); for every case the expected end of
 * the 20-working-day review once the locality has reported it (§八). Working days left are counted on
 * the official holiday calendar, and marked approximate where that data ends.
 */
import type { ReactNode } from 'react';
import { pickText, useLang, useT } from './i18n';
import { auditReplayFilter, useAutosave } from './use-autosave';
import { useCase, useEmployee } from './use-live';
import { useToday } from './use-today';
import { Bi, Card, DateField, Dates, ErrorText, StatusLine } from './ui';
import { getRepos } from '../storage/repos';
import type { CasePatch, EmployeePatch } from '../storage/schemas';
import { reviewCompletesBy } from '../rules/deadlines';
import { ApproxNotice, PermitDates } from './PermitDates';
import { useDeadlineOptions } from './use-deadline-settings';
import { suggestedFilingDate } from '../rules/quarters';
import { countWorkdays } from '../rules/calendar';
import { awaitsFiling } from '../rules/case-facts';

function Approx({ years }: { years: readonly number[] }) {
  return <ApproxNotice years={years} />;
}

/** One "label: date (n working days)" row. */
function DateRow({ label, date, days, approximate, testId }: { label: string; date: string; days?: number; approximate?: boolean; testId?: string }) {
  const t = useT();
  return (
    <div className="date-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="date">{date}</span>
        {days !== undefined ? <span className="muted">{t(approximate ? 'deadline.workdaysLeftApprox' : 'deadline.workdaysLeft', { n: days })}</span> : null}
      </dd>
    </div>
  );
}

export function DeadlinesCard({ caseId }: { caseId: string }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const c = useCase(caseId);
  const employee = useEmployee(c?.employeeId);
  const empSaver = useAutosave<EmployeePatch>(employee?.id, (p) => getRepos().employees.update(employee!.id, p), {
    journal: `employee-dates:${employee?.id}`,
    replayFilter: auditReplayFilter('employees', employee?.id ?? ''),
  });
  const caseSaver = useAutosave<CasePatch>(caseId, (p) => getRepos().cases.update(caseId, p), { journal: `case-dates:${caseId}`, replayFilter: auditReplayFilter('cases', caseId) });
  // The stored holiday notices are registered and the locality buffer read before any day is computed.
  const options = useDeadlineOptions();
  if (!c) return null;
  if (!options) return <p aria-busy="true">{t('common.loading')}</p>;

  const timed = c.business === 'renewal' || c.business === 'employer-change';
  const expiry = employee?.permitValidUntil;
  let body: ReactNode = null;
  if (c.status === 'voided') {
    body = (
      <StatusLine tone="info" testId="deadline-voided">
        {t('deadline.voided')}
      </StatusLine>
    );
  } else if (timed && expiry) {
    body = (
      <>
        <PermitDates expiry={expiry} today={today} business={c.business === 'renewal' ? 'renewal' : 'employer-change'} options={options} />
        <p className="muted small">{t('deadline.reading')}</p>
      </>
    );
  } else if (timed) {
    body = <p className="muted">{t('deadline.needExpiry')}</p>;
  } else if (c.business === 'new-permit' && awaitsFiling(c.status)) {
    const s = suggestedFilingDate(today);
    const left = countWorkdays(today, s.suggested);
    body = (
      <>
        <dl className="dates">
          <DateRow label={t('deadline.quarterFiling', { quarter: s.quarter.label })} date={s.suggested} days={left.count} approximate={s.approximate || left.approximate} testId="deadline-quarter" />
          <DateRow label={t('deadline.quarterLastWorkday')} date={s.lastWorkday} />
        </dl>
        <StatusLine tone="info">
          <Bi text={s.explanation} />
        </StatusLine>
        <Approx years={[...new Set([...s.approximateYears, ...left.approximateYears])]} />
      </>
    );
  }

  const review = c.acceptedOn ? reviewCompletesBy(c.acceptedOn) : undefined;
  const reviewLeft = review && review.date >= today ? countWorkdays(today, review.date) : undefined;

  return (
    <Card title={t('deadline.title')} testId="deadlines">
      {timed && employee ? (
        <DateField
          label={t('deadline.permitValidUntil')}
          value={expiry}
          testId="permit-valid-until"
          onCommit={(v) => empSaver.schedule({ permitValidUntil: v === 'long-term' ? undefined : v })}
        />
      ) : null}
      {empSaver.state === 'error' ? <ErrorText error={empSaver.error} /> : null}
      {body}
      <DateField
        label={t('deadline.acceptedOn')}
        value={c.acceptedOn}
        hint={t('deadline.acceptedOnHint')}
        testId="accepted-on"
        onCommit={(v) => caseSaver.schedule({ acceptedOn: v === 'long-term' ? undefined : v })}
      />
      {caseSaver.state === 'error' ? <ErrorText error={caseSaver.error} /> : null}
      {review ? (
        <>
          <dl className="dates">
            <DateRow label={t('deadline.reviewBy')} date={review.date} days={reviewLeft?.count} approximate={review.approximate} testId="deadline-review" />
          </dl>
          <p className="muted small">
            <Dates text={pickText(lang, review.explanation)} />
          </p>
          <Approx years={review.approximateYears} />
        </>
      ) : null}
    </Card>
  );
}
