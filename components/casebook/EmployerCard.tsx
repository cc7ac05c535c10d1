/**
 * The employer's own conditions (§一(二), rules/eligibility.ts assessEmployer) and the quarter's approved number of
 * new permits (§一(一), rules/quarters.ts quarterQuota), kept in the company profile (backed up with it). The
 * paid-in capital is asked for enterprises only: the guide's test names 企业. 原则上 conditions are warnings.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { pickText, useLang, useT, type MessageKey } from '../i18n';
import { Card, DateField, ErrorText, NumberField, SelectField, StatusBadge, StatusLine, YesNoField, type Tone } from '../ui';
import { useCompany } from '../use-live';
import { getRepos } from '../../storage/repos';
import type { EmployerConditions } from '../../storage/schemas';
import { assessEmployer, ENTERPRISES, EmployerEntityType, type Assessment } from '../../rules/eligibility';
import { quarterOf, quarterQuota } from '../../rules/quarters';
import { isAdvice, type ConditionStatus } from '../../rules/rule';

const STATUS_TONE: Record<ConditionStatus, Tone> = { met: 'ok', attested: 'ok', 'not-met': 'bad', unknown: 'unknown' };

/** §一(二) for the stored employer facts (also what an employer change's new employer must meet, §六(四)). */
export function employerAssessment(e: EmployerConditions | undefined, today: string): Assessment {
  const f = e ?? {};
  return assessEmployer(
    {
      ...(f.entityType ? { entityType: f.entityType } : {}),
      ...(f.registeredInDaxing !== undefined ? { registeredInDaxing: f.registeredInDaxing } : {}),
      ...(f.registeredOn ? { registeredOn: f.registeredOn } : {}),
      ...(f.paidInCapital !== undefined ? { paidInCapital: f.paidInCapital } : {}),
      ...(f.lastYearDaxingContribution !== undefined ? { lastYearDaxingContribution: f.lastYearDaxingContribution } : {}),
      attestations: {
        ...(f.scopeNotProhibited !== undefined ? { scopeNotProhibited: f.scopeNotProhibited } : {}),
        ...(f.lawfulNoBadRecord !== undefined ? { lawfulNoBadRecord: f.lawfulNoBadRecord } : {}),
      },
    },
    today,
  );
}

/** The conditions as the agent reads them: status, the guide's wording, the message and the section. */
export function EmployerConditionList({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="conditions" data-testid="employer-conditions">
      {assessment.conditions.map((x) => (
        <li key={x.ruleId} data-testid={`employer-${x.ruleId}`} data-status={x.status}>
          <StatusBadge tone={x.status === 'not-met' && x.severity === 'warning' ? 'warn' : STATUS_TONE[x.status]}>{t(`eligibility.status.${x.status}`)}</StatusBadge>{' '}
          <span className="condition-label">{pickText(lang, x.label)}</span>{' '}
          <span className="muted small">
            {pickText(lang, x.message)}
            {x.status === 'not-met' && x.severity === 'warning' ? ` ${t('employer.inPrinciple')}` : ''} <span className="section">{isAdvice(x) ? t('deadline.advice') : x.section}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function EmployerCard({ today }: { today: string }) {
  const t = useT();
  const lang = useLang();
  const company = useCompany();
  const cases = useLiveQuery(() => getRepos().db.cases.toArray(), []);
  const [error, setError] = useState<unknown>(null);
  const e = company?.employer;
  const assessment = useMemo(() => employerAssessment(e, today), [e, today]);
  const quarter = quarterOf(today);
  const approved = company?.approvedNewPermits?.[quarter.label];
  const quota = useMemo(() => (cases ? quarterQuota(cases, approved, today) : undefined), [cases, approved, today]);
  if (!company) {
    return (
      <Card title={t('employer.title')} testId="settings-employer">
        <p className="muted small">{t('employer.needCompany')}</p>
      </Card>
    );
  }
  const set = <K extends keyof EmployerConditions>(k: K, v: EmployerConditions[K] | null) => {
    const next: EmployerConditions = { ...(e ?? {}) };
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
    getRepos().company.update({ employer: next }).then(() => setError(null), setError);
  };
  const enterprise = e?.entityType !== undefined && ENTERPRISES.has(e.entityType);
  return (
    <Card title={t('employer.title')} testId="settings-employer">
      <p className="muted small">{t('employer.intro')}</p>
      <div className="form-grid">
        <SelectField
          label={t('employer.entityType')}
          value={e?.entityType}
          emptyLabel={t('case.field.unanswered')}
          options={EmployerEntityType.options.map((k) => ({ value: k, label: t(`employer.entity.${k}` as MessageKey) }))}
          onChange={(v) => set('entityType', v)}
          testId="employer-entity"
        />
        <YesNoField label={t('employer.inDaxing')} value={e?.registeredInDaxing} onChange={(v) => set('registeredInDaxing', v)} testId="employer-in-daxing" />
        <DateField label={t('employer.registeredOn')} value={e?.registeredOn} onCommit={(v) => set('registeredOn', v === 'long-term' ? null : v)} testId="employer-registered-on" />
        {enterprise ? (
          <NumberField label={t('employer.capital')} value={e?.paidInCapital} min={0} max={1e13} money unit={t('employer.yuan')} onChange={(v) => set('paidInCapital', v)} testId="employer-capital" />
        ) : null}
        <NumberField label={t('employer.contribution')} value={e?.lastYearDaxingContribution} min={0} max={1e13} money unit={t('employer.yuan')} onChange={(v) => set('lastYearDaxingContribution', v)} testId="employer-contribution" />
        <YesNoField label={t('employer.scope')} value={e?.scopeNotProhibited} onChange={(v) => set('scopeNotProhibited', v)} />
        <YesNoField label={t('employer.lawful')} value={e?.lawfulNoBadRecord} onChange={(v) => set('lawfulNoBadRecord', v)} />
      </div>
      {e?.entityType !== undefined && !enterprise ? <p className="muted small" data-testid="employer-no-capital">{t('employer.noCapital')}</p> : null}
      <p>
        <StatusBadge tone={assessment.verdict === 'eligible' ? 'ok' : assessment.verdict === 'not-eligible' ? 'bad' : 'unknown'} testId="employer-verdict">
          {t(`eligibility.verdict.${assessment.verdict}`)}
        </StatusBadge>
      </p>
      <EmployerConditionList assessment={assessment} />

      <h3>{t('employer.quota.title', { quarter: quarter.label })}</h3>
      <NumberField
        label={t('employer.quota.approved', { quarter: quarter.label })}
        value={approved}
        min={0}
        max={100_000}
        onChange={(v) => {
          const next = { ...(company.approvedNewPermits ?? {}) };
          if (v === null) delete next[quarter.label];
          else next[quarter.label] = v;
          getRepos().company.update({ approvedNewPermits: next }).then(() => setError(null), setError);
        }}
        testId="employer-quota"
      />
      {quota ? (
        <StatusLine tone={quota.exceeded ? 'bad' : 'info'} testId="employer-quota-finding">
          {pickText(lang, quota.findings[0].message)} <span className="muted small">{quota.findings[0].section}</span>
        </StatusLine>
      ) : null}
      <ErrorText error={error} />
    </Card>
  );
}
