/**
 * The facts categories D–H and the recommended one need (§一(三) 1 (4)–(9)), asked for the case's category as
 * rules/eligibility.ts CATEGORY_INPUTS lists them: yes/no declarations, counts and amounts, and the taxable income
 * or tax of each of the last three calendar years. Each edit saves into the case's facts (nested ones whole).
 */
import { pickText, useLang, useT } from './i18n';
import { NumberField, YesNoField } from './ui';
import { CATEGORY_INPUTS } from '../rules/eligibility';
import type { Category } from '../rules/model';
import type { CaseFacts } from '../storage/schemas';

type Facts = CaseFacts;
type Setter = <K extends keyof Facts>(key: K, value: Facts[K] | null) => void;

const BOOLEAN = new Set(['employerIsInnovationEntity', 'employerIsServiceEntity', 'recommendedByDistrict', 'ip.commercialisedInBeijing', 'freelancer.isFreelancerOrIndividualBusiness', 'freelancer.outstandingContribution']);
const YEARLY = new Set(['yearlyTaxableIncome', 'freelancer.yearlyTax']);
const MONEY = new Set(['team.ownInvestment3y', 'team.equityFinancing', 'team.averageYearlyTax3y', 'team.shareholdingPercent']);

type Nested = 'ip' | 'team' | 'freelancer';

function read(f: Facts, path: string): unknown {
  const [a, b] = path.split('.');
  const top = (f as Record<string, unknown>)[a];
  return b === undefined ? top : (top as Record<string, unknown> | undefined)?.[b];
}

function write(f: Facts, set: Setter, path: string, value: unknown): void {
  const [a, b] = path.split('.') as [keyof Facts, string | undefined];
  if (b === undefined) {
    set(a, (value ?? null) as never);
    return;
  }
  const next: Record<string, unknown> = { ...((f[a as Nested] as Record<string, unknown> | undefined) ?? {}) };
  if (value === null || value === undefined) delete next[b];
  else next[b] = value;
  set(a, (Object.keys(next).length ? next : null) as never);
}

export function CategoryInputs({ category, facts, set, today }: { category: Category; facts: Facts; set: Setter; today: string }) {
  const t = useT();
  const lang = useLang();
  const inputs = CATEGORY_INPUTS[category];
  if (!['D', 'E', 'F', 'G', 'H', 'recommended'].includes(category)) return null;
  const lastYear = Number(today.slice(0, 4)) - 1;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  return (
    <fieldset className="category-inputs" data-testid="category-inputs">
      <legend>{t('eligibility.categoryInputs', { category })}</legend>
      {inputs.map((input) => {
        const label = pickText(lang, input.label);
        const value = read(facts, input.path);
        if (BOOLEAN.has(input.path)) {
          return <YesNoField key={input.path} label={label} value={value as boolean | undefined} onChange={(v) => write(facts, set, input.path, v)} testId={`cat-${input.path}`} />;
        }
        if (YEARLY.has(input.path)) {
          const list = (value as { year: number; amount: number }[] | undefined) ?? [];
          return (
            <div key={input.path} className="yearly" data-testid={`cat-${input.path}`}>
              <span className="label">{label}</span>
              {years.map((year) => (
                <NumberField
                  key={year}
                  label={t('eligibility.yearAmount', { year })}
                  value={list.find((x) => x.year === year)?.amount}
                  min={0}
                  max={1e13}
                  money
                  unit={t('employer.yuan')}
                  onChange={(v) => {
                    const rest = list.filter((x) => x.year !== year);
                    const next = (v === null ? rest : [...rest, { year, amount: v }]).sort((a, b) => a.year - b.year);
                    write(facts, set, input.path, next.length ? next : null);
                  }}
                />
              ))}
            </div>
          );
        }
        return (
          <NumberField
            key={input.path}
            label={label}
            value={value as number | undefined}
            min={input.path.endsWith('Rank') ? 1 : 0}
            max={input.path === 'team.shareholdingPercent' ? 100 : 1e13}
            {...(MONEY.has(input.path) ? { money: true } : {})}
            onChange={(v) => write(facts, set, input.path, v)}
            testId={`cat-${input.path}`}
          />
        );
      })}
    </fieldset>
  );
}
