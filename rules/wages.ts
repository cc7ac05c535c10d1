/**
 * Beijing's average wage of all urban employed persons (本市全口径城镇单位就业人员平均工资), the yardstick of
 * the income tests (§一(三) 1 (4)(5), §一(三) 3). §一(四) 1: the figure is published by the Beijing HR &
 * Social Security Bureau (http://rsj.beijing.gov.cn/ → 便民服务 → 业务名录 → 历年北京市全口径城镇单位就业人员平均工资);
 * "新的…月平均工资公布前，参照上一年度执行" — until the new figure is published, the previous one applies.
 * §一(四) 2: the standard is judged on the day the window accepts the case.
 *
 * The table is data with its provenance. Publication dates are not in our sources, so each is an
 * assumption (1 July of the following year, the bureau usually publishing mid-year) and flagged as such;
 * the user corrects or extends the table with overrides (e.g. the 2025 figure once published).
 */
import { z } from 'zod';
import { IsoDate } from './model';
import { ADVICE, bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

/** One year's figure with its provenance. */
export interface WageFigure {
  /** The year the wages were earned (the figure "of 2024" is published in 2025). */
  readonly year: number;
  readonly monthly: number;
  readonly annual: number;
  /** True when `annual` is `monthly × 12` because the official annual figure is not in our data. */
  readonly annualDerived: boolean;
  /** 'built-in' = this table; 'user' = an override the user entered. */
  readonly origin: 'built-in' | 'user';
  readonly source: string;
  readonly publishedOn: IsoDate;
  /** True when `publishedOn` is an assumption, not a known date. */
  readonly publicationAssumed: boolean;
}

const SOURCE =
  '北京市人力资源和社会保障局「历年北京市全口径城镇单位就业人员平均工资」 / Beijing HR & Social Security Bureau, yearly average wage of all urban employed persons';

function builtIn(year: number, monthly: number, annual?: number): WageFigure {
  return {
    year,
    monthly,
    annual: annual ?? monthly * 12,
    annualDerived: annual === undefined,
    origin: 'built-in',
    source: SOURCE,
    publishedOn: `${year + 1}-07-01`,
    publicationAssumed: true,
  };
}

/** The built-in table (monthly figures as known; only 2022's official annual figure is in our data). */
export const WAGE_TABLE: readonly WageFigure[] = [
  builtIn(2018, 7855),
  builtIn(2019, 8847),
  builtIn(2020, 9407),
  builtIn(2021, 10628),
  builtIn(2022, 11297, 135567),
  builtIn(2023, 11761),
  builtIn(2024, 11937),
];

export const RULE_WAGE_STANDARD = defineRule({
  id: 'wage-standard-previous-year',
  section: '§一(四) 1, §一(四) 2',
  file: 'rules/wages.ts',
  severity: 'warning',
  description: {
    zh: '收入标准取上年度本市全口径城镇单位就业人员平均工资；新数据公布前参照再上一年度执行',
    en: "Income tests use the previous year's Beijing average wage; until it is published, the year before applies",
  },
});

export const RULE_WAGE_TABLE_OUTDATED = defineRule({
  id: 'wage-table-outdated',
  section: ADVICE,
  file: 'rules/wages.ts',
  severity: 'warning',
  description: {
    zh: '内置平均工资表缺少按公布惯例（次年年中）应已公布的年度数据时提示，并请在设置中录入该年度数据（不推测数值）',
    en: 'Says when the built-in wage table lacks a year that should have been published by now (usually mid-year after) and asks for the figure in the settings (no figure is guessed)',
  },
});

/**
 * A figure the agent entered (from the bureau's page), with its year; it wins over the built-in figure of that
 * year. `annual` defaults to monthly × 12 (flagged derived); `publishedOn` defaults to 1 January after the year
 * (the agent saw it published, the day is unknown), so the figure applies from then on.
 */
export const WageOverride = z.object({
  year: z.number().int().min(2000).max(2100),
  monthly: z.number().positive(),
  annual: z.number().positive().optional(),
  publishedOn: IsoDate.optional(),
  source: z.string().trim().min(1).optional(),
});
export type WageOverride = z.input<typeof WageOverride>;

/** Input of {@link wageStandard}. */
export const WageStandardInput = z.object({ onDate: IsoDate, overrides: z.array(WageOverride).default([]) });

/** Why a given year's figure was used. */
export const WageChoiceReason = z.enum(['published', 'target-not-yet-published', 'target-not-in-data']);
export type WageChoiceReason = z.infer<typeof WageChoiceReason>;

/** The standard in force on a day. */
export interface WageStandard {
  readonly onDate: IsoDate;
  /**
   * True when the table lacks the target year although, by the assumed publication date (1 July of the
   * following year), it should have been published by `onDate`: the verdicts may use an out-of-date figure.
   */
  readonly tableOutdated: boolean;
  /** When outdated: the day the missing figure was due (assumed publication date). */
  readonly dueSince?: IsoDate;
  /** The year the rule asks for: the previous year. */
  readonly targetYear: number;
  /** The year actually used. */
  readonly usedYear: number;
  readonly figure: WageFigure;
  /** True when the used year is not the target year. */
  readonly fallback: boolean;
  readonly reason: WageChoiceReason;
  readonly findings: readonly Finding[];
}

/** The table with overrides applied (an override replaces the built-in figure of its year). */
export function wageTable(overrides: readonly WageOverride[] = []): WageFigure[] {
  const parsed = parseInput(z.array(WageOverride), overrides);
  const byYear = new Map<number, WageFigure>(WAGE_TABLE.map((f) => [f.year, f]));
  for (const o of parsed) {
    byYear.set(o.year, {
      year: o.year,
      monthly: o.monthly,
      annual: o.annual ?? o.monthly * 12,
      annualDerived: o.annual === undefined,
      origin: 'user',
      source: o.source ?? '用户录入 / entered by the user',
      publishedOn: o.publishedOn ?? `${o.year + 1}-01-01`,
      publicationAssumed: o.publishedOn === undefined,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The wage figure in force on `onDate` (§一(四) 1): the previous year's figure once published on or before
 * `onDate`; until then, the latest figure published by then. Says which year it used, whether that is a
 * fallback and why. Throws when no figure had been published by `onDate`.
 */
export function wageStandard(onDate: IsoDate, overrides: readonly WageOverride[] = []): WageStandard {
  parseInput(WageStandardInput, { onDate, overrides });
  const table = wageTable(overrides);
  const targetYear = Number(onDate.slice(0, 4)) - 1;
  const usable = table.filter((f) => f.year <= targetYear && f.publishedOn <= onDate);
  const figure = usable[usable.length - 1];
  if (!figure) {
    throw new RangeError(
      `${onDate} 之前尚无已公布的平均工资数据，请录入 / No average-wage figure published by ${onDate}; please add one`,
    );
  }
  const target = table.find((f) => f.year === targetYear);
  const fallback = figure.year !== targetYear;
  const reason: WageChoiceReason = !fallback ? 'published' : target ? 'target-not-yet-published' : 'target-not-in-data';
  const facts = {
    onDate,
    targetYear,
    usedYear: figure.year,
    monthly: figure.monthly,
    annual: figure.annual,
    annualDerived: figure.annualDerived,
    publishedOn: figure.publishedOn,
    publicationAssumed: figure.publicationAssumed,
    origin: figure.origin,
  };
  let message;
  if (!fallback) {
    message = bi(
      `采用 ${figure.year} 年度标准：月平均工资 ${figure.monthly} 元${figure.publicationAssumed ? '（公布日期为推定）' : ''}`,
      `Using the ${figure.year} figure: ${figure.monthly} CNY a month${figure.publicationAssumed ? ' (publication date assumed)' : ''}`,
    );
  } else if (reason === 'target-not-yet-published') {
    message = bi(
      `${targetYear} 年度数据于 ${target!.publishedOn}${target!.publicationAssumed ? '（推定）' : ''}公布前，参照 ${figure.year} 年度标准（月平均 ${figure.monthly} 元）执行`,
      `The ${targetYear} figure is published on ${target!.publishedOn}${target!.publicationAssumed ? ' (assumed)' : ''}; until then the ${figure.year} figure (${figure.monthly} CNY a month) applies`,
    );
  } else {
    message = bi(
      `数据表中没有 ${targetYear} 年度数据，暂按 ${figure.year} 年度标准（月平均 ${figure.monthly} 元）；如 ${targetYear} 年度数据已公布，请录入后重新计算`,
      `No ${targetYear} figure in the table; using ${figure.year} (${figure.monthly} CNY a month) — if the ${targetYear} figure has been published, enter it and recompute`,
    );
  }
  // A fallback beyond the year before the target means a whole year's figure is missing: warn harder.
  const stale = figure.year < targetYear - 1;
  // The table is outdated when the target year is missing though its assumed publication day has passed.
  const dueSince = `${targetYear + 1}-07-01`;
  const tableOutdated = reason === 'target-not-in-data' && onDate >= dueSince;
  const findings: Finding[] = [finding(RULE_WAGE_STANDARD, !fallback || (reason === 'target-not-yet-published' && !stale), message, facts)];
  if (tableOutdated) {
    findings.push(
      finding(
        RULE_WAGE_TABLE_OUTDATED,
        false,
        bi(
          `内置数据表最新为 ${table[table.length - 1].year} 年度；${targetYear} 年度平均工资通常于 ${dueSince} 前后公布，现按 ${figure.year} 年度（月平均 ${figure.monthly} 元）判断，结论可能偏宽。请在「设置 → 平均工资」录入 ${targetYear} 年度数据（北京市人力社保局网站）`,
          `The built-in table ends with ${table[table.length - 1].year}; the ${targetYear} figure is usually published around ${dueSince}. Verdicts use ${figure.year} (${figure.monthly} CNY a month) and may be too lenient — enter the ${targetYear} figure under Settings → Average wage (Beijing HR & Social Security Bureau)`,
        ),
        { ...facts, dueSince, latestInTable: table[table.length - 1].year },
      ),
    );
  }
  return {
    onDate,
    targetYear,
    usedYear: figure.year,
    figure,
    fallback,
    reason,
    tableOutdated,
    ...(tableOutdated ? { dueSince } : {}),
    findings,
  };
}
