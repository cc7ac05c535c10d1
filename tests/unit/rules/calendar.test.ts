/**
 * Working-day calendar. Expected dates were counted by hand from chinese-days' raw data
 * (dist/chinese-days.json, 1.5.7): 2026 National Day 10-01..10-07 off, make-up Sundays/Saturdays
 * 2026-09-20 and 2026-10-10 on; Mid-autumn 2026-09-25..27 off.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import raw from 'chinese-days/dist/chinese-days.json';
import { getDayDetail } from 'chinese-days';
import { ZodError } from 'zod';
import { addWorkdays, calendarCoverage, countWorkdays, isWorkday, workdaysBefore } from '../../../rules';
import { addDays, fromDayNumber, toDayNumber } from '../../../rules/dates';

const RAW = raw as { holidays: Record<string, string>; workdays: Record<string, string> };

/** An independent oracle: raw data + JS UTC weekday (not the code under test). */
function oracleWorkday(iso: string): boolean {
  if (RAW.workdays[iso]) return true;
  if (RAW.holidays[iso]) return false;
  const [y, m, d] = iso.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd !== 0 && wd !== 6;
}
function utcIso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}
function shift(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return utcIso(y, m, d + n);
}
/** Dates 2004-01-01 … 2027-12-31 generated without the code under test. */
const anyDate = fc.integer({ min: 0, max: 8765 }).map((k) => utcIso(2004, 1, 1 + k));
const officialDate = fc.integer({ min: 0, max: 8400 }).map((k) => utcIso(2004, 1, 1 + k)).filter((s) => s <= '2026-12-31');

describe('coverage of official data', () => {
  it('reports the first and last year found in the package data', () => {
    const years = new Set([...Object.keys(RAW.holidays), ...Object.keys(RAW.workdays)].map((k) => Number(k.slice(0, 4))));
    const cov = calendarCoverage();
    expect(cov.firstYear).toBe(Math.min(...years));
    expect(cov.lastYear).toBe(Math.max(...years));
    expect(cov.years).toHaveLength(years.size);
  });

  it('covers 2004 to 2026 with chinese-days 1.5.7', () => {
    expect(calendarCoverage()).toMatchObject({ firstYear: 2004, lastYear: 2026 });
  });

  it('marks a day in the first year without data as approximate', () => {
    const next = calendarCoverage().lastYear + 1;
    const answer = isWorkday(`${next}-02-10`);
    expect(answer.approximate).toBe(true);
  });

  it('does not mark a day in a covered year as approximate', () => {
    expect(isWorkday('2026-06-01').approximate).toBe(false);
  });
});

describe('single days', () => {
  it.each([
    ['2026-10-01', false, 'holiday', 'a National Day holiday'],
    ['2026-10-07', false, 'holiday', 'the last National Day holiday (a Wednesday)'],
    ['2026-10-08', true, 'workday', 'the Thursday after National Day'],
    ['2026-10-10', true, 'makeup-workday', 'the make-up Saturday after National Day'],
    ['2026-09-20', true, 'makeup-workday', 'the make-up Sunday before Mid-autumn/National Day'],
    ['2026-09-25', false, 'holiday', 'Mid-autumn Friday'],
    ['2026-02-14', true, 'makeup-workday', 'the make-up Saturday before Spring Festival'],
    ['2026-02-23', false, 'holiday', 'the last Spring Festival day (a Monday)'],
    ['2026-11-07', false, 'weekend', 'an ordinary Saturday'],
    ['2026-11-09', true, 'workday', 'an ordinary Monday'],
  ] as const)('%s is %s (%s: %s)', (date, workday, kind, _why) => {
    expect(isWorkday(date)).toMatchObject({ date, workday, kind, approximate: false });
  });

  it('names the festival of a holiday in zh and en', () => {
    expect(isWorkday('2026-10-03').holiday).toEqual({ zh: '国庆节', en: 'National Day' });
  });

  // West of UTC the package shifts its own holiday tables by a day (it parses 'yyyy-M-d' as UTC and formats
  // local fields), which is why calendar.ts reads the data file; the cross-check is only meaningful east of UTC.
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)('agrees with the package getDayDetail on every day of every covered year', () => {
    const { firstYear, lastYear } = calendarCoverage();
    let mismatches = 0;
    for (let y = firstYear; y <= lastYear; y += 1) {
      for (let day = new Date(Date.UTC(y, 0, 1)); day.getUTCFullYear() === y; day = new Date(day.getTime() + 86400000)) {
        const iso = day.toISOString().slice(0, 10);
        // The package reads local fields, so give it a local-midnight Date of the same y/m/d.
        const pkg = getDayDetail(new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
        if (pkg.date !== iso || pkg.work !== isWorkday(iso).workday) mismatches += 1;
      }
    }
    expect(mismatches).toBe(0);
  });
});

describe('workdaysBefore: the latest working day D with N working days in [D, E)', () => {
  it.each([
    ['2026-12-01', 60, '2026-09-02', 'the 60th working day before 2026-12-01 spans National Day and Mid-autumn'],
    ['2026-12-01', 61, '2026-09-01', 'the 61st working day before 2026-12-01 is one working day earlier'],
    ['2026-12-01', 20, '2026-11-03', 'the 20th working day before 2026-12-01 stays in November'],
    ['2026-10-20', 20, '2026-09-16', 'the 20th working day before 2026-10-20 counts both make-up days'],
    ['2026-10-12', 1, '2026-10-10', 'one working day before a Monday after National Day is the make-up Saturday'],
    ['2026-10-12', 3, '2026-10-08', 'three working days before it is the first day back'],
  ] as const)('%s minus %i working days is %s (%s)', (date, n, expected, _why) => {
    expect(workdaysBefore(date, n)).toEqual({ date: expected, approximate: false, approximateYears: [] });
  });

  it('has exactly N working days in [D, E) and D is a working day (checked by the oracle)', () => {
    fc.assert(
      fc.property(officialDate, fc.integer({ min: 1, max: 80 }), (e, n) => {
        const d = workdaysBefore(e, n).date;
        if (d < '2004-01-01') return true;
        let count = 0;
        for (let x = d; x < e; x = shift(x, 1)) if (oracleWorkday(x)) count += 1;
        // D is a working day, and the next working day after D would leave only N − 1.
        return oracleWorkday(d) && count === n;
      }),
      { numRuns: 300 },
    );
  });

  it('refuses n = 0 with a bilingual zod error', () => {
    expect(() => workdaysBefore('2026-12-01', 0)).toThrow(ZodError);
    expect(() => workdaysBefore('2026-12-01', 0)).toThrow(/ \/ /);
  });
});

describe('addWorkdays', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08', 'the working day after 30 September is 8 October'],
    ['2026-09-24', 1, '2026-09-28', 'the working day after Thursday 24 September skips Mid-autumn'],
    ['2026-09-30', 20, '2026-11-03', 'twenty working days after 30 September'],
    ['2026-10-08', -1, '2026-09-30', 'the working day before 8 October is 30 September'],
  ] as const)('%s %+i working days is %s (%s)', (date, n, expected, _why) => {
    expect(addWorkdays(date, n).date).toBe(expected);
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(addWorkdays('2026-10-03', 0)).toEqual({ date: '2026-10-03', approximate: false, approximateYears: [] });
  });

  it('marks a count that crosses into a year without data as approximate, naming the year', () => {
    const next = calendarCoverage().lastYear + 1;
    const r = addWorkdays(`${next - 1}-12-20`, 15);
    expect(r.approximate).toBe(true);
    expect(r.approximateYears).toEqual([next]);
  });

  it('round-trips: addWorkdays(addWorkdays(d, n), -n) is d for working days d', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -120, max: 120 }), (d, n) => {
        if (!isWorkday(d).workday) return true;
        return addWorkdays(addWorkdays(d, n).date, -n).date === d;
      }),
      { numRuns: 400 },
    );
  });
});

describe('countWorkdays counts [from, to)', () => {
  it('counts 61 working days from 2026-09-01 up to (not including) 2026-12-01', () => {
    expect(countWorkdays('2026-09-01', '2026-12-01').count).toBe(61);
  });

  it('counts 3 working days in [2026-10-01, 2026-10-12): 8, 9 and the make-up 10 October', () => {
    expect(countWorkdays('2026-10-01', '2026-10-12').count).toBe(3);
  });

  it('is 0 for equal dates and negative when reversed', () => {
    expect(countWorkdays('2026-10-08', '2026-10-08').count).toBe(0);
    expect(countWorkdays('2026-10-12', '2026-10-01').count).toBe(-3);
  });

  it('agrees with stepping day by day with the oracle', () => {
    fc.assert(
      fc.property(officialDate, fc.integer({ min: 0, max: 200 }), (from, len) => {
        const to = shift(from, len);
        if (to > '2026-12-31') return true;
        let c = 0;
        for (let x = from; x < to; x = shift(x, 1)) if (oracleWorkday(x)) c += 1;
        return countWorkdays(from, to).count === c;
      }),
      { numRuns: 300 },
    );
  });

  it('for a working day d, counts n from d to addWorkdays(d, n)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 100 }), (d, n) => {
        if (!isWorkday(d).workday) return true;
        return countWorkdays(d, addWorkdays(d, n).date).count === n;
      }),
      { numRuns: 200 },
    );
  });
});

describe('timezone independence', () => {
  it('gives the same answers under America/New_York, Asia/Shanghai and UTC', () => {
    const before = process.env.TZ;
    const probe = () => [isWorkday('2026-10-10').kind, workdaysBefore('2026-12-01', 60).date, countWorkdays('2026-09-01', '2026-12-01').count];
    try {
      const results = ['America/New_York', 'Asia/Shanghai', 'UTC', 'Pacific/Kiritimati'].map((tz) => {
        process.env.TZ = tz;
        return probe();
      });
      for (const r of results) expect(r).toEqual(['makeup-workday', '2026-09-02', 61]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('invalid input', () => {
  it.each([['2026-02-30'], ['2026/10/01'], ['']])('refuses %j with a zod error in zh / en', (bad) => {
    expect(() => isWorkday(bad)).toThrow(ZodError);
    expect(() => isWorkday(bad)).toThrow(/日期无效.* \/ Invalid date/);
  });

  it('refuses a fractional number of working days', () => {
    expect(() => addWorkdays('2026-10-08', 1.5)).toThrow(/整数 \/ /);
  });
});

describe('counting over long ranges agrees with asking day by day', () => {
  // countWorkdays and addWorkdays read per-year prefix tables; this pins them to the plain definition.
  const naive = (from: string, to: string) => {
    let count = 0;
    const years = new Set<number>();
    for (let d = from; d < to; d = addDays(d, 1)) {
      const a = isWorkday(d);
      if (a.workday) count += 1;
      if (a.approximate) years.add(Number(d.slice(0, 4)));
    }
    return { count, years: [...years].sort((x, y) => x - y) };
  };
  const day = fc.integer({ min: toDayNumber('1998-06-01'), max: toDayNumber('2031-06-30') }).map(fromDayNumber);
  it('counts the same working days and approximate years for ranges of up to four years', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1500 }), (from, len) => {
        const to = addDays(from, len);
        const c = countWorkdays(from, to);
        const n = naive(from, to);
        expect(c.count).toBe(n.count);
        expect(c.approximateYears).toEqual(n.years);
        expect(countWorkdays(to, from).count).toBe(n.count === 0 ? 0 : -n.count); // never -0
      }),
      { numRuns: 60 },
    );
  });
  it('steps to the day where the count says it lands, across year ends and unofficial years', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (from, n) => {
        const ahead = addWorkdays(from, n).date;
        expect(naive(addDays(from, 1), addDays(ahead, 1)).count).toBe(n);
        expect(isWorkday(ahead).workday).toBe(true);
        const back = addWorkdays(from, -n).date;
        expect(naive(back, from).count).toBe(n);
        expect(isWorkday(back).workday).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
