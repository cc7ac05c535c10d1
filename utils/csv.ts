/**
 * CSV as Excel and WPS read and write it: RFC 4180 quoting, UTF-8 with a BOM (without it Chinese Excel
 * assumes GBK), formula-like cells defused, IDs kept as text; and decoding a sheet file an agent picked
 * (UTF-8, UTF-16, GBK). General: nothing here knows about employees or cases.
 */

import type { Bilingual } from '../rules/model';

/** The byte-order mark Excel needs to read a CSV as UTF-8 (without it, Chinese Excel assumes GBK). */
const UTF8_BOM = '\uFEFF';

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
function detectDelimiter(text: string): ',' | ';' | '\t' {
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
