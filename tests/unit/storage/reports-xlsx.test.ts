// The case book's .xlsx reader (components/casebook/xlsx.ts) on workbooks built here as real zip files.
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readXlsxFirstSheet } from '../../../components/casebook/xlsx';
import { readSheetFile } from '../../../components/casebook/sheet-file';
import { validateEmployeeSheet } from '../../../storage/reports';
import { rid } from './helpers';

/** A minimal zip writer (deflate or stored), enough to build test workbooks. */
function zip(files: Record<string, string>, store = false): Uint8Array {
  const enc = new TextEncoder();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(enc.encode(text));
    const data = store ? raw : deflateRawSync(raw);
    const n = Buffer.from(enc.encode(name));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    locals.push(local, n, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

function workbook(sheetXml: string, shared: string[], store = false): Uint8Array {
  return zip(
    {
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="员工" sheetId="1" r:id="rId7"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
      'xl/sharedStrings.xml': `<sst>${shared.map((s) => `<si><t>${s}</t></si>`).join('')}<si><r><t>富</t></r><r><t xml:space="preserve">文本</t></r><rPh><t>ふ</t></rPh></si></sst>`,
      'xl/styles.xml': '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49"/></cellXfs></styleSheet>',
      'xl/worksheets/sheet3.xml': `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`,
    },
    store,
  );
}

describe('reading the first worksheet of an .xlsx file', () => {
  const id = rid('1990-03-07', 123);
  const sheet =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
    `<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>${id}</t></is></c><c r="D2" s="1"><v>46568</v></c></row>` +
    '<row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4"><v>1.10115199003071E+17</v></c><c r="C4" t="b"><v>1</v></c></row>';
  const shared = ['姓名', '身份证号', '持证状态', '证件有效期至', '张伟', '李&amp;娜'];

  it('reads shared, inline and rich strings, date-formatted numbers and sparse cells (deflated and stored)', async () => {
    for (const store of [false, true]) {
      const rows = await readXlsxFirstSheet(workbook(sheet, shared, store));
      expect(rows[0]).toEqual(['姓名', '身份证号', '持证状态', '证件有效期至']);
      expect(rows[1]).toEqual(['张伟', id, '', '2027-06-30']);
      expect(rows[2]).toEqual(['', '', '', '']);
      expect(rows[3]).toEqual(['李&娜', '1.10115199003071E+17', 'TRUE', '']);
    }
  });

  it('feeds the import validation, which explains the ID Excel turned into a number', async () => {
    const file = new Blob([workbook(sheet, shared) as BlobPart]);
    const { rows, format } = await readSheetFile(Object.assign(file, { name: '员工.xlsx' }));
    expect(format).toBe('xlsx');
    const check = validateEmployeeSheet(rows, new Map());
    expect(check.rows[0].input).toMatchObject({ name: '张伟', residentId: id, permitValidUntil: '2027-06-30' });
    expect(check.rows[1].errors[0].zh).toContain('科学计数法');
  });

  it('refuses a damaged workbook with a clear message', async () => {
    const bad = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]);
    await expect(readSheetFile(Object.assign(bad, { name: 'x.xlsx' }))).rejects.toThrow(/无法读取该 \.xlsx 文件/);
  });
});
