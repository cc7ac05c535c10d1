/**
 * Statutory retirement age under the gradual reform (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定,
 * 2024-09-13, in force 2025-01-01), needed for §一(三) 6 "不超过法定退休年龄" and §一(四) 2 "申请人应未达退休年龄".
 *
 * The reform's table (附件 1):
 * - men, originally 60 → 63: from those born 1965-01 (who would have retired in 2025-01), +1 month for every
 *   4 months of birth, at most 36 months (born 1976-09 or later: 63);
 * - women originally 55 (cadres) → 58: from births 1970-01, +1 month per 4 months, at most 36 (1981-09 on: 58);
 * - women originally 50 (workers) → 55: from births 1975-01, +1 month per 2 months, at most 60 (1984-11 on: 55).
 * Flexible early/late retirement (弹性退休) is a personal choice the rule cannot know and is ignored.
 */
import { z } from 'zod';
import { Gender, IsoDate } from './model';
import { addDays, addMonths, addYears, monthIndex } from './dates';
import { bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

/** Original statutory ages: 60 (men), 55 (women cadres), 50 (women workers). */
export const OriginalRetirementAge = z.union([z.literal(60), z.literal(55), z.literal(50)]);
export type OriginalRetirementAge = z.infer<typeof OriginalRetirementAge>;

interface Scheme {
  /** First birth month concerned, as `yyyy-MM`. */
  readonly firstBirthMonth: string;
  readonly birthMonthsPerStep: number;
  readonly capMonths: number;
}

/** The three schedules of the 2024 decision. */
export const RETIREMENT_SCHEMES: Readonly<Record<OriginalRetirementAge, Scheme>> = {
  60: { firstBirthMonth: '1965-01', birthMonthsPerStep: 4, capMonths: 36 },
  55: { firstBirthMonth: '1970-01', birthMonthsPerStep: 4, capMonths: 36 },
  50: { firstBirthMonth: '1975-01', birthMonthsPerStep: 2, capMonths: 60 },
};

export const RULE_RETIREMENT_AGE = defineRule({
  id: 'applicant-below-retirement-age',
  section: '§一(三) 6, §一(四) 2',
  file: 'rules/retirement.ts',
  severity: 'error',
  description: {
    zh: '申请人受理当日未达法定退休年龄（按 2025 年起渐进式延迟退休规定计算）',
    en: 'The applicant is below the statutory retirement age on the acceptance day (2025 gradual reform)',
  },
});

export const RULE_PERMIT_OUTLASTS_RETIREMENT = defineRule({
  id: 'permit-outlasts-retirement',
  section: '§一(三) 6, §六(三)',
  file: 'rules/retirement.ts',
  severity: 'info',
  description: {
    zh: '3 年有效期的证件将在持证人达到法定退休年龄后才到期时提示（届时不能再续签）',
    en: 'Notes when a 3-year permit would run past the holder reaching retirement age (no renewal after)',
  },
});

/** Input of {@link retirementDate}; women must say which original age applies to them. */
export const RetirementInput = z
  .object({ birthDate: IsoDate, gender: Gender, originalAge: OriginalRetirementAge.optional() })
  .superRefine((v, ctx) => {
    if (v.gender === 'male' && v.originalAge !== undefined && v.originalAge !== 60) {
      ctx.addIssue({ code: 'custom', path: ['originalAge'], message: '男性原法定退休年龄为 60 岁 / For men the original age is 60' });
    }
    if (v.gender === 'female' && v.originalAge === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['originalAge'],
        message: '女性须指明原法定退休年龄：55（女干部）或 50（女工人） / For women give the original age: 55 (cadres) or 50 (workers)',
      });
    }
    if (v.gender === 'female' && v.originalAge === 60) {
      ctx.addIssue({ code: 'custom', path: ['originalAge'], message: '女性原法定退休年龄为 55 或 50 / For women the original age is 55 or 50' });
    }
  });
export type RetirementInput = z.input<typeof RetirementInput>;

/** The retirement answer. */
export interface Retirement {
  readonly originalAge: OriginalRetirementAge;
  /** Months added by the reform (0 for births before the schedule starts). */
  readonly delayMonths: number;
  /** Whether the cap (36 or 60 months) is reached. */
  readonly capped: boolean;
  /** Statutory age as years + months. */
  readonly age: { readonly years: number; readonly months: number };
  /**
   * The day the statutory age is reached: birth date + age (day clamped to month end). Published tables give
   * only the month; the rule treats the applicant as at retirement age from this day on.
   */
  readonly date: IsoDate;
  /** `yyyy-MM`, the month of the published table. */
  readonly month: string;
}

function compute(birthDate: string, originalAge: OriginalRetirementAge): Retirement {
  const s = RETIREMENT_SCHEMES[originalAge];
  const offset = monthIndex(birthDate) - monthIndex(s.firstBirthMonth);
  const delayMonths = offset < 0 ? 0 : Math.min(s.capMonths, Math.floor(offset / s.birthMonthsPerStep) + 1);
  const total = originalAge * 12 + delayMonths;
  const date = addMonths(birthDate, total);
  return {
    originalAge,
    delayMonths,
    capped: delayMonths === s.capMonths,
    age: { years: Math.floor(total / 12), months: total % 12 },
    date,
    month: date.slice(0, 7),
  };
}

/**
 * The statutory retirement date under the 2025 reform. Men: original age 60 (may be omitted); women:
 * 55 or 50 must be given. E.g. a man born 1965-05 retires at 60 years 2 months, in 2025-07.
 */
export function retirementDate(input: RetirementInput): Retirement {
  const v = parseInput(RetirementInput, input);
  return compute(v.birthDate, v.originalAge ?? 60);
}

/** Input of {@link belowRetirementAge}. */
export const BelowRetirementInput = z.object({ person: RetirementInput, onDate: IsoDate });

/**
 * Whether a person is below retirement age on `onDate` (§一(四) 2 "未达退休年龄": strictly before the
 * retirement date), with a finding.
 */
export function belowRetirementAge(person: RetirementInput, onDate: IsoDate): { ok: boolean; retirement: Retirement; finding: Finding } {
  const v = parseInput(BelowRetirementInput, { person, onDate });
  const retirement = compute(v.person.birthDate, v.person.originalAge ?? 60);
  const ok = onDate < retirement.date;
  const ageText = `${retirement.age.years} 岁${retirement.age.months ? ` ${retirement.age.months} 个月` : ''}`;
  const ageEn = `${retirement.age.years} years${retirement.age.months ? ` ${retirement.age.months} months` : ''}`;
  return {
    ok,
    retirement,
    finding: finding(
      RULE_RETIREMENT_AGE,
      ok,
      ok
        ? bi(`法定退休年龄 ${ageText}，于 ${retirement.date} 达到；${onDate} 时未达退休年龄`, `Retirement age ${ageEn}, reached on ${retirement.date}; below it on ${onDate}`)
        : bi(`法定退休年龄 ${ageText}，已于 ${retirement.date} 达到，不能申请`, `Retirement age ${ageEn} was reached on ${retirement.date}; not eligible`),
      { ...person, onDate, retirementDate: retirement.date, delayMonths: retirement.delayMonths },
    ),
  };
}

/** Permit validity in years (§六(三)). */
export const PERMIT_VALIDITY_YEARS = 3;

/** Input of {@link permitOutlastsRetirement}. */
export const PermitOutlastsInput = z.object({ person: RetirementInput, permitStart: IsoDate });

/**
 * Whether a 3-year permit starting on `permitStart` (last valid day = start + 3 years − 1 day) would still be
 * valid on the holder's retirement date — then it cannot be renewed, which the agent should know.
 */
export function permitOutlastsRetirement(
  person: RetirementInput,
  permitStart: IsoDate,
): { outlasts: boolean; permitEnds: IsoDate; retirementDate: IsoDate; finding: Finding } {
  const v = parseInput(PermitOutlastsInput, { person, permitStart });
  const r = compute(v.person.birthDate, v.person.originalAge ?? 60);
  const permitEnds = addDays(addYears(permitStart, PERMIT_VALIDITY_YEARS), -1);
  const outlasts = r.date <= permitEnds;
  return {
    outlasts,
    permitEnds,
    retirementDate: r.date,
    finding: finding(
      RULE_PERMIT_OUTLASTS_RETIREMENT,
      !outlasts,
      outlasts
        ? bi(
            `证件有效期至 ${permitEnds}，持证人将于 ${r.date} 达到法定退休年龄，之后不能续签`,
            `The permit runs until ${permitEnds} but the holder reaches retirement age on ${r.date}; no renewal after that`,
          )
        : bi(`证件有效期至 ${permitEnds}，早于退休日期 ${r.date}`, `The permit ends on ${permitEnds}, before retirement on ${r.date}`),
      { permitStart, permitEnds, retirementDate: r.date },
    ),
  };
}
