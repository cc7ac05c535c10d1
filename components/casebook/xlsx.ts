/**
 * A small reader for the first worksheet of an .xlsx file (Office Open XML), enough for the employee import:
 * shared and inline strings, numbers, booleans, and date-formatted numbers turned into yyyy-MM-dd. The zip is
 * read from its central directory and inflated with the platform's DecompressionStream('deflate-raw'); the XML
 * is read with regular expressions (Excel, WPS and LibreOffice write it regularly). No dependency: if the lead
 * prefers a library, `read-excel-file` replaces {@link readXlsxFirstSheet} in sheet-file.ts (one import).
 *
 * Numbers come back as Excel stored them: an 18-digit ID typed as a number arrives as 1.10115199003071E+17,
 * which the import validation explains (Excel has already lost its last digits).
 */
import { addDays } from '../../rules/dates';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export class XlsxError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
    this.name = 'XlsxError';
  }
}

const broken = () => new XlsxError('无法读取该 .xlsx 文件（文件损坏或不是 Excel 工作簿）', 'Cannot read this .xlsx file (damaged, or not an Excel workbook)');

function entries(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i -= 1) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken();
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  const out = new Map<string, ZipEntry>();
  const dec = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (u32(b, p) !== 0x02014b50) throw broken();
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
    out.set(name, { name, method: u16(b, p + 10), compressedSize: u32(b, p + 20), offset: u32(b, p + 42) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function readEntry(b: Uint8Array, e: ZipEntry): Promise<string> {
  const p = e.offset;
  if (u32(b, p) !== 0x04034b50) throw broken();
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === 0) return new TextDecoder().decode(data);
  if (e.method !== 8) throw broken();
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    return await new Response(stream).text();
  } catch {
    // A zip whose entry is not valid deflate data (junk renamed to .xlsx, a cut-off download) made the
    // platform throw a bare TypeError that the import screen showed as 「操作失败：…」 (issue #9).
    throw broken();
  }
}

/** Excel's own limits (1,048,576 rows × 16,384 columns): a cell beyond them is a hostile or broken file. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** XML text content: entities decoded. */
export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** The text of a string item: all <t> runs, without phonetic (<rPh>) runs. */
function stringItem(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += xmlText(m[1] ?? '');
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Style index → true when its number format shows a date. */
function dateStyles(styles: string | undefined): boolean[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) custom.set(Number(m[1]), xmlText(m[2]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    return !!code && /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  });
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first worksheet of an .xlsx file as rows of cell texts (empty cells as ''). */
export async function readXlsxFirstSheet(bytes: Uint8Array): Promise<string[][]> {
  const zip = entries(bytes);
  const read = async (name: string) => {
    const e = zip.get(name);
    return e ? readEntry(bytes, e) : undefined;
  };
  const workbook = await read('xl/workbook.xml');
  if (!workbook) throw broken();
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const firstSheet = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (firstSheet && rels) {
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${firstSheet}"`));
    const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
    if (target) sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  const sheet = await read(sheetPath);
  if (!sheet) throw broken();
  const shared = [...((await read('xl/sharedStrings.xml')) ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => stringItem(m[1]));
  const isDate = dateStyles(await read('xl/styles.xml'));

  const rows: string[][] = [];
  for (const rm of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>|<row\b([^>]*)\/>/g)) {
    const rowNo = Number(/\br="(\d+)"/.exec(rm[1] ?? rm[3] ?? '')?.[1] ?? rows.length + 1);
    if (!(rowNo >= 1 && rowNo <= MAX_ROWS)) throw broken();
    const cells: string[] = [];
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1];
      const inner = cm[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : cells.length;
      // Padding up to a cell at column ZZZZZZ or row 999,999,999 would build hundreds of millions of
      // empty cells and hang the page: such a reference does not occur in a real workbook.
      if (col >= MAX_COLUMNS) throw broken();
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = stringItem(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
      else if (v !== undefined) {
        text = xmlText(v);
        const n = Number(text);
        if ((type === undefined || type === 'n') && isDate[style] && Number.isFinite(n) && n > 0 && n < 2958466) text = addDays('1899-12-30', Math.floor(n));
      }
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    while (rows.length < rowNo - 1) rows.push([]);
    rows.push(cells);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
