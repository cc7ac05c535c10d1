/**
 * Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) into the official
 * arrangement of that year, so that the agent can enter it the day it is published (every November, months
 * before any package update) and deadlines in that year stop being estimates (§提示 特别注意 4, §八: counted
 * in 工作日). Pure: text in, `{ year, holidays, workdays }` out (`yyyy-MM-dd` arrays, sorted); the caller shows
 * the result, asks the agent to confirm, stores it and hands it to `setEnteredArrangements` (rules/calendar.ts).
 *
 * What it reads, in the variety of the published notices 2004–2026:
 * - the year from the title (关于2025年部分节假日安排的通知) or, without a title, from 「YYYY年」 in the text;
 * - one item per festival (一、元旦：… 二、春节：…), each sentence classified by its verb: 「放假」 → days off,
 *   「上班」 → make-up working days (调休上班); sentences that only explain (「鼓励各单位…」「…为法定节假日」
 *   「…调至…」) are not arrangements and are ignored, even when they contain a date (e.g. 安排职工在除夕（2月9日）休息);
 * - dates 「1月28日」, 「2018年12月30日」, ranges with 至 / 到 / — / - / ～ whose end may omit the month
 *   (「4月4日（周五）至6日（周日）」) or carry another year (「2018年12月30日至2019年1月1日」);
 * - 「与周末连休」 on a one-day holiday: the adjacent Saturday and Sunday are part of the holiday;
 * - annotations in brackets (（周三）, （星期日）, （农历除夕、周二）, （初一）) are checked: a weekday that does not
 *   match its date is a contradiction.
 * Contradictions refuse the whole text with every problem listed (zh / en), nothing registered: a day both off and
 * working, a date outside the year (other than 元旦's late-December or early-January days written with their
 * year), a range that runs backwards, 「共N天」 not matching the range, an impossible date (2月30日), a make-up
 * working day that is not a Saturday or Sunday, a weekday annotation that does not match, no year, no arrangement.
 */
import { z } from 'zod';
import type { Bilingual, IsoDate } from './model';
import { isIsoDate } from './model';
import { addDays, toDayNumber, weekday } from './dates';
import { bi, joinBilingual } from './rule';
import type { HolidayArrangement } from './calendar';

/** The notice could not be read, or contradicts itself; `problems` lists every reason. */
export class HolidayNoticeError extends Error {
  readonly problems: readonly Bilingual[];
  constructor(problems: readonly Bilingual[]) {
    super(problems.map(joinBilingual).join('\n'));
    this.name = 'HolidayNoticeError';
    this.problems = problems;
  }
}

/** Input of {@link parseHolidayNotice}: the pasted text (a notice is ~1,000 characters). */
export const HolidayNoticeText = z.string().max(20_000);

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WEEKDAY_CHAR: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];

/** Full-width digits and punctuation → ASCII where it matters; spaces dropped. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[ \t\u3000\u00a0]+/g, '')
    .replace(/\r\n?/g, '\n');
}

/** Sentences that explain rather than arrange (kept out even when they hold a date). */
const EXPLANATORY = /鼓励|安排职工|建议|为法定(节)?假日|为公休日|调至|调整为|注意|请各|各地区|各部门|值班|安全|旅游|特此通知/;

interface DateToken {
  readonly date: IsoDate;
  /** Index in the sentence just after the token (and its annotation). */
  readonly end: number;
  readonly start: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Parses `text` into the year's arrangement. Throws {@link HolidayNoticeError} (message "中文 / English" per
 * problem) when the text is unreadable or contradicts itself; never returns a partial arrangement.
 */
export function parseHolidayNotice(text: string): HolidayArrangement {
  const parsedText = HolidayNoticeText.safeParse(text);
  if (!parsedText.success) throw new HolidayNoticeError([bi('通知文本过长', 'The notice text is too long')]);
  const t = normalise(text);
  const problems: Bilingual[] = [];

  const titleYear = /关于(\d{4})年[^\n。]*节假日安排/.exec(t) ?? /(\d{4})年(?:部分)?节假日安排/.exec(t);
  const anyYear = /(\d{4})年/.exec(t);
  const year = Number((titleYear ?? anyYear)?.[1] ?? NaN);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw new HolidayNoticeError([
      bi('未找到年份：请粘贴包括标题（国务院办公厅关于YYYY年部分节假日安排的通知）在内的全文', 'No year found: paste the whole notice including its title (国务院办公厅关于YYYY年部分节假日安排的通知)'),
    ]);
  }

  const off = new Map<IsoDate, string>();
  const on = new Map<IsoDate, string>();
  let arrangements = 0;

  // Items: "一、元旦：…" up to the next "X、" at a line start or the end. Without numbered items, the whole text.
  // An item starts a line, or follows the previous item's 。 when the notice was pasted as one line.
  const itemRe = /(?:^|\n|(?<=。))\s*[一二三四五六七八九十]+、([^\n：:。]{1,40})[：:]([\s\S]*?)(?=(?:\n|(?<=。))\s*[一二三四五六七八九十]+、[^\n：:。]{1,40}[：:]|$)/g;
  const items: Array<{ name: string; body: string }> = [];
  for (let m = itemRe.exec(t); m; m = itemRe.exec(t)) items.push({ name: m[1], body: itemBody(m[2]) });
  if (items.length === 0) items.push({ name: '', body: t });

  for (const item of items) {
    const label = item.name || '通知';
    const decemberYear = item.body.includes(`${year - 1}年12月`) ? year - 1 : year;
    for (const sentence of item.body.split(/[。；;\n]/)) {
      if (!sentence.trim() || /^(鼓励|建议|请|各地区|节假日期间)/.test(sentence.trim())) continue;
      // Clauses: "…放假调休，共8天" → the verb clause and its count; "1月26日（周日）、2月8日（周六）上班".
      const clauses = sentence.split(/[，,]/);
      for (let ci = 0; ci < clauses.length; ci += 1) {
        const clause = clauses[ci];
        if (EXPLANATORY.test(clause)) continue;
        const tokens = readDates(clause, year, decemberYear, problems, label);
        if (tokens.length === 0) continue;
        const isOff = /放假|休息|休假|补休/.test(clause);
        const isOn = /上班/.test(clause);
        if (isOff === isOn) {
          problems.push(
            bi(
              `「${label}」中「${clause}」既未写明放假也未写明上班，无法判断`,
              `In "${label}", "${clause}" says neither 放假 (off) nor 上班 (working): cannot tell`,
            ),
          );
          continue;
        }
        if (isOn) {
          for (const tok of tokens) {
            on.set(tok.date, label);
            if (weekday(tok.date) !== 0 && weekday(tok.date) !== 6) {
              problems.push(
                bi(`上班日 ${tok.date} 不是周六或周日（调休上班日总在周末）`, `Working day ${tok.date} is not a Saturday or Sunday (make-up days are weekend days)`),
              );
            }
          }
          arrangements += 1;
          continue;
        }
        // Days off: ranges "A至B", else single days.
        const days: IsoDate[] = [];
        let i = 0;
        while (i < tokens.length) {
          const a = tokens[i];
          const b = tokens[i + 1];
          const between = b ? clause.slice(a.end, b.start) : '';
          if (b && /^(至|到|—+|-|～|~|－)$/.test(between)) {
            if (b.date < a.date) {
              problems.push(bi(`「${label}」的日期范围 ${a.date} 至 ${b.date} 倒置`, `In "${label}" the range ${a.date} to ${b.date} runs backwards`));
            } else if (toDayNumber(b.date) - toDayNumber(a.date) > 40) {
              problems.push(bi(`「${label}」的放假范围 ${a.date} 至 ${b.date} 过长`, `In "${label}" the range ${a.date} to ${b.date} is too long`));
            } else {
              for (let d = a.date; d <= b.date; d = addDays(d, 1)) days.push(d);
            }
            i += 2;
          } else {
            days.push(a.date);
            i += 1;
          }
        }
        if (/与周末连休/.test(sentence) && days.length === 1) {
          const d = days[0];
          const wd = weekday(d);
          if (wd === 5) days.push(addDays(d, 1), addDays(d, 2));
          else if (wd === 1) days.unshift(addDays(d, -2), addDays(d, -1));
        }
        // 「共N天」 in the same sentence must match the days of this clause's range.
        const total = /共(\d+|[一二三四五六七八九十]+)天/.exec(clauses.slice(ci).join('，'));
        if (total) {
          const n = /^\d+$/.test(total[1]) ? Number(total[1]) : cnNumber(total[1]);
          const unique = new Set(days).size;
          if (n !== unique) {
            problems.push(
              bi(`「${label}」写明共 ${n} 天，但日期范围为 ${unique} 天`, `"${label}" says ${n} days but its dates span ${unique}`),
            );
          }
        }
        for (const d of days) off.set(d, label);
        arrangements += 1;
      }
    }
  }

  for (const d of on.keys()) {
    if (off.has(d)) problems.push(bi(`${d} 既是放假日又是上班日`, `${d} is both a day off and a working day`));
  }
  if (arrangements === 0 || off.size === 0) {
    problems.push(bi('没有读到任何放假安排：请粘贴通知正文', 'No holiday arrangement found: paste the body of the notice'));
  }
  if (problems.length) throw new HolidayNoticeError(dedupe(problems));
  return {
    year,
    holidays: [...off.keys()].sort(),
    workdays: [...on.keys()].sort(),
  };
}

/** An item's text: its line and wrapped continuation lines, up to a blank line, the closing paragraph or the signature. */
function itemBody(raw: string): string {
  // The closing paragraph and the signature follow the last item, on their own lines or (pasted as one line) not.
  const lines = raw.split(/(?:节假日期间|国务院办公厅)/)[0].split('\n');
  const kept = [lines[0]];
  for (const line of lines.slice(1)) {
    const l = line.trim();
    if (!l || /^(节假日期间|国务院办公厅|各地区|\d{4}年\d{1,2}月\d{1,2}日$)/.test(l)) break;
    kept.push(l);
  }
  return kept.join('');
}

function dedupe(list: readonly Bilingual[]): Bilingual[] {
  const seen = new Set<string>();
  return list.filter((b) => (seen.has(b.zh) ? false : (seen.add(b.zh), true)));
}

function cnNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]] ?? 0);
  if (s.endsWith('十')) return (CN_DIGITS[s[0]] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (CN_DIGITS[s[0]] ?? 0) * 10 + (CN_DIGITS[s[2]] ?? 0);
  return CN_DIGITS[s] ?? NaN;
}

/**
 * The dates of a clause in order: 「[YYYY年]M月D日」 and, right after a range word, a bare 「D日」 in the month
 * of the date before it. A bracketed annotation after a date is checked for its weekday.
 */
function readDates(clause: string, year: number, decemberYear: number, problems: Bilingual[], label: string): DateToken[] {
  const re = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(（[^）]*）)?/g;
  const out: DateToken[] = [];
  let lastYear = year;
  let lastMonth: number | undefined;
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    const hasMonth = m[2] !== undefined;
    if (!hasMonth) {
      // A bare day is only read after a range word following a full date ("4月4日至6日").
      const before = clause.slice(0, m.index);
      if (lastMonth === undefined || !/(至|到|—|-|～|~|－)$/.test(before)) continue;
    }
    // Without a year: the notice's year, or the previous year for a December day in an item that names it
    // (元旦 items: 「2007年12月30日—2008年1月1日放假…12月29日（星期六）上班」).
    const y = m[1] ? Number(m[1]) : hasMonth ? (Number(m[2]) === 12 ? decemberYear : year) : lastYear;
    const mo = hasMonth ? Number(m[2]) : lastMonth!;
    const d = Number(m[3]);
    const iso = `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`;
    if (!isIsoDate(iso)) {
      problems.push(bi(`「${label}」中的日期 ${y}年${mo}月${d}日 不存在`, `In "${label}" the date ${iso} does not exist`));
      continue;
    }
    const inYear = y === year;
    const adjacent = y === year - 1 && mo === 12;
    if (!inYear && !(adjacent && (m[1] || decemberYear === year - 1))) {
      problems.push(bi(`「${label}」中的日期 ${iso} 不在 ${year} 年内`, `In "${label}" the date ${iso} is outside ${year}`));
      continue;
    }
    const note = m[4];
    if (note) {
      const wd = /(?:星期|周|礼拜)([日天一二三四五六])/.exec(note);
      if (wd && WEEKDAY_CHAR[wd[1]] !== weekday(iso)) {
        problems.push(
          bi(
            `「${label}」中 ${iso} 标注为星期${wd[1]}，实为星期${WEEKDAY_ZH[weekday(iso)]}`,
            `In "${label}" ${iso} is marked as weekday ${wd[1]} but is weekday ${WEEKDAY_ZH[weekday(iso)]}`,
          ),
        );
      }
    }
    lastYear = y;
    lastMonth = mo;
    out.push({ date: iso, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** One run of consecutive days off, for showing a parsed notice before the agent confirms it. */
export interface HolidayRun {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
}

/** The arrangement as the agent checks it: runs of days off, the make-up working days, and a one-line summary. */
export interface ArrangementSummary {
  readonly year: number;
  readonly runs: readonly HolidayRun[];
  readonly workdays: readonly IsoDate[];
  readonly text: Bilingual;
}

const md = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Groups a parsed arrangement into runs (1月28日–2月4日 共 8 天) for the confirmation screen. */
export function summarizeArrangement(a: HolidayArrangement): ArrangementSummary {
  const runs: HolidayRun[] = [];
  for (const d of [...a.holidays].sort()) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === d) runs[runs.length - 1] = { from: last.from, to: d, days: last.days + 1 };
    else runs.push({ from: d, to: d, days: 1 });
  }
  const runZh = runs.map((r) => (r.days === 1 ? `${md(r.from)}` : `${md(r.from)}至${md(r.to)}（${r.days} 天）`)).join('；');
  const runEn = runs.map((r) => (r.days === 1 ? r.from : `${r.from} to ${r.to} (${r.days} days)`)).join('; ');
  const workZh = a.workdays.length ? a.workdays.map(md).join('、') : '无';
  const workEn = a.workdays.length ? a.workdays.join(', ') : 'none';
  return {
    year: a.year,
    runs,
    workdays: a.workdays,
    text: bi(`${a.year} 年放假：${runZh}。调休上班：${workZh}。`, `${a.year} days off: ${runEn}. Make-up working days: ${workEn}.`),
  };
}
