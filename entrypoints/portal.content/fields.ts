/**
 * The one mapping table from field keys to the visible label variants the portal uses. Every
 * feature finds fields through here, so a renamed label is fixed in one line. Variants are written
 * as normaliseLabel leaves them (no '*', no '：', no spaces). Comments name the page variant a label
 * serves: SPA = the Element-UI-like apps, classic = the table-layout pages.
 */
import type { PortalModule } from '../../rules/model';

/** Kinds of document whose validity date §五 judges (rules/validity.ts DocumentKind). */
export type ValidityKind = 'resident-id-card' | 'beijing-residence-permit' | 'labour-contract' | 'lease-contract';

export interface FieldDef {
  key: string;
  /** Label texts after normaliseLabel (no '*', no '：'), any of which names the field. */
  labels: string[];
  /** Modules where the field is expected (diagnostics report it missing there). */
  expectedOn: PortalModule[];
  /** Checked as the agent types (rules/identity.ts). */
  check?: 'residentId' | 'creditCode' | 'mobile';
  /** A document's last valid day: the 3/6-month rule of §五 applies. */
  validity?: ValidityKind;
  /** The field is this key only when the same form also has one of these labels (…and none of `excludes`). */
  requires?: string[];
  excludes?: string[];
  /** Filled from the draft only on these modules (default: everywhere the field is found). */
  fillOn?: PortalModule[];
  /** Never captured or filled (obsolete or not the employee's data). */
  noDraft?: boolean;
}

const CHILD = ['子女姓名'];
const PERMISSION = ['主管部门', '所属主管部门'];

export const FIELDS: FieldDef[] = [
  // 个人基础信息 — SPA wording first, then classic (证件号码, 移动电话, 户口所在地, 现居住地址)
  { key: 'name', labels: ['姓名', '申请人姓名'], expectedOn: ['person-basic-info'], fillOn: ['person-basic-info'] },
  { key: 'gender', labels: ['性别'], expectedOn: ['person-basic-info'], excludes: CHILD, fillOn: ['person-basic-info'] },
  { key: 'residentId', labels: ['身份证号', '身份证号码', '证件号码', '公民身份号码'], expectedOn: ['person-basic-info'], check: 'residentId', excludes: CHILD, fillOn: ['person-basic-info'] },
  { key: 'birthDate', labels: ['出生日期'], expectedOn: ['person-basic-info'], excludes: CHILD, fillOn: ['person-basic-info'] },
  { key: 'mobile', labels: ['手机号码', '手机号', '移动电话'], expectedOn: ['person-basic-info'], check: 'mobile', fillOn: ['person-basic-info'] },
  { key: 'email', labels: ['电子邮箱', '邮箱'], expectedOn: [] },
  { key: 'hukouAddress', labels: ['户籍地址', '户口所在地', '户籍所在地'], expectedOn: ['person-basic-info'] },
  { key: 'residence', labels: ['现居住地', '现居住地址', '现住址', '居住地址'], expectedOn: ['person-basic-info'] },
  // The ID card's and the 居住证's last valid day (SPA: …有效期至; classic: 证件有效期至, 北京市居住证有效期至).
  { key: 'idCardValidUntil', labels: ['身份证有效期至', '证件有效期至', '身份证有效期', '身份证有效期截止日期'], expectedOn: [], validity: 'resident-id-card' },
  { key: 'residencePermitValidUntil', labels: ['居住证有效期至', '北京市居住证有效期至', '居住证有效期'], expectedOn: [], validity: 'beijing-residence-permit' },
  // 随往子女 (SPA dialog / classic edit form): the same 出生日期 and 身份证号 labels, told apart by 子女姓名 beside them.
  { key: 'childName', labels: ['子女姓名'], expectedOn: [], noDraft: true },
  { key: 'childBirthDate', labels: ['出生日期', '子女出生日期'], expectedOn: [], requires: CHILD, noDraft: true },
  { key: 'childResidentId', labels: ['身份证号', '公民身份号码', '子女身份证号'], expectedOn: [], requires: CHILD, check: 'residentId', noDraft: true },
  // 配偶信息: only the classic page still shows it (§提示 特别注意 2: no longer filed).
  { key: 'spouseName', labels: ['配偶姓名'], expectedOn: [], noDraft: true },
  { key: 'spouseResidentId', labels: ['配偶证件号码', '配偶身份证号'], expectedOn: [], noDraft: true },
  { key: 'spouseHukou', labels: ['配偶户口所在地'], expectedOn: [], noDraft: true },
  { key: 'spouseAccompanies', labels: ['配偶是否随迁'], expectedOn: [], noDraft: true },

  // 教育信息: SPA columns 学历/学校名称/入学时间/毕业时间; classic 学历层次/毕业院校/起止时间 (edit form 入学年月/毕业年月).
  { key: 'educationLevel', labels: ['学历', '学历层次'], expectedOn: ['person-education'], noDraft: true },
  { key: 'school', labels: ['学校名称', '毕业院校', '院校名称'], expectedOn: ['person-education'], noDraft: true },
  { key: 'major', labels: ['专业', '所学专业'], expectedOn: [], noDraft: true },
  { key: 'educationStart', labels: ['入学时间', '入学年月', '入学日期'], expectedOn: [], noDraft: true },
  { key: 'educationEnd', labels: ['毕业时间', '毕业年月', '毕业日期'], expectedOn: [], noDraft: true },
  { key: 'period', labels: ['起止时间', '起止日期', '起止年月'], expectedOn: [], noDraft: true },
  // 工作经历: SPA 工作单位/职务/开始时间/结束时间; classic 所在单位/担任职务/起止时间 (edit form 开始年月/结束年月).
  { key: 'employer', labels: ['工作单位', '所在单位'], expectedOn: ['person-work'], noDraft: true },
  { key: 'position', labels: ['职务', '担任职务'], expectedOn: ['person-work'], fillOn: ['unit-pending-links'] },
  { key: 'start', labels: ['开始时间', '开始年月', '开始日期', '入职时间'], expectedOn: [], noDraft: true },
  { key: 'end', labels: ['结束时间', '结束年月', '结束日期', '离职时间'], expectedOn: [], noDraft: true },
  // 学习经历
  { key: 'studyOrg', labels: ['学校(机构)名称', '学校（机构）名称', '学习单位', '培训机构'], expectedOn: ['person-study'], noDraft: true },
  { key: 'studyContent', labels: ['学习内容'], expectedOn: ['person-study'], noDraft: true },

  // 附件管理 (both sides): 附件列表 with 附件名称 / 当前状态.
  { key: 'attachmentName', labels: ['附件名称', '材料名称'], expectedOn: ['person-attachments', 'unit-attachments'], noDraft: true },
  { key: 'attachmentStatus', labels: ['当前状态', '上传状态', '状态'], expectedOn: ['person-attachments', 'unit-attachments'], noDraft: true },

  // 可办业务列表: the applicant's 单位关联码; the employer's permission request (dialog: 证件类型 / 主管部门 / 申请意见).
  { key: 'businessName', labels: ['业务名称'], expectedOn: ['person-business', 'unit-business'], noDraft: true },
  { key: 'linkCode', labels: ['单位关联码'], expectedOn: [], noDraft: true },
  { key: 'permitType', labels: ['证件类型'], expectedOn: [], requires: PERMISSION, noDraft: true },
  { key: 'authority', labels: ['主管部门', '所属主管部门'], expectedOn: [], noDraft: true },
  { key: 'opinion', labels: ['申请意见', '申请说明'], expectedOn: [], noDraft: true },

  // 个人信息变更 (SPA): 变更类型 / 变更项目 / 变更事项说明.
  { key: 'changeType', labels: ['变更类型'], expectedOn: ['person-info-change'], noDraft: true },
  { key: 'changeItems', labels: ['变更项目', '变更事项'], expectedOn: [], noDraft: true },
  { key: 'changeNote', labels: ['变更事项说明', '变更内容', '变更原因', '变更说明'], expectedOn: ['person-info-change'], noDraft: true },

  // 单位信息: SPA 统一社会信用代码 / classic 社会统一信用代码; 法定代表人（负责人） on classic.
  { key: 'companyName', labels: ['单位名称'], expectedOn: ['unit-company-info'], fillOn: ['unit-company-info'] },
  { key: 'creditCode', labels: ['统一社会信用代码', '社会统一信用代码', '社会信用代码'], expectedOn: ['unit-company-info'], check: 'creditCode', fillOn: ['unit-company-info'] },
  { key: 'legalRep', labels: ['法定代表人', '法定代表人（负责人）', '法定代表人(负责人)'], expectedOn: ['unit-company-info'], noDraft: true },
  { key: 'agentName', labels: ['业务经办人', '经办人姓名'], expectedOn: ['unit-company-info'], fillOn: ['unit-company-info'] },
  { key: 'agentResidentId', labels: ['经办人身份证号', '经办人证件号码'], expectedOn: [], check: 'residentId', noDraft: true },
  { key: 'agentMobile', labels: ['经办人手机号码', '经办人移动电话'], expectedOn: [], check: 'mobile', fillOn: ['unit-company-info'] },

  // 员工关联 (待确认单位关联列表 完善信息 dialog) and 当前在职员工 (更新合同): SPA 开始/结束日期, classic 起始/终止日期.
  { key: 'contractStart', labels: ['劳动合同开始日期', '劳动合同起始日期', '合同开始日期', '合同起始日期'], expectedOn: [], fillOn: ['unit-pending-links', 'unit-employees'] },
  { key: 'contractEnd', labels: ['劳动合同结束日期', '劳动合同终止日期', '合同结束日期', '合同终止日期', '合同到期日期'], expectedOn: [], validity: 'labour-contract', fillOn: ['unit-pending-links', 'unit-employees'] },
  { key: 'contractPeriod', labels: ['合同起止日期', '劳动合同起止日期', '合同期限'], expectedOn: [], noDraft: true },
  { key: 'contractFile', labels: ['劳动合同', '劳动合同附件'], expectedOn: [], noDraft: true },
  // A lease used as housing proof (§六(二) 4②); no replica shows one yet.
  { key: 'leaseEnd', labels: ['租赁期限至', '租赁合同到期日期', '租赁结束日期', '租赁到期日'], expectedOn: [], validity: 'lease-contract', noDraft: true },
  { key: 'appliedAt', labels: ['申请时间', '申请日期'], expectedOn: ['unit-pending-links'], noDraft: true },
  { key: 'employeeName', labels: ['姓名'], expectedOn: ['unit-pending-links', 'unit-employees', 'unit-employer-change'], noDraft: true },
  { key: 'employeeId', labels: ['身份证号', '证件号码'], expectedOn: ['unit-pending-links', 'unit-employees', 'unit-employer-change'], noDraft: true },
  { key: 'permitNo', labels: ['证件编号'], expectedOn: ['unit-permit', 'unit-employer-change'], noDraft: true },
  { key: 'permitValidTo', labels: ['证件有效期至', '有效期至', '证件有效期'], expectedOn: ['unit-permit', 'unit-employer-change'], noDraft: true },
  // 证件状态 is not a column of every 工作居住证 tab (待办理证件续签员工 lacks it).
  { key: 'permitStatus', labels: ['证件状态'], expectedOn: ['unit-employer-change'], noDraft: true },
  { key: 'oldEmployer', labels: ['原聘用单位', '原单位'], expectedOn: ['unit-employer-change'], noDraft: true },
];

const BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** The definition of `key` (throws on a typo: keys are code, not data). */
export function field(key: string): FieldDef {
  const f = BY_KEY.get(key);
  if (!f) throw new Error(`unknown field key ${key}`);
  return f;
}

/**
 * Whether a label of `def` names that field in its form: `requires` needs one of those labels in the
 * same form, `excludes` none of them (a child's 出生日期 beside 子女姓名 is not the applicant's).
 * `formHas(labels)` answers for the label's form.
 */
export function fitsForm(def: FieldDef, formHas: (labels: string[]) => boolean): boolean {
  if (def.requires && !formHas(def.requires)) return false;
  if (def.excludes && formHas(def.excludes)) return false;
  return true;
}

/** The field keys a label names in a form that shows `formLabels`: the whole label table as a function. */
export function keysForLabel(label: string, formLabels: ReadonlySet<string>): string[] {
  const has = (labels: string[]) => labels.some((l) => formLabels.has(l));
  return FIELDS.filter((f) => f.labels.includes(label) && fitsForm(f, has)).map((f) => f.key);
}

const LISTS = new Map<string, string[]>();

/**
 * Label variants of several keys, for a table column that may carry any of them. The list is live: features
 * keep it in a constant, and relabel() rebuilds it in place when taught labels change (taught.ts).
 */
export function labelsOf(...keys: string[]): string[] {
  const id = keys.join(',');
  let list = LISTS.get(id);
  if (!list) {
    list = keys.flatMap((k) => field(k).labels);
    LISTS.set(id, list);
  }
  return list;
}

/** After taught.ts changed FIELDS' label lists in place: every list labelsOf handed out follows. */
export function relabel(): void {
  for (const [id, list] of LISTS) list.splice(0, list.length, ...id.split(',').flatMap((k) => field(k).labels));
}

/** Which of the module's expected fields appear among the page's labels and headers. */
export function fieldDiagnostics(module: PortalModule, seen: Set<string>) {
  const expected = FIELDS.filter((f) => f.expectedOn.includes(module));
  const found = expected.filter((f) => f.labels.some((l) => seen.has(l))).map((f) => f.key);
  const missing = expected.filter((f) => !found.includes(f.key)).map((f) => f.key);
  return { found, missing };
}

/** On a page that is no module: the known fields it shows, so that a changed page can be reported. */
export function knownFieldsSeen(seen: Set<string>): string[] {
  // Context-dependent keys (child's birth date…) cannot be told apart from a bare label list.
  return FIELDS.filter((f) => !f.requires && f.labels.some((l) => seen.has(l))).map((f) => f.key);
}

// 附件管理 row names → checklist items: one table in rules/attachment-rows.ts, shared with the side panel.
export { ATTACHMENT_SLOTS, attachmentRowStatus, matchAttachmentRows, pageStateOf, slotItems } from '../../rules/attachment-rows';
