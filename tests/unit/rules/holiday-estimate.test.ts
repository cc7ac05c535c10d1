/**
 * The estimate for years without an official arrangement (rules/holiday-estimate.ts): statutory holidays of
 * 《全国年节及纪念日放假办法》 (2025 revision) from chinese-days' lunar and solar-term functions, 补假, customary
 * spans, no make-up working days; and the opening day's weekends-only count.
 *
 * 2027 by hand: 元旦 Fri 01-01; 除夕 Fri 02-05, 初一 Sat 02-06 (chinese-days: 正月初一 2027 = 02-06), 初二 Sun,
 * 初三 Mon 02-08 → two 补假 02-09, 02-10; 清明 Mon 04-05; 劳动节 Sat/Sun 05-01/02 → 补假 05-03, 05-04; 端午 Wed
 * 06-09; 中秋 Wed 09-15; 国庆 Fri–Sun 10-01..03 → 补假 10-04, 10-05.
 */
import { describe, expect, it } from 'vitest';
import raw from 'chinese-days/dist/chinese-days.json';
import { addWorkdays, calendarCoverage, estimatedHolidays, isWorkday, possibleMakeupDays, renewalWindow, workdaysBefore } from '../../../rules';

const RAW = raw as { holidays: Record<string, string>; workdays: Record<string, string> };
const utcIso = (t: number) => new Date(t).toISOString().slice(0, 10);
const shift = (iso: string, n: number) => utcIso(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000);
const weekend = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

describe('statutory holidays of a year without data', () => {
  it('lists 2027 exactly: the festival days, their 补假 and no make-up working day', () => {
    const statutory = estimatedHolidays(2027).filter((h) => !h.compensatory && !h.customary).map((h) => h.date);
    expect(statutory).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02',
      '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
    const compensatory = estimatedHolidays(2027).filter((h) => h.compensatory).map((h) => h.date);
    expect(compensatory).toEqual(['2027-02-09', '2027-02-10', '2027-05-03', '2027-05-04', '2027-10-04', '2027-10-05']);
  });

  it('places only the Gregorian festivals beyond 2100, where the lunar table ends, instead of inventing lunar dates', () => {
    const names = new Set(estimatedHolidays(2150).map((h) => h.holiday.zh));
    expect([...names].sort()).toEqual(['元旦', '劳动节', '国庆节', '清明'].sort());
    expect(new Set(estimatedHolidays(2100).map((h) => h.holiday.zh)).has('春节')).toBe(true);
  });

  it('marks every estimated day off as approximate and names its festival', () => {
    expect(isWorkday('2027-06-09')).toMatchObject({ workday: false, kind: 'holiday', approximate: true, holiday: { zh: '端午' } });
    expect(isWorkday('2027-06-08')).toMatchObject({ workday: true, approximate: true });
  });

  // The 2025 revision's days (春节 除夕–初三, 劳动节 1–2 May) were first applied in 2025; for earlier years only the
  // festivals whose rule did not change are compared: 元旦, 清明, 端午, 中秋, 国庆 1–3 and 春节 初一–初二.
  it('computes the lunar and solar-term festivals as the official calendars of 2008–2026 have them', () => {
    const mismatches: string[] = [];
    for (let y = 2008; y <= 2026; y += 1) {
      for (const h of estimatedHolidays(y)) {
        if (h.compensatory || h.customary) continue;
        const changed = (h.holiday.zh === '劳动节' && h.date.endsWith('05-02')) || h.holiday.zh === '春节';
        if (changed && y < 2025) continue;
        if (!RAW.holidays[h.date]) mismatches.push(`${h.date} ${h.holiday.zh}`);
      }
      const spring = estimatedHolidays(y).filter((h) => h.holiday.zh === '春节' && !h.compensatory && !h.customary);
      for (const h of spring.slice(1, 3)) if (!RAW.holidays[h.date]) mismatches.push(`${h.date} 春节`);
    }
    // 2012-06-23 端午 was a Saturday the notice moved to Friday 06-22 with 06-24 off: the one place 端午 differs.
    expect(mismatches).toEqual(['2012-06-23 端午']);
  });
});

describe('the estimate errs early for latest days and late for openings (checked against 2015–2026)', () => {
  // Each year 2015–2026 is estimated as if its notice were not out, and compared with the package's calendar.
  const estOff = new Map<number, Set<string>>();
  const off = (y: number) => estOff.get(y) ?? estOff.set(y, new Set(estimatedHolidays(y).map((h) => h.date))).get(y)!;
  const estimate = (d: string) => !weekend(d) && !off(Number(d.slice(0, 4))).has(d);
  const opening = (d: string) => !weekend(d) || possibleMakeupDays(Number(d.slice(0, 4))).has(d);
  const official = (d: string) => (RAW.workdays[d] ? true : RAW.holidays[d] ? false : !weekend(d));
  const back = (e: string, n: number, workday: (d: string) => boolean) => {
    let d = e;
    for (let left = n; left > 0; ) {
      d = shift(d, -1);
      if (workday(d)) left -= 1;
    }
    return d;
  };
  // 2015-09-03/04: the one-off 抗战胜利 70 周年 holiday, which no law predicts.
  const oneOff = (from: string, to: string) => from <= '2015-09-04' && to > '2015-09-03';

  it.each([20, 26, 31])('never puts the %ith working day before any expiry later than the official calendar does', (n) => {
    const late: string[] = [];
    for (let e = '2015-03-01'; e <= '2026-12-31'; e = shift(e, 1)) {
      const est = back(e, n, estimate);
      const off = back(e, n, official);
      if (est > off && !oneOff(off, e)) late.push(`${e}: ${est} > ${off}`);
    }
    expect(late).toEqual([]);
  });

  it('never puts the 60th working day before any expiry (the opening) earlier than the official calendar does', () => {
    const early: string[] = [];
    for (let e = '2015-03-01'; e <= '2026-12-31'; e = shift(e, 1)) {
      const est = back(e, 60, opening);
      const off = back(e, 60, official);
      if (est < off) early.push(`${e}: ${est} < ${off}`);
    }
    expect(early).toEqual([]);
  });

  it('would err on the wrong side without the customary spans or the possible make-up days (the checks can fail)', () => {
    const bare = (d: string) => !weekend(d) && !estimatedHolidays(Number(d.slice(0, 4))).some((h) => h.date === d && !h.customary);
    let late = 0;
    for (let e = '2016-01-01'; e <= '2026-12-31'; e = shift(e, 7)) if (back(e, 20, bare) > back(e, 20, official)) late += 1;
    expect(late).toBeGreaterThan(0);
    let early = 0;
    for (let e = '2016-01-01'; e <= '2026-12-31'; e = shift(e, 1)) if (back(e, 60, (d) => !weekend(d)) < back(e, 60, official)) early += 1;
    expect(early).toBeGreaterThan(0);
  });

  it('uses the estimate for latest days and the opening count in the first year without data', () => {
    const next = calendarCoverage().lastYear + 1;
    const expiry = `${next}-11-15`;
    const w = renewalWindow(expiry);
    expect(w.guideLatestDay.date).toBe(workdaysBefore(expiry, 20).date);
    expect(w.opens.date >= workdaysBefore(expiry, 60).date).toBe(true);
    expect(addWorkdays(w.guideLatestDay.date, 20).date >= expiry).toBe(true);
  });
});
