/**
 * Estimated days off for a year without an official arrangement (§提示 特别注意 4, §八 count in 工作日; the
 * State Council publishes each year's arrangement only in November, and chinese-days has no later year).
 *
 * The statutory holidays of 《全国年节及纪念日放假办法》 (2025 revision, in force 2025-01-01), 全体公民放假:
 * 元旦 1 January (1 day); 春节 农历除夕 to 正月初三 (4 days); 清明节 the day of the 清明 solar term (1 day);
 * 劳动节 1–2 May (2 days); 端午节 农历五月初五 (1 day); 中秋节 农历八月十五 (1 day); 国庆节 1–3 October (3 days).
 * 第六条 of the same 办法: a 全体公民 holiday that falls on a Saturday or Sunday is compensated on a working day
 * (补假) — we place it on the first weekday after the festival that is not already off, and treat a day on
 * which two festivals coincide (e.g. 中秋 on 1–3 October) the same way. No 调休 make-up working days are
 * assumed: they are not knowable before the notice. More days off than the law's minimum can only move a
 * deadline counted backwards earlier, which is the safe side for a "latest day"; to make that hold against the
 * 调休 the notices add, the customary spans are counted off as well (see {@link estimatedHolidays}). An opening
 * day must not be early, so calendar.ts counts openings in such years on weekends alone, with the weekend days
 * near a festival counted as possible make-up working days ({@link possibleMakeupDays}).
 * Measured against the package's 2015–2026 arrangements for every expiry: the estimated 20th/26th/31st/60th
 * working day before is never later than the official one except around the one-off 2015 抗战胜利 70 周年
 * holiday (no law predicts such a day), and the opening is never earlier (tests/unit/rules/holiday-estimate.test.ts).
 *
 * Lunar dates and the solar term come from chinese-days' own functions (`getSolarDateFromLunar`,
 * `getSolarTermDate`), never from a hand-made table. Both read and write *local* date fields of the host
 * (their `yyyy-M-d` strings are parsed as UTC midnight): we pass the lunar date as the epoch ms of local noon,
 * and undo the solar-term function's shift on hosts west of UTC (where UTC midnight is the previous local day).
 * Checked against every year of the package data (tests/unit/rules/holiday-estimate.test.ts).
 */
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import type { Bilingual, IsoDate } from './model';
import { addDays, weekday } from './dates';

/** One estimated day off. */
export interface EstimatedHoliday {
  readonly date: IsoDate;
  readonly holiday: Bilingual;
  /** True for a 第六条 compensatory day (补假), false for the festival day itself. */
  readonly compensatory: boolean;
  /**
   * True for a day the State Council usually gives off by 调休 (see {@link estimatedHolidays}); counted off for
   * deadlines so that the estimate errs early, never late.
   */
  readonly customary: boolean;
}

const NAMES = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  spring: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明', en: 'Tomb-sweeping Day' },
  labour: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋', en: 'Mid-autumn Festival' },
  national: { zh: '国庆节', en: 'National Day' },
} as const satisfies Record<string, Bilingual>;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Gregorian date of a (non-leap) lunar month/day of lunar year `year`, via chinese-days. */
function solarOfLunar(year: number, month: number, day: number): IsoDate {
  // Local noon as epoch ms (`Date.parse` of a zone-less date-time reads local time): the package reads the
  // lunar y/m/d from local fields, so local noon is that day in every host timezone.
  return getSolarDateFromLunar(Date.parse(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T12:00:00`)).date;
}

/** The day of the 清明 solar term in `year`, via chinese-days (its answer corrected west of UTC). */
function qingmingDay(year: number): IsoDate {
  const raw = getSolarTermDate(year, 4, 'pure_brightness');
  // The package formats local fields of `Date.UTC(y, m − 1, d)`: west of UTC that is the previous day.
  const [y, m, d] = raw.split('-').map(Number);
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  // West of UTC local midnight comes after UTC midnight: there the package answered the previous day.
  const westOfUtc = Date.parse(`${iso}T00:00:00`) > Date.UTC(y, m - 1, d);
  return westOfUtc ? addDays(iso, 1) : iso;
}

const CACHE = new Map<number, readonly EstimatedHoliday[]>();

/** The years chinese-days' lunar table covers (its `lunarInfo` runs 1900–2100; 1900's New Year is before its base). */
const LUNAR_FIRST_YEAR = 1901;
const LUNAR_LAST_YEAR = 2100;

/** Calendar days around a statutory festival day within which a weekend day may be a 调休 make-up working day. */
const MAKEUP_REACH_DAYS = 10;

const WEEKEND_CACHE = new Map<number, ReadonlySet<string>>();
/**
 * The weekend days of `year` that may be 调休 make-up working days: every Saturday and Sunday within
 * {@link MAKEUP_REACH_DAYS} calendar days of a statutory festival day (every make-up day of 2015–2026 was). An
 * opening day counted with these as working days and no holiday off can only come out later than the real
 * one — never early (filing before the real opening is refused, §六(三)).
 */
export function possibleMakeupDays(year: number): ReadonlySet<string> {
  let hit = WEEKEND_CACHE.get(year);
  if (hit) return hit;
  const out = new Set<string>();
  const y = String(year).padStart(4, '0');
  // Festivals of the neighbouring years count too: 元旦's make-up day can fall in late December (2018-12-29).
  for (const h of [...estimatedHolidays(year - 1), ...estimatedHolidays(year), ...estimatedHolidays(year + 1)]) {
    if (h.compensatory || h.customary) continue;
    for (let k = -MAKEUP_REACH_DAYS; k <= MAKEUP_REACH_DAYS; k += 1) {
      const d = addDays(h.date, k);
      if (d.startsWith(y) && (weekday(d) === 0 || weekday(d) === 6)) out.add(d);
    }
  }
  hit = out;
  WEEKEND_CACHE.set(year, hit);
  return hit;
}

/**
 * The statutory days off of `year` with their 第六条 compensatory days, sorted by date. Pure (cached per year).
 * The days of 春节 that fall in January/February are all in `year` (除夕 is never before 20 January).
 */
export function estimatedHolidays(year: number): readonly EstimatedHoliday[] {
  const hit = CACHE.get(year);
  if (hit) return hit;
  const y = String(year).padStart(4, '0');
  const newYear = year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR ? solarOfLunar(year, 1, 1) : `${y}-02-01`;
  // chinese-days' lunar table covers 1901–2100; outside it only the Gregorian festivals can be placed.
  const lunarKnown = year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
  const blocks: Array<{ name: Bilingual; days: IsoDate[] }> = [
    { name: NAMES.newYear, days: [`${y}-01-01`] },
    ...(lunarKnown ? [{ name: NAMES.spring, days: [addDays(newYear, -1), newYear, addDays(newYear, 1), addDays(newYear, 2)] }] : []),
    { name: NAMES.qingming, days: [qingmingDay(year)] },
    { name: NAMES.labour, days: [`${y}-05-01`, `${y}-05-02`] },
    ...(lunarKnown ? [{ name: NAMES.dragonBoat, days: [solarOfLunar(year, 5, 5)] }, { name: NAMES.midAutumn, days: [solarOfLunar(year, 8, 15)] }] : []),
    { name: NAMES.national, days: [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`] },
  ];
  const off = new Map<string, EstimatedHoliday>();
  const owed: Array<{ after: IsoDate; name: Bilingual }> = [];
  for (const b of blocks) {
    for (const d of b.days) {
      const wd = weekday(d);
      if (off.has(d) || wd === 0 || wd === 6) owed.push({ after: d, name: b.name });
      if (!off.has(d)) off.set(d, { date: d, holiday: b.name, compensatory: false, customary: false });
    }
  }
  for (const o of owed) {
    let d = addDays(o.after, 1);
    while (off.has(d) || weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
    off.set(d, { date: d, holiday: o.name, compensatory: true, customary: false });
  }
  // Customary 调休 spans, as the notices under the 2025 revision give them (2025: 春节 8 days, 劳动节 5, 国庆 8;
  // 2026: 9, 5, 7): 春节 除夕 to 正月初七, 劳动节 1–5 May, 国庆节 1–7 October, and a weekday between a one-day
  // festival and the weekend (a Tuesday or Thursday festival bridged to the weekend). Their make-up working days
  // are not assumed, so a deadline counted backwards comes out early, never late (checked against every expiry of
  // 2015–2026 in tests/unit/rules/holiday-estimate.test.ts); the opening day does not use them (possibleMakeupDays).
  const customary = (d: string, name: Bilingual): void => {
    if (!off.has(d) && weekday(d) !== 0 && weekday(d) !== 6) off.set(d, { date: d, holiday: name, compensatory: false, customary: true });
  };
  if (lunarKnown) for (let i = 3; i <= 6; i += 1) customary(addDays(newYear, i), NAMES.spring);
  for (let i = 3; i <= 5; i += 1) customary(`${y}-05-0${i}`, NAMES.labour);
  for (let i = 4; i <= 7; i += 1) customary(`${y}-10-0${i}`, NAMES.national);
  for (const b of blocks) {
    if (b.days.length !== 1) continue;
    const wd = weekday(b.days[0]);
    if (wd === 2) customary(addDays(b.days[0], -1), b.name);
    if (wd === 4) customary(addDays(b.days[0], 1), b.name);
  }
  // Next year's 元旦 on a Tuesday is bridged to the weekend with 31 December of this year (2018-12-31).
  const nextNewYear = `${String(year + 1).padStart(4, '0')}-01-01`;
  if (weekday(nextNewYear) === 2) customary(addDays(nextNewYear, -1), NAMES.newYear);
  const list = [...off.values()].filter((h) => h.date.startsWith(y)).sort((a, b) => (a.date < b.date ? -1 : 1));
  CACHE.set(year, list);
  return list;
}
