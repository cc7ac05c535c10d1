/**
 * parseHolidayNotice and the entered-arrangement registry of rules/calendar.ts.
 *
 * Fixtures (tests/unit/rules/fixtures/holiday-notices/YYYY.txt): one State Council notice per year chinese-days
 * covers, 2004–2026, written out in the published styles of their time (星期X before 2021 and 周X since;
 * 「与周末连休」 for one-day festivals 2011–2020; 「—」 ranges 2008–2010; 元旦 ranges reaching into the previous
 * December with their year written; the 鼓励各单位… notes of 2024 and 2026; the 2015 「补休」; 2025 verbatim from
 * issue #14). Each is checked against the package's own data, not against the parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import raw from 'chinese-days/dist/chinese-days.json';
import {
  addWorkdays,
  calendarCoverage,
  caseBookRows,
  deadlineEvents,
  hasOfficialData,
  deadlineStatus,
  enteredArrangements,
  HolidayNoticeError,
  isWorkday,
  parseHolidayNotice,
  summarizeArrangement,
  renewalWindow,
  setEnteredArrangements,
  yearSource,
} from '../../../rules';

const RAW = raw as { holidays: Record<string, string>; workdays: Record<string, string> };
const DIR = join(__dirname, 'fixtures', 'holiday-notices');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const notice = (year: number) => readFileSync(join(DIR, `${year}.txt`), 'utf8');
const utcWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => utcWeekday(iso) === 0 || utcWeekday(iso) === 6;

afterEach(() => setEnteredArrangements([]));

describe('parseHolidayNotice reads the notices as published', () => {
  it('has one notice for every year chinese-days covers', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(FILES).toEqual(Array.from({ length: lastYear - firstYear + 1 }, (_, i) => `${firstYear + i}.txt`));
  });

  it("reads the 2025 notice of the issue into exactly chinese-days' 2025 calendar", () => {
    const got = parseHolidayNotice(notice(2025));
    const want = (m: Record<string, string>) => Object.keys(m).filter((d) => d.startsWith('2025')).sort();
    expect(got).toEqual({ year: 2025, holidays: want(RAW.holidays), workdays: want(RAW.workdays) });
  });

  // Together the notices give every year's calendar: make-up days exactly, weekday holidays exactly, and the
  // holidays on a weekend as days off (the package sometimes leaves out the weekend of 「与周末连休」).
  const all = FILES.map((f) => parseHolidayNotice(readFileSync(join(DIR, f), 'utf8')));
  it.each(FILES.map((f) => Number(f.slice(0, 4))))('gives the working days of %i exactly as the package', (year) => {
    const y = String(year);
    const off = new Set(all.flatMap((a) => a.holidays).filter((d) => d.startsWith(y)));
    const on = new Set(all.flatMap((a) => a.workdays).filter((d) => d.startsWith(y)));
    const own = all.find((a) => a.year === year)!;
    expect(own.year).toBe(year);
    expect([...on].sort()).toEqual(Object.keys(RAW.workdays).filter((d) => d.startsWith(y)).sort());
    const weekdayHolidays = (list: Iterable<string>) => [...list].filter((d) => !isWeekend(d)).sort();
    expect(weekdayHolidays(off)).toEqual(weekdayHolidays(Object.keys(RAW.holidays).filter((d) => d.startsWith(y))));
    for (const d of off) expect(RAW.holidays[d] !== undefined || isWeekend(d), d).toBe(true);
  });

  it('reads 星期日 as well as 周日, and a range into the previous December with its years written', () => {
    const a = parseHolidayNotice(notice(2019));
    expect(a.holidays).toContain('2018-12-30');
    expect(a.holidays).toContain('2019-01-01');
    expect(a.workdays).toContain('2018-12-29');
  });

  it('takes the weekend of 「与周末连休」 as part of the holiday', () => {
    const a = parseHolidayNotice(notice(2019));
    expect(a.holidays).toEqual(expect.arrayContaining(['2019-04-05', '2019-04-06', '2019-04-07']));
  });

  it('does not take the date in a 「鼓励各单位…安排职工在除夕（2月9日）休息」 note as a holiday', () => {
    expect(parseHolidayNotice(notice(2024)).holidays).not.toContain('2024-02-09');
  });

  it('reads a one-day holiday 「1月1日（周一）放假1天，不调休」 and 「6月22日（星期一）补休」', () => {
    expect(parseHolidayNotice(notice(2024)).holidays).toContain('2024-01-01');
    expect(parseHolidayNotice(notice(2015)).holidays).toContain('2015-06-22');
  });

  it('reads a December day without its year in an item that names the previous year (2008 style)', () => {
    const a = parseHolidayNotice('国务院办公厅关于2008年部分节假日安排的通知\n一、元旦：2007年12月30日—2008年1月1日放假，共3天。其中，1月1日（星期二）为法定假日，12月30日（星期日）为公休日，12月29日（星期六）公休日调至12月31日（星期一），12月29日（星期六）上班。\n');
    expect(a).toEqual({ year: 2008, holidays: ['2007-12-30', '2007-12-31', '2008-01-01'], workdays: ['2007-12-29'] });
  });
});

describe('parseHolidayNotice refuses contradictory or unreadable text, with zh and en messages', () => {
  const base = '国务院办公厅关于2027年部分节假日安排的通知\n';
  it.each([
    ['a day both off and working', `${base}一、元旦：1月1日（周五）至3日（周日）放假，共3天。1月3日（周日）上班。`, '既是放假日又是上班日', 'both a day off and a working day'],
    ['a date outside the year', `${base}一、元旦：2028年1月1日放假1天。`, '不在 2027 年内', 'outside 2027'],
    ['a range that runs backwards', `${base}一、劳动节：5月5日至5月1日放假，共5天。`, '倒置', 'runs backwards'],
    ['共N天 not matching the range', `${base}一、国庆节：10月1日至7日放假调休，共8天。`, '共 8 天', 'says 8 days'],
    ['a weekday annotation that does not match', `${base}一、元旦：1月1日（周三）放假1天。`, '标注为星期三', 'marked as weekday'],
    ['an impossible date', `${base}一、春节：2月30日放假。`, '不存在', 'does not exist'],
    ['a make-up day on a weekday', `${base}一、元旦：1月1日放假。1月4日（周一）上班。`, '不是周六或周日', 'not a Saturday or Sunday'],
    ['no year', '一、元旦：1月1日放假。', '未找到年份', 'No year found'],
    ['no arrangement', `${base}经国务院批准，现将有关安排通知如下。`, '没有读到任何放假安排', 'No holiday arrangement found'],
    ['a date with neither 放假 nor 上班', `${base}一、元旦：1月1日（周五）。`, '既未写明放假也未写明上班', 'neither'],
  ])('refuses %s', (_what, text, zh, en) => {
    let error: unknown;
    try {
      parseHolidayNotice(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HolidayNoticeError);
    const problems = (error as HolidayNoticeError).problems;
    expect(problems.some((p) => p.zh.includes(zh)), JSON.stringify(problems)).toBe(true);
    expect(problems.some((p) => p.en.includes(en)), JSON.stringify(problems)).toBe(true);
  });
});

describe('entered arrangements make a year official everywhere', () => {
  // A made-up 2027 notice for the tests (the real one is not published as this is written).
  const NOTICE_2027 = [
    '国务院办公厅关于2027年部分节假日安排的通知',
    '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
    '二、春节：2月5日（农历除夕、周五）至12日（周五）放假调休，共8天。2月20日（周六）上班。',
    '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
    '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。',
    '五、端午节：6月9日（周三）放假1天，不调休。',
    '六、中秋节：9月15日（周三）放假1天，不调休。',
    '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。',
  ].join('\n');

  it('marks 2027 as estimated until the notice is entered, then as entered', () => {
    expect(yearSource(2027)).toBe('estimated');
    expect(isWorkday('2027-02-11').approximate).toBe(true);
    setEnteredArrangements([parseHolidayNotice(NOTICE_2027)]);
    expect(yearSource(2027)).toBe('entered');
    expect(calendarCoverage().enteredYears).toEqual([2027]);
    expect(isWorkday('2027-02-11')).toMatchObject({ workday: false, kind: 'holiday', approximate: false });
    expect(isWorkday('2027-02-20')).toMatchObject({ workday: true, kind: 'makeup-workday', approximate: false });
    expect(isWorkday('2027-06-10')).toMatchObject({ workday: true, approximate: false });
  });

  it('takes the estimate off every deadline in that year once entered, and puts it back when removed', () => {
    const before = deadlineStatus('2027-03-15', '2026-12-10');
    expect(before.approximate).toBe(true);
    setEnteredArrangements([parseHolidayNotice(NOTICE_2027)]);
    const after = deadlineStatus('2027-03-15', '2026-12-10');
    expect(after.approximate).toBe(false);
    expect(after.findings.some((f) => f.ruleId === 'calendar-approximate-year')).toBe(false);
    expect(renewalWindow('2027-03-15').opensBasis).toBe('official');
    // The 20th working day before 2027-03-15 with the notice: 03-12..03-01 (10), 02-26..02-22 (5), 02-20 make-up,
    // 02-19..02-16 (4) → 2027-02-16.
    expect(renewalWindow('2027-03-15').guideLatestDay.date).toBe('2027-02-16');
    expect(addWorkdays('2027-02-19', 1).date).toBe('2027-02-20');
    setEnteredArrangements([]);
    expect(deadlineStatus('2027-03-15', '2026-12-10').approximate).toBe(true);
    expect(enteredArrangements()).toEqual([]);
  });

  it('makes the case book, calendar events and reminders official for that year too', () => {
    const snap = { employees: [{ id: 'e', name: '张伟', holderStatus: 'holder' as const, permitValidUntil: '2027-03-15' }], cases: [], documents: [] };
    expect(caseBookRows(snap, '2026-12-10')[0].permit?.approximate).toBe(true);
    setEnteredArrangements([parseHolidayNotice(NOTICE_2027)]);
    expect(caseBookRows(snap, '2026-12-10')[0].permit).toMatchObject({ approximate: false, guideLatestDay: '2027-02-16' });
    expect(deadlineEvents(snap, { from: '2026-12-01', to: '2027-03-31' }).every((e) => !e.approximate)).toBe(true);
    expect(hasOfficialData(2027)).toBe(true);
  });

  it('changes nothing when the input is refused', () => {
    setEnteredArrangements([parseHolidayNotice(NOTICE_2027)]);
    expect(() => setEnteredArrangements([{ year: 2028, holidays: ['2028-01-01'], workdays: ['2028-01-01'] }])).toThrow();
    expect(() => setEnteredArrangements([{ year: 2028, holidays: ['2026-05-01'], workdays: [] }])).toThrow();
    expect(() => setEnteredArrangements([parseHolidayNotice(NOTICE_2027), parseHolidayNotice(NOTICE_2027)])).toThrow();
    expect(enteredArrangements().map((a) => a.year)).toEqual([2027]);
    expect(isWorkday('2027-02-11').approximate).toBe(false);
  });
});

describe('summarizeArrangement: what the agent checks before confirming', () => {
  it('groups the 2025 notice into its six runs of days off and lists the make-up days', () => {
    const s = summarizeArrangement(parseHolidayNotice(notice(2025)));
    expect(s.runs.map((r) => [r.from, r.to, r.days])).toEqual([
      ['2025-01-01', '2025-01-01', 1],
      ['2025-01-28', '2025-02-04', 8],
      ['2025-04-04', '2025-04-06', 3],
      ['2025-05-01', '2025-05-05', 5],
      ['2025-05-31', '2025-06-02', 3],
      ['2025-10-01', '2025-10-08', 8],
    ]);
    expect(s.text.zh).toBe('2025 年放假：1月1日；1月28日至2月4日（8 天）；4月4日至4月6日（3 天）；5月1日至5月5日（5 天）；5月31日至6月2日（3 天）；10月1日至10月8日（8 天）。调休上班：1月26日、2月8日、4月27日、9月28日、10月11日。');
  });
});

describe('parseHolidayNotice reads a notice pasted as one line', () => {
  it.each(FILES.map((f) => Number(f.slice(0, 4))))('gives the same %i calendar when the items run on without line breaks', (year) => {
    const oneLine = notice(year).replace(/\n/g, '');
    expect(parseHolidayNotice(oneLine)).toEqual(parseHolidayNotice(notice(year)));
  });
});
