/** Cases: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import {
  BusinessType,
  CaseStatus,
  Category,
  EducationLevel,
  HousingOption,
} from '../../rules/model';
import { InfoChangeItem } from '../../rules/checklist';
import { CategoryGSubcase, MonthlyIncome } from '../../rules/income';
import { TitleLevel } from '../../rules/eligibility';
import {
  Day,
  LIMITS,
  RecordId,
  Timestamp,
  trimmed,
} from './common';

export const Child = z.strictObject({
  birthDate: Day,
  name: trimmed(LIMITS.name).optional(),
});

/**
 * The conditional facts the checklist depends on (§六(二)–(六)), named as rules/checklist.ts
 * ChecklistFacts names them (except `children`, kept as birth dates: pass `children.length` to the
 * checklist, the dates to the under-16 check). Every fact is optional: unknown until the agent answers.
 * Patching `facts` merges fact by fact; `null` clears one.
 */
/** An amount in yuan (two decimals at most is the form's business; the schema bounds it). */
const Amount = z.number().min(0).max(1e13);
/** A calendar year's amount (income or tax). */
const YearAmount = z.strictObject({ year: z.number().int().min(1990).max(2100), amount: Amount });

export const CaseFactsShape = {
  category: Category,
  /** §六(二) 7 G: which sub-cases of the shareholder category apply. */
  gSubcases: z.array(CategoryGSubcase).max(3),
  /** §六(二) 6: children listed as 随往子女 (their birth dates decide the under-16 warning). */
  children: z.array(Child).max(LIMITS.children),
  /** §六(二) 6: a divorced applicant with custody adds the divorce papers. */
  divorcedWithCustody: z.boolean(),
  /** §六(二) 4: which of the housing proofs. */
  housing: HousingOption,
  /** §六(二) 4 ①: deed or online purchase contract; owner is the spouse. */
  ownHome: z.strictObject({ document: z.enum(['certificate', 'online-contract']).optional(), ownerIsSpouse: z.boolean().optional() }),
  /** §六(二) 7 A: the system marked the diploma / degree 无效 → verification reports needed. */
  diplomaMarkedInvalid: z.boolean(),
  degreeMarkedInvalid: z.boolean(),
  /** §六(二) 7 B: title obtained by exam (考试) or by review (评审). */
  titleObtainedBy: z.enum(['exam', 'review']),
  /** §六(二) 7 B: senior titles add the appointment notice. */
  titleIsSenior: z.boolean(),
  /** §六(二) 4 ③ 单位公房: the owning unit gives a property proof or a lease (合同类, 6 months, §五). */
  employerHousingDocument: z.enum(['property-proof', 'lease']),
  /** §提示 特别注意 1: a holder from the old system who has not completed the information and uploads yet. */
  oldSystemHolder: z.boolean(),
  /** §六(一) 1 (1) ⑥: paid-in capital visible in the public credit systems. */
  paidInCapitalPublic: z.boolean(),
  /** §六(五): the items a personal information change concerns, and the wording stated on submission. */
  changedItems: z.array(InfoChangeItem).max(10),
  changeNote: trimmed(LIMITS.changeNote),
  /** The labour contract's term (§五: contracts need ≥ 6 months left). */
  contractStart: Day,
  contractEnd: Day,
  /** §六(二) 5: income materials for the last 6 or 12 months. */
  incomeMonths: z.union([z.literal(6), z.literal(12)]),
  /** §六(四): leaving date on the old employer's certificate. */
  leavingDate: Day,
  // The applicant pre-check (§一(三), rules/eligibility.ts assessApplicant): what the agent has
  // verified with the applicant. Only the eligibility card reads these; none changes the checklist.
  /** §一(三) 1 A: highest education, whether the matching degree is held, months of work experience. */
  highestEducation: EducationLevel,
  hasDegree: z.boolean(),
  workExperienceMonths: z.number().int().min(0).max(720),
  /** §一(三) 1 B: professional title level. */
  professionalTitle: TitleLevel,
  /** §一(三) 1 C: winner of a recognised award (declared). */
  awardWinner: z.boolean(),
  /** §一(三) 2: the field or post is a key or shortage field (declared). */
  keyOrShortageField: z.boolean(),
  /** §一(三) 4: continuous months of social insurance and of income tax paid by this employer. */
  socialInsuranceMonths: z.number().int().min(0).max(600),
  incomeTaxMonths: z.number().int().min(0).max(600),
  /** §一(三) 3: taxable income per 所属期 month (the last 6 or 12 months are averaged). */
  monthlyIncome: z.array(MonthlyIncome).max(24),
  /** §一(三) 6: a woman's original statutory retirement age (55 cadre / 50 worker). */
  originalRetirementAge: z.union([z.literal(55), z.literal(50)]),
  // Categories D–H and the recommended one (§一(三) 1 (4)–(9)); rules/eligibility.ts CATEGORY_INPUTS lists them.
  /** D / E: the employer is a science/innovation entity, or a science/innovation service entity. */
  employerIsInnovationEntity: z.boolean(),
  employerIsServiceEntity: z.boolean(),
  /** D / E: taxable income per calendar year (the last three). */
  yearlyTaxableIncome: z.array(YearAmount).max(10),
  /** F: granted patents and software copyrights, author rank (1 = first), commercialised in Beijing. */
  ip: z.strictObject({
    inventionPatents: z.number().int().min(0).max(10_000).optional(),
    otherPatents: z.number().int().min(0).max(10_000).optional(),
    softwareCopyrights: z.number().int().min(0).max(10_000).optional(),
    authorRank: z.number().int().min(1).max(1000).optional(),
    commercialisedInBeijing: z.boolean().optional(),
  }),
  /** G: the team's figures and the applicant's shareholding. */
  team: z.strictObject({
    ownInvestment3y: Amount.optional(),
    equityFinancing: Amount.optional(),
    averageYearlyTax3y: Amount.optional(),
    shareholdingPercent: z.number().min(0).max(100).optional(),
    shareholderRank: z.number().int().min(1).max(1000).optional(),
  }),
  /** H: 自由职业者、个体工商户等人员 with outstanding contribution, tax paid per year. */
  freelancer: z.strictObject({
    isFreelancerOrIndividualBusiness: z.boolean().optional(),
    outstandingContribution: z.boolean().optional(),
    yearlyTax: z.array(YearAmount).max(10).optional(),
  }),
  /** (9): recommended by Daxing and approved by the city talent bureau (declared). */
  recommendedByDistrict: z.boolean(),
} as const;

type FactKey = keyof typeof CaseFactsShape;
const FACT_KEYS = Object.keys(CaseFactsShape) as FactKey[];

export const CaseFacts = z
  .strictObject(
    Object.fromEntries(FACT_KEYS.map((k) => [k, CaseFactsShape[k].optional()])) as {
      [K in FactKey]: z.ZodOptional<(typeof CaseFactsShape)[K]>;
    },
  )
  .refine((f) => !f.contractStart || !f.contractEnd || f.contractStart <= f.contractEnd, {
    message: '合同结束日期早于开始日期 / The contract ends before it starts',
    path: ['contractEnd'],
  });
export type CaseFacts = z.infer<typeof CaseFacts>;

/** A facts patch: each fact optional, `null` clears it. */
export const CaseFactsPatch = z.strictObject(
  Object.fromEntries(FACT_KEYS.map((k) => [k, CaseFactsShape[k].nullable().optional()])) as {
    [K in FactKey]: z.ZodOptional<z.ZodNullable<(typeof CaseFactsShape)[K]>>;
  },
);
export type CaseFactsPatch = z.input<typeof CaseFactsPatch>;

/** Businesses that belong to the employer, not to one employee (§六(一) 1 (1), §六(六)). */
export const COMPANY_BUSINESSES: ReadonlySet<BusinessType> = new Set(['employer-registration', 'authority-change']);

const caseDates = {
  submittedOn: Day,
  acceptedOn: Day,
  decidedOn: Day,
  permitValidFrom: Day,
  permitValidUntil: Day,
};

function checkCaseDates(c: { submittedOn?: string; acceptedOn?: string; decidedOn?: string; permitValidFrom?: string; permitValidUntil?: string }, ctx: z.RefinementCtx) {
  if (c.submittedOn && c.acceptedOn && c.acceptedOn < c.submittedOn) {
    ctx.addIssue({ code: 'custom', path: ['acceptedOn'], message: '受理日期早于提交日期 / Accepted before it was submitted' });
  }
  if (c.acceptedOn && c.decidedOn && c.decidedOn < c.acceptedOn) {
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '办结日期早于受理日期 / Decided before it was accepted' });
  }
  if (c.permitValidFrom && c.permitValidUntil && c.permitValidUntil <= c.permitValidFrom) {
    ctx.addIssue({ code: 'custom', path: ['permitValidUntil'], message: '证件有效期止早于起 / Permit ends before it starts' });
  }
}

function checkCaseOwner(c: { business: BusinessType; employeeId?: string }, ctx: z.RefinementCtx) {
  if (!COMPANY_BUSINESSES.has(c.business) && !c.employeeId) {
    ctx.addIssue({ code: 'custom', path: ['employeeId'], message: '此业务必须选择员工 / This business needs an employee' });
  }
}

export const CaseInput = z
  .strictObject({
    employeeId: RecordId.optional(),
    business: BusinessType,
    status: CaseStatus.default('draft'),
    submittedOn: caseDates.submittedOn.optional(),
    acceptedOn: caseDates.acceptedOn.optional(),
    decidedOn: caseDates.decidedOn.optional(),
    permitValidFrom: caseDates.permitValidFrom.optional(),
    permitValidUntil: caseDates.permitValidUntil.optional(),
    facts: CaseFacts.default({}),
  })
  .superRefine(checkCaseDates)
  .superRefine(checkCaseOwner);
export type CaseInput = z.input<typeof CaseInput>;

/** A case patch: business and employee are fixed at creation; `facts` merges key by key. */
export const CasePatch = z.strictObject({
  status: CaseStatus.optional(),
  submittedOn: Day.nullable().optional(),
  acceptedOn: Day.nullable().optional(),
  decidedOn: Day.nullable().optional(),
  permitValidFrom: Day.nullable().optional(),
  permitValidUntil: Day.nullable().optional(),
  facts: CaseFactsPatch.optional(),
});
export type CasePatch = z.input<typeof CasePatch>;

export const CaseRow = z
  .strictObject({
    id: RecordId,
    employeeId: RecordId.optional(),
    business: BusinessType,
    status: CaseStatus,
    submittedOn: Day.optional(),
    acceptedOn: Day.optional(),
    decidedOn: Day.optional(),
    permitValidFrom: Day.optional(),
    permitValidUntil: Day.optional(),
    facts: CaseFacts,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine(checkCaseDates)
  .superRefine(checkCaseOwner);
export type Case = z.infer<typeof CaseRow>;
