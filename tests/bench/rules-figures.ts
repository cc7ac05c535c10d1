/**
 * Pure rules figures (node): one case through assessApplicant + checklist + deadlineStatus, and a
 * deadline scan over 5,000 cases. The cases are made up from a seeded PRNG (tests/bench/seed-db.ts's
 * mulberry32), so every run times the same inputs.
 */
import { assessApplicant, checklist, deadlineStatus, type ApplicantFacts, type ChecklistFacts } from '../../rules';
import { addDays } from '../../rules/dates';
import { mulberry32 } from './seed-db';
// Namespace import: if rules/deadline-events.ts changes its API, this figure reports an error instead of breaking the bundle.
import * as reminders from '../../rules/deadline-events';
import { summarize, type Summary } from './lib/stats';

export interface BenchCase {
  facts: ApplicantFacts;
  checklist: ChecklistFacts;
  expiry: string;
  business: 'renewal' | 'employer-change';
}

const CATEGORIES = ['A', 'B', 'D', 'E', 'G', 'H'] as const;
const EDUCATION = ['本科', '硕士研究生', '博士研究生', '大专'];
const HOUSING = ['own', 'rented', 'rented-rural', 'employer-housing', 'relatives', 'residence-permit'] as const;
const BUSINESS = ['new-permit', 'renewal', 'renewal', 'employer-change', 'personal-info-change'] as const;

/** `n` varied, deterministic cases: every category with its facts, 12 months of income, a permit expiry. */
export function makeCases(n: number, seed = 20260101, today = '2026-11-26'): BenchCase[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: BenchCase[] = [];
  for (let i = 0; i < n; i++) {
    const category = pick(CATEGORIES);
    const income = 12000 + Math.floor(rnd() * 40000);
    const birth = addDays('1965-01-01', Math.floor(rnd() * 365 * 38));
    const facts: ApplicantFacts = {
      category,
      workExperienceMonths: Math.floor(rnd() * 240),
      highestEducation: pick(EDUCATION),
      hasDegree: rnd() < 0.9,
      professionalTitle: pick(['none', 'junior', 'intermediate', 'senior'] as const),
      keyOrShortageField: rnd() < 0.8,
      monthlyIncome: Array.from({ length: 12 }, (_, m) => ({ month: `2025-${String(m + 1).padStart(2, '0')}`, taxable: income + Math.floor(rnd() * 2000) })),
      socialInsuranceMonths: Math.floor(rnd() * 36),
      incomeTaxMonths: Math.floor(rnd() * 36),
      housing: pick(HOUSING),
      birthDate: birth,
      ...(rnd() < 0.5 ? { gender: 'male' as const, originalRetirementAge: 60 as const } : { gender: 'female' as const, originalRetirementAge: pick([50, 55] as const) }),
      ...(category === 'D' || category === 'E'
        ? {
            employerIsInnovationEntity: category === 'D',
            employerIsServiceEntity: category === 'E',
            yearlyTaxableIncome: [2023, 2024, 2025].map((year) => ({ year, amount: income * 12 * (2 + Math.floor(rnd() * 6)) })),
          }
        : {}),
      ...(category === 'G' ? { team: { shareholdingPercent: 5 + Math.floor(rnd() * 40), equityFinancing: Math.floor(rnd() * 2e7) } } : {}),
      ...(category === 'H'
        ? { freelancer: { isFreelancerOrIndividualBusiness: true, outstandingContribution: true, yearlyTax: [2023, 2024, 2025].map((year) => ({ year, amount: 150000 + Math.floor(rnd() * 100000) })) } }
        : {}),
    };
    const business = pick(BUSINESS);
    out.push({
      facts,
      checklist: { business, category, children: Math.floor(rnd() * 3), housing: facts.housing },
      expiry: addDays(today, Math.floor(rnd() * 1200) - 60),
      business: business === 'employer-change' ? 'employer-change' : 'renewal',
    });
  }
  return out;
}

/** The work the UI does for one case: eligibility, its material checklist, its deadline. */
export function oneCase(c: BenchCase, today: string): number {
  const a = assessApplicant(c.facts, today);
  const l = checklist(c.checklist);
  const d = deadlineStatus(c.expiry, today, c.business);
  return a.conditions.length + l.items.length + d.findings.length;
}

export interface RulesFigures {
  /** Per case, warm (after a warm-up), each case timed on its own. */
  perCase: Summary;
  /** The very first case in a fresh process (zod schemas and rule tables built lazily, JIT cold). */
  perCaseColdMs: number;
  /** deadlineStatus over 5,000 cases, whole scan timed, repeated. */
  scan: Summary & { cases: number };
  /** The first scan (deadlineStatus already warmed by the per-case rounds); it is also one of the runs. */
  scanFirstMs: number;
  /**
   * The same 5,000 deadlines the way the case book computes them: rules/deadline-events.ts permitDeadline over a
   * WorkdayIndex (prefix sums of working days), the index built once per scan and included in the time.
   */
  indexedScan: (Summary & { cases: number; indexBuildMs: number; sameStates: boolean }) | { error: string };
  today: string;
}

export function rulesFigures(opts: { cases: number; perCaseRounds: number; scanCases: number; scanRuns: number; scanBudgetMs: number; today: string }): RulesFigures {
  const { today } = opts;
  const cases = makeCases(opts.cases, 7, today);
  let sink = 0;
  let t = performance.now();
  sink += oneCase(cases[0], today);
  const perCaseColdMs = performance.now() - t;
  for (let i = 0; i < Math.min(200, cases.length); i++) sink += oneCase(cases[i], today); // warm-up
  const per: number[] = [];
  for (let r = 0; r < opts.perCaseRounds; r++) {
    for (const c of cases) {
      t = performance.now();
      sink += oneCase(c, today);
      per.push(performance.now() - t);
    }
  }

  const scanCases = makeCases(opts.scanCases, 11, today);
  const scanOnce = () => {
    const s = performance.now();
    for (const c of scanCases) sink += deadlineStatus(c.expiry, today, c.business).workdaysLeft.toExpiry;
    return performance.now() - s;
  };
  // At most `scanRuns` runs and about `scanBudgetMs` in all (at least one): a slow scan must not eat the bench's 5 minutes.
  const scan: number[] = [];
  let spent = 0;
  while (scan.length < opts.scanRuns && (scan.length === 0 || spent < opts.scanBudgetMs)) {
    scan.push(scanOnce());
    spent += scan[scan.length - 1];
  }
  if (sink === -1) console.log(sink); // keeps the results alive
  return {
    perCase: summarize(per),
    perCaseColdMs,
    scan: { ...summarize(scan), cases: scanCases.length },
    scanFirstMs: scan[0],
    indexedScan: indexedScan(scanCases, today, opts.scanRuns),
    today,
  };
}

function indexedScan(cases: BenchCase[], today: string, runs: number): RulesFigures['indexedScan'] {
  try {
    // The working-day index moved into rules/calendar.ts (per-year prefix tables built on first use): `built`
    // is now 0 and the scan is rules/deadline-events.ts permitDeadline.
    const { permitDeadline } = reminders;
    if (typeof permitDeadline !== 'function') return { error: 'rules/deadline-events.ts has no permitDeadline' };
    let sameStates = true;
    const once = (check: boolean) => {
      const s = performance.now();
      const built = 0;
      const states = cases.map((c) => permitDeadline(c.expiry, today, c.business).state);
      const ms = performance.now() - s;
      if (check) sameStates = cases.slice(0, 200).every((c, i) => deadlineStatus(c.expiry, today, c.business).state === states[i]);
      return { ms, built };
    };
    const first = once(true);
    const ms: number[] = [];
    const built: number[] = [];
    for (let r = 0; r < runs; r++) {
      const x = once(false);
      ms.push(x.ms);
      built.push(x.built);
    }
    return { ...summarize(ms), cases: cases.length, indexBuildMs: summarize(built).median, sameStates: sameStates && first.ms > 0 };
  } catch (e) {
    return { error: String((e as Error).message ?? e).slice(0, 300) };  }
}
