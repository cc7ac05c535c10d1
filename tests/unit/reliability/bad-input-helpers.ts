/**
 * Helpers of the bad-input suite: what a refusal said, the checks a clear message passes, and the bytes
 * of files Excel / WPS / a hostile sender would give us (GBK and UTF-16 text, zip containers). Nothing
 * here touches the disk.
 */
import { expect } from 'vitest';
import { isStorageError } from '../../../storage/errors';
import { SheetError } from '../../../utils/csv';

/** What the user is told: the Chinese sentence and, where the API has one, the English one. */
export interface Said {
  zh: string;
  en?: string;
}

/** The user-facing sentences of an error thrown by the app (StorageError with its details, SheetError). */
export function saidOf(e: unknown): Said {
  if (isStorageError(e)) return { zh: e.userMessage('zh-CN'), en: e.userMessage('en') };
  if (e instanceof SheetError) return { zh: e.zh, en: e.en };
  // Anything else is what the UI would show for an unexpected error: its raw message (fails the checks).
  return { zh: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

/** Runs `act`; it must be refused (throw). Returns what the refusal said; an accepted input fails the row. */
export async function refusal(act: () => unknown): Promise<Said> {
  let result: unknown;
  try {
    result = await act();
  } catch (e) {
    return saidOf(e);
  }
  throw new Error(`accepted instead of refused: ${JSON.stringify(result)?.slice(0, 200)}`);
}

/** zod / JS leaking through: texts no agent should ever read. */
const RAW_ZH = /Expected|expected|Invalid input|received|undefined|\[object |NaN|Zod|TypeError|RangeError|SyntaxError|Error:|\bat [\w.<>]+ \(|^\s*[[{]|"code"/;
const RAW_EN = /Invalid input|received undefined|\[object |Zod|TypeError|RangeError|SyntaxError|\bat [\w.<>]+ \(|^\s*[[{]|"code"/;

/**
 * A clear refusal: Chinese text that names the problem (`names`), no raw zod/JS dump, no bare field key
 * (camelCase) outside the parenthesised location hint; the English sentence, when offered, is English
 * and equally free of dumps.
 */
export function expectClear(said: Said, names: RegExp): void {
  expect(said.zh, 'the Chinese message has Chinese text').toMatch(/[\u4e00-\u9fff]/);
  expect(said.zh, 'the Chinese message names the problem').toMatch(names);
  expect(said.zh, 'no raw zod / JS text in the Chinese message').not.toMatch(RAW_ZH);
  const outsideHints = said.zh.replace(/（[^）]*）|\([^)]*\)|「[^」]*」/g, '');
  expect(outsideHints, 'no bare field key in the Chinese message').not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
  if (said.en !== undefined) {
    expect(said.en, 'the English message is English').toMatch(/[A-Za-z]{3,}/);
    expect(said.en, 'no raw zod / JS text in the English message').not.toMatch(RAW_EN);
  }
}

// ───────────────────────────── Text encodings ─────────────────────────────

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes of `text` (what Excel writes for 「CSV（逗号分隔）」 on Chinese Windows), from the platform's own decoder. */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        try {
          const ch = dec.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          /* unassigned pair */
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

/** UTF-16 little-endian bytes, with or without the BOM Excel's 「Unicode 文本」 starts with. */
export function utf16le(text: string, bom = true): Uint8Array {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return new Uint8Array(out);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// ───────────────────────────── Zip containers ─────────────────────────────

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * A zip archive of `files` (name → content), each stored as given: method 0 (stored) for text, or
 * `method: 8` with the bytes taken as (claimed) deflate data — how a damaged workbook looks.
 */
export function zip(files: Record<string, string | { bytes: Uint8Array; method: 8 }>): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? enc.encode(content) : content.bytes;
    const method = typeof content === 'string' ? 0 : 8;
    const nameBytes = [...enc.encode(name)];
    const crc = crc32(data);
    const offset = locals.length;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...nameBytes, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...nameBytes);
    count += 1;
  }
  const eocd = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return new Uint8Array([...locals, ...central, ...eocd]);
}

/** The minimal parts of an .xlsx whose first sheet is `sheetXml` (inline strings, no shared strings). */
export function xlsx(sheetXml: string): Uint8Array {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook><sheets><sheet name="员工" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`,
  });
}

/** An inline-string cell. */
export const cell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
