/**
 * A chosen file → the sheets of cells the import reads: .xlsx through exceljs (loaded on demand, every
 * sheet with its cell types), CSV/TXT decoded (UTF-8, UTF-16 or GBK) and parsed into one sheet of text.
 */
import { decodeSheetText, parseCsv, SheetError, type SheetEncoding } from '../../utils/csv';
import { readXlsx, WorkbookError, type SheetData } from '../../utils/spreadsheet';

export interface SheetFile {
  sheets: SheetData[];
  /** 'xlsx' or the text encoding detected. */
  format: 'xlsx' | SheetEncoding;
}

/** Largest sheet accepted (5,000 employees fit in well under 5 MiB). */
const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** Rows of CSV text as one sheet of text cells (a CSV has no cell types: everything is text). */
export function textSheet(rows: readonly (readonly string[])[], name = 'CSV'): SheetData {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    name,
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => ({ text: r[i] ?? '', kind: (r[i] ?? '') === '' ? ('empty' as const) : ('string' as const) }))),
  };
}

export async function readSheetFile(file: Blob & { name?: string }): Promise<SheetFile> {
  if (file.size > MAX_SHEET_BYTES) {
    throw new SheetError('too-large', { zh: '文件过大（上限 20 MB）', en: 'The file is too large (max 20 MB)' });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(file.name ?? '')) {
    try {
      const sheets = await readXlsx(bytes);
      if (sheets.length === 0) throw new WorkbookError('无法读取该 .xlsx 文件：其中没有工作表（文件损坏或不是 Excel 工作簿）', 'Cannot read this .xlsx file: it has no sheets (damaged, or not an Excel workbook)');
      return { sheets, format: 'xlsx' };
    } catch (e) {
      if (e instanceof WorkbookError) throw new SheetError('xlsx', { zh: e.zh, en: e.en });
      // Anything else the reader trips over is still a file we cannot read: the import screen shows a
      // SheetError's sentence, but an unknown error only as a raw 「操作失败：…」 (issue #9).
      throw new SheetError('xlsx', {
        zh: '无法读取该 .xlsx 文件（文件损坏或不是 Excel 工作簿）',
        en: 'Cannot read this .xlsx file (damaged, or not an Excel workbook)',
      });
    }
  }
  const { text, encoding } = decodeSheetText(bytes);
  const name = (file.name ?? 'CSV').replace(/\.(csv|txt)$/i, '') || 'CSV';
  return { sheets: [textSheet(parseCsv(text), name)], format: encoding };
}
