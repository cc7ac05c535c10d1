/**
 * The employee import sheet as agents really fill it (issue #19): any sheet of the workbook, a title or
 * instructions above the header row, their own column names, full-width characters, IDs that Excel stored
 * as numbers. Pure: a workbook's cells (utils/spreadsheet.ts, or a CSV parsed into one sheet) and the
 * employees already in the case book in, a plan with one verdict per row out — what will be added, what an
 * update changes, which rows are skipped and why. storage/import.ts writes the plan in one transaction.
 */
import type { Bilingual, BusinessType, Category, HolderStatus, IsoDate } from '../../rules/model';
import { Category as CategorySchema, HolderStatus as HolderStatusSchema, isIsoDate } from '../../rules/model';
import { addDays } from '../../rules/dates';
import { normalizePersonName, normalizeWidth } from '../../rules/identity';
import { BUSINESS_LABELS } from '../../rules/texts';
import { COMPANY_BUSINESSES, EmployeeInput, type EmployeePatch } from '../../storage/schemas';
import { fromZodError, pickLang } from '../../storage/errors';
import { maskResidentId } from '../../utils/mask';
import { HOLDER_LABELS } from '../../rules/texts';
import { SheetError } from '../../utils/csv';
import type { SheetCell, SheetData } from '../../utils/spreadsheet';
import type { ImportExisting } from '../../storage/import';

type Lang = 'zh-CN' | 'en';

export type ColumnKey = 'name' | 'residentId' | 'phone' | 'category' | 'holderStatus' | 'permitValidUntil' | 'business' | 'notes';

export interface ImportColumn {
  key: ColumnKey;
  zh: string;
  en: string;
  required: boolean;
  /** Header spellings taken as this column (compared after {@link headerKey}). */
  aliases: readonly string[];
  /** A header containing one of these (and none of `unless`) is also taken, e.g. 「工作居住证到期日」. */
  contains?: readonly string[];
  unless?: readonly string[];
  example: string;
  hint: Bilingual;
}

/** The template's columns, in template order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, aliases: ['姓名', '员工姓名', '职工姓名', '申请人姓名', '申请人', '名字', 'name', 'fullname', 'employeename'], example: '张伟', hint: { zh: '必填', en: 'required' } },
  {
    key: 'residentId', zh: '身份证号', en: 'Resident ID', required: true,
    aliases: ['身份证号', '身份证号码', '身份证', '证件号码', '证件号', '公民身份号码', '居民身份证号码', 'residentid', 'id', 'idnumber', 'idno'],
    contains: ['身份证'], example: '110115199003071234',
    hint: { zh: '必填，18 位；Excel 中请把该列设为「文本」格式（模板已设好），否则末几位会变成 0', en: 'required, 18 characters; format the column as Text in Excel (the template is), or its last digits become 0' },
  },
  { key: 'phone', zh: '手机号', en: 'Phone', required: false, aliases: ['手机号', '手机号码', '手机', '电话', '联系电话', '联系方式', '移动电话', 'phone', 'mobile', 'tel'], contains: ['手机', '电话'], unless: ['单位', '联系人'], example: '13812345678', hint: { zh: '选填', en: 'optional' } },
  { key: 'category', zh: '申报类别', en: 'Category', required: false, aliases: ['申报类别', '类别', '申请类别', '人才类别', '申请条件类别', 'category'], example: 'A', hint: { zh: '选填：A–H 或「推荐」（「C类」「Ｃ」也可）', en: 'optional: A–H or "recommended"' } },
  { key: 'holderStatus', zh: '持证状态', en: 'Holder status', required: false, aliases: ['持证状态', '状态', '证件状态', '工作居住证状态', 'holderstatus', 'status'], example: '持证', hint: { zh: '选填：未持证、申办中、持证、挂起、已过期、已注销', en: 'optional: none, applying, holder, suspended, expired, cancelled' } },
  {
    key: 'permitValidUntil', zh: '证件有效期至', en: 'Permit valid until', required: false,
    aliases: ['证件有效期至', '有效期至', '工作居住证有效期至', '工作居住证有效期', '证件有效期', '有效期截止', '有效期截止日', '有效期', '到期日', '到期日期', '证件到期日', 'permitvaliduntil', 'validuntil', 'expiry', 'expires'],
    contains: ['有效期', '到期'], unless: ['起', '开始', '合同', '护照', '身份证'],
    example: '2027-06-30', hint: { zh: '选填：日期，如 2027-06-30、2027/6/30、2027年6月30日', en: 'optional: a date such as 2027-06-30' },
  },
  {
    key: 'business', zh: '拟办业务', en: 'Business', required: false,
    aliases: ['拟办业务', '业务', '业务类型', '办理业务', '办理事项', '拟办理事项', '当前业务', 'business', 'currentbusiness'],
    example: '续签证件', hint: { zh: '选填：新办证件、续签证件、聘用单位变更、个人信息变更、关联员工；填写后为该员工新建一件进行中的业务', en: 'optional: new permit, renewal, employer change, personal information change, employee link; opens a case for the employee' },
  },
  { key: 'notes', zh: '备注', en: 'Notes', required: false, aliases: ['备注', '说明', '备注说明', 'notes', 'note', 'remarks'], example: '', hint: { zh: '选填', en: 'optional' } },
];

const COLUMN = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ImportColumn>;

/** How a header cell is compared: full-width folded, spaces, asterisks, colons and bracketed notes removed, lower-cased. */
function headerKey(s: string): string {
  return normalizeWidth(s.replace(/^\uFEFF/, ''))
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

function columnOf(header: string): ColumnKey | undefined {
  const k = headerKey(header);
  if (!k) return undefined;
  const exact = IMPORT_COLUMNS.find((c) => c.aliases.some((a) => headerKey(a) === k));
  if (exact) return exact.key;
  // Only a short header is matched by a word it contains: a sentence mentioning 身份证 is not a header.
  if (k.length > 12) return undefined;
  return IMPORT_COLUMNS.find((c) => c.contains?.some((w) => k.includes(w)) && !c.unless?.some((w) => k.includes(w)))?.key;
}

/** The rows searched for the header (title rows, a company line and blank rows usually come first). */
const HEADER_SEARCH_ROWS = 20;

export interface HeaderMatch {
  /** 0-based index of the header row in the sheet's rows. */
  index: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Columns read: the header as written and the field it fills. */
  used: { column: number; header: string; key: ColumnKey }[];
  /** Non-empty headers not read (a second column for a field already found is ignored too). */
  ignored: { column: number; header: string }[];
}

/** The first row within {@link HEADER_SEARCH_ROWS} that holds every required column, or undefined. */
export function findHeader(rows: readonly (readonly SheetCell[])[]): HeaderMatch | undefined {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i += 1) {
    const columns: HeaderMatch['columns'] = {};
    const used: HeaderMatch['used'] = [];
    const ignored: HeaderMatch['ignored'] = [];
    rows[i].forEach((cell, column) => {
      const header = cell.text.trim();
      if (!header) return;
      const key = columnOf(header);
      if (key && columns[key] === undefined) {
        columns[key] = column;
        used.push({ column, header, key });
      } else ignored.push({ column, header });
    });
    if (IMPORT_COLUMNS.every((c) => !c.required || columns[c.key] !== undefined)) return { index: i, columns, used, ignored };
  }
  return undefined;
}

/** A1-style letters of a 0-based column (0 → A, 27 → AB). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ───────────────────────────── Values ─────────────────────────────

/**
 * A cell's text: full-width letters and digits folded (Ｃ类 → C类, １３８… → 138…), odd spaces (ideographic,
 * no-break, zero-width) made plain, trimmed. Chinese punctuation stays as typed: 「张伟（研发部）」 and
 * 「原件在人事处，周一补」 keep their full-width brackets and comma.
 */
function cellText(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2000-\u200B\u202F\u205F\uFEFF]/g, ' ')
    .trim();
}

/** A name as the case book stores it (rules/identity.ts): 钱　浩 → 钱浩, Ａｎｎａ → Anna. */
export function normalizeName(s: string): string {
  return normalizePersonName(s);
}

/** Excel's day serial (1900 date system) of a date read as a number. */
function excelSerialToIso(n: number): IsoDate | undefined {
  if (!Number.isInteger(n) || n < 20000 || n > 80000) return undefined;
  return addDays('1899-12-30', n);
}

/** A date as typed in a sheet: 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日, 20270630 or an Excel serial. */
export function parseSheetDate(raw: string): IsoDate | undefined {
  const s = normalizeWidth(cellText(raw));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  if (/^\d{5}$/.test(s)) return excelSerialToIso(Number(s));
  return undefined;
}

const HOLDER_WORDS: Record<string, HolderStatus> = {
  未持证: 'none', 无: 'none', 未办理: 'none', none: 'none',
  申办中: 'applying', 申请中: 'applying', 办理中: 'applying', applying: 'applying',
  持证: 'holder', 持证中: 'holder', 有效: 'holder', 已持证: 'holder', holder: 'holder',
  挂起: 'suspended', 已挂起: 'suspended', suspended: 'suspended',
  已过期: 'expired', 过期: 'expired', 失效: 'expired', 已失效: 'expired', expired: 'expired',
  已注销: 'cancelled', 注销: 'cancelled', cancelled: 'cancelled', canceled: 'cancelled',
};

const BUSINESS_WORDS: Record<string, BusinessType> = {
  新办: 'new-permit', 新办证件: 'new-permit', 新办理: 'new-permit', 新申请: 'new-permit', 新办工作居住证: 'new-permit',
  续签: 'renewal', 续签证件: 'renewal', 续办: 'renewal', 续期: 'renewal',
  聘用单位变更: 'employer-change', 单位变更: 'employer-change', 变更单位: 'employer-change', 变更聘用单位: 'employer-change',
  个人信息变更: 'personal-info-change', 信息变更: 'personal-info-change',
  关联员工: 'employee-link', 员工关联: 'employee-link',
  权限注册: 'employer-registration', 单位主管部门变更: 'authority-change', 主管部门变更: 'authority-change',
  ...Object.fromEntries(Object.entries(BUSINESS_LABELS).flatMap(([k, v]) => [[headerKey(v.zh), k], [headerKey(v.en), k], [k, k]])),
};

/** A category cell: 「A」「a类」「Ｃ类」「类别B」「推荐」. */
export function parseCategory(raw: string): Category | undefined {
  const s = cellText(raw).replace(/类$|^类别|类别$/g, '').trim();
  const c = /^(推荐|推荐类|recommended|9)$/i.test(s) ? 'recommended' : s.toUpperCase();
  return CategorySchema.safeParse(c).success ? (c as Category) : undefined;
}

// ───────────────────────────── The plan ─────────────────────────────

export type ImportMode = 'add' | 'update';

/** What happens to a row: added, updated, left as it is, skipped (already there, add-only mode), or refused. */
export type RowVerdict = 'new' | 'update' | 'unchanged' | 'skip' | 'error';

/** One field an update changes, for the preview: 「持证状态：申办中 → 持证」. */
export interface FieldChange {
  key: ColumnKey | 'case';
  label: Bilingual;
  from: Bilingual;
  to: Bilingual;
}

/** An employee already in the case book, as the import compares it (storage/import.ts reads them). */
export type ExistingEmployee = ImportExisting;

export interface ImportRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  name: string;
  /** The ID as read (normalised when readable), for the preview; shown masked. */
  residentId: string;
  verdict: RowVerdict;
  /** For 'new': the employee to add. */
  input?: EmployeeInput;
  /** For 'update': whom, and the fields to change. */
  employeeId?: string;
  patch?: EmployeePatch;
  changes: FieldChange[];
  /** A case to open for the employee (new or existing). */
  openCase?: BusinessType;
  errors: Bilingual[];
  warnings: Bilingual[];
}

export interface ImportCheck {
  mode: ImportMode;
  /** The sheet read, its index, and every sheet's name (for the picker). */
  sheet: string;
  sheetIndex: number;
  sheetNames: string[];
  /** Sheets in which a header row was found (indexes). */
  sheetsWithHeader: number[];
  /** Sheet row number of the header. */
  headerRow: number;
  used: HeaderMatch['used'];
  ignored: HeaderMatch['ignored'];
  rows: ImportRow[];
  counts: Record<RowVerdict, number>;
  /** Rows without errors. */
  valid: number;
  invalid: number;
  /** Cases the import opens. */
  cases: number;
}

export interface CheckOptions {
  mode?: ImportMode;
  /** The sheet to read; default the first one with a header row. */
  sheetIndex?: number;
  /** 'xlsx' or the CSV's encoding: the refusal for an unrecognised header differs (encoding hint only for text). */
  format?: string;
}

const T = {
  numberId: (text: string): Bilingual => ({
    zh: `身份证号被 Excel 存成了数字（${text}），末几位已变为 0，无法还原：请把该列设为「文本」格式后重新填写`,
    en: `Excel stored the resident ID as a number (${text}); its last digits became 0 and cannot be recovered: format the column as Text and type the IDs again`,
  }),
  scientific: (text: string): Bilingual => ({
    zh: `身份证号被 Excel 存成了科学计数法（${text}），末几位已丢失：请把该列设为「文本」格式后重新填写`,
    en: `Excel stored the resident ID in scientific notation (${text}) and lost its last digits: format the column as Text and type it again`,
  }),
  masked: { zh: '身份证号是打码的（含 *），无法导入：导出时请勾选「显示完整身份证号」', en: 'The resident ID is masked (contains *) and cannot be imported: export with full IDs' },
  zeros: {
    zh: '末三位为 000：如果这个表在 Excel 中打开并保存过，身份证号可能被存成了数字，请把该列设为「文本」格式后重新填写',
    en: 'It ends in 000: if the sheet was opened and saved in Excel, the ID may have been stored as a number; format the column as Text and type it again',
  },
};

function emptyCounts(): Record<RowVerdict, number> {
  return { new: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
}

const plain = (s: string): Bilingual => ({ zh: s, en: s });
const holderText = (h: HolderStatus): Bilingual => HOLDER_LABELS[h];
const categoryText = (c: Category): Bilingual => (c === 'recommended' ? { zh: '推荐', en: 'recommended' } : plain(c));
const EMPTY: Bilingual = { zh: '（空）', en: '(empty)' };
const labelOf = (k: ColumnKey): Bilingual => ({ zh: COLUMN[k].zh, en: COLUMN[k].en });

/**
 * Reads the chosen sheet (default: the first with a header row) into a plan. Throws {@link SheetError}
 * when no sheet has a recognisable header row, naming the sheets read and the columns looked for.
 */
export function checkEmployeeSheet(sheets: readonly SheetData[], existing: readonly ExistingEmployee[], options: CheckOptions = {}): ImportCheck {
  const mode = options.mode ?? 'add';
  const headers = sheets.map((s) => findHeader(s.rows));
  const sheetsWithHeader = headers.flatMap((h, i) => (h ? [i] : []));
  const sheetIndex = options.sheetIndex ?? sheetsWithHeader[0] ?? 0;
  const sheet = sheets[sheetIndex];
  const header = headers[sheetIndex];
  if (!sheet || !header) throw noHeader(sheets, options.sheetIndex, options.format ?? 'xlsx');

  const byId = new Map(existing.map((e) => [e.residentId, e]));
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (let i = header.index + 1; i < sheet.rows.length; i += 1) {
    const cells = sheet.rows[i];
    const cell = (k: ColumnKey): SheetCell | undefined => (header.columns[k] === undefined ? undefined : cells[header.columns[k]!]);
    const get = (k: ColumnKey) => cellText(cell(k)?.text ?? '');
    if (cells.every((c) => c.text.trim() === '') || (cells.find((c) => c.text.trim() !== '')?.text.trim().startsWith('#') ?? false)) continue;
    rows.push(checkRow(i + 1, cell, get, byId, seen, mode));
  }
  const counts = emptyCounts();
  for (const r of rows) counts[r.verdict] += 1;
  return {
    mode,
    sheet: sheet.name,
    sheetIndex,
    sheetNames: sheets.map((s) => s.name),
    sheetsWithHeader,
    headerRow: header.index + 1,
    used: header.used,
    ignored: header.ignored,
    rows,
    counts,
    valid: rows.length - counts.error,
    invalid: counts.error,
    cases: rows.filter((r) => r.verdict !== 'error' && r.openCase).length,
  };
}

function noHeader(sheets: readonly SheetData[], index: number | undefined, format: string): SheetError {
  const required = IMPORT_COLUMNS.filter((c) => c.required);
  const searched = index !== undefined && sheets[index] ? [index] : sheets.map((_, i) => i);
  // The row that looks most like a header (most columns recognised) says what is missing from it.
  let best: { sheet: number; row: number; found: ColumnKey[] } | undefined;
  for (const si of searched) {
    sheets[si].rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, row) => {
      const found = [...new Set(cells.map((c) => columnOf(c.text.trim())).filter((k): k is ColumnKey => !!k))];
      if (found.some((k) => COLUMN[k].required) && (!best || found.length > best.found.length)) best = { sheet: si, row, found };
    });
  }
  const missing = best ? required.filter((c) => !best!.found.includes(c.key)) : required;
  const many = sheets.length > 1;
  const where = best
    ? { zh: `${many ? `工作表「${sheets[best.sheet].name}」` : ''}第 ${best.row + 1} 行像是表头（找到了「${best.found.map((k) => COLUMN[k].zh).join('」「')}」）`, en: `${many ? `sheet "${sheets[best.sheet].name}" ` : ''}row ${best.row + 1} looks like the header (found ${best.found.map((k) => `"${COLUMN[k].en}"`).join(', ')})` }
    : index !== undefined && sheets[index]
      ? { zh: `工作表「${sheets[index].name}」的前 ${HEADER_SEARCH_ROWS} 行中没有表头行`, en: `sheet "${sheets[index].name}" has no header row within its first ${HEADER_SEARCH_ROWS} rows` }
      : { zh: `${many ? `所有工作表（${sheets.map((s) => `「${s.name}」`).join('')}）` : '表格'}的前 ${HEADER_SEARCH_ROWS} 行中都没有表头行`, en: `${many ? 'none of the sheets' : 'the sheet'} has a header row within the first ${HEADER_SEARCH_ROWS} rows` };
  const text = format !== 'xlsx';
  return new SheetError('headers', {
    zh: `表头缺少「${missing.map((c) => c.zh).join('」「')}」列：${where.zh}。可用的列名：${IMPORT_COLUMNS.map((c) => c.zh).join('、')}（也认常见写法，如「公民身份号码」「工作居住证有效期至」）。${text ? '如果表头显示为乱码，说明文件编码有误。' : ''}`,
    en: `The header lacks ${missing.map((c) => `"${c.en}"`).join(' and ')}: ${where.en}. Columns: ${IMPORT_COLUMNS.map((c) => c.en).join(', ')} (usual Chinese spellings are recognised).${text ? ' Garbled headers mean a wrong encoding.' : ''}`,
  });
}

function checkRow(
  rowNo: number,
  cell: (k: ColumnKey) => SheetCell | undefined,
  get: (k: ColumnKey) => string,
  byId: ReadonlyMap<string, ExistingEmployee>,
  seen: Map<string, number>,
  mode: ImportMode,
): ImportRow {
  const errors: Bilingual[] = [];
  const warnings: Bilingual[] = [];
  const name = normalizeName(get('name'));
  const idCell = cell('residentId');
  // Our own CSV writes IDs as ="…" (Excel keeps them as text); a typed apostrophe does the same.
  const rawId = get('residentId').replace(/^="?|"$/g, '').replace(/^'/, '');
  const readableId = rawId.replace(/\s+/g, '').toUpperCase();
  let idProblem = false;
  if (idCell?.kind === 'number' && rawId !== '') {
    errors.push(T.numberId(rawId));
    idProblem = true;
  } else if (/^\d(\.\d+)?e\+?\d+$/i.test(rawId)) {
    errors.push(T.scientific(rawId));
    idProblem = true;
  } else if (rawId.includes('*')) {
    errors.push(T.masked);
    idProblem = true;
  }

  const candidate: Record<string, unknown> = { name, residentId: rawId };
  const phone = get('phone');
  if (phone) candidate.phone = normalizeWidth(phone).replace(/^(\+86|0086)\s*/, '');
  const cat = get('category');
  if (cat) {
    const c = parseCategory(cat);
    if (c) candidate.category = c;
    else errors.push({ zh: `申报类别「${cat}」无效，应为 A–H 或「推荐」`, en: `Category "${cat}" is not one of A–H or "recommended"` });
  }
  const hs = get('holderStatus');
  if (hs) {
    const v = HOLDER_WORDS[hs] ?? HOLDER_WORDS[hs.toLowerCase()];
    if (v && HolderStatusSchema.safeParse(v).success) candidate.holderStatus = v;
    else errors.push({ zh: `持证状态「${hs}」无效，可填：未持证、申办中、持证、挂起、已过期、已注销`, en: `Holder status "${hs}" is not one of none, applying, holder, suspended, expired, cancelled` });
  }
  const until = get('permitValidUntil');
  if (until) {
    const d = parseSheetDate(until);
    if (d) candidate.permitValidUntil = d;
    else errors.push({ zh: `证件有效期至「${until}」不是有效日期，应为 yyyy-MM-dd（如 2027-06-30）`, en: `Permit valid until "${until}" is not a date; use yyyy-MM-dd (e.g. 2027-06-30)` });
  }
  const notes = get('notes');
  if (notes) candidate.notes = notes;
  let business: BusinessType | undefined;
  const b = get('business');
  if (b) {
    business = BUSINESS_WORDS[headerKey(b)] ?? BUSINESS_WORDS[b];
    if (!business) errors.push({ zh: `拟办业务「${b}」无法识别，可填：新办证件、续签证件、聘用单位变更、个人信息变更、关联员工`, en: `Business "${b}" is not recognised; use new permit, renewal, employer change, personal information change or employee link` });
    else if (COMPANY_BUSINESSES.has(business)) {
      errors.push({ zh: `「${BUSINESS_LABELS[business].zh}」是单位的业务，不能按员工导入`, en: `"${BUSINESS_LABELS[business].en}" is the employer's business, not an employee's` });
      business = undefined;
    }
  }

  let input: EmployeeInput | undefined;
  if (!idProblem) {
    const parsed = EmployeeInput.safeParse(candidate);
    if (parsed.success) input = { ...parsed.data };
    else {
      for (const d of fromZodError(parsed.error, { zh: '员工', en: 'Employee' }).details) {
        // 「身份证号：身份证号无效：…」 says the field twice.
        errors.push({ zh: pickLang(d, 'zh-CN').replace(/^身份证号：(?=身份证号无效)/, ''), en: pickLang(d, 'en').replace(/^Resident ID: (?=Invalid resident ID)/, '') });
      }
      if (parsed.error.issues.some((i) => i.path[0] === 'residentId') && /^\d{15}000$/.test(readableId)) errors.push(T.zeros);
    }
  }
  const residentId = input?.residentId ?? readableId;
  const base = { row: rowNo, name, residentId, changes: [] as FieldChange[], errors, warnings };
  if (!input || errors.length) return { ...base, verdict: 'error' };

  const first = seen.get(input.residentId);
  if (first !== undefined) {
    errors.push({ zh: `身份证号与第 ${first} 行重复`, en: `Resident ID repeats row ${first}` });
    return { ...base, verdict: 'error' };
  }
  seen.set(input.residentId, rowNo);
  if (input.holderStatus === 'holder' && !input.permitValidUntil) {
    warnings.push({ zh: '持证但未填写证件有效期，无法提醒续签', en: 'Holder without an expiry date: no renewal reminders' });
  }

  const known = byId.get(input.residentId);
  if (!known) {
    const changes: FieldChange[] = business ? [{ key: 'case', label: { zh: '新建业务', en: 'Open case' }, from: EMPTY, to: BUSINESS_LABELS[business] }] : [];
    return { ...base, changes, verdict: 'new', input, ...(business ? { openCase: business } : {}) };
  }
  if (mode === 'add') {
    warnings.push({ zh: `已在案卷簿中（${known.name}），按「只添加新员工」跳过`, en: `Already in the case book (${known.name}); skipped in "add new only" mode` });
    return { ...base, verdict: 'skip', employeeId: known.id };
  }
  // Update: only the cells that hold something change a field; an empty cell never clears one.
  const patch: EmployeePatch = {};
  const changes: FieldChange[] = [];
  const note = (key: ColumnKey, from: Bilingual, to: Bilingual) => changes.push({ key, label: labelOf(key), from, to });
  if (input.name !== known.name) {
    patch.name = input.name;
    note('name', plain(known.name), plain(input.name));
    warnings.push({ zh: `姓名与案卷簿中的「${known.name}」不同：请核对身份证号是否填错`, en: `The name differs from "${known.name}" in the case book: check the resident ID` });
  }
  if (input.phone && input.phone !== known.phone) {
    patch.phone = input.phone;
    note('phone', known.phone ? plain(known.phone) : EMPTY, plain(input.phone));
  }
  if (input.category && input.category !== known.category) {
    patch.category = input.category;
    note('category', known.category ? categoryText(known.category) : EMPTY, categoryText(input.category));
  }
  if (candidate.holderStatus && input.holderStatus && input.holderStatus !== known.holderStatus) {
    patch.holderStatus = input.holderStatus;
    note('holderStatus', holderText(known.holderStatus), holderText(input.holderStatus));
  }
  if (input.permitValidUntil && input.permitValidUntil !== known.permitValidUntil) {
    patch.permitValidUntil = input.permitValidUntil;
    note('permitValidUntil', known.permitValidUntil ? plain(known.permitValidUntil) : EMPTY, plain(input.permitValidUntil));
  }
  if (input.notes && input.notes !== (known.notes ?? '')) {
    patch.notes = input.notes;
    note('notes', known.notes ? plain(known.notes) : EMPTY, plain(input.notes));
  }
  const openCase = business && !known.businesses.includes(business) ? business : undefined;
  if (openCase) changes.push({ key: 'case', label: { zh: '新建业务', en: 'Open case' }, from: EMPTY, to: BUSINESS_LABELS[openCase] });
  return {
    ...base,
    changes,
    employeeId: known.id,
    verdict: changes.length ? 'update' : 'unchanged',
    ...(Object.keys(patch).length ? { patch } : {}),
    ...(openCase ? { openCase } : {}),
  };
}

/** One line per problem: 「第 5 行（张伟）：身份证号…」. */
export function importErrorLines(check: ImportCheck, lang: Lang = 'zh-CN'): string[] {
  return check.rows.flatMap((r) =>
    r.errors.map((e) => (lang === 'en' ? `Row ${r.row}${r.name ? ` (${r.name})` : ''}: ${e.en}` : `第 ${r.row} 行${r.name ? `（${r.name}）` : ''}：${e.zh}`)),
  );
}

/** The ID as the preview shows it: masked when it is a readable ID, as read otherwise (it is wrong anyway). */
export function previewId(r: ImportRow): string {
  return /^\d{17}[\dX]$/.test(r.residentId) ? maskResidentId(r.residentId) : r.residentId;
}

// ───────────────────────────── Templates ─────────────────────────────

const templateHead = (lang: Lang) => IMPORT_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));

/** The CSV template: the headers and one example row starting with # (rows starting with # are not imported). */
export function importTemplateRows(lang: Lang = 'zh-CN'): string[][] {
  const note = lang === 'en' ? '# Example (rows starting with # are not imported): ' : '# 示例（以 # 开头的行不会导入）：';
  return [templateHead(lang), IMPORT_COLUMNS.map((c, i) => (i === 0 ? `${note}${c.example}` : c.example))];
}

/** The explanation sheet of the .xlsx template: one row per column. */
export function importTemplateHelpRows(lang: Lang = 'zh-CN'): string[][] {
  const en = lang === 'en';
  return [
    en ? ['Column', 'Required', 'What to enter', 'Other accepted headers', 'Example'] : ['列名', '是否必填', '填写说明', '也可使用的列名', '示例'],
    ...IMPORT_COLUMNS.map((c) => [
      en ? c.en : c.zh,
      c.required ? (en ? 'yes' : '必填') : en ? 'no' : '选填',
      en ? c.hint.en : c.hint.zh,
      c.aliases.filter((a) => a !== c.zh && !/^[a-z]+$/.test(a)).join('、'),
      c.example,
    ]),
    [],
    [en ? 'The list may start below a title; the header row is found within the first 20 rows, on any sheet.' : '名单上方可以有标题行；表头须在前 20 行内，可放在任意工作表。'],
    [en ? 'Rows starting with # and empty rows are not imported.' : '以 # 开头的行和空行不会导入。'],
    [en ? 'Full-width letters, digits and spaces are converted (Ｃ类 → C, 钱　浩 → 钱浩).' : '全角字母、数字和空格会自动转换（Ｃ类 → C，钱　浩 → 钱浩）。'],
  ];
}
