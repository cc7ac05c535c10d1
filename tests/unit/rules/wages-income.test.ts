import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  annualIncomeMultipleTest,
  categoryGTest,
  categoryHTaxTest,
  monthlyIncomeTest,
  WAGE_TABLE,
  wageStandard,
  wageTable,
} from '../../../rules';

const months = (from: string, amounts: number[]) => {
  const [y, m] = from.split('-').map(Number);
  return amounts.map((taxable, i) => {
    const idx = y * 12 + m - 1 + i;
    return { month: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, taxable };
  });
};

describe('wage table §一(四) 1', () => {
  it('holds the known monthly figures', () => {
    expect(Object.fromEntries(WAGE_TABLE.map((f) => [f.year, f.monthly]))).toEqual({
      2018: 7855, 2019: 8847, 2020: 9407, 2021: 10628, 2022: 11297, 2023: 11761, 2024: 11937,
    });
  });

  it('keeps the official 2022 annual figure and flags the others as monthly × 12', () => {
    const t = wageTable();
    expect(t.find((f) => f.year === 2022)).toMatchObject({ annual: 135567, annualDerived: false });
    expect(t.find((f) => f.year === 2024)).toMatchObject({ annual: 143244, annualDerived: true });
  });

  it('flags every built-in publication date as assumed', () => {
    expect(WAGE_TABLE.every((f) => f.publicationAssumed)).toBe(true);
  });
});

describe('wageStandard: the previous year, until published the one before', () => {
  it('falls back to 2024 in March 2026 because 2025 is not in the data, and says so', () => {
    const s = wageStandard('2026-03-01');
    expect(s).toMatchObject({ targetYear: 2025, usedYear: 2024, fallback: true, reason: 'target-not-in-data' });
    expect(s.figure.monthly).toBe(11937);
    expect(s.findings[0].passed).toBe(false);
  });

  it('uses a user-entered 2025 figure from its publication day, not the day before', () => {
    const overrides = [{ year: 2025, monthly: 12345, publishedOn: '2026-07-15' }];
    expect(wageStandard('2026-07-14', overrides)).toMatchObject({ usedYear: 2024, reason: 'target-not-yet-published' });
    expect(wageStandard('2026-07-15', overrides)).toMatchObject({ usedYear: 2025, fallback: false, reason: 'published' });
    expect(wageStandard('2026-07-15', overrides).figure).toMatchObject({ origin: 'user', annual: 148140, annualDerived: true });
  });

  it('applies the year before while the previous year is (assumed) unpublished', () => {
    expect(wageStandard('2024-06-30')).toMatchObject({ usedYear: 2022, reason: 'target-not-yet-published' });
    expect(wageStandard('2024-07-01')).toMatchObject({ usedYear: 2023, fallback: false });
  });

  it('throws when no figure was published yet', () => {
    expect(() => wageStandard('2019-01-01')).toThrow(RangeError);
  });

  it('refuses a malformed override with a zod error', () => {
    expect(() => wageStandard('2026-03-01', [{ year: 2025, monthly: -1, publishedOn: '2026-07-01' }])).toThrow(ZodError);
  });
});

describe('monthly income ≥ 1.2 × standard §一(三) 3', () => {
  // 1.2 × 11937 = 14324.4
  it('passes when the 6-month average equals 1.2 × the standard exactly (不低于 = at least)', () => {
    const r = monthlyIncomeTest({ months: months('2025-09', Array(6).fill(14324.4)), standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.threshold).toBe(14324.4);
    expect(r.windows[0].ok).toBe(true);
    expect(r.status).toBe('met');
  });

  it('fails a 6-month average one fen below the threshold, and stays unknown without 12 months', () => {
    const r = monthlyIncomeTest({ months: months('2025-09', [14324.34, ...Array(5).fill(14324.4)]), standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.windows[0].ok).toBe(false);
    expect(r.status).toBe('unknown');
  });

  it('passes on the 12-month average when the 6-month one fails', () => {
    const r = monthlyIncomeTest({ months: months('2025-03', [...Array(6).fill(20000), ...Array(6).fill(10000)]), standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.windows[0].ok).toBe(false);
    expect(r.windows[1].ok).toBe(true);
    expect(r.status).toBe('met');
  });

  it('fails when both complete averages are below', () => {
    const r = monthlyIncomeTest({ months: months('2025-03', Array(12).fill(14000)), standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.status).toBe('not-met');
  });

  it('does not treat a missing month as zero', () => {
    const m = months('2025-09', Array(6).fill(30000));
    m.splice(2, 1);
    const r = monthlyIncomeTest({ months: m, standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.windows[0]).toMatchObject({ average: null, missing: ['2025-11'] });
  });

  it('refuses a month listed twice', () => {
    expect(() => monthlyIncomeTest({ months: [{ month: '2025-09', taxable: 1 }, { month: '2025-09', taxable: 2 }], standardMonthly: 11937, asOf: '2026-03-02' })).toThrow(
      /同一月份重复填写 \/ A month is listed twice/,
    );
  });
});

describe('categories D and E: each of 3 years strictly above 3× / 6× §一(三) 1 (4)(5)', () => {
  const annual = 143244; // 3× = 429732, 6× = 859464
  const years = (a: number) => [2023, 2024, 2025].map((year) => ({ year, amount: a }));
  it.each([
    [3, 429732, 'not-met', 'income equal to 3× is not "超过"'],
    [3, 429732.01, 'met', 'income one fen above 3× passes'],
    [6, 859464, 'not-met', 'income equal to 6× is not "超过"'],
    [6, 859464.01, 'met', 'income one fen above 6× passes'],
  ] as const)('multiple %i with %d each year → %s (%s)', (multiple, amount, status, _why) => {
    expect(annualIncomeMultipleTest({ years: years(amount), annualStandard: annual, multiple }).status).toBe(status);
  });

  it('is unknown when a year is missing and none fails', () => {
    expect(annualIncomeMultipleTest({ years: [{ year: 2025, amount: 1e6 }], annualStandard: annual, multiple: 3 }).status).toBe('unknown');
  });
});

describe('category H: tax ≥ 200,000 in each of 3 years (含) §一(三) 1 (8)', () => {
  it.each([
    [200000, 'met', 'exactly 200,000 passes (含)'],
    [199999.99, 'not-met', 'one fen less fails'],
  ] as const)('%d → %s (%s)', (amount, status, _why) => {
    expect(categoryHTaxTest({ years: [2023, 2024, 2025].map((year) => ({ year, amount })) }).status).toBe(status);
  });
});

describe('category G §一(三) 1 (7)', () => {
  const holder = { shareholdingPercent: 5, shareholderRank: 5 };
  it.each([
    ['own-investment', { ownInvestment3y: 5_000_000 }, 'not-met', 'own investment of exactly 5 M is not "超过"'],
    ['own-investment', { ownInvestment3y: 5_000_000.01 }, 'met', 'own investment above 5 M passes'],
    ['equity-financing', { equityFinancing: 10_000_000 }, 'not-met', 'financing of exactly 10 M is not "大于"'],
    ['equity-financing', { equityFinancing: 10_000_001 }, 'met', 'financing above 10 M passes'],
    ['tax', { averageYearlyTax3y: 5_000_000 }, 'met', 'average tax of exactly 5 M passes ("以上" includes the number)'],
    ['tax', { averageYearlyTax3y: 4_999_999.99 }, 'not-met', 'average tax below 5 M fails'],
  ] as const)('sub-case %s with %j → %s (%s)', (sub, team, status, _why) => {
    const r = categoryGTest({ ...team, ...holder });
    expect(r.subcases[sub]).toBe(status);
    // With the other sub-cases unknown, a failing one leaves G unknown, a passing one makes it met.
    expect(r.status).toBe(status === 'met' ? 'met' : 'unknown');
  });

  it('is not met when all three sub-cases fail', () => {
    expect(categoryGTest({ ownInvestment3y: 1, equityFinancing: 1, averageYearlyTax3y: 1, ...holder }).status).toBe('not-met');
  });

  it.each([
    [5, 5, 'met', 'a 5 % holder ranked 5th qualifies'],
    [4.99, 1, 'not-met', 'a 4.99 % holder does not'],
    [30, 6, 'not-met', 'a holder ranked 6th does not'],
  ] as const)('holding %s per cent ranked %s → %s (%s)', (pct, rank, status, _why) => {
    expect(categoryGTest({ averageYearlyTax3y: 6e6, shareholdingPercent: pct, shareholderRank: rank }).status).toBe(status);
  });

  it('reports which sub-cases are met', () => {
    expect(categoryGTest({ ownInvestment3y: 6e6, equityFinancing: 1e6, ...holder }).subcases).toEqual({
      'own-investment': 'met',
      'equity-financing': 'not-met',
      tax: 'unknown',
    });
  });
});

describe('the income verdict names the standard it used (issue #14 §3)', () => {
  it('says on 2026-06-30 that 2024 applies and the table is not yet outdated (2025 is due around 2026-07-01)', () => {
    const s = wageStandard('2026-06-30');
    expect(s).toMatchObject({ targetYear: 2025, usedYear: 2024, tableOutdated: false });
    expect(s.findings.some((f) => f.ruleId === 'wage-table-outdated')).toBe(false);
  });

  it('says from 2026-07-01 on that the built-in table lacks 2025, cites 助手建议 and guesses no figure', () => {
    for (const day of ['2026-07-01', '2026-12-04']) {
      const s = wageStandard(day);
      expect(s).toMatchObject({ usedYear: 2024, tableOutdated: true, dueSince: '2026-07-01' });
      expect(s.figure.monthly).toBe(11937);
      const f = s.findings.find((x) => x.ruleId === 'wage-table-outdated')!;
      expect(f).toMatchObject({ section: '助手建议', passed: false, severity: 'warning' });
      expect(f.message.zh).toContain('2025 年度');
      expect(f.message.en).toContain('enter the 2025 figure');
    }
  });

  it('lets a figure the agent entered with its year win, and then the table is no longer outdated', () => {
    const s = wageStandard('2026-12-04', [{ year: 2025, monthly: 12345 }]);
    expect(s).toMatchObject({ usedYear: 2025, fallback: false, tableOutdated: false });
    expect(s.figure).toMatchObject({ origin: 'user', monthly: 12345, publishedOn: '2026-01-01' });
    // An entry replaces the built-in figure of its own year too.
    expect(wageStandard('2025-12-01', [{ year: 2024, monthly: 12000 }]).figure).toMatchObject({ monthly: 12000, origin: 'user' });
  });

  it('puts the year and the figure into the monthly verdict', () => {
    const r = monthlyIncomeTest({ months: months('2025-09', Array(6).fill(14324.4)), standardMonthly: 11937, standardYear: 2024, asOf: '2026-03-02' });
    expect(r).toMatchObject({ standardYear: 2024, standardMonthly: 11937 });
    expect(r.findings[0].message.zh).toContain('按 2024 年度标准');
    expect(r.findings[0].message.zh).toContain('11937');
    expect(r.findings[0].message.en).toContain('2024 standard');
  });
});

describe('income windows are anchored on the filing day §一(三) 3, §六(二) 5', () => {
  const six = (from: string, v: number) => months(from, Array(6).fill(v));

  it('ends the windows with the month before the filing month, whatever months were entered', () => {
    const r = monthlyIncomeTest({ months: six('2025-09', 20000), standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.windows[0]).toMatchObject({ from: '2025-09', to: '2026-02' });
    expect(r.windows[1]).toMatchObject({ from: '2025-03', to: '2026-02' });
  });

  it('does not count months outside the windows, and a missing month of the window makes it incomplete', () => {
    // Six good months 2025-08 … 2026-01 filed on 2026-03-02: 2026-02 is missing from the 6-month window.
    const r = monthlyIncomeTest({ months: [...six('2025-08', 20000), { month: '2026-03', taxable: 99999 }], standardMonthly: 11937, asOf: '2026-03-02' });
    expect(r.status).toBe('unknown');
    expect(r.windows[0].missing).toEqual(['2026-02']);
    expect(r.notCounted).toEqual(['2026-03']);
    expect(r.findings[0].message.zh).toContain('不完整');
    expect(r.findings[0].message.zh).toContain('2026-03 不在近 12 个月内');
  });

  it('counts the same six months as met when filed one month earlier', () => {
    expect(monthlyIncomeTest({ months: six('2025-08', 20000), standardMonthly: 11937, asOf: '2026-02-27' }).status).toBe('met');
  });

  it('refuses a test without the filing day', () => {
    expect(() => monthlyIncomeTest({ months: six('2025-08', 20000), standardMonthly: 11937 })).toThrow(/缺少申报日期/);
  });
});
