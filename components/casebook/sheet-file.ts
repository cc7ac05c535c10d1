/** A chosen file → rows of cells: .xlsx through the xlsx reader, CSV/TXT decoded (UTF-8, UTF-16 or GBK) and parsed. */
import { decodeSheetText, parseCsv, SheetError, type SheetEncoding } from '../../storage/reports';
import { readXlsxFirstSheet, XlsxError } from './xlsx';

export interface SheetFile {
  rows: string[][];
  /** 'xlsx' or the text encoding detected. */
  format: 'xlsx' | SheetEncoding;
}

/** Largest sheet accepted (5,000 employees fit in well under 5 MiB). */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

export async function readSheetFile(file: Blob & { name?: string }): Promise<SheetFile> {
  if (file.size > MAX_SHEET_BYTES) {
    throw new SheetError('too-large', { zh: '文件过大（上限 20 MB）', en: 'The file is too large (max 20 MB)' });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(file.name ?? '')) {
    try {
      return { rows: await readXlsxFirstSheet(bytes), format: 'xlsx' };
    } catch (e) {
      if (e instanceof XlsxError) throw new SheetError('xlsx', { zh: e.zh, en: e.en });
      // Anything else the reader trips over is still a file we cannot read: the import screen shows a
      // SheetError's sentence, but an unknown error only as a raw 「操作失败：…」 (issue #9).
      throw new SheetError('xlsx', {
        zh: '无法读取该 .xlsx 文件（文件损坏或不是 Excel 工作簿）',
        en: 'Cannot read this .xlsx file (damaged, or not an Excel workbook)',
      });
    }
  }
  const { text, encoding } = decodeSheetText(bytes);
  return { rows: parseCsv(text), format: encoding };
}
