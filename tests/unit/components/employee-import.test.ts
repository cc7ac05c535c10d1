// The employee import on workbooks written by other libraries (tests/fixtures/sheets/generate.mjs: exceljs
// and SheetJS), on CSV text, and through storage/import.ts into a real (fake-indexeddb) database.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEmployeeSheet, findHeader, importErrorLines, importTemplateRows, normalizeName, parseCategory, parseSheetDate, type ExistingEmployee } from '../../../components/casebook/employee-import';
import { readSheetFile, textSheet } from '../../../components/casebook/sheet-file';
import { applyEmployeeImport, importExisting } from '../../../storage/import';
import { isStorageError } from '../../../storage/errors';
import { parseCsv, toCsv } from '../../../utils/csv';
import { makeClock, rid, useFreshDb } from '../storage/helpers';
import { gbk } from '../reliability/bad-input-helpers';
// @ts-expect-error — the generator is a plain node script (its IDs are the people of the fixtures)
import { PEOPLE } from '../../fixtures/sheets/generate.mjs';

const fixture = async (name: string) => readSheetFile(Object.assign(new Blob([readFileSync(`tests/fixtures/sheets/${name}`)]), { name }));
const P = PEOPLE as Record<'qian' | 'sun' | 'zhou' | 'wu' | 'zheng', string>;
const known = (p: Partial<ExistingEmployee> & Pick<ExistingEmployee, 'residentId' | 'name'>): ExistingEmployee => ({ id: `e-${p.name}`, holderStatus: 'none', businesses: [], ...p });

describe('an agent\'s workbook written by exceljs: instructions on sheet 1, a merged title above the list on sheet 2', () => {
  it('finds the header row under the title on the second sheet and says which sheet and columns it read', async () => {
    const file = await fixture('exceljs-agents.xlsx');
    expect(file.format).toBe('xlsx');
    expect(file.sheets.map((s) => s.name)).toEqual(['填写说明', '名单']);
    const check = checkEmployeeSheet(file.sheets, [], { format: file.format });
    expect(check).toMatchObject({ sheet: '名单', sheetIndex: 1, headerRow: 4, sheetsWithHeader: [1] });
    expect(check.used.map((u) => `${u.header}→${u.key}`)).toEqual([
      '员工姓名→name', '公民身份号码→residentId', '联系电话→phone', '类别→category', '持证状态→holderStatus', '工作居住证有效期至→permitValidUntil', '拟办业务→business',
    ]);
    expect(check.ignored.map((u) => u.header)).toEqual(['序号', '部门']);
    expect(check.rows.map((r) => r.row)).toEqual([5, 6, 7, 8]);
  });

  it('folds full-width characters: 钱　浩 → 钱浩, Ｃ类 → C, a full-width phone; reads the date cell', async () => {
    const file = await fixture('exceljs-agents.xlsx');
    const [qian, sun] = checkEmployeeSheet(file.sheets, []).rows;
    expect(qian).toMatchObject({ verdict: 'new', name: '钱浩', openCase: 'renewal' });
    expect(qian.input).toMatchObject({ name: '钱浩', residentId: P.qian, phone: '13812345678', category: 'C', holderStatus: 'holder', permitValidUntil: '2027-06-30' });
    expect(sun).toMatchObject({ verdict: 'new', openCase: 'new-permit' });
  });

  it('tells an ID stored as a number by its cell type, and a typo by the check character without naming the "right" one', async () => {
    const file = await fixture('exceljs-agents.xlsx');
    const check = checkEmployeeSheet(file.sheets, []);
    const zhou = check.rows[2];
    expect(zhou.verdict).toBe('error');
    expect(zhou.errors.map((e) => e.zh).join()).toMatch(/身份证号被 Excel 存成了数字（110115199205013000），末几位已变为 0/);
    const wu = check.rows[3];
    expect(wu.verdict).toBe('error');
    const text = importErrorLines(check).join('\n') + importErrorLines(check, 'en').join('\n');
    expect(text).toContain('第 8 行（吴敏）：身份证号无效：号码有误');
    expect(text).toContain('号码有误');
    expect(text).not.toMatch(/residentId|校验码应为|should be/);
    // Neither the line nor anything else names the character that would make the typo pass.
    const right = P.wu.slice(0, 9) + String((Number(P.wu[9]) + 1) % 10) + P.wu.slice(10);
    expect(importErrorLines(check).find((l) => l.startsWith('第 8 行'))).not.toMatch(new RegExp(`应为|为 ?${right.slice(-1)}\\b`));
  });
});

describe('a workbook written by SheetJS', () => {
  it('reads the header in row 1 with other spellings, a date serial cell, and refuses the number-typed ID', async () => {
    const file = await fixture('sheetjs-plain.xlsx');
    const check = checkEmployeeSheet(file.sheets, []);
    expect(check.used.map((u) => u.key)).toEqual(['name', 'residentId', 'phone', 'category', 'permitValidUntil', 'business', 'notes']);
    expect(check.rows[0]).toMatchObject({ verdict: 'new', openCase: 'renewal' });
    expect(check.rows[0].input).toMatchObject({ residentId: P.zheng, category: 'D', permitValidUntil: '2028-01-31' });
    expect(check.rows[1].errors[0].zh).toContain('存成了数字');
  });

  it('reads 500 rows in well under a second', async () => {
    const t0 = performance.now();
    const file = await fixture('sheetjs-500.xlsx');
    const check = checkEmployeeSheet(file.sheets, []);
    const ms = performance.now() - t0;
    expect(check.rows).toHaveLength(500);
    expect(check.counts.new).toBe(500);
    expect(check.cases).toBe(500);
    console.log(`[figure] read and checked a 500-row workbook in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });
});

describe('the sheet picker and the header search', () => {
  const list = textSheet([['姓名', '身份证号'], ['张伟', rid('1990-03-07', 123)]], '名单');
  const notes = textSheet([['说明'], ['见第二页']], '说明');

  it('defaults to the first sheet with a header, reads the one chosen, and refuses one without a header by name', () => {
    expect(checkEmployeeSheet([notes, list], []).sheet).toBe('名单');
    expect(() => checkEmployeeSheet([notes, list], [], { sheetIndex: 0 })).toThrow(/表头缺少「姓名」「身份证号」列：工作表「说明」的前 20 行中没有表头行/);
  });

  it('gives the encoding hint for CSV text only, never for a workbook', () => {
    const garbled = textSheet([['ÐÕÃû', 'Éí·ÝÖ¤ºÅ']]);
    expect(() => checkEmployeeSheet([garbled], [], { format: 'utf-8' })).toThrow(/编码有误/);
    const refusal = (() => {
      try {
        checkEmployeeSheet([garbled, notes], [], { format: 'xlsx' });
      } catch (e) {
        return String(e);
      }
      return 'not refused';
    })();
    expect(refusal).not.toContain('编码');
    expect(refusal).toContain('所有工作表（「CSV」「说明」）的前 20 行中都没有表头行');
    const half = textSheet([['标题'], ['员工姓名', '电话']], '名单');
    expect(() => checkEmployeeSheet([notes, half], [])).toThrow(/表头缺少「身份证号」列：工作表「名单」第 2 行像是表头（找到了「姓名」「手机号」）/);
  });

  it('looks no further than row 20', () => {
    const rows = [...Array.from({ length: 20 }, () => ['']), ['姓名', '身份证号']];
    expect(findHeader(textSheet(rows).rows)).toBeUndefined();
    expect(findHeader(textSheet(rows.slice(1)).rows)?.index).toBe(19);
  });
});

describe('values as agents type them', () => {
  it('normalises names, categories and dates', () => {
    expect(normalizeName('钱\u3000浩')).toBe('钱浩');
    expect(normalizeName(' Anna\u3000Maria  Li ')).toBe('Anna Maria Li');
    // Chinese punctuation is not folded: only letters, digits and spaces are.
    expect(normalizeName('张伟（研发部）')).toBe('张伟（研发部）');
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号', '手机号', '备注'], ['张伟（研发部）', rid('1990-03-07', 123), '＋８６ １３８１２３４５６７８', '原件在人事处，周一补']])], []);
    expect(check.rows[0].input).toMatchObject({ name: '张伟（研发部）', phone: '13812345678', notes: '原件在人事处，周一补' });
    expect(parseCategory('Ｃ类')).toBe('C');
    expect(parseCategory('类别b')).toBe('B');
    expect(parseCategory('推荐')).toBe('recommended');
    expect(parseCategory('Z')).toBeUndefined();
    expect(parseSheetDate('2027年6月30日')).toBe('2027-06-30');
    expect(parseSheetDate('２０２７／６／３０')).toBe('2027-06-30');
    expect(parseSheetDate('20270630')).toBe('2027-06-30');
    expect(parseSheetDate('46568')).toBe('2027-06-30');
    expect(parseSheetDate('2027-13-01')).toBeUndefined();
  });

  it('gives every bad row its spreadsheet row number and a Chinese message, skipping comments and blank rows', () => {
    const id1 = rid('1990-03-07', 123);
    const id2 = rid('1985-11-30', 456);
    const table = [
      ['姓名', '身份证号', '手机号', '申报类别', '持证状态', '证件有效期至'],
      ['# 示例', '', '', '', '', ''],
      ['张伟', id1, '13812345678', 'A类', '持证', '2027/6/30'],
      ['', '', '', '', '', ''],
      ['李娜', '110115199003071235', '', 'Z', '在职', '2027-02-30'],
      ['王芳', '1.10115E+17', '', '', '', ''],
      ['赵磊', id1, '', '', '', ''],
      ['', id2, '', '', '', ''],
      ['孙七', '110115199003071000', '', '', '', ''],
      ['周八', `${id2.slice(0, 6)}****${id2.slice(-4)}`, '', '', '', ''],
    ];
    const check = checkEmployeeSheet([textSheet(table)], [], { format: 'utf-8' });
    expect(check.valid).toBe(1);
    expect(check.rows.map((r) => r.row)).toEqual([3, 5, 6, 7, 8, 9, 10]);
    const lines = importErrorLines(check);
    expect(lines.some((l) => l.startsWith('第 5 行（李娜）：') && l.includes('申报类别「Z」无效'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 5 行') && l.includes('持证状态「在职」无效'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 5 行') && l.includes('不是有效日期'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 6 行（王芳）：') && l.includes('科学计数法'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 7 行（赵磊）：') && l.includes('与第 3 行重复'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 8 行：姓名/名称：不能为空'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 9 行（孙七）：') && l.includes('末三位为 000'))).toBe(true);
    expect(lines.some((l) => l.startsWith('第 10 行（周八）：') && l.includes('打码'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/residentId|校验码应为/);
    expect(importErrorLines(check, 'en').some((l) => l.startsWith('Row 7 (赵磊): Resident ID repeats row 3'))).toBe(true);
  });

  it('reads the CSV template as headers and nothing to import', () => {
    const template = parseCsv(toCsv(importTemplateRows()));
    expect(template[0]).toEqual(['姓名', '身份证号', '手机号', '申报类别', '持证状态', '证件有效期至', '拟办业务', '备注']);
    expect(checkEmployeeSheet([textSheet(template)], []).rows).toEqual([]);
  });
});

describe('add new only, or update existing employees', () => {
  const existing = [
    known({ name: '钱浩', residentId: P.qian, phone: '13812345678', holderStatus: 'holder', permitValidUntil: '2027-06-30', businesses: ['new-permit'] }),
    known({ name: '孙丽', residentId: P.sun, phone: '13912345678', holderStatus: 'applying' }),
  ];

  it('skips employees already in the case book when adding new only, and adds the others', async () => {
    const file = await fixture('exceljs-update.xlsx');
    const check = checkEmployeeSheet(file.sheets, existing, { mode: 'add' });
    expect(check.rows.map((r) => r.verdict)).toEqual(['skip', 'skip', 'new']);
    expect(check.invalid).toBe(0);
    expect(check.rows[0].warnings[0].zh).toContain('已在案卷簿中（钱浩）');
  });

  it('shows what each update changes, and leaves fields with an empty cell alone', async () => {
    const file = await fixture('exceljs-update.xlsx');
    const check = checkEmployeeSheet(file.sheets, existing, { mode: 'update' });
    expect(check.rows.map((r) => r.verdict)).toEqual(['update', 'update', 'new']);
    const text = (i: number) => check.rows[i].changes.map((c) => `${c.label.zh}：${c.from.zh} → ${c.to.zh}`);
    expect(text(0)).toEqual(['手机号：13812345678 → 13800000000', '证件有效期至：2027-06-30 → 2029-06-30']);
    expect(text(1)).toEqual(['持证状态：申办中 → 持证', '证件有效期至：（空） → 2029-12-31']);
    expect(check.rows[0].patch).toEqual({ phone: '13800000000', permitValidUntil: '2029-06-30' });
  });

  it('warns when the name of a matched ID differs (the ID may be someone else\'s)', () => {
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号'], ['钱 浩浩', P.qian]])], existing, { mode: 'update' });
    expect(check.rows[0].warnings[0].zh).toContain('姓名与案卷簿中的「钱浩」不同');
  });
});

describe('writing the plan, all or nothing', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });
  const good = (n: number) => Array.from({ length: n }, (_, i) => [`员工${i}`, rid('1990-01-01', i), i % 2 ? '续签' : '']);

  it('imports nothing when any row is bad, and the valid rows (with their cases) when told to skip the bad ones', async () => {
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号', '拟办业务'], ...good(3), ['坏行', '123', '']])], []);
    const refused = await applyEmployeeImport(t.db, check, { errorLines: importErrorLines(check) }).catch((e) => e);
    expect(isStorageError(refused) && refused.zh).toContain('未导入任何员工');
    expect(await t.repos.employees.count()).toBe(0);
    expect(await applyEmployeeImport(t.db, check, { skipInvalid: true })).toEqual({ created: 3, updated: 0, cases: 1, skipped: 1 });
    expect(await t.repos.employees.count()).toBe(3);
    const cases = await t.repos.cases.list();
    expect(cases.map((c) => [c.business, c.status])).toEqual([['renewal', 'collecting']]);
    const audit = await t.repos.audit.list({});
    expect(audit.every((a) => a.source === 'import')).toBe(true);
  });

  it('rolls every row back when one fails while writing (an ID taken meanwhile)', async () => {
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号', '拟办业务'], ...good(5)])], []);
    await t.repos.employees.create({ name: '另一个标签页', residentId: rid('1990-01-01', 3) });
    await expect(applyEmployeeImport(t.db, check)).rejects.toThrow();
    expect(await t.repos.employees.count()).toBe(1);
    expect(await t.repos.cases.list()).toEqual([]);
  });

  it('updates existing employees from an exceljs workbook and opens no case twice', async () => {
    const qian = await t.repos.employees.create({ name: '钱浩', residentId: P.qian, phone: '13812345678', holderStatus: 'holder', permitValidUntil: '2027-06-30' });
    await t.repos.cases.create({ employeeId: qian.id, business: 'renewal' });
    const file = await fixture('exceljs-update.xlsx');
    const check = checkEmployeeSheet(file.sheets, await importExisting(t.db), { mode: 'update' });
    expect(await applyEmployeeImport(t.db, check)).toEqual({ created: 2, updated: 1, cases: 0, skipped: 0 });
    expect(await t.repos.employees.get(qian.id)).toMatchObject({ phone: '13800000000', permitValidUntil: '2029-06-30', holderStatus: 'holder' });
    // The same sheet again: nothing left to change.
    const again = checkEmployeeSheet(file.sheets, await importExisting(t.db), { mode: 'update' });
    expect(again.rows.map((r) => r.verdict)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('writes a 500-row workbook in bulk: every employee and case validated and audited, the progress per chunk', async () => {
    const file = await fixture('sheetjs-500.xlsx');
    const check = checkEmployeeSheet(file.sheets, []);
    const seen: { done: number; total: number }[] = [];
    expect(await applyEmployeeImport(t.db, check, { onProgress: (p) => seen.push(p) })).toEqual({ created: 500, updated: 0, cases: 500, skipped: 0 });
    expect(seen).toEqual([{ done: 0, total: 1000 }, { done: 500, total: 1000 }, { done: 1000, total: 1000 }]);
    const audit = await t.db.audit.toArray();
    expect(audit.filter((a) => a.table === 'employees' && a.op === 'create')).toHaveLength(500);
    expect(audit.filter((a) => a.table === 'cases' && a.op === 'create')).toHaveLength(500);
    expect(audit.every((a) => a.source === 'import')).toBe(true);
    const one = check.rows[7].input!;
    const stored = await t.repos.employees.findByResidentId(one.residentId);
    expect(stored).toMatchObject({ name: one.name, residentIdRev: [...one.residentId].reverse().join('') });
    expect((await t.repos.employees.latestCase(stored!.id))?.status).toBe('collecting');
  });

  it('cancelled before its commit imports nothing, though the employees were already written', async () => {
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号', '拟办业务'], ...good(6)])], []);
    const controller = new AbortController();
    const err = await applyEmployeeImport(t.db, check, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 6) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(isStorageError(err) && err.code).toBe('cancelled');
    expect(await t.repos.employees.count()).toBe(0);
    expect(await t.db.audit.count()).toBe(0);
  });

  it('refuses two rows of one person written in one bulk request, with nothing written', async () => {
    const err = await t.repos.employees.createMany([{ name: '甲', residentId: rid('1990-01-01', 1) }, { name: '乙', residentId: rid('1990-01-01', 1) }]).catch((e: unknown) => e);
    expect(isStorageError(err) && err.code).toBe('duplicate');
    expect(await t.repos.employees.count()).toBe(0);
    const bad = await t.repos.cases.createMany([{ employeeId: 'nobody', business: 'renewal' }]).catch((e: unknown) => e);
    expect(isStorageError(bad) && bad.code).toBe('not-found');
    expect(await t.db.cases.count()).toBe(0);
  });

  it('rolls back an update whose employee was deleted after the preview', async () => {
    const qian = await t.repos.employees.create({ name: '钱浩', residentId: P.qian });
    const check = checkEmployeeSheet([textSheet([['姓名', '身份证号', '持证状态'], ['钱浩', P.qian, '持证'], ['新人', rid('1999-09-09', 1), '']])], await importExisting(t.db), { mode: 'update' });
    await t.repos.employees.remove(qian.id);
    await expect(applyEmployeeImport(t.db, check)).rejects.toThrow();
    expect(await t.repos.employees.count()).toBe(0);
  });
});

describe('column names', () => {
  it('takes a short header by a word it contains, but not a sentence', () => {
    const h = (cells: string[]) => findHeader(textSheet([cells]).rows);
    expect(h(['姓名', '员工身份证号（必填）', '工作居住证到期日'])?.used.map((u) => u.key)).toEqual(['name', 'residentId', 'permitValidUntil']);
    expect(h(['姓名', '填写说明：身份证号请设为文本格式；有效期按证件填写。'])).toBeUndefined();
    expect(h(['姓名', '身份证号', '合同有效期至', '护照有效期'])?.used.map((u) => u.key)).toEqual(['name', 'residentId']);
  });
});

describe('names typed with a Chinese IME', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });

  it('are stored as searched: 钱　浩 is kept as 钱浩, whether typed or imported', async () => {
    const typed = await t.repos.employees.create({ name: '钱\u3000浩', residentId: rid('1990-03-07', 123) });
    expect(typed.name).toBe('钱浩');
    expect((await t.repos.employees.search('钱浩')).map((e) => e.id)).toEqual([typed.id]);
    const renamed = await t.repos.employees.update(typed.id, { name: 'Ａｎｎａ\u3000\u3000Li' });
    expect(renamed.name).toBe('Anna Li');
  });
});

describe('the CSV path keeps working as before', () => {
  it('reads a GBK CSV (Excel on Chinese Windows) with a title row above the header and agents\' column names', async () => {
    const text = ['2026年第四季度名单,,', '员工姓名,公民身份号码,工作居住证有效期至', `钱　浩,${P.qian},2027/6/30`].join('\r\n') + '\r\n';
    const file = await readSheetFile(Object.assign(new Blob([gbk(text) as BlobPart]), { name: '名单.csv' }));
    expect(file.format).toBe('gbk');
    const check = checkEmployeeSheet(file.sheets, [], { format: file.format });
    expect(check).toMatchObject({ sheet: '名单', headerRow: 2 });
    expect(check.rows[0].input).toMatchObject({ name: '钱浩', residentId: P.qian, permitValidUntil: '2027-06-30' });
  });
});
