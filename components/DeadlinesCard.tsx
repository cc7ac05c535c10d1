/**
 * The case's dates: for a renewal the window (opens 60 working days before expiry, §六(三)) and the last
 * safe filing day (20 working days before, §提示 4); for an employer change the last safe day (§六(四));
 * for a new permit the suggested quarter-end filing day (§一(一)); for every case the expected end of
 * the 20-working-day review once the locality has reported it (§八). Working days left are counted on
 * the official holiday calendar, and marked approximate where that data ends.
 */
import type { ReactNode } from 'react';
import { pickText, useLang, useT } from './i18n';
import { auditReplayFilter, useAutosave } from './use-autosave';
import { useCase, useEmployee } from './use-live';
import { useToday } from './use-today';
import { Bi, Card, DateField, Dates, ErrorText, StatusBadge, StatusLine, type Tone } from './ui';
import { getRepos } from '../storage/repos';
import type { CasePatch, EmployeePatch } from '../storage/schemas';
import { deadlineStatus, renewalWindow, reviewCompletesBy, type DeadlineState } from '../rules/deadlines';
import { suggestedFilingDate } from '../rules/quarters';
import { countWorkdays } from '../rules/calendar';

const STATE_TONE: Record<DeadlineState, Tone> = { 'not-yet-open': 'info', open: 'ok', 'closing-soon': 'warn', missed: 'bad', expired: 'bad' };

function Approx({ years }: { years: readonly number[] }) {
  const t = useT();
  if (!years.length) return null;
  return (
    <StatusLine tone="warn" testId="deadline-approximate">
      {t('deadline.approximate', { years: years.join('、') })}
    </StatusLine>
  );
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
  if (!c) return null;

  const timed = c.business === 'renewal' || c.business === 'employer-change';
  const expiry = employee?.permitValidUntil;
  let body: ReactNode = null;
  if (timed && expiry) {
    const status = deadlineStatus(expiry, today, c.business === 'renewal' ? 'renewal' : 'employer-change');
    const win = c.business === 'renewal' ? renewalWindow(expiry) : undefined;
    const main = status.findings[0];
    body = (
      <>
        <p>
          <StatusBadge tone={STATE_TONE[status.state]} testId="deadline-state">
            {t(`deadline.state.${status.state}`)}
          </StatusBadge>
        </p>
        <StatusLine tone={STATE_TONE[status.state]}>
          <Bi text={main.message} />
        </StatusLine>
        <dl className="dates">
          {win ? <DateRow label={t('deadline.opens')} date={win.opens.date} days={status.workdaysLeft.toOpening} approximate={win.opens.approximate} testId="deadline-opens" /> : null}
          <DateRow label={t('deadline.lastSafeDay')} date={status.guideLatestDay} days={status.workdaysLeft.toGuideLatestDay} approximate={status.approximate} testId="deadline-last-safe" />
          <DateRow label={t('deadline.expiry')} date={expiry} days={status.workdaysLeft.toExpiry} approximate={status.approximate} />
        </dl>
        <Approx years={status.approximateYears} />
        <p className="muted small">{t('deadline.reading')}</p>
      </>
    );
  } else if (timed) {
    body = <p className="muted">{t('deadline.needExpiry')}</p>;
  } else if (c.business === 'new-permit') {
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
