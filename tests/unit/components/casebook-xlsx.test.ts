// The case book's Excel export and the import template, read back by our import and by SheetJS.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { caseBookXlsx, importTemplateXlsx } from '../../../components/casebook/casebook-xlsx';
import { readXlsx } from '../../../utils/spreadsheet';
import { checkEmployeeSheet } from '../../../components/casebook/employee-import';
import { importExisting } from '../../../storage/import';
import { caseBookRows, loadSnapshot } from '../../../storage/snapshot';
import { makeClock, rid, useFreshDb } from '../storage/helpers';

const TODAY = '2026-11-26';

describe('the Excel export of the case book', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });

  async function seed() {
    const a = await t.repos.employees.create({ name: '张伟', residentId: rid('1990-03-07', 123), phone: '13812345678', category: 'A', holderStatus: 'holder', permitValidUntil: '2027-06-30' });
    const b = await t.repos.employees.create({ name: '李娜', residentId: rid('1985-11-30', 456), category: 'recommended', holderStatus: 'applying' });
    await t.repos.employees.create({ name: 'Anna Li', residentId: rid('1992-01-15', 789), holderStatus: 'none' });
    await t.repos.cases.create({ employeeId: a.id, business: 'renewal', status: 'collecting' });
    const old = await t.repos.cases.create({ employeeId: b.id, business: 'new-permit' });
    await t.repos.cases.update(old.id, { status: 'voided' });
    const s = await loadSnapshot(t.repos);
    return caseBookRows(s, TODAY);
  }

  it('round-trips through the import unchanged (full IDs), in Chinese and in English', async () => {
    const rows = await seed();
    for (const lang of ['zh-CN', 'en'] as const) {
      const sheets = await readXlsx(await caseBookXlsx(rows, { lang, revealIds: true }));
      const check = checkEmployeeSheet(sheets, await importExisting(t.db), { mode: 'update' });
      expect(check.invalid).toBe(0);
      expect(check.rows.map((r) => [r.name, r.verdict])).toEqual(rows.map((r) => [r.employee.name, 'unchanged']));
      expect(check.cases).toBe(0);
      // Every ID is a text cell with all 18 characters.
      const idCol = check.used.find((u) => u.key === 'residentId')!.column;
      expect(sheets[0].rows.slice(1).map((r) => r[idCol])).toEqual(rows.map((r) => ({ text: r.employee.residentId, kind: 'string' })));
    }
  });

  it('has the CSV\'s columns, masks IDs and phones unless unmasked, and SheetJS reads the IDs as text', async () => {
    const rows = await seed();
    const masked = XLSX.read(await caseBookXlsx(rows), { type: 'array' });
    const ws = masked.Sheets[masked.SheetNames[0]];
    const table = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false });
    expect(table[0].slice(0, 6)).toEqual(['姓名', '身份证号', '手机号', '申报类别', '持证状态', '证件有效期至']);
    // the CSV's columns, the recommended and the guide's latest day included (issue #14)
    expect(table[0]).toHaveLength(19);
    expect(table[0].slice(8, 11)).toEqual(['建议最晚发起日', '距建议最晚发起日（工作日）', '指南所列最晚发起日']);
    expect(table.slice(1).map((r) => r[1])).toEqual(rows.map((r) => `${'*'.repeat(14)}${r.employee.residentId.slice(-4)}`));
    expect(table.slice(1).some((r) => r[2] === '138****5678')).toBe(true);
    const full = XLSX.read(await caseBookXlsx(rows, { revealIds: true }), { type: 'array' });
    const fws = full.Sheets[full.SheetNames[0]];
    expect(fws.B2).toMatchObject({ t: 's', v: rows[0].employee.residentId });
    // A masked export cannot be imported back by mistake.
    const check = checkEmployeeSheet(await readXlsx(await caseBookXlsx(rows)), [], {});
    expect(check.rows.every((r) => r.verdict === 'error' && r.errors.some((e) => e.zh.includes('打码')))).toBe(true);
  });
});

describe('the .xlsx import template', () => {
  it('has the ID column formatted as text, an example row that is not imported, and a sheet explaining each column', async () => {
    const bytes = await importTemplateXlsx('zh-CN');
    const wb = XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true });
    expect(wb.SheetNames).toEqual(['员工名单', '填写说明']);
    const ws = wb.Sheets['员工名单'];
    expect(ws.B1.v).toBe('身份证号');
    // The Text format (@) sits on the empty cells below too, so what the agent types there stays text.
    const ExcelJS = (await import('exceljs')).default;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const list = back.getWorksheet('员工名单')!;
    expect([list.getCell('B2').numFmt, list.getCell('B500').numFmt, list.getCell('B2000').numFmt, list.getCell('C500').numFmt]).toEqual(['@', '@', '@', '@']);
    expect(list.getCell('A500').numFmt).toBeUndefined();
    const help = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['填写说明'], { header: 1 });
    expect(help[0]).toEqual(['列名', '是否必填', '填写说明', '也可使用的列名', '示例']);
    expect(help.find((r) => r[0] === '证件有效期至')?.[3]).toContain('工作居住证有效期至');
    const sheets = await readXlsx(bytes);
    expect(checkEmployeeSheet(sheets, []).rows).toEqual([]);
    expect((await readXlsx(await importTemplateXlsx('en')))[1].name).toBe('How to fill in');
  });
});
