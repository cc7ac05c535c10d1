import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { assessApplicant, assessEmployer, CATEGORY_INPUTS, type ApplicantFacts, type EmployerFacts } from '../../../rules';

const goodEmployer: EmployerFacts = {
  registeredInDaxing: true,
  entityType: 'enterprise-legal-person',
  registeredOn: '2020-03-01',
  paidInCapital: 1_000_000,
  lastYearDaxingContribution: 100_000,
  attestations: { scopeNotProhibited: true, lawfulNoBadRecord: true },
};

describe('employer §一(二)', () => {
  it('is eligible when every condition is met or declared (thresholds reached exactly)', () => {
    const a = assessEmployer(goodEmployer, '2026-03-01');
    expect(a.verdict).toBe('eligible');
    expect(a.conditions.find((c) => c.ruleId === 'employer-scope-not-prohibited')?.status).toBe('attested');
  });

  it.each([
    [{ paidInCapital: 999_999.99 }, 'employer-paid-in-capital', 'paid-in capital one fen short of 1,000,000'],
    [{ lastYearDaxingContribution: 99_999 }, 'employer-daxing-contribution', 'a contribution below 100,000'],
    [{ registeredInDaxing: false }, 'employer-registered-in-daxing', 'registered outside Daxing'],
    [{ entityType: 'other-branch' as const }, 'employer-entity-type', 'a branch of a Beijing company'],
    [{ attestations: { scopeNotProhibited: false, lawfulNoBadRecord: true } }, 'employer-scope-not-prohibited', 'a scope in the catalogue'],
  ])('is not eligible with %j (%s: %s)', (patch, ruleId, _why) => {
    const a = assessEmployer({ ...goodEmployer, ...patch }, '2026-03-01');
    expect(a.verdict).toBe('not-eligible');
    expect(a.conditions.find((c) => c.ruleId === ruleId)?.status).toBe('not-met');
  });

  it('accepts a non-legal-person branch of an out-of-town company', () => {
    expect(assessEmployer({ ...goodEmployer, entityType: 'branch-of-foreign-or-out-of-town' }, '2026-03-01').verdict).toBe('eligible');
  });

  it('counts one year of registration up to the anniversary inclusive; short of it is a 原则上 warning, not a refusal', () => {
    const f = { ...goodEmployer, registeredOn: '2025-03-01' };
    const short = assessEmployer(f, '2026-02-28');
    expect(short.verdict).toBe('incomplete');
    expect(short.findings.find((x) => x.ruleId === 'employer-registered-1-year')).toMatchObject({ passed: false, severity: 'warning' });
    expect(assessEmployer(f, '2026-03-01').verdict).toBe('eligible');
  });

  it('treats a bad record in the last year as a 原则上 warning', () => {
    const a = assessEmployer({ ...goodEmployer, attestations: { scopeNotProhibited: true, lawfulNoBadRecord: false } }, '2026-03-01');
    expect(a.verdict).toBe('incomplete');
    expect(a.findings.find((x) => x.ruleId === 'employer-lawful-no-bad-record')).toMatchObject({ passed: false, severity: 'warning' });
  });

  it.each([
    ['public-institution', '事业单位'],
    ['private-non-enterprise', '民办非企业单位'],
    ['social-organization', '社会团体'],
  ] as const)('does not test the paid-in capital of a %s (%s): the guide names 企业', (entityType, _zh) => {
    const a = assessEmployer({ ...goodEmployer, entityType, paidInCapital: 0 }, '2026-03-01');
    expect(a.verdict).toBe('eligible');
    expect(a.conditions.some((c) => c.ruleId === 'employer-paid-in-capital')).toBe(false);
  });

  it.each([
    ['enterprise-legal-person', 999_999.99, 'not-met'],
    ['enterprise-legal-person', 1_000_000, 'met'],
    ['branch-of-foreign-or-out-of-town', 999_999.99, 'not-met'],
    ['branch-of-foreign-or-out-of-town', 1_000_000, 'met'],
  ] as const)('tests the paid-in capital of an enterprise (%s, %d → %s)', (entityType, paidInCapital, status) => {
    const a = assessEmployer({ ...goodEmployer, entityType, paidInCapital }, '2026-03-01');
    expect(a.conditions.find((c) => c.ruleId === 'employer-paid-in-capital')?.status).toBe(status);
  });

  it('cannot tell whether the capital test applies while the entity type is unknown', () => {
    const { entityType: _t, ...rest } = goodEmployer;
    expect(assessEmployer(rest, '2026-03-01').conditions.find((c) => c.ruleId === 'employer-paid-in-capital')?.status).toBe('unknown');
  });

  it('is incomplete, never eligible, while a fact is missing', () => {
    const { lastYearDaxingContribution: _omit, ...rest } = goodEmployer;
    const a = assessEmployer(rest, '2026-03-01');
    expect(a.verdict).toBe('incomplete');
    expect(a.conditions.find((c) => c.ruleId === 'employer-daxing-contribution')?.status).toBe('unknown');
  });

  it('is incomplete while a declaration is not given', () => {
    expect(assessEmployer({ ...goodEmployer, attestations: {} }, '2026-03-01').verdict).toBe('incomplete');
  });
});

// The 12 所属期 months before the filing month of 2026-03-02: 2025-03 … 2026-02.
const months12 = Array.from({ length: 12 }, (_, i) => {
  const k = 2025 * 12 + 2 + i;
  return { month: `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, taxable: 20000 };
});
const goodApplicant: ApplicantFacts = {
  category: 'A',
  workExperienceMonths: 24,
  highestEducation: '本科',
  hasDegree: true,
  keyOrShortageField: true,
  monthlyIncome: months12,
  socialInsuranceMonths: 6,
  incomeTaxMonths: 6,
  housing: 'rented',
  birthDate: '1990-03-07',
  gender: 'male',
};

describe('applicant §一(三)', () => {
  it('is eligible under category A with every condition at its threshold', () => {
    const a = assessApplicant(goodApplicant, '2026-03-02');
    expect(a.verdict).toBe('eligible');
    expect(a.categories.A.status).toBe('met');
    expect(a.wage?.usedYear).toBe(2024);
  });

  it.each([
    [{ workExperienceMonths: 23 }, 'category A needs 24 months of work'],
    [{ highestEducation: 'junior-college' }, 'category A needs a bachelor or higher'],
    [{ hasDegree: false }, 'category A needs the degree as well as the education'],
    [{ socialInsuranceMonths: 5 }, 'five months of social insurance are too few'],
    [{ incomeTaxMonths: 5 }, 'five months of income tax are too few'],
    [{ monthlyIncome: months12.map((m) => ({ ...m, taxable: 14000 })) }, 'an average below 14,324.40 fails'],
    [{ keyOrShortageField: false }, 'a field outside the key areas'],
    [{ birthDate: '1960-01-01' }, 'a man past retirement age'],
  ] as const)('is not eligible with %j (%s)', (patch, _why) => {
    expect(assessApplicant({ ...goodApplicant, ...patch } as ApplicantFacts, '2026-03-02').verdict).toBe('not-eligible');
  });

  it.each(['workExperienceMonths', 'hasDegree', 'keyOrShortageField', 'monthlyIncome', 'socialInsuranceMonths', 'incomeTaxMonths', 'housing', 'birthDate', 'gender'] as const)(
    'is incomplete, never eligible, without %s',
    (key) => {
      const facts = { ...goodApplicant } as Record<string, unknown>;
      delete facts[key];
      expect(assessApplicant(facts as ApplicantFacts, '2026-03-02').verdict).toBe('incomplete');
    },
  );

  it('accepts a category met other than the filed one only when no category is filed', () => {
    const facts: ApplicantFacts = { ...goodApplicant, category: undefined, workExperienceMonths: 12, professionalTitle: 'intermediate' };
    expect(assessApplicant(facts, '2026-03-02').verdict).toBe('eligible');
    expect(assessApplicant({ ...facts, category: 'A' }, '2026-03-02').verdict).toBe('not-eligible');
  });

  it('judges category D on 3× the annual standard for 2023–2025, strictly', () => {
    const base: ApplicantFacts = { ...goodApplicant, category: 'D', employerIsInnovationEntity: true };
    const yrs = (amount: number) => [2023, 2024, 2025].map((year) => ({ year, amount }));
    expect(assessApplicant({ ...base, yearlyTaxableIncome: yrs(429732) }, '2026-03-02').categories.D.status).toBe('not-met');
    expect(assessApplicant({ ...base, yearlyTaxableIncome: yrs(429733) }, '2026-03-02').categories.D.status).toBe('met');
  });

  it('is incomplete for a woman whose original retirement age decides the answer', () => {
    // Born 1975-06: at 50 she retired in 2025-09 (50y3m); at 55 she is far from it.
    const a = assessApplicant({ ...goodApplicant, gender: 'female', birthDate: '1975-06-10' }, '2026-03-02');
    expect(a.verdict).toBe('incomplete');
    expect(assessApplicant({ ...goodApplicant, gender: 'female', birthDate: '1975-06-10', originalRetirementAge: 55 }, '2026-03-02').verdict).toBe('eligible');
  });

  it('records the facts and section of every condition', () => {
    const a = assessApplicant(goodApplicant, '2026-03-02');
    for (const c of a.conditions) {
      expect(c.section).toMatch(/^§/);
      expect(c.message.zh.length).toBeGreaterThan(0);
      expect(c.message.en.length).toBeGreaterThan(0);
    }
    expect(a.conditions.find((c) => c.ruleId === 'income-monthly-1-2x')?.facts).toMatchObject({ threshold: 14324.4, wageYear: 2024 });
  });

  it('refuses an unknown education label with a bilingual message', () => {
    expect(() => assessApplicant({ ...goodApplicant, highestEducation: '学士后' }, '2026-03-02')).toThrow(ZodError);
    expect(() => assessApplicant({ ...goodApplicant, highestEducation: '学士后' }, '2026-03-02')).toThrow(/学历层次无效.* \/ Unknown education level/);
  });
});

describe('categories D–H can be pre-checked (issue #14 4.3)', () => {
  const on = '2026-03-02';
  const base: ApplicantFacts = { ...goodApplicant, category: undefined };
  const statusOf = (cat: 'D' | 'E' | 'F' | 'G' | 'H', f: ApplicantFacts) => assessApplicant(f, on).categories[cat].status;
  const yrs = (amount: number) => [2023, 2024, 2025].map((year) => ({ year, amount }));

  it('judges E on 6× the annual standard with the service-entity declaration', () => {
    expect(statusOf('E', { ...base, employerIsServiceEntity: true, yearlyTaxableIncome: yrs(859465) })).toBe('met');
    expect(statusOf('E', { ...base, employerIsServiceEntity: true, yearlyTaxableIncome: yrs(859464) })).toBe('not-met');
    expect(statusOf('E', { ...base, employerIsServiceEntity: false, yearlyTaxableIncome: yrs(900000) })).toBe('not-met');
  });

  it('judges F on the counts, the author rank (second or better) and the commercialisation', () => {
    const ip = { inventionPatents: 1, otherPatents: 0, softwareCopyrights: 0, authorRank: 2, commercialisedInBeijing: true };
    expect(statusOf('F', { ...base, ip })).toBe('met');
    expect(statusOf('F', { ...base, ip: { ...ip, authorRank: 3 } })).toBe('not-met');
    expect(statusOf('F', { ...base, ip: { ...ip, inventionPatents: 0, softwareCopyrights: 2 } })).toBe('not-met');
    expect(statusOf('F', { ...base, ip: { ...ip, inventionPatents: 0, softwareCopyrights: 3 } })).toBe('met');
  });

  it('judges G on a team threshold and the shareholding (≥ 5 %, top five)', () => {
    const team = { equityFinancing: 10_000_000.01, shareholdingPercent: 5, shareholderRank: 5 };
    expect(statusOf('G', { ...base, team })).toBe('met');
    expect(statusOf('G', { ...base, team: { ...team, equityFinancing: 10_000_000 } })).toBe('unknown');
    expect(statusOf('G', { ...base, team: { ...team, shareholderRank: 6 } })).toBe('not-met');
  });

  it('judges H on ≥ 200,000 tax each year for 自由职业者、个体工商户等人员', () => {
    const freelancer = { isFreelancerOrIndividualBusiness: true, outstandingContribution: true, yearlyTax: yrs(200000) };
    expect(statusOf('H', { ...base, freelancer })).toBe('met');
    expect(statusOf('H', { ...base, freelancer: { ...freelancer, yearlyTax: yrs(199999.99) } })).toBe('not-met');
    expect(CATEGORY_INPUTS.H[0].label.zh).toBe('自由职业者、个体工商户等人员');
  });

  it('lists the inputs each category needs, each one read by the assessment', () => {
    expect(Object.keys(CATEGORY_INPUTS).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'recommended']);
    for (const inputs of Object.values(CATEGORY_INPUTS)) for (const i of inputs) expect(i.section).toMatch(/^§一\(三\) 1 \(\d\)$/);
    expect(CATEGORY_INPUTS.D.map((i) => i.path)).toEqual(['employerIsInnovationEntity', 'yearlyTaxableIncome']);
  });
});
