/**
 * The vocabulary every module shares: businesses, categories, statuses and the calendar-date type.
 * Pure data and zod schemas only (rules/ is DOM-free and browser-free).
 */
import { z } from 'zod';

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `yyyy-MM-dd` (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= dim[mo - 1];
}

/** A calendar date `yyyy-MM-dd`; the only date shape allowed across module boundaries. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效，应为真实存在的日期，格式 yyyy-MM-dd / Invalid date: expected a real date as yyyy-MM-dd' });
export type IsoDate = z.infer<typeof IsoDate>;

/** The seven businesses of the guide (§六(一)–(六)). */
export const BusinessType = z.enum([
  'employer-registration', // §六(一) 1 (1) 权限注册
  'employee-link', // §六(一) 1 (2) 关联员工
  'new-permit', // §六(二) 新办证件
  'renewal', // §六(三) 续签证件
  'employer-change', // §六(四) 聘用单位变更
  'personal-info-change', // §六(五) 个人信息变更
  'authority-change', // §六(六) 单位主管部门变更
]);
export type BusinessType = z.infer<typeof BusinessType>;

/** Applicant categories §一(三) 1, lettered as the material sets of §六(二) 7; 'recommended' is (9). */
export const Category = z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'recommended']);
export type Category = z.infer<typeof Category>;

/** The five housing proofs of §六(二) 4 (② split into the residential and rural-homestead variants). */
export const HousingOption = z.enum(['own', 'rented', 'rented-rural', 'employer-housing', 'relatives', 'residence-permit']);
export type HousingOption = z.infer<typeof HousingOption>;

/** The housing proofs in the agent's words (every view and finding names them so, never by their code). */
export const HOUSING_LABELS: Readonly<Record<HousingOption, Bilingual>> = {
  own: { zh: '自有住房', en: 'Own home' },
  rented: { zh: '租住（住宅）', en: 'Rented home' },
  'rented-rural': { zh: '租住（农村宅基地房屋）', en: 'Rented rural homestead house' },
  'employer-housing': { zh: '单位提供住房', en: 'Housing provided by the employer' },
  relatives: { zh: '借住亲友住房', en: "Living in relatives' or friends' home" },
  'residence-permit': { zh: '北京市居住证', en: 'Beijing residence permit' },
};

/** Where a case stands in the real pipeline (§四, §八). */
export const CaseStatus = z.enum([
  'draft',
  'collecting',
  'employer-review',
  'locality-review',
  'district-review',
  'approved',
  'returned',
  'voided',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** A person's permit state; 'suspended' is 挂起 after the employer unlinks (§提示 特别注意 3). */
export const HolderStatus = z.enum(['none', 'applying', 'holder', 'suspended', 'expired', 'cancelled']);
export type HolderStatus = z.infer<typeof HolderStatus>;

/** A checklist item's state as the agent ticks it. */
export const TickState = z.enum(['todo', 'ready', 'uploaded', 'na']);
export type TickState = z.infer<typeof TickState>;

/** Portal modules the content script can recognise (names from the guide and platform notes). */
export const PortalModule = z.enum([
  'person-overview',
  'person-basic-info', // 个人基础信息
  'person-education', // 教育信息
  'person-study', // 学习经历
  'person-work', // 工作经历
  'person-photo', // 证件照片
  'person-attachments', // 附件管理 (applicant)
  'person-business', // 可办业务列表 (applicant: 工作居住证 → 单位关联码)
  'person-info-change', // 个人信息变更
  'unit-company-info', // 单位信息
  'unit-attachments', // 附件管理 (employer)
  'unit-business', // 可办业务列表 (employer: permission request)
  'unit-link-code', // 单位关联码
  'unit-pending-links', // 待确认单位关联列表
  'unit-employees', // 当前在职员工 / 员工列表
  'unit-permit', // 工作居住证 权限模块
  'unit-employer-change', // 待办理证件聘用单位变更员工
]);
export type PortalModule = z.infer<typeof PortalModule>;

/** How serious a rule's finding is: 'error' blocks filing, 'warning' needs a look, 'info' explains. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Every user-facing text of rules/ comes in Chinese first and English second. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** Gender as the resident ID's 17th digit and the retirement rules know it. */
export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/**
 * Education levels as the portal's 教育信息 form names them (§六(一) 2 ②: from 高中 or 中专 up to the
 * highest degree). 初中 is listed only so that an entry the guide does not ask for can be flagged, not rejected.
 */
export const EducationLevel = z.enum([
  'junior-high', // 初中 (not required by the guide)
  'high-school', // 高中
  'secondary-vocational', // 中专
  'junior-college', // 大专
  'bachelor', // 本科
  'master', // 硕士研究生
  'doctor', // 博士研究生
]);
export type EducationLevel = z.infer<typeof EducationLevel>;
