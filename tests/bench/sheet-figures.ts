/**
 * The spreadsheet import figure (issue #16: "an Excel sheet of 500 employees imports in ≤ 1 s"), run in an
 * extension page (Chromium IndexedDB) like the storage figures. The sheet is a real .xlsx written by the
 * product's own writer (utils/spreadsheet.ts writeXlsx, the template's header row) with 500 made-up employees
 * (valid IDs, rules/identity makeResidentId); the import is exactly the case book's path (ImportView.tsx):
 * readSheetFile → importExisting → checkEmployeeSheet → applyEmployeeImport, timed per step.
 */
import { makeResidentId } from '../../rules/identity';
import { addDays } from '../../rules/dates';
import type { JzzDb } from '../../storage/db';
import { applyEmployeeImport, importExisting } from '../../storage/import';
import { checkEmployeeSheet, importErrorLines, importTemplateRows } from '../../components/casebook/employee-import';
import { readSheetFile } from '../../components/casebook/sheet-file';
import { writeXlsx } from '../../utils/spreadsheet';
import { mulberry32 } from './seed-db';

export interface SheetImportFigures {
  rows: number;
  fileBytes: number;
  /** exceljs reading the file into cells (readSheetFile). */
  readMs: number;
  /** importExisting + checkEmployeeSheet: the preview the agent confirms. */
  checkMs: number;
  /** applyEmployeeImport: one all-or-nothing transaction, validated and audited per row. */
  applyMs: number;
  totalMs: number;
  created: number;
  cases: number;
  /** Main-thread tasks ≥ 50 ms during the whole import, longest first (null without a longtask observer). */
  longTasks: number[] | null;
}

/** Writes the sheet, then imports it into `db` (empty) as the case book does; every employee opens a renewal. */
export async function sheetImportFigures(db: JzzDb, rows = 500): Promise<SheetImportFigures> {
  const rnd = mulberry32(500);
  const header = importTemplateRows('zh-CN')[0];
  const data = Array.from({ length: rows }, (_, i) => {
    const birth = addDays('1975-01-01', Math.floor(rnd() * 9000));
    const id = makeResidentId({ region: '110115', birthDate: birth, sequence: 100 + (i % 800) });
    const byColumn: Record<string, string> = {
      姓名: `${'王李张刘陈杨黄赵吴周'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10) % 10]}${'一二三四五'[Math.floor(i / 100) % 5]}`,
      身份证号: id,
      手机号: `139${String(10_000_000 + i).slice(-8)}`,
      申报类别: 'ABCDEFGH'[i % 8],
      持证状态: '持证',
      证件有效期至: addDays('2027-01-01', i),
      拟办业务: '续签证件',
      备注: '',
    };
    return header.map((h) => byColumn[h] ?? '');
  });
  const bytes = await writeXlsx([{ name: '员工', rows: [header, ...data], textColumns: [header.indexOf('身份证号')], header: true }]);
  const file = new Blob([bytes as BlobPart]);

  const seen: number[] = [];
  const po =
    typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((l) => l.getEntries().forEach((e) => seen.push(e.duration)))
      : null;
  po?.observe({ type: 'longtask' });
  await db.open();
  const t0 = performance.now();
  const sheet = await readSheetFile(Object.assign(file, { name: 'staff.xlsx' }));
  const t1 = performance.now();
  const existing = await importExisting(db);
  const check = checkEmployeeSheet(sheet.sheets, existing, { format: sheet.format });
  const t2 = performance.now();
  const result = await applyEmployeeImport(db, check, { errorLines: importErrorLines(check) });
  const t3 = performance.now();
  await new Promise((r) => setTimeout(r, 50));
  if (po) {
    po.takeRecords().forEach((e) => seen.push(e.duration));
    po.disconnect();
  }
  if (check.invalid > 0) throw new Error(`the bench sheet has ${check.invalid} invalid rows: ${importErrorLines(check).slice(0, 3).join('; ')}`);
  return {
    rows,
    fileBytes: bytes.byteLength,
    readMs: t1 - t0,
    checkMs: t2 - t1,
    applyMs: t3 - t2,
    totalMs: t3 - t0,
    created: result.created,
    cases: result.cases,
    longTasks: po ? seen.sort((a, b) => b - a) : null,
  };
}
