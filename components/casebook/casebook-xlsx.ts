/**
 * The case book's Excel files: the export (the same columns as the CSV, resident IDs written as text so
 * Excel keeps all 18 characters, masked unless the agent unmasks) and the import template (the ID column
 * formatted as Text, a second sheet explaining each column). Written by exceljs through utils/spreadsheet.
 */
import { caseBookTable, type CsvOptions } from './exports';
import type { CaseBookRow } from '../../storage/snapshot';
import { IMPORT_COLUMNS, importTemplateHelpRows, importTemplateRows } from './employee-import';
import { writeXlsx } from '../../utils/spreadsheet';

/** Empty rows of the template formatted as Text in the ID column (Excel keeps what is typed there as text). */
const TEMPLATE_TEXT_ROWS = 2000;

/** The case book (the rows given, e.g. the current filter) as an .xlsx file. */
export async function caseBookXlsx(rows: readonly CaseBookRow[], options: CsvOptions & { now?: Date } = {}): Promise<Uint8Array> {
  const table = caseBookTable(rows, options);
  return writeXlsx(
    [{ name: options.lang === 'en' ? 'Case book' : '案卷簿', rows: table, textColumns: [1, 2], widths: table[0].map((h, i) => (i === 1 ? 22 : Math.max(10, String(h).length * (options.lang === 'en' ? 1.1 : 2.2)))), header: true }],
    { now: options.now },
  );
}

/** The import template as an .xlsx file: sheet 1 the list (ID and phone columns as Text), sheet 2 the explanation. */
export async function importTemplateXlsx(lang: 'zh-CN' | 'en' = 'zh-CN', now?: Date): Promise<Uint8Array> {
  const en = lang === 'en';
  const id = IMPORT_COLUMNS.findIndex((c) => c.key === 'residentId');
  const phone = IMPORT_COLUMNS.findIndex((c) => c.key === 'phone');
  return writeXlsx(
    [
      { name: en ? 'Employees' : '员工名单', rows: importTemplateRows(lang), textColumns: [id, phone], textRows: TEMPLATE_TEXT_ROWS, widths: IMPORT_COLUMNS.map((c) => (c.key === 'residentId' ? 22 : c.key === 'notes' ? 30 : 14)), header: true },
      { name: en ? 'How to fill in' : '填写说明', rows: importTemplateHelpRows(lang), widths: [14, 10, 60, 40, 20], header: true },
    ],
    { now },
  );
}
