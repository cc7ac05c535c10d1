/**
 * The field keys of the portal adapter's label table (entrypoints/portal.content/fields.ts FIELDS) with
 * the names an agent reads, for the pages that cannot import the content script: the side panel's
 * diagnostics (「身份证号：按您指定的「证件号」识别」), the taught-mapping settings, and the 页面适配包
 * validation (a pack naming a key outside this list is refused). tests/unit/portal/taught.test.ts keeps
 * the two lists equal. Pure data: no section of the guide, these are the portal's own words.
 */
import type { Bilingual } from './model';

const PORTAL_FIELD_NAMES = {
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  residentId: { zh: '身份证号', en: 'Resident ID' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  mobile: { zh: '手机号码', en: 'Mobile' },
  email: { zh: '电子邮箱', en: 'Email' },
  hukouAddress: { zh: '户籍地址', en: 'Hukou address' },
  residence: { zh: '现居住地', en: 'Current residence' },
  idCardValidUntil: { zh: '身份证有效期至', en: 'ID card valid until' },
  residencePermitValidUntil: { zh: '居住证有效期至', en: 'Residence permit valid until' },
  childName: { zh: '子女姓名', en: "Child's name" },
  childBirthDate: { zh: '子女出生日期', en: "Child's date of birth" },
  childResidentId: { zh: '子女身份证号', en: "Child's resident ID" },
  spouseName: { zh: '配偶姓名', en: "Spouse's name" },
  spouseResidentId: { zh: '配偶证件号码', en: "Spouse's ID" },
  spouseHukou: { zh: '配偶户口所在地', en: "Spouse's hukou" },
  spouseAccompanies: { zh: '配偶是否随迁', en: 'Spouse accompanies' },
  educationLevel: { zh: '学历', en: 'Education level' },
  school: { zh: '学校名称', en: 'School' },
  major: { zh: '专业', en: 'Major' },
  educationStart: { zh: '入学时间', en: 'Enrolled' },
  educationEnd: { zh: '毕业时间', en: 'Graduated' },
  period: { zh: '起止时间', en: 'Period' },
  employer: { zh: '工作单位', en: 'Employer' },
  position: { zh: '职务', en: 'Position' },
  start: { zh: '开始时间', en: 'Start' },
  end: { zh: '结束时间', en: 'End' },
  studyOrg: { zh: '学校(机构)名称', en: 'Institution' },
  studyContent: { zh: '学习内容', en: 'Study content' },
  attachmentName: { zh: '附件名称', en: 'Attachment' },
  attachmentStatus: { zh: '当前状态', en: 'Attachment state' },
  businessName: { zh: '业务名称', en: 'Business' },
  linkCode: { zh: '单位关联码', en: 'Employer link code' },
  permitType: { zh: '证件类型', en: 'Permit type' },
  authority: { zh: '主管部门', en: 'Competent authority' },
  opinion: { zh: '申请意见', en: 'Application note' },
  changeType: { zh: '变更类型', en: 'Change type' },
  changeItems: { zh: '变更项目', en: 'Changed items' },
  changeNote: { zh: '变更事项说明', en: 'Change note' },
  companyName: { zh: '单位名称', en: 'Company name' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  legalRep: { zh: '法定代表人', en: 'Legal representative' },
  agentName: { zh: '业务经办人', en: 'Agent' },
  agentResidentId: { zh: '经办人身份证号', en: "Agent's resident ID" },
  agentMobile: { zh: '经办人手机号码', en: "Agent's mobile" },
  contractStart: { zh: '劳动合同开始日期', en: 'Contract start' },
  contractEnd: { zh: '劳动合同结束日期', en: 'Contract end' },
  contractPeriod: { zh: '合同起止日期', en: 'Contract period' },
  contractFile: { zh: '劳动合同', en: 'Contract file' },
  leaseEnd: { zh: '租赁期限至', en: 'Lease end' },
  appliedAt: { zh: '申请时间', en: 'Applied on' },
  employeeName: { zh: '员工姓名（列表）', en: 'Employee name (list)' },
  employeeId: { zh: '员工身份证号（列表）', en: 'Employee ID (list)' },
  permitNo: { zh: '证件编号', en: 'Permit number' },
  permitValidTo: { zh: '证件有效期至', en: 'Permit valid until' },
  permitStatus: { zh: '证件状态', en: 'Permit state' },
  oldEmployer: { zh: '原聘用单位', en: 'Former employer' },
} as const satisfies Record<string, Bilingual>;

export type PortalFieldKey = keyof typeof PORTAL_FIELD_NAMES;
export const PORTAL_FIELD_KEYS = Object.keys(PORTAL_FIELD_NAMES) as PortalFieldKey[];

/** A key's name for the agent; the key itself when unknown (a stale report). */
export function portalFieldName(key: string): Bilingual {
  return (PORTAL_FIELD_NAMES as Record<string, Bilingual>)[key] ?? { zh: key, en: key };
}
