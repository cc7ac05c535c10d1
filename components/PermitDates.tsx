/**
 * The dates of a renewal or an employer change, the same in the side panel's DeadlinesCard and the case book's
 * employee view (issue #14): the window's opening (renewal; "weekends only" where no official data exists), the
 * 建议最晚发起日 (助手建议: the locality buffer + 20 working days of review, approval before expiry), the
 * 指南所列最晚发起日 (the 20th working day before expiry, §提示 特别注意 4), the expiry, each ≈ estimate marked with
 * its years, and the findings with their section (or 助手建议). All from rules/deadlines.ts with the stored options.
 */
import type { ReactNode } from 'react';
import { pickText, useLang, useT } from './i18n';
import { StatusBadge, StatusLine, type Tone } from './ui';
import { deadlineStatus, employerChangeDeadline, renewalWindow, type DeadlineOptions, type DeadlineState } from '../rules/deadlines';
import type { DateAnswer } from '../rules/calendar';
import { isAdvice } from '../rules/rule';
import type { Finding } from '../rules/rule';

const DEADLINE_STATE_TONE: Record<DeadlineState, Tone> = { 'not-yet-open': 'info', open: 'ok', 'closing-soon': 'warn', missed: 'bad', expired: 'bad' };

/**
 * A link to the case book's settings (the holiday notices, the wage figures): within the case book its own
 * route, from the side panel a new tab.
 */
export function SettingsLink({ children, testId }: { children: ReactNode; testId?: string }) {
  const inCaseBook = typeof location !== 'undefined' && location.pathname.endsWith('casebook.html');
  return inCaseBook ? (
    <a href="#/settings" data-testid={testId}>{children}</a>
  ) : (
    <a href="casebook.html#/settings" target="_blank" rel="noopener" data-testid={testId}>
      {children}
    </a>
  );
}

/** "≈ 估算（2027）" after an estimated date. */
function ApproxMark({ answer }: { answer: Pick<DateAnswer, 'approximate' | 'approximateYears'> }) {
  const t = useT();
  if (!answer.approximate) return null;
  return (
    <span className="approx" data-testid="approx-mark">
      {' '}
      {t('deadline.approxMark', { years: answer.approximateYears.join('、') })}
    </span>
  );
}

/** The section a finding cites, or 助手建议 where the guide does not say it. */
function FindingSource({ finding }: { finding: Pick<Finding, 'section'> }) {
  const t = useT();
  return <span className="muted small" data-testid="finding-source">{isAdvice(finding) ? t('deadline.advice') : finding.section}</span>;
}

/** The approximate-calendar line with a link to Settings → 节假日安排. */
export function ApproxNotice({ years }: { years: readonly number[] }) {
  const t = useT();
  if (!years.length) return null;
  return (
    <StatusLine tone="warn" testId="deadline-approximate">
      {t('deadline.approximate', { years: years.join('、') })}{' '}
      <SettingsLink testId="approx-settings-link">{t('deadline.approxLink')}</SettingsLink>
    </StatusLine>
  );
}

function Row({ label, answer, days, note, testId }: { label: string; answer: Pick<DateAnswer, 'date' | 'approximate' | 'approximateYears'>; days?: number; note?: string; testId: string }) {
  const t = useT();
  return (
    <div className="date-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="date">{answer.date}</span>
        <ApproxMark answer={answer} />
        {days !== undefined ? <span className="muted"> {t(answer.approximate ? 'deadline.workdaysLeftApprox' : 'deadline.workdaysLeft', { n: days })}</span> : null}
        {note ? <span className="muted small" data-testid="opens-weekends-only"> {note}</span> : null}
      </dd>
    </div>
  );
}

export function PermitDates({
  expiry,
  today,
  business,
  options,
}: {
  expiry: string;
  today: string;
  business: 'renewal' | 'employer-change';
  options: DeadlineOptions;
}) {
  const t = useT();
  const lang = useLang();
  const status = deadlineStatus(expiry, today, business, options);
  const opens = business === 'renewal' ? renewalWindow(expiry, options) : undefined;
  const win = opens ?? employerChangeDeadline(expiry, options);
  return (
    <div data-testid="permit-dates">
      <p>
        <StatusBadge tone={DEADLINE_STATE_TONE[status.state]} testId="deadline-state">
          {t(`deadline.state.${status.state}`)}
        </StatusBadge>
      </p>
      {status.findings.map((f, i) => (
        <StatusLine key={i} tone={f.passed ? 'info' : f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : 'info'} testId="deadline-finding">
          {pickText(lang, f.message)} <FindingSource finding={f} />
        </StatusLine>
      ))}
      {status.state === 'missed' && status.pastGuideLatestDay ? <StatusLine tone="bad">{t('deadline.pastGuideDay')}</StatusLine> : null}
      <dl className="dates">
        {opens ? (
          <Row
            label={t('deadline.opens')}
            answer={opens.opens}
            days={status.workdaysLeft.toOpening}
            note={opens.opensBasis === 'weekends-only' ? t('deadline.opensWeekendsOnly') : undefined}
            testId="deadline-opens"
          />
        ) : null}
        <Row label={t('deadline.recommended')} answer={win.recommendedLatestDay} days={status.workdaysLeft.toRecommendedLatestDay} testId="deadline-recommended" />
        <Row label={t('deadline.lastSafeDay')} answer={win.guideLatestDay} days={status.workdaysLeft.toGuideLatestDay} testId="deadline-last-safe" />
        <Row label={t('deadline.expiry')} answer={{ date: expiry, approximate: status.approximate, approximateYears: status.approximateYears }} days={status.workdaysLeft.toExpiry} testId="deadline-expiry" />
      </dl>
      <p className="muted small" data-testid="deadline-buffer">
        {t('deadline.buffer', { n: win.localityBufferWorkdays, approval: win.latestApproval.date })}
      </p>
      <ApproxNotice years={status.approximateYears} />
    </div>
  );
}
