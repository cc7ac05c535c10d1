/**
 * Income and tax tests of §一(三). Wording → comparison (《民法典》第一千二百五十九条: "以上、以下、以内、
 * 届满" include the number; "不满、超过、以外" do not):
 * - §一(三) 3 "不低于 … 1.2 倍": average ≥ 1.2 × monthly standard, over the last 6 OR the last 12 months;
 * - §一(三) 1 (4)(5) "超过 … 3 倍 / 6 倍": each of the last 3 years' income > 3× / 6× the annual standard;
 * - §一(三) 1 (7) "超过500万元" (own investment) >, "大于1000万元" (equity financing) >, "纳税500万元以上"
 *   (average yearly tax) ≥, "持股比例不低于5%" ≥, "排名前五位" rank ≤ 5;
 * - §一(三) 1 (8) "20万元（含）以上": each of the last 3 years' tax ≥ 200,000.
 * Money is compared in integer fen so that 1.2 × 11937 = 14324.4 does not suffer from floating point.
 */
import { z } from 'zod';
import { IsoDate } from './model';
import { YearMonth, fromMonthIndex, monthIndex } from './dates';
import { bi, defineRule, finding, type ConditionStatus, type Finding } from './rule';
import { Money, parseInput } from './validate';

const toFen = (yuan: number): number => Math.round(yuan * 100);
const yuan = (fen: number): number => fen / 100;

export const RULE_INCOME_MONTHLY = defineRule({
  id: 'income-monthly-1-2x',
  section: '§一(三) 3, §一(四) 2',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '近 6 个月或近 12 个月月均应税收入不低于上年度本市月平均工资的 1.2 倍',
    en: "Average monthly taxable income over the last 6 or 12 months is at least 1.2 × last year's Beijing average monthly wage",
  },
});

export const RULE_INCOME_D = defineRule({
  id: 'income-category-d-3x',
  section: '§一(三) 1 (4)',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '类别 D：近三年每年应税收入超过上一年度本市平均工资 3 倍',
    en: 'Category D: taxable income in each of the last 3 years exceeds 3 × the annual average wage',
  },
});

export const RULE_INCOME_E = defineRule({
  id: 'income-category-e-6x',
  section: '§一(三) 1 (5)',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '类别 E：近三年每年应税收入超过上一年度本市平均工资 6 倍',
    en: 'Category E: taxable income in each of the last 3 years exceeds 6 × the annual average wage',
  },
});

export const RULE_TAX_H = defineRule({
  id: 'tax-category-h-200k',
  section: '§一(三) 1 (8)',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '类别 H：近 3 年每年纳税额 20 万元（含）以上',
    en: 'Category H: tax paid in each of the last 3 years is at least 200,000 CNY',
  },
});

export const RULE_G_TEAM = defineRule({
  id: 'category-g-team-threshold',
  section: '§一(三) 1 (7)',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '类别 G：团队近三年累计自主投入超过 500 万元，或股权类现金融资大于 1000 万元，或近三年平均每年纳税 500 万元以上',
    en: 'Category G: team own investment > 5 M CNY over 3 years, or equity financing > 10 M CNY, or average yearly tax ≥ 5 M CNY over 3 years',
  },
});

export const RULE_G_SHAREHOLDER = defineRule({
  id: 'category-g-shareholder',
  section: '§一(三) 1 (7)',
  file: 'rules/income.ts',
  severity: 'error',
  description: {
    zh: '类别 G：持股比例不低于 5% 且排名前五位的自然人股东',
    en: 'Category G: natural-person shareholder holding at least 5 % and ranked in the top five',
  },
});

/** Multiplier of §一(三) 3. */
export const MONTHLY_MULTIPLIER = 1.2;

/** One month's taxable income (所属期 `yyyy-MM`). */
export const MonthlyIncome = z.object({ month: YearMonth, taxable: Money });

/** Input of {@link monthlyIncomeTest}. */
export const MonthlyIncomeTestInput = z
  .object({
    months: z.array(MonthlyIncome).min(1),
    /** The monthly wage standard in force (see wageStandard). */
    standardMonthly: z.number().positive(),
    /** The year of that standard (wageStandard(...).usedYear), carried into the verdict. */
    standardYear: z.number().int().optional(),
    /**
     * The filing day (or today): the windows are the 6 and 12 所属期 months before its month (§六(二) 5
     * 「所属期为申报时期近6个月或近12个月」), whatever months were entered.
     */
    asOf: IsoDate.optional(),
    /** The most recent 所属期 of the windows, when given explicitly instead of `asOf`. */
    lastMonth: YearMonth.optional(),
  })
  .refine((v) => new Set(v.months.map((m) => m.month)).size === v.months.length, {
    message: '同一月份重复填写 / A month is listed twice',
    path: ['months'],
  })
  .refine((v) => v.asOf !== undefined || v.lastMonth !== undefined, {
    message: '缺少申报日期：收入窗口按申报日（或今天）确定 / Missing the filing day: the income windows are anchored on it (or today)',
    path: ['asOf'],
  });
export type MonthlyIncomeTestInput = z.input<typeof MonthlyIncomeTestInput>;

/** One averaging window. */
export interface IncomeWindow {
  readonly size: 6 | 12;
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** Months of the window with no figure; the average is computed only when none is missing. */
  readonly missing: readonly YearMonth[];
  readonly average: number | null;
  readonly ok: boolean | null;
}

/** The monthly income verdict. */
export interface MonthlyIncomeResult {
  readonly status: ConditionStatus;
  /** The year and monthly figure of the standard used (when the caller gave the year). */
  readonly standardYear?: number;
  readonly standardMonthly: number;
  /** Months entered that lie outside both windows: not counted. */
  readonly notCounted: readonly YearMonth[];
  /** 1.2 × the standard, in yuan (may carry fen). */
  readonly threshold: number;
  readonly windows: readonly [IncomeWindow, IncomeWindow];
  readonly findings: readonly Finding[];
}

/**
 * §一(三) 3: passes when the average over the last 6 months or over the last 12 months is at least
 * 1.2 × the monthly standard. The windows end with the month before the filing day's month (`asOf`; the
 * latest full 所属期) — never with the last month entered: months outside the windows do not count, and a
 * month of a window that was not entered makes that window incomplete (not assumed zero). The status is
 * 'unknown' (incomplete) when no complete window passes and one is incomplete.
 */
export function monthlyIncomeTest(input: MonthlyIncomeTestInput): MonthlyIncomeResult {
  const v = parseInput(MonthlyIncomeTestInput, input);
  const byMonth = new Map(v.months.map((m) => [m.month, toFen(m.taxable)]));
  const last = v.lastMonth ? monthIndex(v.lastMonth) : monthIndex(v.asOf!) - 1;
  const notCounted = v.months.map((m) => m.month).filter((m) => monthIndex(m) > last || monthIndex(m) < last - 11).sort();
  const standardFen = toFen(v.standardMonthly);
  const win = (size: 6 | 12): IncomeWindow => {
    const months = Array.from({ length: size }, (_, i) => fromMonthIndex(last - size + 1 + i));
    const missing = months.filter((m) => !byMonth.has(m));
    if (missing.length) return { size, from: months[0], to: months[size - 1], missing, average: null, ok: null };
    const sum = months.reduce((s, m) => s + (byMonth.get(m) ?? 0), 0);
    // average ≥ 1.2 × standard  ⇔  sum × 10 ≥ 12 × standard × size (all in fen).
    const ok = sum * 10 >= 12 * standardFen * size;
    return { size, from: months[0], to: months[size - 1], missing, average: Math.round(sum / size) / 100, ok };
  };
  const windows: [IncomeWindow, IncomeWindow] = [win(6), win(12)];
  const status: ConditionStatus = windows.some((w) => w.ok === true)
    ? 'met'
    : windows.some((w) => w.ok === null)
      ? 'unknown'
      : 'not-met';
  const threshold = yuan(Math.round((standardFen * 12) / 10));
  const basisZh = `${v.standardYear !== undefined ? `按 ${v.standardYear} 年度标准` : '按'}月平均工资 ${v.standardMonthly} 元，1.2 倍为 ${threshold} 元：`;
  const basisEn = `${v.standardYear !== undefined ? `${v.standardYear} standard, ` : ''}average monthly wage ${v.standardMonthly} CNY, 1.2 × = ${threshold} CNY: `;
  const outside = notCounted.length ? bi(`（${notCounted.join('、')} 不在近 12 个月内，不计入）`, ` (${notCounted.join(', ')} outside the last 12 months, not counted)`) : bi('', '');
  const describe = (w: IncomeWindow): string =>
    w.average === null ? `近${w.size}个月缺 ${w.missing.join('、')}` : `近${w.size}个月月均 ${w.average} 元`;
  const describeEn = (w: IncomeWindow): string =>
    w.average === null ? `last ${w.size} months missing ${w.missing.join(', ')}` : `last ${w.size} months average ${w.average}`;
  const core =
    status === 'met'
      ? bi(
          `${windows.map(describe).join('；')}，达到 1.2 倍标准 ${threshold} 元`,
          `${windows.map(describeEn).join('; ')}: reaches 1.2 × the standard, ${threshold} CNY`,
        )
      : status === 'not-met'
        ? bi(
            `${windows.map(describe).join('；')}，均低于 1.2 倍标准 ${threshold} 元`,
            `${windows.map(describeEn).join('; ')}: both below 1.2 × the standard, ${threshold} CNY`,
          )
        : bi(
            `${windows.map(describe).join('；')}；不完整：请补齐月份以判断是否达到 ${threshold} 元`,
            `${windows.map(describeEn).join('; ')}; incomplete: add the missing months to judge against ${threshold} CNY`,
          );
  const message = bi(basisZh + core.zh + outside.zh, basisEn + core.en + outside.en);
  return {
    status,
    ...(v.standardYear !== undefined ? { standardYear: v.standardYear } : {}),
    standardMonthly: v.standardMonthly,
    notCounted,
    threshold,
    windows,
    findings: [
      finding(RULE_INCOME_MONTHLY, status === 'met', message, {
        standardYear: v.standardYear,
        standardMonthly: v.standardMonthly,
        threshold,
        windows,
        notCounted,
      }, status === 'unknown' ? 'warning' : RULE_INCOME_MONTHLY.severity),
    ],
  };
}

/** One calendar year's amount (income or tax). */
export const YearlyAmount = z.object({ year: z.number().int().min(1990).max(2100), amount: Money });

const yearsUnique = (ys: ReadonlyArray<{ year: number }>): boolean => new Set(ys.map((y) => y.year)).size === ys.length;
const DUP_YEAR = { message: '同一年度重复填写 / A year is listed twice', path: ['years'] };

/** Input of {@link annualIncomeMultipleTest}. */
export const AnnualIncomeMultipleInput = z
  .object({
    years: z.array(YearlyAmount).min(1),
    /** The annual wage standard in force (wageStandard(...).figure.annual). */
    annualStandard: z.number().positive(),
    multiple: z.union([z.literal(3), z.literal(6)]),
    /** The most recent of the 3 years; defaults to the latest year given. */
    lastYear: z.number().int().optional(),
  })
  .refine((v) => yearsUnique(v.years), DUP_YEAR);
export type AnnualIncomeMultipleInput = z.input<typeof AnnualIncomeMultipleInput>;

/** A per-year test over the last 3 years. */
export interface ThreeYearResult {
  readonly status: ConditionStatus;
  readonly threshold: number;
  readonly perYear: ReadonlyArray<{ year: number; amount: number | null; ok: boolean | null }>;
  readonly findings: readonly Finding[];
}

function threeYears(
  years: ReadonlyArray<{ year: number; amount: number }>,
  lastYear: number | undefined,
  passes: (amountFen: number) => boolean,
): { status: ConditionStatus; perYear: ThreeYearResult['perYear'] } {
  const last = lastYear ?? Math.max(...years.map((y) => y.year));
  const byYear = new Map(years.map((y) => [y.year, y.amount]));
  const perYear = [last - 2, last - 1, last].map((year) => {
    const amount = byYear.get(year);
    return amount === undefined ? { year, amount: null, ok: null } : { year, amount, ok: passes(toFen(amount)) };
  });
  const status: ConditionStatus = perYear.some((p) => p.ok === false)
    ? 'not-met'
    : perYear.some((p) => p.ok === null)
      ? 'unknown'
      : 'met';
  return { status, perYear };
}

/**
 * §一(三) 1 (4) (multiple 3, category D) and (5) (multiple 6, category E): taxable income in each of the
 * last 3 years strictly exceeds multiple × the annual standard. Reading: one standard — the annual figure
 * in force on the filing day ("上一年度", as §一(四) 2 judges on the acceptance day) — for all three years.
 */
export function annualIncomeMultipleTest(input: AnnualIncomeMultipleInput): ThreeYearResult {
  const v = parseInput(AnnualIncomeMultipleInput, input);
  const limitFen = toFen(v.annualStandard) * v.multiple;
  const { status, perYear } = threeYears(v.years, v.lastYear, (fen) => fen > limitFen);
  const threshold = yuan(limitFen);
  const rule = v.multiple === 3 ? RULE_INCOME_D : RULE_INCOME_E;
  const list = perYear.map((p) => `${p.year}: ${p.amount ?? '—'}`).join('，');
  const message =
    status === 'met'
      ? bi(`近三年每年应税收入均超过 ${threshold} 元（${list}）`, `Each of the last 3 years exceeds ${threshold} CNY (${list})`)
      : status === 'not-met'
        ? bi(
            `有年度应税收入未超过 ${threshold} 元（${v.multiple} 倍年平均工资；须严格超过）（${list}）`,
            `A year does not exceed ${threshold} CNY (${v.multiple} × the annual average; must be strictly greater) (${list})`,
          )
        : bi(`缺少年度收入数据（${list}）`, `Missing yearly income (${list})`);
  return {
    status,
    threshold,
    perYear,
    findings: [finding(rule, status === 'met', message, { annualStandard: v.annualStandard, multiple: v.multiple, threshold, perYear })],
  };
}

/** Tax floor of category H (§一(三) 1 (8)), inclusive. */
export const CATEGORY_H_TAX_FLOOR = 200_000;

/** Input of {@link categoryHTaxTest}. */
export const CategoryHTaxInput = z
  .object({ years: z.array(YearlyAmount).min(1), lastYear: z.number().int().optional() })
  .refine((v) => yearsUnique(v.years), DUP_YEAR);
export type CategoryHTaxInput = z.input<typeof CategoryHTaxInput>;

/** §一(三) 1 (8): tax paid in each of the last 3 years ≥ 200,000 CNY ("20万元（含）以上"). */
export function categoryHTaxTest(input: CategoryHTaxInput): ThreeYearResult {
  const v = parseInput(CategoryHTaxInput, input);
  const floor = toFen(CATEGORY_H_TAX_FLOOR);
  const { status, perYear } = threeYears(v.years, v.lastYear, (fen) => fen >= floor);
  const list = perYear.map((p) => `${p.year}: ${p.amount ?? '—'}`).join('，');
  const message =
    status === 'met'
      ? bi(`近 3 年每年纳税均达到 20 万元（含）（${list}）`, `Each of the last 3 years' tax reaches 200,000 CNY (${list})`)
      : status === 'not-met'
        ? bi(`有年度纳税额不足 20 万元（${list}）`, `A year's tax is below 200,000 CNY (${list})`)
        : bi(`缺少年度纳税数据（${list}）`, `Missing yearly tax (${list})`);
  return {
    status,
    threshold: CATEGORY_H_TAX_FLOOR,
    perYear,
    findings: [finding(RULE_TAX_H, status === 'met', message, { floor: CATEGORY_H_TAX_FLOOR, perYear })],
  };
}

/** Thresholds of §一(三) 1 (7). */
export const CATEGORY_G = {
  ownInvestmentOver: 5_000_000,
  equityFinancingOver: 10_000_000,
  averageYearlyTaxAtLeast: 5_000_000,
  shareholdingAtLeastPercent: 5,
  rankAtMost: 5,
} as const;

/** G's three sub-cases (material sets §六(二) 7 G 1–3). */
export const CategoryGSubcase = z.enum(['own-investment', 'equity-financing', 'tax']);
export type CategoryGSubcase = z.infer<typeof CategoryGSubcase>;

/** Input of {@link categoryGTest}; missing facts make their part 'unknown'. */
export const CategoryGInput = z.object({
  ownInvestment3y: Money.optional(),
  equityFinancing: Money.optional(),
  averageYearlyTax3y: Money.optional(),
  shareholdingPercent: z.number().min(0).max(100).optional(),
  shareholderRank: z.number().int().min(1).optional(),
});
export type CategoryGInput = z.input<typeof CategoryGInput>;

/** Category G verdict. */
export interface CategoryGResult {
  readonly status: ConditionStatus;
  readonly subcases: Readonly<Record<CategoryGSubcase, ConditionStatus>>;
  readonly shareholder: ConditionStatus;
  readonly findings: readonly Finding[];
}

/**
 * §一(三) 1 (7): the team meets at least one sub-case (> 5 M own investment over 3 years; > 10 M equity
 * financing; ≥ 5 M average yearly tax over 3 years — "以上" includes the number) and the applicant is a
 * natural-person shareholder with ≥ 5 % ranked in the top five.
 */
export function categoryGTest(input: CategoryGInput): CategoryGResult {
  const v = parseInput(CategoryGInput, input);
  const cmp = (x: number | undefined, ok: (fen: number) => boolean): ConditionStatus =>
    x === undefined ? 'unknown' : ok(toFen(x)) ? 'met' : 'not-met';
  const subcases = {
    'own-investment': cmp(v.ownInvestment3y, (f) => f > toFen(CATEGORY_G.ownInvestmentOver)),
    'equity-financing': cmp(v.equityFinancing, (f) => f > toFen(CATEGORY_G.equityFinancingOver)),
    tax: cmp(v.averageYearlyTax3y, (f) => f >= toFen(CATEGORY_G.averageYearlyTaxAtLeast)),
  } satisfies Record<CategoryGSubcase, ConditionStatus>;
  const team: ConditionStatus = Object.values(subcases).includes('met')
    ? 'met'
    : Object.values(subcases).includes('unknown')
      ? 'unknown'
      : 'not-met';
  const pct: ConditionStatus =
    v.shareholdingPercent === undefined ? 'unknown' : v.shareholdingPercent >= CATEGORY_G.shareholdingAtLeastPercent ? 'met' : 'not-met';
  const rank: ConditionStatus =
    v.shareholderRank === undefined ? 'unknown' : v.shareholderRank <= CATEGORY_G.rankAtMost ? 'met' : 'not-met';
  const shareholder: ConditionStatus = pct === 'not-met' || rank === 'not-met' ? 'not-met' : pct === 'unknown' || rank === 'unknown' ? 'unknown' : 'met';
  const status: ConditionStatus =
    team === 'not-met' || shareholder === 'not-met' ? 'not-met' : team === 'unknown' || shareholder === 'unknown' ? 'unknown' : 'met';
  const facts = { ...v, thresholds: CATEGORY_G, subcases };
  return {
    status,
    subcases,
    shareholder,
    findings: [
      finding(
        RULE_G_TEAM,
        team === 'met',
        team === 'met'
          ? bi(
              `团队满足：${Object.entries(subcases).filter(([, s]) => s === 'met').map(([k]) => G_LABEL[k as CategoryGSubcase].zh).join('、')}`,
              `Team meets: ${Object.entries(subcases).filter(([, s]) => s === 'met').map(([k]) => G_LABEL[k as CategoryGSubcase].en).join(', ')}`,
            )
          : team === 'not-met'
            ? bi('团队三项条件均未达到', 'The team meets none of the three thresholds')
            : bi('团队条件数据不全', 'Team figures are incomplete'),
        facts,
      ),
      finding(
        RULE_G_SHAREHOLDER,
        shareholder === 'met',
        shareholder === 'met'
          ? bi(`持股 ${v.shareholdingPercent}%，排名第 ${v.shareholderRank}`, `Holds ${v.shareholdingPercent} %, ranked ${v.shareholderRank}`)
          : shareholder === 'not-met'
            ? bi('持股比例须不低于 5% 且排名前五位', 'Shareholding must be at least 5 % and in the top five')
            : bi('缺少持股比例或排名', 'Shareholding or rank missing'),
        facts,
      ),
    ],
  };
}

/** zh/en labels of G's sub-cases. */
export const G_LABEL: Readonly<Record<CategoryGSubcase, { zh: string; en: string }>> = {
  'own-investment': { zh: '近三年累计自主投入超过 500 万元', en: 'own investment over 5 M CNY in 3 years' },
  'equity-financing': { zh: '股权类现金融资大于 1000 万元', en: 'equity financing over 10 M CNY' },
  tax: { zh: '近三年平均每年纳税 500 万元以上', en: 'average yearly tax of 5 M CNY or more over 3 years' },
};
