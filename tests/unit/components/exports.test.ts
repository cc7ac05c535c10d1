import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseBookCsv, deadlinesIcs, quarterSummary } from '../../../components/casebook/exports';
import { csvCell, decodeSheetText, parseCsv, SheetError, toCsv } from '../../../utils/csv';
import { maskIdLast4 } from '../../../utils/mask';
import { caseBookRows, type Snapshot } from '../../../storage/snapshot';
import { type CaseBookEvent } from '../../../rules/deadline-events';
import { isStorageError } from '../../../storage/errors';
import type { Case, Employee } from '../../../storage/schemas';
import { makeClock, rid, useFreshDb } from '../storage/helpers';

const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV text', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas but not negative numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });

  it('starts with a UTF-8 BOM and ends lines with CRLF, so Excel opens Chinese text correctly', () => {
    const csv = toCsv([['姓名', '日期'], ['张伟', '2027-06-30']]);
    expect(csv.startsWith('\uFEFF姓名,日期\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back what it writes, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => c.replace(/^[=+\-@\t\r]/, 'x')));
        fc.pre(safe.every((r) => r.length === safe[0].length));
        expect(parseCsv(toCsv(safe), ',')).toEqual(safe);
      }),
      { numRuns: 200 },
    );
  });

  it('detects tab and semicolon delimiters and accepts LF line ends', () => {
    expect(parseCsv('姓名\t身份证号\n张伟\t1')).toEqual([['姓名', '身份证号'], ['张伟', '1']]);
    expect(parseCsv('a;b\n1;2\n\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('decoding a sheet file', () => {
  const text = '姓名,身份证号,持证状态\r\n张伟,110115199003071234,持证\r\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeSheetText(utf8('\uFEFF' + text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeSheetText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('detects and decodes a GBK file (Excel\'s default CSV on Chinese Windows)', () => {
    const gbk = hex('d0d5c3fb2cc9edb7ddd6a4bac52cb3d6d6a4d7b4ccac0d0ad5c5ceb02c3131303131353139393030333037313233342cb3d6d6a40d0a');
    expect(decodeSheetText(gbk)).toEqual({ text, encoding: 'gbk' });
  });

  it('reads UTF-16 with a BOM (Excel\'s "Unicode text")', () => {
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeSheetText(le).text).toBe(text);
  });

  it('refuses bytes that are neither UTF-8 nor GBK, and old .xls files, with a clear message', () => {
    const junk = new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x80, 0x7f, 0xff]);
    expect(() => decodeSheetText(junk)).toThrow(SheetError);
    expect(() => decodeSheetText(junk)).toThrow(/无法识别文件编码/);
    expect(() => decodeSheetText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toThrow(/\.xls/);
  });
});

const AT = '2026-01-01T00:00:00.000Z';
const emp = (id: string, name: string, p: Partial<Employee> = {}): Employee => ({
  id, name, residentId: rid('1990-03-07', Number(id.slice(1))), residentIdRev: '', gender: 'male', birthDate: '1990-03-07', holderStatus: 'holder', createdAt: AT, updatedAt: AT, ...p,
});
const cs = (id: string, employeeId: string, p: Partial<Case> = {}): Case => ({ id, employeeId, business: 'renewal', status: 'draft', facts: {}, createdAt: AT, updatedAt: AT, ...p });

describe('reports', () => {
  const s: Snapshot = {
    employees: [emp('e1', '张伟', { permitValidUntil: '2027-02-01', phone: '13812345678' }), emp('e2', '李娜, "小李"', { holderStatus: 'none' })],
    cases: [cs('c1', 'e2', { business: 'new-permit', status: 'locality-review', submittedOn: '2026-11-10' }), cs('c2', 'e1', { status: 'voided', submittedOn: '2026-11-12' })],
    documents: [],
  };
  const rows = caseBookRows(s, '2026-11-26');

  it('masks IDs and phones in the CSV unless the agent chooses otherwise', () => {
    const masked = parseCsv(caseBookCsv(rows));
    expect(masked[0][0]).toBe('姓名');
    expect(masked[1][1]).toBe(maskIdLast4(s.employees[0].residentId));
    expect(masked[1][1]).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(masked[1][2]).toBe('138****5678');
    expect(masked[2][0]).toBe('李娜, "小李"');
    const full = parseCsv(caseBookCsv(rows, { revealIds: true }));
    expect(full[1][1]).toBe(`="${s.employees[0].residentId}"`);
    expect(full[1][2]).toBe('13812345678');
    expect(parseCsv(caseBookCsv(rows, { lang: 'en' }))[0][0]).toBe('Name');
  });

  it('writes an ICS calendar with folded lines, escaped text, all-day dates and stable UIDs', () => {
    const events: CaseBookEvent[] = [
      { key: 'renewal-opens:e1:2027-06-30', kind: 'renewal-opens', date: '2027-03-24', approximate: true, employeeId: 'e1', employeeName: '张伟', detail: { zh: '有效期至 2027-06-30', en: 'valid until 2027-06-30' }, section: '§六(三)' },
      { key: 'quarter-last-workday:2026Q4', kind: 'quarter-last-workday', date: '2026-12-31', approximate: false, detail: { zh: '2026Q4', en: '2026Q4' }, section: '§一(一), §四(二) 1' },
    ];
    const ics = deadlinesIcs(events, { now: new Date('2026-11-26T02:00:00.000Z') });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    // Long lines are folded (RFC 5545 §3.1: CRLF then a space or tab); unfolding gives the text back.
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('UID:renewal-opens:e1:2027-06-30@jzz-assistant');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20270324\r\nDTEND;VALUE=DATE:20270325');
    expect(unfolded).toContain('SUMMARY:（估算）张伟：续签申请期开始（有效期至 2027-06-30）');
    expect(unfolded).toContain('依据：§一(一)\\, §四(二) 1');
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('folds a long Chinese summary and unfolds back to it unchanged', () => {
    const ev: CaseBookEvent = { key: 'k', kind: 'renewal-opens', date: '2027-03-24', approximate: false, employeeId: 'e1', employeeName: '续签'.repeat(40), detail: { zh: 'x', en: 'x' }, section: '§六(三)' };
    const ics = deadlinesIcs([ev], { now: new Date('2026-11-26T02:00:00.000Z') });
    expect(ics.split('\r\n').length).toBeGreaterThan(12);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('续签'.repeat(40));
  });

  it('folds every ICS line at 75 octets of UTF-8 without splitting a character (RFC 5545 §3.1)', () => {
    const ev: CaseBookEvent = { key: 'k', kind: 'renewal-opens', date: '2027-03-24', approximate: true, employeeId: 'e1', employeeName: '阿依古丽·买买提😀续签', detail: { zh: '有效期至 2027-06-30，请在申请期内提交续签材料并预留审核时间'.repeat(3), en: 'x' }, section: '§六(三)' };
    const ics = deadlinesIcs([ev], { now: new Date('2026-11-26T02:00:00.000Z') });
    const lines = ics.split('\r\n');
    const octets = lines.map((l) => new TextEncoder().encode(l).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(Math.max(...octets)).toBeGreaterThan(70);
    // No line starts or ends inside a character: each decodes strictly as UTF-8 on its own.
    for (const l of lines) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).not.toThrow();
    expect(lines.some((l) => /\uFFFD/.test(l))).toBe(false);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:（估算）阿依古丽·买买提😀续签');
  });

  it('summarises the business filed in a quarter per employee, leaving out voided cases', () => {
    const q = quarterSummary(s, '2026Q4');
    expect(q.start).toBe('2026-10-01');
    expect(q.rows.map((r) => r.employee?.name)).toEqual(['李娜, "小李"']);
    expect(q.byBusiness).toEqual({ 'new-permit': 1 });
    expect(quarterSummary(s, '2026Q3').rows).toEqual([]);
    expect(() => quarterSummary(s, '2026-4')).toThrow(/2026Q4/);
  });
});
