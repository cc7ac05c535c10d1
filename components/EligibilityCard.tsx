/**
 * The applicant pre-check (§一(三), rules' assessApplicant) from what the case and the employee say:
 * each condition met / not met / declared / unknown, and which facts are still missing. Judged on today;
 * the real judgement is on the day the window accepts the case (§一(四) 2). The facts the checklist does
 * not need (education, experience, title, months of social insurance…) are asked for in the card itself.
 */
import { useMemo } from 'react';
import { pickText, useLang, useT } from './i18n';
import { useDocuments, useEmployee, useSettings, useTicks } from './use-live';
import { useToday } from './use-today';
import { Bi, Card, Dates, NumberField, SaveState, SelectField, StatusBadge, StatusLine, YesNoField, type Tone } from './ui';
import { useFactsEditor } from './CaseFactsForm';
import { assessApplicant, TitleLevel, type Verdict } from '../rules/eligibility';
import { EDUCATION_LEVEL_LABELS } from '../rules/education-levels';
import { EducationLevel } from '../rules/model';
import type { ConditionStatus } from '../rules/rule';
import { RULE_INCOME_MONTHLY } from '../rules/income';
import { RULE_WAGE_TABLE_OUTDATED, type WageStandard } from '../rules/wages';
import { SettingsLink } from './PermitDates';
import { CategoryInputs } from './CategoryInputs';
import { guideScope } from '../rules/scope';
import { caseChecklist, itemValidities } from '../rules/case-facts';
import { isHousingProofItem } from '../rules/attachment-rows';

const STATUS_TONE: Record<ConditionStatus, Tone> = { met: 'ok', attested: 'ok', 'not-met': 'bad', unknown: 'unknown' };
const VERDICT_TONE: Record<Verdict, Tone> = { eligible: 'ok', 'not-eligible': 'bad', incomplete: 'unknown' };

export function EligibilityCard({ caseId }: { caseId: string }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const editor = useFactsEditor(caseId, 'case-eligibility');
  const c = editor.case;
  const f = editor.facts;
  const employee = useEmployee(c?.employeeId);
  const settings = useSettings();
  const docs = useDocuments(c ? { caseId } : undefined);
  const ticks = useTicks(c ? caseId : undefined);
  // The §五 verdicts of the housing proof's documents: the same ones the checklist shows (rules/case-facts.ts).
  const housingShortfalls = useMemo(() => {
    if (!c || !employee || !docs || !ticks) return [];
    const items = caseChecklist(c, employee).items.filter((i) => isHousingProofItem(i.id));
    return [...itemValidities(items, docs, ticks, today).values()].filter((v) => !v.ok).map((v) => v.findings[0].message);
  }, [c, employee, docs, ticks, today]);
  const assessment = useMemo(() => {
    if (!c || !employee) return undefined;
    const category = f.category ?? employee.category;
    const overrides = settings?.wageOverrides.map(({ source: _s, ...w }) => w) ?? [];
    const given = <K extends keyof typeof f>(k: K) => (f[k] === undefined ? {} : { [k]: f[k] });
    return assessApplicant(
      {
        ...(category ? { category } : {}),
        ...given('housing'),
        ...(housingShortfalls.length ? { housingProofShortfalls: housingShortfalls } : {}),
        ...given('highestEducation'),
        ...given('hasDegree'),
        ...given('workExperienceMonths'),
        ...given('professionalTitle'),
        ...given('awardWinner'),
        ...given('keyOrShortageField'),
        ...given('socialInsuranceMonths'),
        ...given('monthlyIncome'),
        ...given('incomeTaxMonths'),
        ...given('employerIsInnovationEntity'),
        ...given('employerIsServiceEntity'),
        ...given('yearlyTaxableIncome'),
        ...given('ip'),
        ...given('team'),
        ...given('freelancer'),
        ...given('recommendedByDistrict'),
        ...(employee.gender === 'female' ? given('originalRetirementAge') : {}),
        birthDate: employee.birthDate,
        gender: employee.gender,
        ...(overrides.length ? { wageOverrides: overrides } : {}),
      },
      today,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(f), c?.id, employee, settings, today, housingShortfalls]);
  if (!assessment) return null;
  const category = f.category ?? employee?.category;
  // §七 4: the guide's conditions are not this applicant's (old conditions and procedure) — say so instead.
  const scope = employee ? guideScope({ idNumber: employee.residentId, ...(employee.applicantGroup ? { group: employee.applicantGroup } : {}) }) : undefined;
  if (scope && !scope.inScope) {
    return (
      <Card title={t('eligibility.title')} testId="eligibility">
        <StatusLine tone="warn" testId="guide-out-of-scope">
          {pickText(lang, scope.finding.message)} <span className="section">{scope.finding.section}</span>
        </StatusLine>
      </Card>
    );
  }
  // §一(三) 3 averages the last 6 or 12 所属期 months; last month is the latest one with a tax record.
  const incomeMonths = lastMonths(today, 12);
  const keepFrom = lastMonths(today, 24)[0];
  const setIncome = (month: string, v: number | null) => {
    const rest = (f.monthlyIncome ?? []).filter((x) => x.month !== month && x.month >= keepFrom);
    const next = (v === null ? rest : [...rest, { month, taxable: v }]).sort((a, b) => a.month.localeCompare(b.month));
    editor.set('monthlyIncome', next.length ? next : null);
  };
  /** A count of months (experience, social insurance, tax) as a number field that saves itself. */
  const months = (key: 'workExperienceMonths' | 'socialInsuranceMonths' | 'incomeTaxMonths', label: string, max: number, testId?: string) => (
    <NumberField label={label} unit={t('eligibility.facts.months')} value={f[key]} min={0} max={max} onChange={(v) => editor.set(key, v)} testId={testId} />
  );
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
              {x.ruleId === RULE_INCOME_MONTHLY.id && assessment.wage ? <WageUsed wage={assessment.wage} /> : null}
            </li>
          ))}
        </ul>
        {missing.length ? <p className="small">{t('eligibility.missing')}</p> : null}
        <details className="facts" data-testid="eligibility-facts">
          <summary>
            <span className="summary-title">{t('eligibility.facts')}</span>
          </summary>
          <div className="facts-body">
            <SelectField
              label={t('eligibility.facts.education')}
              value={f.highestEducation}
              emptyLabel={t('case.field.unanswered')}
              options={EducationLevel.options.map((k) => ({ value: k, label: pickText(lang, EDUCATION_LEVEL_LABELS[k]) }))}
              onChange={(v) => editor.set('highestEducation', v)}
              testId="eligibility-education"
            />
            <YesNoField label={t('eligibility.facts.degree')} value={f.hasDegree} onChange={(v) => editor.set('hasDegree', v)} testId="eligibility-degree" />
            {months('workExperienceMonths', t('eligibility.facts.experience'), 720, 'eligibility-experience')}
            <SelectField
              label={t('eligibility.facts.title')}
              value={f.professionalTitle}
              emptyLabel={t('case.field.unanswered')}
              options={TitleLevel.options.map((k) => ({ value: k, label: t(`eligibility.facts.title.${k}`) }))}
              onChange={(v) => editor.set('professionalTitle', v)}
            />
            <YesNoField label={t('eligibility.facts.award')} value={f.awardWinner} onChange={(v) => editor.set('awardWinner', v)} />
            <YesNoField label={t('eligibility.facts.field')} value={f.keyOrShortageField} onChange={(v) => editor.set('keyOrShortageField', v)} />
            {months('socialInsuranceMonths', t('eligibility.facts.socialInsurance'), 600, 'eligibility-social-insurance')}
            {months('incomeTaxMonths', t('eligibility.facts.incomeTax'), 600)}
            {employee?.gender === 'female' ? (
              <SelectField
                label={t('eligibility.facts.retirementAge')}
                value={f.originalRetirementAge === undefined ? undefined : (String(f.originalRetirementAge) as '55' | '50')}
                emptyLabel={t('case.field.unanswered')}
                options={(['55', '50'] as const).map((k) => ({ value: k, label: t(`eligibility.facts.retirementAge.${k}`) }))}
                onChange={(v) => editor.set('originalRetirementAge', v === null ? null : (Number(v) as 55 | 50))}
              />
            ) : null}
            {category ? <CategoryInputs category={category} facts={f} set={editor.set} today={today} /> : null}
            <fieldset className="income-months" data-testid="eligibility-income">
              <legend>{t('eligibility.facts.income')}</legend>
              <p className="hint">{t('eligibility.facts.income.hint')}</p>
              <div className="income-grid">
                {incomeMonths.map((month) => (
                  <NumberField
                    key={month}
                    label={t('eligibility.facts.income.month', { month })}
                    value={f.monthlyIncome?.find((x) => x.month === month)?.taxable}
                    min={0}
                    max={100_000_000}
                    money
                    onChange={(v) => setIncome(month, v)}
                  />
                ))}
              </div>
            </fieldset>
            <SaveState state={editor.state} error={editor.error} quiet />
          </div>
        </details>
        <p className="muted small">{t('eligibility.note', { date: today })}</p>
      </details>
    </Card>
  );
}

/**
 * The income standard an income verdict used (§一(三) 3, §一(四)): its year and monthly figure, built in or
 * entered; when the built-in table lacks a figure that should be published by now, the wage-table-outdated
 * note with a link to the settings' wage card, where the agent enters it (no figure is guessed).
 */
export function WageUsed({ wage }: { wage: WageStandard }) {
  const t = useT();
  const lang = useLang();
  const outdated = wage.findings.find((x) => x.ruleId === RULE_WAGE_TABLE_OUTDATED.id);
  return (
    <div className="small" data-testid="wage-used">
      <span>
        {t('eligibility.wageUsed', {
          year: wage.usedYear,
          monthly: wage.figure.monthly.toLocaleString('en-US'),
          origin: t(wage.figure.origin === 'user' ? 'settings.wages.user' : 'settings.wages.builtIn'),
        })}
      </span>
      {outdated ? (
        <StatusLine tone="warn" testId="wage-outdated">
          {pickText(lang, outdated.message)} <span className="muted">{t('deadline.advice')}</span>{' '}
          <SettingsLink testId="wage-settings-link">{t('eligibility.wageSettingsLink')}</SettingsLink>
        </StatusLine>
      ) : null}
    </div>
  );
}

/** The `n` calendar months before the month of `today` ('yyyy-MM', oldest first). */
function lastMonths(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - n + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}
