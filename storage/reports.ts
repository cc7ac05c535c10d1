/**
 * Sheets in and out of the case book, as text: CSV (RFC 4180; UTF-8 with BOM so Excel opens it correctly),
 * ICS (RFC 5545, folded at 75 octets) of the deadlines, decoding a CSV sheet file, the case book's table (for
 * the CSV and the .xlsx export) and the quarterly summary for the locality office. Pure. The employee import
 * is utils/employee-import.ts (the plan) and storage/import.ts (the write).
 *
 * Personal data: resident IDs and phones are masked unless the caller asks otherwise; the ICS carries names
 * and dates only (calendars get synced to places we do not control).
 */
import { filingCategory } from '../rules/case-facts';
import { createEvents } from 'ics';
import { foldIcs } from '../utils/ics';
import type { Bilingual, HolderStatus, IsoDate } from '../rules/model';
import { addDays } from '../rules/dates';
import { quarterOf } from '../rules/quarters';
import { BUSINESS_LABELS } from '../rules/texts';
import { STATUS_LABELS } from './repos';
import type { Case, Employee } from './schemas';
import { maskPhone } from '../utils/mask';
import { EVENT_LABELS, eventTitle, type CaseBookEvent } from '../rules/deadline-events';
import type { CaseBookRow, Snapshot } from './snapshot';

type Lang = 'zh-CN' | 'en';
import { pickText as pick } from '../utils/bilingual';

// ───────────────────────────── CSV ─────────────────────────────

/** The byte-order mark Excel needs to read a CSV as UTF-8 (without it, Chinese Excel assumes GBK). */
export const UTF8_BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field: quoted when it holds a comma, quote, line break or edge spaces; a text starting with
 * = + - @ (or a tab / CR) gets a leading apostrophe so spreadsheet programs never run it as a formula
 * (CSV injection); plain numbers such as -3 stay numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A resident ID Excel keeps as text: an 18-digit number would otherwise be shown as 1.10115E+17 and lose its
 * last digits. Written as the formula ="…" that every spreadsheet displays as the plain ID (exempt from the
 * apostrophe guard because we write it ourselves from a validated ID). Masked IDs are text already.
 */
export function excelTextId(id: string): { raw: string } {
  return /^\d{17}[\dX]$/.test(id) ? { raw: `"=""${id}"""` } : { raw: csvCell(id) };
}

/** A CSV document: BOM, CRLF line ends (RFC 4180), every row the same number of fields. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell | { raw: string }>>): string {
  const line = (r: ReadonlyArray<Cell | { raw: string }>) => r.map((c) => (c !== null && typeof c === 'object' ? c.raw : csvCell(c))).join(',');
  return UTF8_BOM + rows.map(line).join('\r\n') + '\r\n';
}

/** The delimiter of a sheet: the most frequent of , ; TAB in its first line (outside quotes). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  return counts['\t'] > counts[','] && counts['\t'] >= counts[';'] ? '\t' : counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Parses CSV text (RFC 4180: quoted fields with "" escapes and line breaks, CRLF or LF, a leading BOM
 * dropped). The delimiter is detected from the first line unless given. Trailing empty lines are dropped.
 */
export function parseCsv(input: string, delimiter: string = detectDelimiter(input.replace(/^\uFEFF/, ''))): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows;
}

// ───────────────────────────── Decoding a sheet file ─────────────────────────────

export type SheetEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

/** A sheet file refused, with a bilingual reason. */
export class SheetError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly reason: string;
  constructor(reason: string, text: Bilingual) {
    super(`${text.zh} / ${text.en}`);
    this.name = 'SheetError';
    this.reason = reason;
    this.zh = text.zh;
    this.en = text.en;
  }
}

const SAVE_AS_UTF8: Bilingual = {
  zh: '请在 Excel 中「另存为」→「CSV UTF-8（逗号分隔）」或保存为 .xlsx 后重试。',
  en: 'In Excel, "Save As" → "CSV UTF-8 (Comma delimited)" or .xlsx, then try again.',
};

/**
 * Text of a CSV / TXT file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or GBK —
 * what Excel writes by default on Chinese Windows. A file that is none of these is refused; it is never
 * decoded into garbage. (The header check of {@link validateEmployeeSheet} is a second guard.)
 */
export function decodeSheetText(bytes: Uint8Array): { text: string; encoding: SheetEncoding } {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    throw new SheetError('xlsx', { zh: '这是 .xlsx 工作簿，不是 CSV 文本。', en: 'This is an .xlsx workbook, not CSV text.' });
  }
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new SheetError('xls', {
      zh: `不支持旧版 Excel 97-2003（.xls）文件。${SAVE_AS_UTF8.zh}`,
      en: `Old Excel 97-2003 (.xls) files are not supported. ${SAVE_AS_UTF8.en}`,
    });
  }
  const tryDecode = (label: string, data: Uint8Array): string | undefined => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(data);
    } catch {
      return undefined;
    }
  };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = tryDecode('utf-8', b.subarray(3));
    if (text === undefined) throw new SheetError('bad-utf8', { zh: `文件标明为 UTF-8，但内容不是有效的 UTF-8。${SAVE_AS_UTF8.zh}`, en: `The file says UTF-8 but is not valid UTF-8. ${SAVE_AS_UTF8.en}` });
    return { text, encoding: 'utf-8' };
  }
  if (b[0] === 0xff && b[1] === 0xfe) {
    const text = tryDecode('utf-16le', b.subarray(2));
    if (text !== undefined) return { text, encoding: 'utf-16le' };
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    const text = tryDecode('utf-16be', b.subarray(2));
    if (text !== undefined) return { text, encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8', b);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gbk = tryDecode('gbk', b);
  if (gbk !== undefined && !gbk.includes('\uFFFD')) return { text: gbk, encoding: 'gbk' };
  throw new SheetError('unknown-encoding', {
    zh: `无法识别文件编码（既不是 UTF-8 也不是 GBK），为避免乱码未导入任何数据。${SAVE_AS_UTF8.zh}`,
    en: `The file's encoding is neither UTF-8 nor GBK; nothing was imported to avoid garbled text. ${SAVE_AS_UTF8.en}`,
  });
}

// The employee import sheet (header finding, column names, preview, update mode) is utils/employee-import.ts;
// storage/import.ts writes it.

// ───────────────────────────── Reports: CSV of the case book ─────────────────────────────

/** '110115199003071234' → '**************1234' (only the last 4 shown, as in the case book). */
export function maskIdLast4(id: string): string {
  return id.length <= 4 ? id : `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

const HOLDER_LABELS: Record<HolderStatus, Bilingual> = {
  none: { zh: '未持证', en: 'none' },
  applying: { zh: '申办中', en: 'applying' },
  holder: { zh: '持证', en: 'holder' },
  suspended: { zh: '挂起', en: 'suspended' },
  expired: { zh: '已过期', en: 'expired' },
  cancelled: { zh: '已注销', en: 'cancelled' },
};
export { HOLDER_LABELS };

export const PERMIT_STATE_LABELS: Record<string, Bilingual> = {
  'not-yet-open': { zh: '未到申请期', en: 'not yet open' },
  open: { zh: '申请期内', en: 'open' },
  'closing-soon': { zh: '即将截止', en: 'closing soon' },
  missed: { zh: '已过建议最晚发起日', en: 'past the recommended latest day' },
  expired: { zh: '已到期', en: 'expired' },
};

export interface CsvOptions {
  lang?: Lang;
  /** Full resident IDs and phones instead of masked ones (the agent chose to). */
  revealIds?: boolean;
}

/**
 * The case book as CSV: one row per employee (the rows given, e.g. the filtered table) with the latest case,
 * the renewal / employer-change state, both latest days (recommended and the guide's) and the next deadline with
 * its working days left.
 */
export function caseBookCsv(rows: readonly CaseBookRow[], options: CsvOptions = {}): string {
  const [head, ...body] = caseBookTable(rows, options);
  // The resident ID column (index 1) as ="…" so that Excel keeps a full ID as text.
  return toCsv([head, ...body.map((r) => r.map((c, i) => (i === 1 && typeof c === 'string' ? excelTextId(c) : c)))]);
}

/** The case book's rows as a table (header first): the columns of the CSV and the .xlsx export. */
export function caseBookTable(rows: readonly CaseBookRow[], options: CsvOptions = {}): (string | number)[][] {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  const head = en
    ? ['Name', 'Resident ID', 'Phone', 'Category', 'Holder status', 'Permit valid until', 'Renewal / employer change', 'Window opens', 'Recommended latest filing day', 'Working days to recommended latest day', "The guide's latest filing day", 'Current business', 'Case status', 'Submitted on', 'Accepted on', 'Next deadline', 'Next date', 'Working days left', 'Approximate']
    : ['姓名', '身份证号', '手机号', '申报类别', '持证状态', '证件有效期至', '续签/变更状态', '续签申请期开始', '建议最晚发起日', '距建议最晚发起日（工作日）', '指南所列最晚发起日', '当前业务', '业务状态', '提交日期', '受理日期', '下一事项', '下一日期', '剩余工作日', '日期为估算'];
  const body = rows.map((r) => {
    const e = r.employee;
    const c = r.latestCase;
    const p = r.permit;
    const category = filingCategory(c, e);
    return [
      e.name,
      options.revealIds ? e.residentId : maskIdLast4(e.residentId),
      e.phone ? (options.revealIds ? e.phone : maskPhone(e.phone)) : '',
      category ? (category === 'recommended' ? (en ? 'recommended' : '推荐') : category) : '',
      pick(lang, HOLDER_LABELS[e.holderStatus]),
      e.permitValidUntil ?? '',
      p ? `${pick(lang, p.business === 'renewal' ? BUSINESS_LABELS.renewal : BUSINESS_LABELS['employer-change'])}：${pick(lang, PERMIT_STATE_LABELS[p.state])}` : '',
      p?.opens ?? '',
      p?.recommendedLatestDay ?? '',
      p ? p.workdaysToRecommendedLatestDay : '',
      p?.guideLatestDay ?? '',
      c ? pick(lang, BUSINESS_LABELS[c.business]) : '',
      c ? pick(lang, STATUS_LABELS[c.status]) : '',
      c?.submittedOn ?? '',
      c?.acceptedOn ?? '',
      r.next ? pick(lang, EVENT_LABELS[r.next.kind]) : '',
      r.next?.date ?? '',
      r.next ? r.next.workdaysLeft : '',
      (r.permit?.approximate || r.next?.approximate) ? (en ? 'yes' : '是') : '',
    ];
  });
  return [head, ...body];
}

/** The deadlines as CSV: one row per event (date, what, who, section, approximate). */
export function deadlinesCsv(events: readonly CaseBookEvent[], options: { lang?: Lang } = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  const head = en ? ['Date', 'Event', 'Employee', 'Detail', 'Guide section', 'Approximate'] : ['日期', '事项', '员工', '说明', '依据', '日期为估算'];
  return toCsv([
    head,
    ...events.map((e) => [e.date, pick(lang, EVENT_LABELS[e.kind]), e.employeeName ?? '', pick(lang, e.detail), e.section, e.approximate ? (en ? 'yes' : '是') : '']),
  ]);
}

// ───────────────────────────── ICS ─────────────────────────────

/** One all-day calendar entry. */
export interface IcsEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: string[];
}

/**
 * An iCalendar file of all-day events, written by the `ics` package (RFC 5545 escaping, line folding,
 * CRLF). UIDs are stable so that importing a newer export updates entries instead of duplicating them.
 */
export function toIcs(events: readonly IcsEvent[], options: { calendarName: string; now: Date }): string {
  const stamp = options.now.getTime();
  const dateArray = (d: IsoDate): [number, number, number] => {
    const [y, m, day] = d.split('-').map(Number);
    return [y, m, day];
  };
  const { error, value } = createEvents(
    events.map((e) => ({
      uid: e.uid,
      start: dateArray(e.date),
      end: dateArray(addDays(e.date, 1)),
      title: e.summary,
      ...(e.description ? { description: e.description } : {}),
      ...(e.categories?.length ? { categories: e.categories } : {}),
      transp: 'TRANSPARENT' as const,
      created: stamp,
    })),
    { productId: 'bj-work-residence-permit-assistant/casebook', calName: options.calendarName, method: 'PUBLISH' },
  );
  if (error || value === null) throw error ?? new Error('ICS');
  // The package folds by characters; RFC 5545 §3.1 folds at 75 octets of UTF-8 (utils/ics.ts).
  return foldIcs(value);
}

/** The case book's deadlines as ICS (names and dates only, no ID numbers). */
export function deadlinesIcs(events: readonly CaseBookEvent[], options: { lang?: Lang; now: Date }): string {
  const lang = options.lang ?? 'zh-CN';
  const en = lang === 'en';
  return toIcs(
    events.map((e) => ({
      uid: `${e.key}@jzz-assistant`,
      date: e.date,
      summary: (e.approximate ? (en ? '(approx.) ' : '（估算）') : '') + pick(lang, eventTitle(e)),
      description: [
        pick(lang, EVENT_LABELS[e.kind]),
        pick(lang, e.detail),
        `${en ? 'Guide section' : '依据'}：${e.section}`,
        ...(e.approximate ? [en ? 'Approximate: no official holiday data for that year yet (weekends only).' : '估算：该年份尚无官方节假日安排，仅按周末推算，安排公布后请复核。'] : []),
      ].filter(Boolean).join('\n'),
      categories: [en ? 'Work residence permit' : '工作居住证'],
    })),
    { calendarName: en ? 'Work residence permit deadlines' : '工作居住证截止日', now: options.now },
  );
}

// ───────────────────────────── Quarterly summary ─────────────────────────────

export interface QuarterSummaryRow {
  employee?: Pick<Employee, 'id' | 'name' | 'residentId' | 'category'>;
  case: Case;
}

export interface QuarterSummary {
  label: string;
  start: IsoDate;
  end: IsoDate;
  rows: QuarterSummaryRow[];
  /** Cases per business. */
  byBusiness: Partial<Record<Case['business'], number>>;
}

/**
 * The business filed in a quarter (cases submitted to the locality — `submittedOn` — within it), per employee,
 * for the summary the employer sends to its locality office (§提示: the stamped 业务办理情况表). Voided cases are left out.
 */
export function quarterSummary(s: Snapshot, quarterLabel: string): QuarterSummary {
  const m = /^(\d{4})Q([1-4])$/.exec(quarterLabel);
  if (!m) throw new RangeError(`季度格式应为 2026Q4 / Quarter must look like 2026Q4: ${quarterLabel}`);
  const q = quarterOf(`${m[1]}-${String(Number(m[2]) * 3).padStart(2, '0')}-01`);
  const names = new Map(s.employees.map((e) => [e.id, e]));
  const rows = s.cases
    .filter((c) => c.submittedOn && c.submittedOn >= q.start && c.submittedOn <= q.end && c.status !== 'voided')
    .map((c) => {
      const e = c.employeeId ? names.get(c.employeeId) : undefined;
      return { ...(e ? { employee: { id: e.id, name: e.name, residentId: e.residentId, category: e.category } } : {}), case: c };
    })
    .sort((a, b) => (a.case.submittedOn ?? '').localeCompare(b.case.submittedOn ?? '') || (a.employee?.name ?? '').localeCompare(b.employee?.name ?? '', 'zh-CN'));
  const byBusiness: QuarterSummary['byBusiness'] = {};
  for (const r of rows) byBusiness[r.case.business] = (byBusiness[r.case.business] ?? 0) + 1;
  return { label: q.label, start: q.start, end: q.end, rows, byBusiness };
}
