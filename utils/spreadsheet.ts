/**
 * Reading and writing .xlsx workbooks through exceljs, loaded on demand (`import()`), so only the case book
 * pays for it: the side panel and the content script never import this module's library.
 *
 * Reading keeps what the import needs to explain itself: every sheet (name and rows), each cell's text and
 * the kind of value Excel stored — a resident ID stored as a *number* has already lost its last digits, and
 * only the cell type tells that apart from an ID typed wrong. Dates come back as yyyy-MM-dd, formulas as
 * their cached result, rich text as its plain text; the covered cells of a merged range read as empty.
 */

/** What Excel stored in a cell. */
export type CellKind = 'empty' | 'string' | 'number' | 'date' | 'boolean' | 'error';

/** One cell: its text as shown to the import (dates as yyyy-MM-dd) and its stored kind. */
export interface SheetCell {
  text: string;
  kind: CellKind;
}

/** One worksheet: its tab name and its rows from row 1 (rows[0] is sheet row 1), all the same width. */
export interface SheetData {
  name: string;
  rows: SheetCell[][];
}

/** A workbook that could not be read (damaged, encrypted, or not an .xlsx at all). */
export class WorkbookError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
    this.name = 'WorkbookError';
  }
}

/** Excel's own limits: a sheet beyond them is broken or hostile and is not expanded cell by cell. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

type ExcelModule = typeof import('exceljs');

let loading: Promise<ExcelModule> | undefined;
/** exceljs, loaded once (its browser build is large; only the case book's import and export need it). */
function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelModule }).default ?? m) as ExcelModule);
  return loading;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** exceljs gives dates as JS Dates at UTC midnight of the day shown in Excel. */
const isoOfExcelDate = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/**
 * A number as Excel keeps it: 15 significant digits, written out without exponent for integers — an 18-digit
 * ID typed into a General cell reads 110115199003071000 (Excel replaced its last three digits by 0).
 */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const digits = BigInt(n).toString();
    const sign = digits.startsWith('-') ? 1 : 0;
    // Excel keeps 15 significant digits and cuts the rest to 0 (it does not round).
    return digits.length - sign > 15 ? digits.slice(0, 15 + sign) + '0'.repeat(digits.length - sign - 15) : digits;
  }
  return String(n);
}

function cellOf(value: unknown): SheetCell {
  if (value === null || value === undefined) return { text: '', kind: 'empty' };
  if (typeof value === 'string') return { text: value, kind: value === '' ? 'empty' : 'string' };
  if (typeof value === 'number') return { text: numberText(value), kind: 'number' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '', kind: 'error' } : { text: isoOfExcelDate(value), kind: 'date' };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string; error?: string };
    if (Array.isArray(v.richText)) return cellOf(v.richText.map((r) => r.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result);
    if (typeof v.error === 'string') return { text: v.error, kind: 'error' };
    // A hyperlink cell: { text, hyperlink } (text may itself be rich text).
    if ('text' in v) return cellOf(v.text);
  }
  return { text: String(value), kind: 'string' };
}

/** Every worksheet of an .xlsx file, in tab order, as cells (empty cells as kind 'empty'). */
export async function readXlsx(bytes: Uint8Array): Promise<SheetData[]> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new WorkbookError('无法读取该 .xlsx 文件（文件损坏、已加密，或不是 Excel 工作簿）', 'Cannot read this .xlsx file (damaged, encrypted, or not an Excel workbook)');
  }
  const sheets: SheetData[] = [];
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLUMNS) {
      throw new WorkbookError(`无法读取该 .xlsx 文件：工作表「${ws.name}」超出 Excel 的行列上限，文件已损坏`, `Cannot read this .xlsx file: sheet "${ws.name}" exceeds Excel's row and column limits; the file is damaged`);
    }
    const rows: SheetCell[][] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // The covered cells of a merged range repeat the master's value in exceljs: read them as empty,
        // so a merged title row does not look like a row of headers.
        const covered = cell.isMerged && cell.master !== cell;
        while (cells.length < col - 1) cells.push({ text: '', kind: 'empty' });
        cells[col - 1] = covered ? { text: '', kind: 'empty' } : cellOf(cell.value);
      });
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
      width = Math.max(width, cells.length);
    });
    sheets.push({ name: ws.name, rows: rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => ({ text: '', kind: 'empty' as const }))]) });
  }
  return sheets;
}

/** A value to write: text, number, or a date written as yyyy-MM-dd text. */
export type OutCell = string | number | null | undefined;

/** One sheet to write. `textColumns` (0-based) are formatted as Text (@) down to `textRows`, so typed IDs stay text. */
export interface SheetSpec {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<OutCell>>;
  /** Column widths in characters. */
  widths?: readonly number[];
  textColumns?: readonly number[];
  /** Rows formatted as text in `textColumns` beyond the data (empty rows for the agent to fill). Default: the data rows. */
  textRows?: number;
  /** Bold first row, frozen below it. */
  header?: boolean;
}

/** An .xlsx file of the given sheets. */
export async function writeXlsx(sheets: readonly SheetSpec[], meta: { creator?: string; now?: Date } = {}): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = meta.creator ?? '工作居住证申报助手';
  const now = meta.now ?? new Date();
  wb.created = now;
  wb.modified = now;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.header ? { views: [{ state: 'frozen', ySplit: 1 }] } : {});
    spec.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    const textRows = Math.max(spec.textRows ?? 0, spec.rows.length);
    for (const c of spec.textColumns ?? []) {
      for (let r = 1; r <= textRows; r += 1) ws.getCell(r, c + 1).numFmt = '@';
    }
    spec.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        ws.getCell(r + 1, c + 1).value = v;
      });
    });
    if (spec.header) ws.getRow(1).font = { bold: true };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
