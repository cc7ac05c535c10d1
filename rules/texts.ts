/**
 * Texts the agent types into the portal, worded as the guide words them.
 * - §六(二) 5 (and D, E, H, renewal 4): income screenshots carry 「以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴」
 *   plus a contact person and phone. The "XXX" is the placeholder; "（员工姓名）" explains it and is not
 *   printed. Format chosen: 「以上为张三个税申报信息，个税由北京某某科技有限公司代扣代缴。联系人：李四，电话：13800138000」.
 * - §六(一) 1 (1): the permission request is for 北京市工作居住证 under 大兴区人力社保局, and its opinion must
 *   state the intended business (e.g. 新办证件 or 聘用单位变更).
 */
import { z } from 'zod';
import { BusinessType, type Bilingual, type HolderStatus } from './model';
import { normalizeWidth } from './identity';
import { defineRule } from './rule';
import { parseInput } from './validate';

/** zh/en names of the seven businesses, as the guide and portal name them. */
export const BUSINESS_LABELS: Readonly<Record<BusinessType, Bilingual>> = {
  'employer-registration': { zh: '权限注册', en: 'Employer permission registration' },
  'employee-link': { zh: '关联员工', en: 'Employee link' },
  'new-permit': { zh: '新办证件', en: 'New permit' },
  renewal: { zh: '续签证件', en: 'Renewal' },
  'employer-change': { zh: '聘用单位变更', en: 'Employer change' },
  'personal-info-change': { zh: '个人信息变更', en: 'Personal information change' },
  'authority-change': { zh: '单位主管部门变更', en: 'Supervising authority change' },
};

/** The fixed choices of the permission request (§六(一) 1 (1)). */
export const PERMISSION_REQUEST = {
  permitType: '北京市工作居住证',
  authority: '大兴区人力社保局',
} as const;

export const RULE_INCOME_ANNOTATION = defineRule({
  id: 'income-annotation-text',
  section: '§六(二) 5',
  file: 'rules/texts.ts',
  severity: 'error',
  description: {
    zh: '应税收入截图须注明「以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴」及联系人、电话',
    en: 'Income screenshots carry the sentence naming the employee and the withholding employer, plus contact and phone',
  },
});

export const RULE_PERMISSION_OPINION = defineRule({
  id: 'permission-request-opinion',
  section: '§六(一) 1 (1)',
  file: 'rules/texts.ts',
  severity: 'error',
  description: {
    zh: '权限申请：类型为北京市工作居住证、主管部门为大兴区人力社保局，申请意见写明拟办理事项',
    en: 'Permission request: type 北京市工作居住证, authority 大兴区人力社保局, opinion stating the intended business',
  },
});

const Name = z.string().transform((s) => normalizeWidth(s).trim()).pipe(z.string().min(1).max(100));
const Phone = z
  .string()
  .transform((s) => normalizeWidth(s).replace(/\s+/g, ''))
  .refine((s) => /^(\+?86-?)?1[3-9]\d{9}$/.test(s) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(s) || /^\d{8}$/.test(s), {
    message: '电话号码无效（手机号或固定电话） / Invalid phone number (mobile or landline)',
  });

/** Input of {@link incomeAnnotation}. */
export const IncomeAnnotationInput = z.object({
  employeeName: Name,
  companyName: Name,
  contact: Name,
  phone: Phone,
});
export type IncomeAnnotationInput = z.input<typeof IncomeAnnotationInput>;

/**
 * The annotation for income screenshots (§六(二) 5):
 * `以上为{employeeName}个税申报信息，个税由{companyName}代扣代缴。联系人：{contact}，电话：{phone}`.
 * The company name replaces "XXX单位" whole, so "单位" is not appended.
 */
export function incomeAnnotation(input: IncomeAnnotationInput): string {
  const v = parseInput(IncomeAnnotationInput, input);
  return `以上为${v.employeeName}个税申报信息，个税由${v.companyName}代扣代缴。联系人：${v.contact}，电话：${v.phone}`;
}

/** Which parts of the income annotation are not known yet (each is printed as the guide's XXX). */
export type AnnotationGap = 'employee' | 'company' | 'contact' | 'phone';

/**
 * The income annotation (§六(二) 5) from what is known: the full sentence when every part is there,
 * otherwise the guide's template with XXX in place of each missing part, and the list of what is
 * missing. The one source of this sentence for the side panel, the portal overlay and the print view.
 */
export function incomeAnnotationDraft(parts: {
  employeeName?: string;
  companyName?: string;
  contact?: string;
  phone?: string;
}): { text: string; missing: AnnotationGap[]; complete: boolean } {
  const missing: AnnotationGap[] = [];
  if (!parts.employeeName) missing.push('employee');
  if (!parts.companyName) missing.push('company');
  if (!parts.contact) missing.push('contact');
  if (!parts.phone) missing.push('phone');
  if (!missing.length) {
    const r = IncomeAnnotationInput.safeParse({ employeeName: parts.employeeName, companyName: parts.companyName, contact: parts.contact, phone: parts.phone });
    if (r.success) return { text: incomeAnnotation(r.data), missing, complete: true };
    // A name the rule refuses is treated as missing; a phone it does not know gets the template's XXX.
    missing.push('phone');
  }
  const name = parts.employeeName || 'XXX（员工姓名）';
  const company = parts.companyName || 'XXX单位';
  const contact = parts.contact || 'XXX';
  const phone = missing.includes('phone') ? 'XXX' : parts.phone;
  return { text: `以上为${name}个税申报信息，个税由${company}代扣代缴。联系人：${contact}，电话：${phone}`, missing, complete: false };
}

/** Businesses a permission request may announce. */
export const IntendedBusiness = z.enum(['new-permit', 'renewal', 'employer-change', 'personal-info-change']);
export type IntendedBusiness = z.infer<typeof IntendedBusiness>;

/** Input of {@link permissionRequestOpinion}. */
export const PermissionOpinionInput = z.object({
  intended: z.array(IntendedBusiness).min(1),
  companyName: Name.optional(),
});
export type PermissionOpinionInput = z.input<typeof PermissionOpinionInput>;

/**
 * The opinion text of the permission request (§六(一) 1 (1)), e.g.
 * 「申请开通北京市工作居住证办理权限，所属主管部门：大兴区人力社保局。拟办理事项：新办证件、聘用单位变更。」
 */
export function permissionRequestOpinion(input: PermissionOpinionInput): string {
  const v = parseInput(PermissionOpinionInput, input);
  const items = [...new Set(v.intended)].map((b) => BUSINESS_LABELS[b].zh).join('、');
  const who = v.companyName ? `${v.companyName}` : '';
  return `${who}申请开通${PERMISSION_REQUEST.permitType}办理权限，所属主管部门：${PERMISSION_REQUEST.authority}。拟办理事项：${items}。`;
}

/** zh/en names of the permit holder states (the portal's words: 持证, 挂起 after leaving an employer, …). */
export const HOLDER_LABELS: Record<HolderStatus, Bilingual> = {
  none: { zh: '未持证', en: 'none' },
  applying: { zh: '申办中', en: 'applying' },
  holder: { zh: '持证', en: 'holder' },
  suspended: { zh: '挂起', en: 'suspended' },
  expired: { zh: '已过期', en: 'expired' },
  cancelled: { zh: '已注销', en: 'cancelled' },
};
