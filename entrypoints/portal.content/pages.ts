/**
 * Page predicates: which portal module a page is, decided from its meaning (URL, headings, table
 * headers, labels) rather than from generated ids or a UI framework's class names, so that both the
 * Element-UI-like SPA and the classic table-layout pages are recognised, and a page that changed
 * shape is left alone (module null) instead of guessed.
 */
import type { PortalModule } from '../../rules/model';
import { FIELDS } from './fields';

/** What the adapter read off the page; plain data so recognition is testable without a DOM. */
export interface PageEvidence {
  url: string;
  title: string;
  /** Texts that title the current view: headings, captions, breadcrumb tail, section titles (not menu links). */
  headings: string[];
  /** Table header cells. */
  tableHeaders: string[];
  /** Form labels (normalised, without '*' and '：'). */
  labels: string[];
  /** Other short visible texts outside navigation (paragraphs, buttons, cells), normalised. */
  texts: string[];
}

export type PortalSide = 'person' | 'unit';

interface ModuleDef {
  id: PortalModule;
  side: PortalSide;
  /** A heading naming the module, any of these. */
  headings: string[];
  /** At least one of these must appear among the labels or table headers (the page's body matches its title). */
  body: string[];
}

// Heading and body words come from the guide's module names (§六(一), §六(二)) and the platform notes;
// each body list mixes the SPA's and the classic page's wording.
const MODULES: ModuleDef[] = [
  { id: 'person-basic-info', side: 'person', headings: ['个人基础信息', '基础信息', '个人信息'], body: ['身份证号', '身份证号码', '证件号码', '户籍地址', '户口所在地', '现居住地', '现居住地址'] },
  { id: 'person-education', side: 'person', headings: ['教育信息'], body: ['学历', '学历层次', '入学时间', '毕业时间', '起止时间', '学校名称', '毕业院校'] },
  { id: 'person-study', side: 'person', headings: ['学习经历'], body: ['学习单位', '学校名称', '学校(机构)名称', '学习内容', '起止时间', '开始时间', '入学时间'] },
  { id: 'person-work', side: 'person', headings: ['工作经历'], body: ['工作单位', '所在单位', '职务', '担任职务', '开始时间', '起止时间'] },
  { id: 'person-photo', side: 'person', headings: ['证件照片', '个人照片', '照片上传'], body: ['证件照片', '照片', '上传照片', '选择照片'] },
  { id: 'person-attachments', side: 'person', headings: ['附件管理', '附件列表', '电子附件'], body: ['附件名称', '材料名称'] },
  { id: 'unit-attachments', side: 'unit', headings: ['附件管理', '附件列表', '电子附件'], body: ['附件名称', '材料名称'] },
  { id: 'person-business', side: 'person', headings: ['可办业务列表', '可办业务'], body: ['业务名称', '单位关联码', '业务类型', '操作'] },
  { id: 'unit-business', side: 'unit', headings: ['可办业务列表', '可办业务'], body: ['证件类型', '主管部门', '申请意见', '业务名称'] },
  { id: 'person-info-change', side: 'person', headings: ['个人信息变更', '信息变更'], body: ['变更事项', '变更事项说明', '变更内容', '变更原因'] },
  { id: 'unit-company-info', side: 'unit', headings: ['单位信息', '单位基本信息', '单位基础信息'], body: ['统一社会信用代码', '社会统一信用代码', '单位名称', '法定代表人', '法定代表人（负责人）'] },
  { id: 'unit-link-code', side: 'unit', headings: ['单位关联码'], body: ['告知本单位员工', '复制关联码', '重新生成', '关联码有效期'] },
  { id: 'unit-pending-links', side: 'unit', headings: ['待确认单位关联列表', '待确认关联'], body: ['姓名', '身份证号', '证件号码', '申请时间'] },
  { id: 'unit-employees', side: 'unit', headings: ['当前在职员工', '在职员工'], body: ['姓名', '身份证号', '证件号码', '合同'] },
  { id: 'unit-employer-change', side: 'unit', headings: ['待办理证件聘用单位变更员工', '聘用单位变更'], body: ['姓名', '身份证号', '证件号码', '证件有效期'] },
  // The 待办理新办证件员工 tab lists only 姓名/身份证号/申请状态, often with no rows; its tab label is navigation
  // (not evidence), so 申请状态 under the 工作居住证 heading is what tells it (recognition flaked on this tab).
  // The classic layout titles the tab's list itself (待办理新办证件员工) under the 工作居住证 breadcrumb.
  { id: 'unit-permit', side: 'unit', headings: ['工作居住证', '待办理新办证件员工', '待办理证件续签员工'], body: ['证件状态', '有效期', '证件编号', '业务类型', '申请状态'] },
  // The permit card (我的证件: 证件编号, 证件状态) and 我的业务 (issue #17, after the 2020 mock of the platform).
  { id: 'person-overview', side: 'person', headings: ['个人首页', '首页'], body: ['待办事项', '我的业务', '办理进度', '我的证件', '证件编号', '证件状态'] },
];

/** Words that give away the employer system or the applicant system. */
const UNIT_WORDS = ['营业执照', '产值贡献', '单位诚信声明', '经办人身份证', '单位资质', '统一社会信用代码', '单位关联码'];
const PERSON_WORDS = ['户口本', '户口簿', '学历证书', '学位证书', '应税收入', '住所证明', '出生医学证明', '证件照片'];

/** Lower-cases nothing (Chinese) but strips required-asterisks, colons and all white space. */
export function normaliseLabel(text: string): string {
  return text.replace(/[\s\u3000*＊:：]/g, '').trim();
}

function sideOf(e: PageEvidence): PortalSide | null {
  let path = '';
  try {
    const u = new URL(e.url);
    path = (u.pathname + u.hash).toLowerCase();
  } catch {
    /* an unparsable URL gives no hint */
  }
  // The personal system is public at /person-platform/; the employer one is assumed to say unit/dw/company.
  if (/person|grxt|\/gr/.test(path)) return 'person';
  if (/unit|company|corp|\/dw/.test(path)) return 'unit';
  const text = [...e.headings, ...e.tableHeaders, ...e.labels, ...e.texts].join(' ');
  const u = UNIT_WORDS.filter((w) => text.includes(w)).length;
  const p = PERSON_WORDS.filter((w) => text.includes(w)).length;
  if (u > p) return 'unit';
  if (p > u) return 'person';
  return null;
}

/**
 * True when a batch of DOM changes can change what `recognise` answers or the fields the page report names:
 * a heading changed, or a text appeared or left that is a module's heading or body word, holds one of
 * their longer phrases or a word that tells the two systems apart, or is a known field's label. A re-rendered
 * table whose cells say what they said before, or a loading mask's text, changes none of these (issue #16).
 */
export function mayChangeRecognition(change: { evidence: boolean; evidenceTexts: ReadonlySet<string> }): boolean {
  if (change.evidence) return true;
  for (const text of change.evidenceTexts) {
    if (RECOGNITION_WORDS.has(text) || FIELD_LABELS.has(text)) return true;
    for (const w of LONG_WORDS) if (text.includes(w)) return true;
  }
  return false;
}

const RECOGNITION_WORDS = new Set(MODULES.flatMap((m) => [...m.headings, ...m.body]));
const FIELD_LABELS = new Set(FIELDS.flatMap((f) => f.labels));
// Body phrases are found inside longer texts, headings inside longer titles, side words anywhere (see recognise, sideOf).
const LONG_WORDS = [...new Set([...MODULES.flatMap((m) => [...m.headings, ...m.body]).filter((w) => w.length >= 4), ...UNIT_WORDS, ...PERSON_WORDS])];

export interface Recognition {
  module: PortalModule | null;
  side: PortalSide | null;
  reasons: string[];
}

/**
 * The evidence with every part in its declared shape: a missing list or a non-text entry counts as nothing.
 * Evidence is read off a page we do not control; before this, `recognise({})` threw a TypeError instead of
 * answering "unrecognised" (issue #9's bad-input suite).
 */
function wellFormed(e: unknown): PageEvidence {
  const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { url: text(o.url), title: text(o.title), headings: list(o.headings), tableHeaders: list(o.tableHeaders), labels: list(o.labels), texts: list(o.texts) };
}

/** Decides the module of a page; null when no module's heading and body both match, or two tie. */
export function recognise(evidence: PageEvidence): Recognition {
  const e = wellFormed(evidence);
  const headings = e.headings.map(normaliseLabel);
  const body = new Set([...e.tableHeaders, ...e.labels].map(normaliseLabel));
  // Longer phrases may sit inside a sentence or on a button (单位关联码 page: 「请将单位关联码告知本单位员工」).
  const hasBody = (term: string) => body.has(term) || (term.length >= 4 && e.texts.some((t) => t.includes(term)));
  const side = sideOf(e);
  const reasons: string[] = [];
  const candidates: { def: ModuleDef; score: number }[] = [];
  for (const def of MODULES) {
    // An exact heading beats one that merely contains the name (e.g. 工作居住证 inside a longer title).
    let headingScore = 0;
    for (const h of headings) {
      if (def.headings.includes(h)) headingScore = Math.max(headingScore, 3);
      else if (def.headings.some((d) => d.length >= 4 && h.includes(d))) headingScore = Math.max(headingScore, 1);
    }
    if (headingScore === 0) continue;
    const bodyHits = def.body.filter(hasBody).length;
    if (bodyHits === 0) {
      reasons.push(`heading of ${def.id} found but none of its fields (${def.body.join('/')})`);
      continue;
    }
    let score = headingScore * 10 + Math.min(bodyHits, 5);
    if (side && def.side !== side) score -= 20;
    candidates.push({ def, score });
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || best.score <= 0) {
    reasons.push('no module heading with matching fields');
    return { module: null, side, reasons };
  }
  if (candidates[1] && candidates[1].score === best.score) {
    reasons.push(`ambiguous: ${best.def.id} vs ${candidates[1].def.id}`);
    return { module: null, side, reasons };
  }
  reasons.push(`${best.def.id}: score ${best.score}${side ? `, ${side} system` : ''}`);
  return { module: best.def.id, side: best.def.side, reasons };
}

/** What the features know about the current page: its module (null when unrecognised), side and URL. */
export interface PageState {
  module: PortalModule | null;
  side: PortalSide | null;
  url: string;
}

/** A page predicate, as features register with (Refined GitHub's `include` lists). */
export type PagePredicate = (page: PageState) => boolean;

/** Any recognised module: an unrecognised page gets no overlay at all. */
export const isRecognised: PagePredicate = (page) => page.module !== null;

/** One of the given modules. */
export const isModule =
  (...modules: PortalModule[]): PagePredicate =>
  (page) =>
    page.module !== null && modules.includes(page.module);


/** Every word recognition looks for (module headings and body words, the side words): safe vocabulary of 导出页面结构 (shape-mask.ts). */
export function pageWords(): string[] {
  return [...MODULES.flatMap((m) => [...m.headings, ...m.body]), ...UNIT_WORDS, ...PERSON_WORDS];
}
