/**
 * What the portal shows about people, read into the case book (issue #17 part 4): the personal home page's
 * permit card and businesses (个人首页), and the employer's lists (当前在职员工, 待办理新办证件员工 and any list
 * with states). The content script sends the page's texts as shown (PortalRecords); this file reads them —
 * dates, the state vocabulary, masked ID numbers, paging — and plans what would change in the case book.
 * Nothing here writes: the side panel shows the plan and the repositories apply it after one confirmation.
 *
 * The state words come from a 2020 mock of the platform (issue #17; not in the guide): business states 待单位审核,
 * 待主管部门审核, 待市局审核, 退回个人修改, 退回单位修改, 审核不通过, 办理成功; permit states 有效, 冻结, 过期, 离职注销,
 * and 挂起 (§提示 特别注意 3). A word outside this vocabulary is kept verbatim and shown, never mapped by guess; a
 * known word without a counterpart in the case book (冻结, 待市局审核, 审核不通过) is shown and changes nothing.
 */
import { z } from 'zod';
import type { BusinessType, CaseStatus, HolderStatus, IsoDate, Bilingual } from './model';
import { isIsoDate } from './model';
import { checkResidentId } from './identity';

const Text = (max: number) => z.string().max(max);

/** One row of a list as shown: every cell optional (a row with missing cells keeps what it has). */
export const PortalListRow = z.strictObject({
  name: Text(100).optional(),
  /** The resident ID as shown, possibly masked (110105********1234). */
  residentId: Text(40).optional(),
  permitNo: Text(60).optional(),
  /** 证件有效期至 / 有效期 as shown (a date, or a period "2024-03-01 至 2027-02-28"). */
  validUntil: Text(60).optional(),
  /** The 证件状态 cell, verbatim. */
  permitState: Text(40).optional(),
  /** The 申请状态 / 办理状态 / 状态 cell, verbatim. */
  state: Text(40).optional(),
  /** The 业务名称 / 业务类型 cell, verbatim. */
  business: Text(60).optional(),
});
export type PortalListRow = z.infer<typeof PortalListRow>;

/**
 * The pager's texts (共 23 条, 10条/页, 第 2 页 共 3 页), and where the pager numbers its pages: the current page's
 * number and the highest number beside it (an SPA's page size is often a select's value, not text).
 */
const PortalPagingSchema = z.strictObject({
  texts: z.array(Text(40)).max(20),
  current: Text(10).optional(),
  last: Text(10).optional(),
});
export type PortalPaging = z.infer<typeof PortalPagingSchema>;

/** What the content script read on a page with people on it. */
export const PortalRecords = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    module: z.literal('person-overview'),
    /** The permit card: holder, ID number (maybe masked), 证件编号, 发证日期, 有效期 / 有效期至, 证件状态. */
    person: z.strictObject({
      name: Text(100).optional(),
      residentId: Text(40).optional(),
      permitNo: Text(60).optional(),
      issuedOn: Text(60).optional(),
      validUntil: Text(60).optional(),
      permitState: Text(40).optional(),
    }),
    /** 我的业务 / 办理中的业务: business name and state, as shown. */
    businesses: z.array(z.strictObject({ business: Text(60), state: Text(40).optional() })).max(50),
  }),
  z.strictObject({
    kind: z.literal('list'),
    module: z.enum(['unit-employees', 'unit-permit', 'unit-employer-change']),
    /** The list's name as the page titles it (当前在职员工, 待办理新办证件员工, 持证人员…). */
    view: Text(60),
    rows: z.array(PortalListRow).max(500),
    paging: PortalPagingSchema.optional(),
  }),
]);
export type PortalRecords = z.infer<typeof PortalRecords>;

// ───────────────────────────── vocabulary ─────────────────────────────

/** 证件状态 words → the case book's holder status; null: known word, no counterpart (shown, nothing changed). */
const PERMIT_STATE_WORDS: Readonly<Record<string, HolderStatus | null>> = {
  有效: 'holder',
  过期: 'expired',
  已过期: 'expired',
  离职注销: 'cancelled',
  挂起: 'suspended',
  冻结: null,
};

/** Business state words → the case status; null: known word, no stage of ours (shown, nothing changed). */
const BUSINESS_STATE_WORDS: Readonly<Record<string, CaseStatus | null>> = {
  待单位审核: 'employer-review',
  // The 主管部门 of an employer is its locality (镇街、园区: §六(六) 单位主管部门变更).
  待主管部门审核: 'locality-review',
  // The city bureau is none of our stages (district review is the last one before a decision).
  待市局审核: null,
  退回个人修改: 'returned',
  退回单位修改: 'returned',
  // Refused is neither returned for changes nor voided by the agent.
  审核不通过: null,
  办理成功: 'approved',
};

/** Business names as the portal writes them → our business types. */
const BUSINESS_WORDS: readonly [RegExp, BusinessType][] = [
  [/续签/, 'renewal'],
  [/聘用单位变更|单位变更/, 'employer-change'],
  [/信息变更/, 'personal-info-change'],
  [/申请工作居住证|新办/, 'new-permit'],
];

export type StateReading<T> = { word: string; known: true; value: T | null } | { word: string; known: false };

const squeeze = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');

function readWord<T>(text: string | undefined, words: Readonly<Record<string, T | null>>): StateReading<T> | null {
  const word = squeeze(text);
  if (!word) return null;
  if (Object.hasOwn(words, word)) return { word, known: true, value: words[word] };
  return { word, known: false };
}

/** A 证件状态 cell read against the vocabulary; null for an empty cell. */
export const permitStateOf = (text: string | undefined) => readWord(text, PERMIT_STATE_WORDS);
/** A business state cell read against the vocabulary; null for an empty cell. */
export const businessStateOf = (text: string | undefined) => readWord(text, BUSINESS_STATE_WORDS);

/** The business a portal business name stands for, or null. */
export function businessOf(name: string | undefined): BusinessType | null {
  const s = squeeze(name);
  for (const [re, b] of BUSINESS_WORDS) if (re.test(s)) return b;
  return null;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/g;

/** The last full date in a cell (2027-02-28, 2027/2/28, 2027年2月28日; a period's end) → yyyy-MM-dd, or null. */
export function pageDay(text: string | undefined): IsoDate | null {
  let last: string | null = null;
  for (const m of (text ?? '').matchAll(DATE)) last = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return last && isIsoDate(last) ? last : null;
}

/** The first full date in a cell (a period's start), or null. */
function firstDay(text: string | undefined): IsoDate | null {
  const m = [...(text ?? '').matchAll(DATE)][0];
  const d = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
  return d && isIsoDate(d) ? d : null;
}

// ───────────────────────────── people ─────────────────────────────

const MASK = /[*＊×xX•●]/;

/** An ID as shown, normalised: full-width folded, spaces gone, masks as '*' (an 'X' only counts as a mask before the end). */
function shownId(text: string | undefined): string {
  const s = (text ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return s.replace(/[*×•●]/g, '*').replace(/X(?=.)/g, '*');
}

export type IdMatch = 'full' | 'masked' | 'no';

/**
 * Whether the ID the page shows is `stored`: 'full' when the page shows all 18 characters and they are the
 * same; 'masked' when the page hides some and every visible one agrees (at least 6 visible); 'no' otherwise.
 */
export function matchResidentId(shown: string | undefined, stored: string): IdMatch {
  const s = shownId(shown);
  const t = stored.toUpperCase();
  if (s.length !== 18) return 'no';
  if (!s.includes('*')) return s === t ? 'full' : 'no';
  let visible = 0;
  for (let i = 0; i < 18; i++) {
    if (s[i] === '*') continue;
    if (s[i] !== t[i]) return 'no';
    visible++;
  }
  return visible >= 6 ? 'masked' : 'no';
}

/** A complete, valid resident ID shown on the page, or null (masked, missing, wrong check digit). */
function fullId(text: string | undefined, today: IsoDate): string | null {
  const s = shownId(text);
  if (s.length !== 18 || s.includes('*') || MASK.test(s.slice(0, 17))) return null;
  return checkResidentId(s, today).ok ? s : null;
}

// ───────────────────────────── paging ─────────────────────────────

export interface PagingReading {
  page: number;
  pages: number;
  total?: number;
  pageSize?: number;
}

/**
 * The pager: 「第 2 页 共 3 页」 (classic), or 「共 23 条」 with 「10条/页」 and the current page's number (SPA).
 * Null when the page shows no pager or everything fits on one page.
 */
export function pagingOf(paging: PortalPaging | undefined): PagingReading | null {
  if (!paging) return null;
  const all = paging.texts.map(squeeze).join(' ');
  const num = (re: RegExp) => {
    const m = re.exec(all);
    return m ? Number(m[1]) : undefined;
  };
  const total = num(/共(\d+)条/);
  const pageSize = num(/(\d+)条\/页/) ?? num(/每页(\d+)条/);
  let pages = num(/共(\d+)页/) ?? num(/第\d+\/(\d+)页/);
  if (pages === undefined && total !== undefined && pageSize) pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === undefined && paging.last) pages = Number(squeeze(paging.last)) || undefined;
  const page = num(/第(\d+)(?:\/\d+)?页/) ?? (paging.current ? Number(squeeze(paging.current)) || undefined : undefined) ?? 1;
  if (!pages || pages <= 1) return null;
  return { page: Math.min(page, pages), pages, ...(total !== undefined ? { total } : {}), ...(pageSize ? { pageSize } : {}) };
}

// ───────────────────────────── the plan ─────────────────────────────

/** What the planner needs of an employee (storage's row has more). */
export interface KnownEmployee {
  id: string;
  name: string;
  residentId: string;
  holderStatus: HolderStatus;
  permitValidUntil?: IsoDate;
}

/** What the planner needs of a case. */
export interface KnownCase {
  id: string;
  employeeId?: string;
  business: BusinessType;
  status: CaseStatus;
  permitValidFrom?: IsoDate;
  permitValidUntil?: IsoDate;
  createdAt: string;
}

export type EmployeeField = 'permitValidUntil' | 'holderStatus';
export type CaseField = 'status' | 'permitValidFrom' | 'permitValidUntil';

export type SyncChange =
  | { kind: 'new-employee'; row: number; name: string; residentId: string; holderStatus: HolderStatus; permitValidUntil?: IsoDate; word?: string }
  | { kind: 'employee'; row: number | null; employeeId: string; name: string; field: EmployeeField; before: string | null; after: string; word?: string }
  | { kind: 'case'; row: number | null; caseId: string; employeeId?: string; name: string; business: BusinessType; field: CaseField; before: string | null; after: string; word?: string };

/** Something shown and not applied: an unknown word, a known one without a counterpart, a row we could not place. */
export interface SyncNote {
  row: number | null;
  name?: string;
  /** The page's word, verbatim, when the note is about one. */
  word?: string;
  text: Bilingual;
}

export interface SyncPlan {
  changes: SyncChange[];
  notes: SyncNote[];
  /** Rows read (lists). */
  rows: number;
  paging: PagingReading | null;
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** The employee's latest case of `business` that is still open (not approved or voided), else the latest of it. */
function caseFor(cases: readonly KnownCase[], employeeId: string, business: BusinessType): KnownCase | undefined {
  const own = cases.filter((c) => c.employeeId === employeeId && c.business === business).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return own.find((c) => c.status !== 'approved' && c.status !== 'voided') ?? own[0];
}

function unknownWord(row: number | null, name: string | undefined, word: string, what: 'permit' | 'business'): SyncNote {
  return {
    row,
    ...(name ? { name } : {}),
    word,
    text:
      what === 'permit'
        ? bi(`证件状态「${word}」不在已知状态中，原样显示，未更改案卷`, `Permit state "${word}" is not a known state: shown as is, nothing changed`)
        : bi(`办理状态「${word}」不在已知状态中，原样显示，未更改案卷`, `Business state "${word}" is not a known state: shown as is, nothing changed`),
  };
}

function noCounterpart(row: number | null, name: string | undefined, word: string): SyncNote {
  return { row, ...(name ? { name } : {}), word, text: bi(`「${word}」在案卷中没有对应状态，仅显示，未更改`, `"${word}" has no counterpart in the case book: shown, nothing changed`) };
}

/** Changes of one case from a business row's state (and, when it is 办理成功, the permit's dates). */
function caseChanges(
  c: KnownCase,
  row: number | null,
  name: string,
  stateText: string | undefined,
  permit: { from: IsoDate | null; until: IsoDate | null },
  notes: SyncNote[],
): SyncChange[] {
  const out: SyncChange[] = [];
  const state = businessStateOf(stateText);
  if (!state) return out;
  if (!state.known) {
    notes.push(unknownWord(row, name, state.word, 'business'));
    return out;
  }
  if (state.value === null) {
    notes.push(noCounterpart(row, name, state.word));
    return out;
  }
  const base = { kind: 'case' as const, row, caseId: c.id, ...(c.employeeId ? { employeeId: c.employeeId } : {}), name, business: c.business, word: state.word };
  if (state.value !== c.status) out.push({ ...base, field: 'status', before: c.status, after: state.value });
  // 办理成功 of a business that issues a permit: the permit on the page is the one it issued.
  if (state.value === 'approved' && (c.business === 'new-permit' || c.business === 'renewal' || c.business === 'employer-change')) {
    if (permit.until && permit.until !== c.permitValidUntil) out.push({ ...base, field: 'permitValidUntil', before: c.permitValidUntil ?? null, after: permit.until });
    if (permit.from && permit.until && permit.from < permit.until && permit.from !== c.permitValidFrom) {
      out.push({ ...base, field: 'permitValidFrom', before: c.permitValidFrom ?? null, after: permit.from });
    }
  }
  return out;
}

function employeeChanges(e: KnownEmployee, row: number | null, validUntilText: string | undefined, permitStateText: string | undefined, notes: SyncNote[]): SyncChange[] {
  const out: SyncChange[] = [];
  const until = pageDay(validUntilText);
  if (until && until !== e.permitValidUntil) {
    out.push({ kind: 'employee', row, employeeId: e.id, name: e.name, field: 'permitValidUntil', before: e.permitValidUntil ?? null, after: until });
  }
  const state = permitStateOf(permitStateText);
  if (state && !state.known) notes.push(unknownWord(row, e.name, state.word, 'permit'));
  else if (state && state.value === null) notes.push(noCounterpart(row, e.name, state.word));
  else if (state && state.value && state.value !== e.holderStatus) {
    out.push({ kind: 'employee', row, employeeId: e.id, name: e.name, field: 'holderStatus', before: e.holderStatus, after: state.value, word: state.word });
  }
  return out;
}

export type PersonMatch =
  | { ok: true; by: 'full' | 'masked' | 'confirmed' }
  | { ok: false; reason: 'mismatch' | 'needs-confirmation' | 'no-focus'; text: Bilingual };

/**
 * Whether the person on the personal home page is the employee in focus: by the ID number (all of it, or
 * the visible part of a masked one); with no ID on the page only after the agent confirmed the person.
 * A different name is never the same person.
 */
export function matchPerson(person: { name?: string; residentId?: string }, employee: KnownEmployee | undefined, confirmed: boolean): PersonMatch {
  if (!employee) return { ok: false, reason: 'no-focus', text: bi('请先在侧边栏选择员工和案件', 'Pick the employee and case first') };
  const pageName = squeeze(person.name);
  if (pageName && pageName !== squeeze(employee.name)) {
    return { ok: false, reason: 'mismatch', text: bi(`页面上是「${pageName}」，不是当前案卷的「${employee.name}」：不能保存`, `The page shows "${pageName}", not "${employee.name}" of the case in focus: nothing can be saved`) };
  }
  if (squeeze(person.residentId)) {
    const m = matchResidentId(person.residentId, employee.residentId);
    if (m === 'no') return { ok: false, reason: 'mismatch', text: bi('页面上的身份证号与当前案卷的员工不一致：不能保存', 'The ID number on the page is not that of the employee in focus: nothing can be saved') };
    return { ok: true, by: m };
  }
  if (confirmed) return { ok: true, by: 'confirmed' };
  return { ok: false, reason: 'needs-confirmation', text: bi(`页面上没有身份证号：请确认页面上的人就是「${employee.name}」`, `The page shows no ID number: confirm that this is ${employee.name}`) };
}

/**
 * The personal home page against the employee and case in focus: the permit card's validity and state go
 * to the employee (every deadline reads them there), the business row of the case's business moves the
 * case; 办理成功 also gives the case the permit's dates. Call only after {@link matchPerson} said yes.
 */
export function planPersonSync(
  record: Extract<PortalRecords, { kind: 'person' }>,
  employee: KnownEmployee,
  kase: KnownCase | undefined,
): SyncPlan {
  const notes: SyncNote[] = [];
  const changes = employeeChanges(employee, null, record.person.validUntil, record.person.permitState, notes);
  const permit = { from: firstDay(record.person.issuedOn), until: pageDay(record.person.validUntil) };
  record.businesses.forEach((b, i) => {
    const business = businessOf(b.business);
    const state = businessStateOf(b.state);
    if (kase && business === kase.business) {
      changes.push(...caseChanges(kase, i, employee.name, b.state, permit, notes));
      return;
    }
    // Businesses of other cases: shown with their state, an unknown word still verbatim.
    if (state && !state.known) notes.push(unknownWord(i, employee.name, state.word, 'business'));
    else notes.push({ row: i, word: state?.word ?? '', text: bi(`「${squeeze(b.business)}」${state ? `：${state.word}` : ''}（不是当前案件的业务，未更改）`, `"${squeeze(b.business)}"${state ? `: ${state.word}` : ''} (not the case in focus: nothing changed)`) });
  });
  return { changes, notes, rows: 1, paging: null };
}

/**
 * An employer's list against the case book: new employees (a complete, valid ID number and a name), changed
 * validity dates and states of known ones (matched by ID number; a masked one by its visible characters and
 * the same name, when exactly one employee fits). Rows we cannot place are noted, never guessed.
 */
export function planListSync(
  record: Extract<PortalRecords, { kind: 'list' }>,
  employees: readonly KnownEmployee[],
  cases: readonly KnownCase[],
  today: IsoDate,
): SyncPlan {
  const changes: SyncChange[] = [];
  const notes: SyncNote[] = [];
  const newIds = new Set<string>();
  // 待办理新办证件员工: the list is of new-permit applications; other lists name the business per row, if at all.
  const listBusiness: BusinessType | null = /新办/.test(record.view) ? 'new-permit' : /续签/.test(record.view) ? 'renewal' : /聘用单位变更/.test(record.view) ? 'employer-change' : null;
  record.rows.forEach((r, i) => {
    const name = squeeze(r.name) || undefined;
    const id = fullId(r.residentId, today);
    let e: KnownEmployee | undefined;
    let masked = false;
    if (id) e = employees.find((x) => x.residentId.toUpperCase() === id);
    else if (squeeze(r.residentId)) {
      const fits = employees.filter((x) => matchResidentId(r.residentId, x.residentId) === 'masked' && (!name || squeeze(x.name) === name));
      if (fits.length === 1 && name) {
        e = fits[0];
        masked = true;
      } else {
        notes.push({ row: i, ...(name ? { name } : {}), text: bi('身份证号不完整或无效，无法确定是哪位员工，未同步', 'The ID number is incomplete or invalid: cannot tell which employee, not synced') });
        return;
      }
    }
    if (!e) {
      if (!id || !name) {
        notes.push({ row: i, ...(name ? { name } : {}), text: bi('缺少姓名或身份证号，不能新建员工；仅显示', 'No name or ID number: no employee can be created; shown only') });
        return;
      }
      if (newIds.has(id)) return;
      newIds.add(id);
      const permit = permitStateOf(r.permitState);
      if (permit && !permit.known) notes.push(unknownWord(i, name, permit.word, 'permit'));
      else if (permit && permit.value === null) notes.push(noCounterpart(i, name, permit.word));
      const state = businessStateOf(r.state);
      if (state && !state.known) notes.push(unknownWord(i, name, state.word, 'business'));
      const holderStatus: HolderStatus = permit?.known && permit.value ? permit.value : listBusiness === 'new-permit' ? 'applying' : 'none';
      const until = pageDay(r.validUntil);
      changes.push({ kind: 'new-employee', row: i, name, residentId: id, holderStatus, ...(until ? { permitValidUntil: until } : {}), ...(permit ? { word: permit.word } : {}) });
      return;
    }
    if (masked) notes.push({ row: i, name: e.name, text: bi('页面身份证号部分隐藏：按可见位和姓名匹配', 'The page masks the ID number: matched by its visible characters and the name') });
    changes.push(...employeeChanges(e, i, r.validUntil, r.permitState, notes));
    if (r.state) {
      const business = businessOf(r.business) ?? listBusiness;
      const c = business ? caseFor(cases, e.id, business) : undefined;
      const state = businessStateOf(r.state);
      if (c) changes.push(...caseChanges(c, i, e.name, r.state, { from: null, until: null }, notes));
      else if (state && !state.known) notes.push(unknownWord(i, e.name, state.word, 'business'));
      else if (state) notes.push({ row: i, name: e.name, word: state.word, text: bi(`「${state.word}」：案卷中没有该员工对应业务的案件，未更改`, `"${state.word}": the employee has no case of this business, nothing changed`) });
    }
  });
  return { changes, notes, rows: record.rows.length, paging: pagingOf(record.paging) };
}
