/**
 * Eligibility of the employer (§一(二)) and of the applicant (§一(三)), condition by condition.
 *
 * Each condition is 'met' | 'not-met' | 'unknown' (a fact is missing) | 'attested' (the user declares it,
 * for matters the guide leaves to a declaration, e.g. the prohibited-industry catalogue). The verdict is
 * 'not-eligible' if a firmly stated condition is not met, else 'incomplete' while any is unknown or a
 * "原则上" (in principle) condition is not met — never 'eligible' with either — else 'eligible'.
 *
 * 原则上 (issue #14 4.9, consistently): a condition the guide qualifies with its own 原则上 is a warning (severity
 * 'warning'): the employer's 1 year of registration and its clean last year (§一(二) 2, 3). §一(三) introduces the
 * whole applicant list with 「原则上同时具备以下条件」; we keep those conditions as errors, because the window
 * judges them on the acceptance day (§一(四) 2 「标准的判定以通过窗口审核并受理当日为准」) and the material lists of
 * §六(二) require their proofs — a careful agent does not file without them. The paid-in capital test names 企业
 * and applies to enterprises only. The same employer conditions apply to the new employer of an employer change
 * (§六(四) 注意事项 4 「新聘用的单位须符合大兴区办理要求」).
 */
import { z } from 'zod';
import { Bilingual as BilingualSchema, Category, Gender, HOUSING_LABELS, HousingOption, IsoDate, type Bilingual, type Severity } from './model';
import { addYears } from './dates';
import { EDUCATION_RANK, EducationLevelInput } from './education-levels';
import {
  annualIncomeMultipleTest,
  categoryGTest,
  categoryHTaxTest,
  CategoryGInput,
  MonthlyIncome,
  monthlyIncomeTest,
  RULE_INCOME_MONTHLY,
  YearlyAmount,
} from './income';
import { belowRetirementAge, OriginalRetirementAge, RULE_RETIREMENT_AGE } from './retirement';
import { anyOf, bi, defineRule, type ConditionStatus, type Finding, type RuleMeta } from './rule';
import { Money, parseInput } from './validate';
import { wageStandard, WageOverride, type WageStandard } from './wages';

const FILE = 'rules/eligibility.ts';

/** One assessed condition. */
export interface Condition {
  readonly ruleId: string;
  readonly section: string;
  readonly status: ConditionStatus;
  readonly label: Bilingual;
  readonly message: Bilingual;
  readonly facts: Readonly<Record<string, unknown>>;
  /** The rule's severity when not met: 'warning' for the guide's 原则上 (in principle) conditions. */
  readonly severity: Severity;
}

/** Overall verdict. */
export const Verdict = z.enum(['eligible', 'not-eligible', 'incomplete']);
export type Verdict = z.infer<typeof Verdict>;

/** The result of an assessment. */
export interface Assessment {
  readonly verdict: Verdict;
  readonly conditions: readonly Condition[];
  /** The conditions as findings (passed = met or attested), plus those of the sub-tests. */
  readonly findings: readonly Finding[];
}

function cond(rule: RuleMeta, status: ConditionStatus, message: Bilingual, facts: Record<string, unknown>): Condition {
  return { ruleId: rule.id, section: rule.section, status, label: rule.description, message, facts, severity: rule.severity };
}

/**
 * 'not-eligible' when a condition the guide states firmly is not met; a 原则上 (in principle, severity
 * 'warning') condition not met leaves the verdict to the locality — reported as 'incomplete' with its warning,
 * never as 'eligible'.
 */
function verdictOf(conditions: readonly Condition[]): Verdict {
  if (conditions.some((c) => c.status === 'not-met' && c.severity === 'error')) return 'not-eligible';
  if (conditions.some((c) => c.status === 'not-met')) return 'incomplete';
  if (conditions.some((c) => c.status === 'unknown')) return 'incomplete';
  return 'eligible';
}

function toFindings(conditions: readonly Condition[], extra: readonly Finding[] = []): Finding[] {
  return [
    ...conditions.map((c) => ({
      ruleId: c.ruleId,
      section: c.section,
      severity: c.status === 'unknown' ? ('warning' as const) : c.severity,
      passed: c.status === 'met' || c.status === 'attested',
      message: c.message,
      facts: c.facts,
    })),
    ...extra,
  ];
}

/** A yes/no the user declares: true → attested, false → not met, absent → unknown. */
function attestation(v: boolean | undefined): ConditionStatus {
  return v === undefined ? 'unknown' : v ? 'attested' : 'not-met';
}

const STATUS_TEXT: Readonly<Record<ConditionStatus, Bilingual>> = {
  met: { zh: '符合', en: 'met' },
  'not-met': { zh: '不符合', en: 'not met' },
  unknown: { zh: '缺少信息', en: 'fact missing' },
  attested: { zh: '已声明', en: 'declared' },
};

function simple(rule: RuleMeta, status: ConditionStatus, detail: Bilingual, facts: Record<string, unknown>): Condition {
  const s = STATUS_TEXT[status];
  return cond(rule, status, bi(`${s.zh}：${detail.zh}`, `${s.en}: ${detail.en}`), facts);
}

// ───────────────────────────── Employer §一(二) ─────────────────────────────

export const RULE_EMPLOYER_IN_DAXING = defineRule({
  id: 'employer-registered-in-daxing',
  section: '§一(二)',
  file: FILE,
  severity: 'error',
  description: { zh: '单位在大兴区注册', en: 'The employer is registered in Daxing' },
});
export const RULE_EMPLOYER_ENTITY = defineRule({
  id: 'employer-entity-type',
  section: '§一(二)',
  file: FILE,
  severity: 'error',
  description: {
    zh: '具有法人资格的企事业单位、民办非企业单位、社会团体，或外国（地区）、外埠企业在京设立的非法人分支机构',
    en: 'A legal-person entity, or a non-legal-person branch of a foreign or out-of-town company',
  },
});
export const RULE_EMPLOYER_SCOPE = defineRule({
  id: 'employer-scope-not-prohibited',
  section: '§一(二) 1',
  file: FILE,
  severity: 'error',
  description: {
    zh: '主营范围未列入《北京市新增产业的禁止和限制目录》（由单位声明）',
    en: 'Main business not in the Beijing catalogue of prohibited and restricted new industries (declared)',
  },
});
export const RULE_EMPLOYER_AGE = defineRule({
  id: 'employer-registered-1-year',
  section: '§一(二) 2',
  file: FILE,
  severity: 'warning', // 「原则上注册时间应当满 1 年」
  description: { zh: '原则上注册时间满 1 年', en: 'Registered for at least 1 year (in principle)' },
});
export const RULE_EMPLOYER_CAPITAL = defineRule({
  id: 'employer-paid-in-capital',
  section: '§一(二) 2',
  file: FILE,
  severity: 'error',
  description: {
    zh: '企业注册资本金实缴不少于 100 万元（仅适用于企业；事业单位、民办非企业单位、社会团体不适用）',
    en: 'An enterprise has paid-in capital of at least 1,000,000 CNY (enterprises only; not public institutions, private non-enterprise units or social organisations)',
  },
});
export const RULE_EMPLOYER_CONTRIBUTION = defineRule({
  id: 'employer-daxing-contribution',
  section: '§一(二) 2',
  file: FILE,
  severity: 'error',
  description: {
    zh: '上年度在大兴区地区贡献总额不少于 10 万元',
    en: "Last year's total contribution in Daxing of at least 100,000 CNY",
  },
});
export const RULE_EMPLOYER_LAWFUL = defineRule({
  id: 'employer-lawful-no-bad-record',
  section: '§一(二) 3',
  file: FILE,
  severity: 'warning', // 「原则上近一年无违法违规等不良情况」
  description: {
    zh: '遵纪守法、诚实守信，原则上近一年无违法违规等不良情况（由单位声明）',
    en: 'Lawful and in good standing, in principle no violation in the last year (declared)',
  },
});

/** Legal forms of §一(二). */
export const EmployerEntityType = z.enum([
  'enterprise-legal-person',
  'public-institution',
  'private-non-enterprise',
  'social-organization',
  'branch-of-foreign-or-out-of-town',
  'other-branch',
  'other',
]);
export type EmployerEntityType = z.infer<typeof EmployerEntityType>;

const ELIGIBLE_ENTITIES: ReadonlySet<EmployerEntityType> = new Set([
  'enterprise-legal-person',
  'public-institution',
  'private-non-enterprise',
  'social-organization',
  'branch-of-foreign-or-out-of-town',
]);

/** The entity types that are 企业 (the paid-in capital test of §一(二) 2 names 企业). */
export const ENTERPRISES: ReadonlySet<EmployerEntityType> = new Set(['enterprise-legal-person', 'branch-of-foreign-or-out-of-town']);

/** Thresholds of §一(二) 2 ("不少于" = at least). */
export const EMPLOYER_THRESHOLDS = { paidInCapital: 1_000_000, daxingContribution: 100_000, registeredYears: 1 } as const;

/** What we know about the employer; a missing fact makes its condition 'unknown'. */
export const EmployerFacts = z.object({
  registeredInDaxing: z.boolean().optional(),
  entityType: EmployerEntityType.optional(),
  registeredOn: IsoDate.optional(),
  paidInCapital: Money.optional(),
  lastYearDaxingContribution: Money.optional(),
  attestations: z
    .object({ scopeNotProhibited: z.boolean().optional(), lawfulNoBadRecord: z.boolean().optional() })
    .default({}),
});
export type EmployerFacts = z.input<typeof EmployerFacts>;

/** Input of {@link assessEmployer}. */
export const AssessEmployerInput = z.object({ facts: EmployerFacts, onDate: IsoDate });

/**
 * §一(二): may this employer file for its employees on `onDate`? Also the *new* employer of an employer change:
 * 「新聘用的单位须符合大兴区办理要求」 (§六(四) 注意事项 4) — the same conditions.
 */
export function assessEmployer(facts: EmployerFacts, onDate: IsoDate): Assessment {
  const { facts: f } = parseInput(AssessEmployerInput, { facts, onDate });
  const conditions: Condition[] = [];
  conditions.push(
    simple(
      RULE_EMPLOYER_IN_DAXING,
      f.registeredInDaxing === undefined ? 'unknown' : f.registeredInDaxing ? 'met' : 'not-met',
      bi('须在大兴区注册', 'must be registered in Daxing'),
      { registeredInDaxing: f.registeredInDaxing },
    ),
  );
  conditions.push(
    simple(
      RULE_EMPLOYER_ENTITY,
      f.entityType === undefined ? 'unknown' : ELIGIBLE_ENTITIES.has(f.entityType) ? 'met' : 'not-met',
      f.entityType === 'other-branch'
        ? bi('本市企业的分支机构不能单独申请，应由具有法人资格的总部申请', 'A branch of a Beijing company cannot apply; its legal-person head office does')
        : bi('单位类型须符合§一(二)', 'entity type must be one §一(二) lists'),
      { entityType: f.entityType },
    ),
  );
  conditions.push(
    simple(RULE_EMPLOYER_SCOPE, attestation(f.attestations.scopeNotProhibited), bi('主营范围不在禁限目录内', 'scope not in the catalogue'), {
      scopeNotProhibited: f.attestations.scopeNotProhibited,
    }),
  );
  if (f.registeredOn === undefined) {
    conditions.push(simple(RULE_EMPLOYER_AGE, 'unknown', bi('缺少注册日期', 'registration date missing'), {}));
  } else {
    const oneYear = addYears(f.registeredOn, EMPLOYER_THRESHOLDS.registeredYears);
    const ok = onDate >= oneYear;
    conditions.push(
      simple(
        RULE_EMPLOYER_AGE,
        ok ? 'met' : 'not-met',
        ok
          ? bi(`${f.registeredOn} 注册，已满 1 年`, `registered on ${f.registeredOn}, 1 year reached`)
          : bi(`${f.registeredOn} 注册，${oneYear} 方满 1 年（原则上）`, `registered on ${f.registeredOn}; 1 year only on ${oneYear} (in principle)`),
        { registeredOn: f.registeredOn, onDate, oneYearOn: oneYear },
      ),
    );
  }
  const atLeast = (rule: RuleMeta, value: number | undefined, min: number, what: Bilingual): Condition =>
    value === undefined
      ? simple(rule, 'unknown', bi(`缺少${what.zh}`, `${what.en} missing`), { min })
      : simple(
          rule,
          value >= min ? 'met' : 'not-met',
          bi(`${what.zh} ${value} 元，要求不少于 ${min} 元`, `${what.en} ${value} CNY, at least ${min} CNY required`),
          { value, min },
        );
  // 「企业注册资本金实缴不少于100万元」 names 企业: only enterprises (a branch of a foreign or out-of-town
  // enterprise is judged on its enterprise's paid-in capital — the branch has none of its own). Public
  // institutions, private non-enterprise units and social organisations are not tested; an unknown type is
  // 'unknown' because whether the test applies is not known.
  if (f.entityType === undefined) {
    conditions.push(simple(RULE_EMPLOYER_CAPITAL, 'unknown', bi('单位类型未知，无法判断是否适用实缴资本条件', 'entity type unknown: cannot tell whether the capital test applies'), {}));
  } else if (ENTERPRISES.has(f.entityType)) {
    conditions.push(atLeast(RULE_EMPLOYER_CAPITAL, f.paidInCapital, EMPLOYER_THRESHOLDS.paidInCapital, f.entityType === 'branch-of-foreign-or-out-of-town' ? bi('所属企业实缴资本', "the enterprise's paid-in capital") : bi('实缴资本', 'paid-in capital')));
  }
  conditions.push(
    atLeast(RULE_EMPLOYER_CONTRIBUTION, f.lastYearDaxingContribution, EMPLOYER_THRESHOLDS.daxingContribution, bi('上年度地区贡献', "last year's contribution")),
  );
  conditions.push(
    simple(RULE_EMPLOYER_LAWFUL, attestation(f.attestations.lawfulNoBadRecord), bi('近一年无不良情况', 'no bad record in the last year'), {
      lawfulNoBadRecord: f.attestations.lawfulNoBadRecord,
    }),
  );
  return { verdict: verdictOf(conditions), conditions, findings: toFindings(conditions) };
}

// ───────────────────────────── Applicant §一(三) ─────────────────────────────

const cat = (id: string, n: string, zh: string, en: string) =>
  defineRule({ id, section: `§一(三) 1 (${n})`, file: FILE, severity: 'error', description: { zh, en } });

export const RULE_CATEGORY_A = cat('category-a', '1', '2 年以上工作经历，并取得本科（含）以上学历学位', "≥ 2 years' work experience and a bachelor's degree or higher");
export const RULE_CATEGORY_B = cat('category-b', '2', '中级（含以上）专业技术职称或相当资格、资质', 'Intermediate or higher professional title or equivalent qualification');
export const RULE_CATEGORY_C = cat('category-c', '3', '国家和本市科学技术、文学艺术、哲学社会科学等类奖项获奖人', 'Winner of a national or Beijing award in science, arts or social sciences');
export const RULE_CATEGORY_D = cat('category-d', '4', '在科技创新主体工作，近三年每年应税收入超过平均工资 3 倍', 'Works at a science/innovation entity with income > 3 × the average wage in each of the last 3 years');
export const RULE_CATEGORY_E = cat('category-e', '5', '在科技创新服务主体工作，近三年每年应税收入超过平均工资 6 倍', 'Works at a science/innovation service entity with income > 6 × the average wage in each of the last 3 years');
export const RULE_CATEGORY_F = cat('category-f', '6', '第二作者（含）以上取得 1 项发明专利或 3 项其他专利或 3 项软著，并在京落地转化', 'Second author or better of 1 invention patent, 3 other patents or 3 software copyrights, commercialised in Beijing');
export const RULE_CATEGORY_G = cat('category-g', '7', '创新创业团队中持股不低于 5% 且排名前五的自然人股东', 'Top-five natural-person shareholder (≥ 5 %) of a qualifying start-up team');
export const RULE_CATEGORY_H = cat('category-h', '8', '贡献突出且近 3 年每年纳税 20 万元（含）以上的自由职业者、个体工商户等人员', 'Freelancers, individual businesses and similar persons with outstanding contribution and ≥ 200,000 CNY tax each year');
export const RULE_CATEGORY_RECOMMENDED = cat('category-recommended', '9', '由大兴区推荐并经市人才工作局批准', 'Recommended by Daxing and approved by the city talent bureau');

export const RULE_APPLICANT_CATEGORY = defineRule({
  id: 'applicant-category',
  section: '§一(三) 1',
  file: FILE,
  severity: 'error',
  description: { zh: '符合申请条件类别中任意一项', en: 'Meets at least one qualifying category' },
});
export const RULE_APPLICANT_FIELD = defineRule({
  id: 'applicant-key-field',
  section: '§一(三) 2',
  file: FILE,
  severity: 'error',
  description: {
    zh: '所学专业或岗位属于大兴区发展重点领域或急需紧缺（由单位声明）',
    en: "Field of study or post is in a Daxing key or shortage area (declared)",
  },
});
export const RULE_APPLICANT_SOCIAL_INSURANCE = defineRule({
  id: 'applicant-social-insurance-6-months',
  section: '§一(三) 4',
  file: FILE,
  severity: 'error',
  description: {
    zh: '在现聘用单位连续缴纳 6 个月以上社保和个人所得税',
    en: 'At least 6 months of continuous social insurance and income tax at the current employer',
  },
});
export const RULE_APPLICANT_RESIDENCE = defineRule({
  id: 'applicant-legal-residence',
  section: '§一(三) 5, §六(二) 4',
  file: FILE,
  severity: 'error',
  description: { zh: '在北京市有合法稳定住所', en: 'Legal, stable residence in Beijing' },
});

/** Professional title levels (§一(三) 1 (2)); 'intermediate' includes an equivalent qualification. */
export const TitleLevel = z.enum(['none', 'junior', 'intermediate', 'senior']);
export type TitleLevel = z.infer<typeof TitleLevel>;

/** What we know about the applicant; a missing fact makes its condition 'unknown'. */
export const ApplicantFacts = z.object({
  /** The category the case will be filed under (§六(二) 7); without it any met category counts. */
  category: Category.optional(),
  workExperienceMonths: z.number().int().min(0).optional(),
  highestEducation: EducationLevelInput.optional(),
  /** Holds the degree (学位) matching the highest education. */
  hasDegree: z.boolean().optional(),
  professionalTitle: TitleLevel.optional(),
  awardWinner: z.boolean().optional(),
  employerIsInnovationEntity: z.boolean().optional(),
  employerIsServiceEntity: z.boolean().optional(),
  /** Taxable income per calendar year (categories D/E). */
  yearlyTaxableIncome: z.array(YearlyAmount).optional(),
  ip: z
    .object({
      inventionPatents: z.number().int().min(0).default(0),
      otherPatents: z.number().int().min(0).default(0),
      softwareCopyrights: z.number().int().min(0).default(0),
      /** 1 = first author; "第二作者（含）以上" = rank ≤ 2. */
      authorRank: z.number().int().min(1).optional(),
      commercialisedInBeijing: z.boolean().optional(),
    })
    .optional(),
  team: CategoryGInput.optional(),
  freelancer: z
    .object({
      isFreelancerOrIndividualBusiness: z.boolean().optional(),
      outstandingContribution: z.boolean().optional(),
      yearlyTax: z.array(YearlyAmount).optional(),
    })
    .optional(),
  recommendedByDistrict: z.boolean().optional(),
  keyOrShortageField: z.boolean().optional(),
  monthlyIncome: z.array(MonthlyIncome).optional(),
  socialInsuranceMonths: z.number().int().min(0).optional(),
  incomeTaxMonths: z.number().int().min(0).optional(),
  housing: HousingOption.optional(),
  /**
   * The §五 verdicts (rules/case-facts.ts itemValidities) of the housing proof's documents that already fail
   * (a lease with less than 6 months left, §六(二) 4②): the declared residence is then not proven.
   */
  housingProofShortfalls: z.array(BilingualSchema).max(20).optional(),
  birthDate: IsoDate.optional(),
  gender: Gender.optional(),
  originalRetirementAge: OriginalRetirementAge.optional(),
  /** Wage figures the user entered (e.g. a newly published year). */
  wageOverrides: z.array(WageOverride).optional(),
});
export type ApplicantFacts = z.input<typeof ApplicantFacts>;

/** Input of {@link assessApplicant}; `onDate` is the day the window accepts the case (§一(四) 2). */
export const AssessApplicantInput = z.object({ facts: ApplicantFacts, onDate: IsoDate });

/** The applicant assessment, with the per-category results. */
export interface ApplicantAssessment extends Assessment {
  readonly categories: Readonly<Record<Category, Condition>>;
  readonly wage?: WageStandard;
}

type Facts = z.output<typeof ApplicantFacts>;

function assessCategories(f: Facts, onDate: string, wage: WageStandard | undefined): { categories: Record<Category, Condition>; extra: Finding[] } {
  const extra: Finding[] = [];
  const lastYear = Number(onDate.slice(0, 4)) - 1;

  // A — "2 年以上" includes 2 years (民法典 1259); "本科（含）以上学历学位" needs the degree too.
  let a: ConditionStatus;
  const eduRank = f.highestEducation ? EDUCATION_RANK[f.highestEducation] : undefined;
  const expOk = f.workExperienceMonths === undefined ? undefined : f.workExperienceMonths >= 24;
  const eduOk = eduRank === undefined ? undefined : eduRank >= EDUCATION_RANK.bachelor ? f.hasDegree : false;
  if (expOk === false || eduOk === false) a = 'not-met';
  else if (expOk === undefined || eduOk === undefined) a = 'unknown';
  else a = 'met';
  const A = simple(
    RULE_CATEGORY_A,
    a,
    bi(
      `工作经历 ${f.workExperienceMonths ?? '?'} 个月（须 ≥ 24），最高学历 ${f.highestEducation ?? '?'}，学位 ${f.hasDegree ?? '?'}`,
      `work experience ${f.workExperienceMonths ?? '?'} months (≥ 24 needed), education ${f.highestEducation ?? '?'}, degree ${f.hasDegree ?? '?'}`,
    ),
    { workExperienceMonths: f.workExperienceMonths, highestEducation: f.highestEducation, hasDegree: f.hasDegree },
  );

  const B = simple(
    RULE_CATEGORY_B,
    f.professionalTitle === undefined ? 'unknown' : f.professionalTitle === 'intermediate' || f.professionalTitle === 'senior' ? 'met' : 'not-met',
    bi(`职称：${f.professionalTitle ?? '?'}（须中级及以上）`, `title: ${f.professionalTitle ?? '?'} (intermediate or higher needed)`),
    { professionalTitle: f.professionalTitle },
  );

  const C = simple(RULE_CATEGORY_C, attestation(f.awardWinner), bi('获奖人', 'award winner'), { awardWinner: f.awardWinner });

  const incomeCategory = (rule: RuleMeta, entity: boolean | undefined, multiple: 3 | 6): Condition => {
    const entityStatus = attestation(entity);
    let incomeStatus: ConditionStatus = 'unknown';
    let threshold: number | undefined;
    if (f.yearlyTaxableIncome && f.yearlyTaxableIncome.length > 0 && wage) {
      const r = annualIncomeMultipleTest({ years: f.yearlyTaxableIncome, annualStandard: wage.figure.annual, multiple, lastYear });
      incomeStatus = r.status;
      threshold = r.threshold;
      extra.push(...r.findings);
    }
    const status: ConditionStatus = entityStatus === 'not-met' || incomeStatus === 'not-met' ? 'not-met' : entityStatus === 'unknown' || incomeStatus === 'unknown' ? 'unknown' : 'met';
    return simple(
      rule,
      status,
      bi(
        `单位类型 ${STATUS_TEXT[entityStatus].zh}；${lastYear - 2}–${lastYear} 每年应税收入须超过 ${threshold ?? '?'} 元（${multiple} 倍${wage ? ` ${wage.usedYear} 年度` : ''}年平均工资${wage ? ` ${wage.figure.annual} 元` : ''}${wage?.figure.annualDerived ? '，年工资为月工资×12推算' : ''}${wage?.tableOutdated ? `；内置数据缺 ${wage.targetYear} 年度，请在设置中录入` : ''}）：${STATUS_TEXT[incomeStatus].zh}`,
        `employer type ${STATUS_TEXT[entityStatus].en}; income in each of ${lastYear - 2}–${lastYear} must exceed ${threshold ?? '?'} CNY (${multiple} × the${wage ? ` ${wage.usedYear}` : ''} annual average${wage ? ` ${wage.figure.annual} CNY` : ''}${wage?.figure.annualDerived ? ', annual derived as monthly × 12' : ''}${wage?.tableOutdated ? `; the ${wage.targetYear} figure is not built in — enter it in the settings` : ''}): ${STATUS_TEXT[incomeStatus].en}`,
      ),
      { entity, multiple, threshold, wageYear: wage?.usedYear, wageAnnual: wage?.figure.annual, annualDerived: wage?.figure.annualDerived, tableOutdated: wage?.tableOutdated, years: f.yearlyTaxableIncome },
    );
  };
  const D = incomeCategory(RULE_CATEGORY_D, f.employerIsInnovationEntity, 3);
  const E = incomeCategory(RULE_CATEGORY_E, f.employerIsServiceEntity, 6);

  let fStatus: ConditionStatus = 'unknown';
  if (f.ip) {
    const countOk = f.ip.inventionPatents >= 1 || f.ip.otherPatents >= 3 || f.ip.softwareCopyrights >= 3;
    const rank: ConditionStatus = f.ip.authorRank === undefined ? 'unknown' : f.ip.authorRank <= 2 ? 'met' : 'not-met';
    const parts: ConditionStatus[] = [countOk ? 'met' : 'not-met', rank, attestation(f.ip.commercialisedInBeijing)];
    fStatus = parts.includes('not-met') ? 'not-met' : parts.includes('unknown') ? 'unknown' : 'met';
  }
  const F = simple(
    RULE_CATEGORY_F,
    fStatus,
    bi(
      `发明专利 ${f.ip?.inventionPatents ?? '?'} 项（≥1）或其他专利 ${f.ip?.otherPatents ?? '?'} 项（≥3）或软著 ${f.ip?.softwareCopyrights ?? '?'} 项（≥3），作者排名 ${f.ip?.authorRank ?? '?'}（≤2），在京转化 ${f.ip?.commercialisedInBeijing ?? '?'}`,
      `invention patents ${f.ip?.inventionPatents ?? '?'} (≥1) or other patents ${f.ip?.otherPatents ?? '?'} (≥3) or software copyrights ${f.ip?.softwareCopyrights ?? '?'} (≥3), author rank ${f.ip?.authorRank ?? '?'} (≤2), commercialised in Beijing ${f.ip?.commercialisedInBeijing ?? '?'}`,
    ),
    { ip: f.ip },
  );

  let gStatus: ConditionStatus = 'unknown';
  let gSub: Record<string, ConditionStatus> | undefined;
  if (f.team) {
    const g = categoryGTest(f.team);
    gStatus = g.status;
    gSub = g.subcases;
    extra.push(...g.findings);
  }
  const G = simple(RULE_CATEGORY_G, gStatus, bi('见团队与持股条件', 'see the team and shareholding findings'), { team: f.team, subcases: gSub });

  let hStatus: ConditionStatus = 'unknown';
  if (f.freelancer) {
    const who = attestation(f.freelancer.isFreelancerOrIndividualBusiness);
    const contribution = attestation(f.freelancer.outstandingContribution);
    let tax: ConditionStatus = 'unknown';
    if (f.freelancer.yearlyTax && f.freelancer.yearlyTax.length > 0) {
      const r = categoryHTaxTest({ years: f.freelancer.yearlyTax, lastYear });
      tax = r.status;
      extra.push(...r.findings);
    }
    const parts = [who, contribution, tax];
    hStatus = parts.includes('not-met') ? 'not-met' : parts.includes('unknown') ? 'unknown' : 'met';
  }
  const H = simple(RULE_CATEGORY_H, hStatus, bi(`${lastYear - 2}–${lastYear} 每年纳税 ≥ 20 万元`, `tax ≥ 200,000 CNY in each of ${lastYear - 2}–${lastYear}`), {
    freelancer: f.freelancer,
  });

  const R = simple(RULE_CATEGORY_RECOMMENDED, attestation(f.recommendedByDistrict), bi('区推荐、市人才工作局批准', 'district recommendation approved by the city'), {
    recommendedByDistrict: f.recommendedByDistrict,
  });

  return { categories: { A, B, C, D, E, F, G, H, recommended: R }, extra };
}

/** §一(三): may this person apply on `onDate` (the day the window accepts the case, §一(四) 2)? */
export function assessApplicant(facts: ApplicantFacts, onDate: IsoDate): ApplicantAssessment {
  const { facts: f } = parseInput(AssessApplicantInput, { facts, onDate });
  let wage: WageStandard | undefined;
  try {
    wage = wageStandard(onDate, f.wageOverrides ?? []);
  } catch {
    wage = undefined; // no published figure by onDate: the income conditions stay unknown
  }
  const { categories, extra } = assessCategories(f, onDate, wage);
  if (wage) extra.push(...wage.findings);
  const conditions: Condition[] = [];

  // 1. Category: the claimed one, or any.
  const all = Object.entries(categories) as [Category, Condition][];
  const metList = all.filter(([, c]) => c.status === 'met' || c.status === 'attested').map(([k]) => k);
  const catStatus = f.category ? categories[f.category].status : anyOf(all.map(([, c]) => c.status));
  conditions.push(
    simple(
      RULE_APPLICANT_CATEGORY,
      catStatus,
      f.category
        ? bi(
            `申报类别 ${f.category}：${STATUS_TEXT[catStatus].zh}${metList.length ? `；符合的类别：${metList.join('、')}` : ''}`,
            `filed category ${f.category}: ${STATUS_TEXT[catStatus].en}${metList.length ? `; categories met: ${metList.join(', ')}` : ''}`,
          )
        : bi(`符合的类别：${metList.join('、') || '无'}`, `categories met: ${metList.join(', ') || 'none'}`),
      { category: f.category, categoriesMet: metList },
    ),
  );

  // 2. Key or shortage field — declared.
  conditions.push(simple(RULE_APPLICANT_FIELD, attestation(f.keyOrShortageField), bi('专业或岗位属重点/紧缺领域', 'key or shortage field'), { keyOrShortageField: f.keyOrShortageField }));

  // 3. Monthly income ≥ 1.2 × the standard in force on the acceptance day (§一(三) 3, §一(四) 2). The verdict
  // names the year and figure it used and, when the built-in table is older than the publication rule says it
  // should be, says so (the agent enters the current figure as a wage override; no figure is guessed).
  const wageFacts = wage
    ? { wageYear: wage.usedYear, wageMonthly: wage.figure.monthly, wageOrigin: wage.figure.origin, tableOutdated: wage.tableOutdated, dueSince: wage.dueSince }
    : {};
  const outdatedNote = wage?.tableOutdated
    ? bi(`（注意：${wage.targetYear} 年度数据应已于 ${wage.dueSince} 前后公布，内置数据未含，请在设置中录入）`, ` (note: the ${wage.targetYear} figure should have been published around ${wage.dueSince}; it is not built in — enter it in the settings)`)
    : bi('', '');
  if (!f.monthlyIncome || f.monthlyIncome.length === 0 || !wage) {
    conditions.push(
      cond(
        RULE_INCOME_MONTHLY,
        'unknown',
        wage
          ? bi(`缺少近 6 或 12 个月应税收入（按 ${wage.usedYear} 年度标准，月平均工资 ${wage.figure.monthly} 元）${outdatedNote.zh}`, `monthly taxable income missing (${wage.usedYear} standard, ${wage.figure.monthly} CNY a month)${outdatedNote.en}`)
          : bi('缺少平均工资数据：请在设置中录入', 'no wage figure available: enter it in the settings'),
        wageFacts,
      ),
    );
  } else {
    const r = monthlyIncomeTest({ months: f.monthlyIncome, standardMonthly: wage.figure.monthly, standardYear: wage.usedYear, asOf: onDate });
    extra.push(...r.findings);
    const m = r.findings[0].message;
    conditions.push(cond(RULE_INCOME_MONTHLY, r.status, bi(m.zh + outdatedNote.zh, m.en + outdatedNote.en), { threshold: r.threshold, ...wageFacts, windows: r.windows, notCounted: r.notCounted }));
  }

  // 4. ≥ 6 months ("6 个月以上" includes 6) of both social insurance and income tax at the current employer.
  const months = [f.socialInsuranceMonths, f.incomeTaxMonths];
  const siStatus: ConditionStatus = months.some((m) => m !== undefined && m < 6) ? 'not-met' : months.some((m) => m === undefined) ? 'unknown' : 'met';
  conditions.push(
    simple(
      RULE_APPLICANT_SOCIAL_INSURANCE,
      siStatus,
      bi(`社保 ${f.socialInsuranceMonths ?? '?'} 个月、个税 ${f.incomeTaxMonths ?? '?'} 个月（均须连续 ≥ 6）`, `social insurance ${f.socialInsuranceMonths ?? '?'} months, income tax ${f.incomeTaxMonths ?? '?'} months (both ≥ 6 continuous)`),
      { socialInsuranceMonths: f.socialInsuranceMonths, incomeTaxMonths: f.incomeTaxMonths },
    ),
  );

  // 5. Residence: choosing one of the five proofs of §六(二) 4 is the applicant's declaration.
  // A housing document that already fails §五 (a short lease) makes the declaration unproven: the same verdict
  // the side panel, overlay and print view show for that item (issue #18 item 3).
  const housingLabel = f.housing ? HOUSING_LABELS[f.housing] : bi('未选择', 'not chosen');
  const shortfalls = f.housing ? (f.housingProofShortfalls ?? []) : [];
  conditions.push(
    simple(
      RULE_APPLICANT_RESIDENCE,
      shortfalls.length ? 'not-met' : f.housing ? 'attested' : 'unknown',
      bi(
        [`住所证明：${housingLabel.zh}`, ...shortfalls.map((m) => m.zh)].join('；'),
        [`housing proof: ${housingLabel.en}`, ...shortfalls.map((m) => m.en)].join('; '),
      ),
      { housing: f.housing, ...(shortfalls.length ? { shortfalls: shortfalls.length } : {}) },
    ),
  );

  // 6. Below retirement age; a woman whose original age (55/50) is unknown is judged on both.
  if (!f.birthDate || !f.gender) {
    conditions.push(simple(RULE_RETIREMENT_AGE, 'unknown', bi('缺少出生日期或性别', 'birth date or gender missing'), {}));
  } else {
    const ages: (60 | 55 | 50)[] = f.gender === 'male' ? [60] : f.originalRetirementAge ? [f.originalRetirementAge] : [55, 50];
    const results = ages.map((age) => belowRetirementAge({ birthDate: f.birthDate!, gender: f.gender!, originalAge: age }, onDate));
    const status: ConditionStatus = results.every((r) => r.ok) ? 'met' : results.every((r) => !r.ok) ? 'not-met' : 'unknown';
    conditions.push(
      cond(
        RULE_RETIREMENT_AGE,
        status,
        status === 'unknown'
          ? bi('按 55 岁与 50 岁原退休年龄结论不同，请指明原法定退休年龄', 'The 55 and 50 original ages disagree; give the original retirement age')
          : results[0].finding.message,
        { retirementDates: results.map((r) => r.retirement.date), onDate },
      ),
    );
  }

  return {
    verdict: verdictOf(conditions),
    conditions,
    categories,
    wage,
    findings: toFindings([...conditions, ...Object.values(categories)], extra),
  };
}

/** One fact a category's pre-check needs, as a path into {@link ApplicantFacts}. */
export interface CategoryInput {
  readonly path: string;
  readonly label: Bilingual;
  readonly section: string;
}

/**
 * What the eligibility card asks for each category (issue #14 4.3), so that D–H can be pre-checked like A–C: the
 * employer kind for D/E, three years of taxable income, patents with the author rank and the commercialisation,
 * the team's investment / financing / tax and the shareholding, the yearly tax of H (自由职业者、个体工商户等人员).
 * Every path is read by {@link assessApplicant}; a test checks that each one changes its category's status.
 */
export const CATEGORY_INPUTS: Readonly<Record<Category, readonly CategoryInput[]>> = {
  A: [
    { path: 'workExperienceMonths', label: bi('工作经历（月）', 'Work experience (months)'), section: '§一(三) 1 (1)' },
    { path: 'highestEducation', label: bi('最高学历', 'Highest education'), section: '§一(三) 1 (1)' },
    { path: 'hasDegree', label: bi('取得相应学位', 'Holds the degree'), section: '§一(三) 1 (1)' },
  ],
  B: [{ path: 'professionalTitle', label: bi('专业技术职称', 'Professional title'), section: '§一(三) 1 (2)' }],
  C: [{ path: 'awardWinner', label: bi('国家或本市科学技术、文学艺术、哲学社会科学等类奖项获奖人', 'Winner of a national or Beijing award'), section: '§一(三) 1 (3)' }],
  D: [
    { path: 'employerIsInnovationEntity', label: bi('单位为新型研发机构、创新型总部企业、高新技术企业等科技创新主体', 'The employer is a science/innovation entity'), section: '§一(三) 1 (4)' },
    { path: 'yearlyTaxableIncome', label: bi('近三年每年应税收入', 'Taxable income of each of the last 3 years'), section: '§一(三) 1 (4)' },
  ],
  E: [
    { path: 'employerIsServiceEntity', label: bi('单位为律师、会计、审计、税务师事务所、人力资源服务机构、金融机构等科技创新服务主体', 'The employer is a science/innovation service entity'), section: '§一(三) 1 (5)' },
    { path: 'yearlyTaxableIncome', label: bi('近三年每年应税收入', 'Taxable income of each of the last 3 years'), section: '§一(三) 1 (5)' },
  ],
  F: [
    { path: 'ip.inventionPatents', label: bi('发明专利授权（项）', 'Granted invention patents'), section: '§一(三) 1 (6)' },
    { path: 'ip.otherPatents', label: bi('其他专利授权（项）', 'Other granted patents'), section: '§一(三) 1 (6)' },
    { path: 'ip.softwareCopyrights', label: bi('软件著作权登记（项）', 'Software copyright registrations'), section: '§一(三) 1 (6)' },
    { path: 'ip.authorRank', label: bi('作者排名（第二作者（含）以上）', 'Author rank (second or better)'), section: '§一(三) 1 (6)' },
    { path: 'ip.commercialisedInBeijing', label: bi('在京落地转化并取得较好经济社会效益', 'Commercialised in Beijing with good results'), section: '§一(三) 1 (6)' },
  ],
  G: [
    { path: 'team.ownInvestment3y', label: bi('团队近三年累计自主投入（元）', "The team's own investment over 3 years (CNY)"), section: '§一(三) 1 (7)' },
    { path: 'team.equityFinancing', label: bi('股权类现金融资（元）', 'Equity financing (CNY)'), section: '§一(三) 1 (7)' },
    { path: 'team.averageYearlyTax3y', label: bi('近三年平均每年纳税（元）', 'Average yearly tax over 3 years (CNY)'), section: '§一(三) 1 (7)' },
    { path: 'team.shareholdingPercent', label: bi('持股比例（%）', 'Shareholding (%)'), section: '§一(三) 1 (7)' },
    { path: 'team.shareholderRank', label: bi('自然人股东持股排名', 'Rank among natural-person shareholders'), section: '§一(三) 1 (7)' },
  ],
  H: [
    { path: 'freelancer.isFreelancerOrIndividualBusiness', label: bi('自由职业者、个体工商户等人员', 'Freelancer, individual business or similar person'), section: '§一(三) 1 (8)' },
    { path: 'freelancer.outstandingContribution', label: bi('对本市科技创新、科技成果转移转化或文化创意贡献突出', 'Outstanding contribution to Beijing innovation, technology transfer or creative industries'), section: '§一(三) 1 (8)' },
    { path: 'freelancer.yearlyTax', label: bi('近 3 年每年纳税额', 'Tax of each of the last 3 years'), section: '§一(三) 1 (8)' },
  ],
  recommended: [{ path: 'recommendedByDistrict', label: bi('由大兴区按程序推荐并经市人才工作局批准', 'Recommended by Daxing and approved by the city talent bureau'), section: '§一(三) 1 (9)' }],
};
