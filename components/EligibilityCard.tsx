/**
 * The applicant pre-check (§一(三), rules' assessApplicant) from what the case and the employee say:
 * each condition met / not met / declared / unknown, and which facts are still missing. Judged on today;
 * the real judgement is on the day the window accepts the case (§一(四) 2).
 */
import { useMemo } from 'react';
import { pickText, useLang, useT } from './i18n';
import { useCase, useEmployee, useSettings } from './use-live';
import { useToday } from './use-today';
import { Bi, Card, Dates, StatusBadge, type Tone } from './ui';
import { assessApplicant, type Verdict } from '../rules/eligibility';
import type { ConditionStatus } from '../rules/rule';

const STATUS_TONE: Record<ConditionStatus, Tone> = { met: 'ok', attested: 'ok', 'not-met': 'bad', unknown: 'unknown' };
const VERDICT_TONE: Record<Verdict, Tone> = { eligible: 'ok', 'not-eligible': 'bad', incomplete: 'unknown' };

export function EligibilityCard({ caseId }: { caseId: string }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const c = useCase(caseId);
  const employee = useEmployee(c?.employeeId);
  const settings = useSettings();
  const assessment = useMemo(() => {
    if (!c || !employee) return undefined;
    const category = c.facts.category ?? employee.category;
    const overrides = settings?.wageOverrides.map(({ source: _s, ...w }) => w) ?? [];
    return assessApplicant(
      {
        ...(category ? { category } : {}),
        ...(c.facts.housing ? { housing: c.facts.housing } : {}),
        birthDate: employee.birthDate,
        gender: employee.gender,
        ...(overrides.length ? { wageOverrides: overrides } : {}),
      },
      today,
    );
  }, [c, employee, settings, today]);
  if (!assessment) return null;
  const missing = assessment.conditions.filter((x) => x.status === 'unknown');
  return (
    <Card title={t('eligibility.title')} testId="eligibility">
      <details>
        <summary>
          <StatusBadge tone={VERDICT_TONE[assessment.verdict]} testId="eligibility-verdict">
            {t(`eligibility.verdict.${assessment.verdict}`)}
          </StatusBadge>
          <span className="summary-note">{t('eligibility.counts', { met: assessment.conditions.length - missing.length, n: assessment.conditions.length })}</span>
        </summary>
        <ul className="conditions">
          {assessment.conditions.map((x) => (
            <li key={x.ruleId} data-testid={`condition-${x.ruleId}`} data-status={x.status}>
              <StatusBadge tone={STATUS_TONE[x.status]}>{t(`eligibility.status.${x.status}`)}</StatusBadge>
              <span className="condition-label">
                <Bi text={x.label} />
              </span>
              <span className="muted small">
                <Dates text={pickText(lang, x.message)} /> <span className="section">{x.section}</span>
              </span>
            </li>
          ))}
        </ul>
        {missing.length ? <p className="small">{t('eligibility.missing')}</p> : null}
        <p className="muted small">{t('eligibility.note', { date: today })}</p>
      </details>
    </Card>
  );
}
