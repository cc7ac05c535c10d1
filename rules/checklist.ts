/**
 * Material checklists of the seven businesses (§六(一)–(六)), with every conditional item, who uploads
 * it, where in the portal, whether it must be signed and stamped (§五), its validity rule (§五), and
 * whether income screenshots need the annotation (§六(二) 5).
 *
 * Item ids are stable kebab-case keys: other code stores the agent's ticks by id, so an id is never
 * renamed or reused; a document shared by several businesses (the labour contract, the applicant's
 * 诚信声明) keeps one id everywhere.
 */
import { z } from 'zod';
import { BusinessType, Category, HousingOption, type Bilingual, type PortalModule } from './model';
import { CategoryGSubcase } from './income';
import { ApplicantGroup, guideScope, RULE_GUIDE_SCOPE } from './scope';
import { bi, defineRule, type RuleMeta } from './rule';
import { parseInput } from './validate';

const FILE = 'rules/checklist.ts';
const mrule = (id: string, section: string, zh: string, en: string): RuleMeta =>
  defineRule({ id, section, file: FILE, severity: 'error', description: { zh, en } });

export const RULE_MATERIALS_REGISTRATION = mrule('materials-employer-registration', '§六(一) 1 (1)', '权限注册材料清单', 'Materials for the employer permission registration');
export const RULE_MATERIALS_LINK = mrule('materials-employee-link', '§六(一) 1 (2), §六(一) 2', '关联员工步骤及劳动合同', 'Steps and contract of the employee link');
export const RULE_MATERIALS_NEW = mrule('materials-new-permit', '§六(二)', '新办证件材料清单（含住所、子女、类别材料）', 'Materials for a new permit (housing, children, category sets)');
export const RULE_MATERIALS_RENEWAL = mrule('materials-renewal', '§六(三)', '续签证件材料清单', 'Materials for a renewal');
export const RULE_MATERIALS_EMPLOYER_CHANGE = mrule('materials-employer-change', '§六(四)', '聘用单位变更材料清单及办理顺序', 'Materials and order of steps for an employer change');
export const RULE_MATERIALS_INFO_CHANGE = mrule('materials-personal-info-change', '§六(五)', '个人信息变更材料清单', 'Materials for a personal information change');
export const RULE_MATERIALS_AUTHORITY_CHANGE = mrule('materials-authority-change', '§六(六)', '单位主管部门变更材料清单', 'Materials for a supervising authority change');
export const RULE_SIGNATURE_AND_SEAL = mrule('signature-and-seal', '§五', '产值贡献材料、应税收入材料（截图）、诚信声明、房屋借住声明须签字并加盖单位公章', 'Output contribution, income screenshots, integrity statements and the lodging statement are signed and stamped');
export const RULE_STATUS_FORM = mrule('status-form-to-locality', '§提示', '上传完毕后将盖章的大兴区工作居住证业务办理情况表报送属地部门', 'After uploading, send the stamped Daxing business status form to the locality office');
export const RULE_NOT_NEEDED = mrule('materials-not-needed', '§六(二)', '无需上传无刑事犯罪记录、政审表和档案同意接收函', 'No criminal-record certificate, political review form or archive acceptance letter');

/** Where an item is uploaded or done. */
export const UploadPlace = z.enum([
  'registration-attachments',
  'employer-attachments',
  'employer-other-materials',
  'applicant-attachments',
  'applicant-other-materials',
  'pending-links',
  'current-employees',
  'employer-business-list',
  'applicant-business-list',
  'link-code',
  'applicant-profile',
  'employer-change-list',
  'locality-office',
  'applicant-photo-page',
  'employer-permit-module',
]);
export type UploadPlace = z.infer<typeof UploadPlace>;

/** zh/en name of each place, and the portal module the content script knows it by. */
export const UPLOAD_PLACES: Readonly<Record<UploadPlace, { label: Bilingual; module?: PortalModule }>> = {
  'registration-attachments': { label: bi('注册页面电子附件栏', 'Attachment field of the registration form'), module: 'unit-company-info' },
  'employer-attachments': { label: bi('附件管理（单位）', 'Attachments (employer)'), module: 'unit-attachments' },
  'employer-other-materials': { label: bi('附件管理（单位）→ 其他材料', 'Attachments (employer) → other materials'), module: 'unit-attachments' },
  'applicant-attachments': { label: bi('附件管理（个人）', 'Attachments (applicant)'), module: 'person-attachments' },
  'applicant-other-materials': { label: bi('附件管理（个人）→ 其他材料', 'Attachments (applicant) → other materials'), module: 'person-attachments' },
  'pending-links': { label: bi('员工列表 → 待确认单位关联列表（员工关联界面）', 'Employees → pending links'), module: 'unit-pending-links' },
  'current-employees': { label: bi('员工列表 → 当前在职员工', 'Employees → current employees'), module: 'unit-employees' },
  'employer-business-list': { label: bi('可办业务列表（单位）', 'Available businesses (employer)'), module: 'unit-business' },
  'applicant-business-list': { label: bi('可办业务列表（个人）→ 工作居住证', 'Available businesses (applicant) → permit'), module: 'person-business' },
  'link-code': { label: bi('单位关联码', 'Employer link code'), module: 'unit-link-code' },
  'applicant-profile': { label: bi('个人基础信息、教育信息、学习经历、工作经历、证件照片', 'Personal data, education, study, work, photo'), module: 'person-basic-info' },
  'employer-change-list': { label: bi('工作居住证权限模块 → 待办理证件聘用单位变更员工', 'Permit module → employees awaiting employer change'), module: 'unit-employer-change' },
  'locality-office': { label: bi('报送属地部门', 'Sent to the locality office'), module: undefined },
  'applicant-photo-page': { label: bi('证件照片', 'ID photo'), module: 'person-photo' },
  'employer-permit-module': { label: bi('工作居住证权限模块（单位）', 'Permit module (employer)'), module: 'unit-permit' },
};

/** Validity rule at upload (§五): none, 3 months, or 6 months for contracts. */
export const ValidityRule = z.enum(['none', '3-months', '6-months']);
export type ValidityRule = z.infer<typeof ValidityRule>;

/** One checklist item. */
export interface ChecklistItem {
  /** Stable kebab-case id; ticks are stored by it. */
  readonly id: string;
  readonly kind: 'document' | 'action';
  readonly title: Bilingual;
  readonly uploader: 'employer' | 'applicant';
  readonly place: UploadPlace;
  readonly placeLabel: Bilingual;
  readonly module?: PortalModule;
  /** §五: signed and stamped with the company seal. */
  readonly signatureAndSeal: boolean;
  /** Stamped with the company seal (true whenever signatureAndSeal is, and for F's statement and the status form). */
  readonly sealRequired: boolean;
  readonly validity: ValidityRule;
  readonly needsIncomeAnnotation: boolean;
  readonly notes: readonly Bilingual[];
  readonly section: string;
  /** Why a conditional item is on the list. */
  readonly condition?: Bilingual;
}

type Def = Omit<ChecklistItem, 'placeLabel' | 'module' | 'sealRequired' | 'notes' | 'condition' | 'kind' | 'signatureAndSeal' | 'validity' | 'needsIncomeAnnotation'> &
  Partial<Pick<ChecklistItem, 'kind' | 'signatureAndSeal' | 'sealRequired' | 'validity' | 'needsIncomeAnnotation' | 'notes'>>;

function item(d: Def): ChecklistItem {
  const place = UPLOAD_PLACES[d.place];
  const signatureAndSeal = d.signatureAndSeal ?? false;
  return {
    kind: 'document',
    validity: 'none',
    needsIncomeAnnotation: false,
    notes: [],
    ...d,
    signatureAndSeal,
    sealRequired: d.sealRequired ?? signatureAndSeal,
    placeLabel: place.label,
    ...(place.module ? { module: place.module } : {}),
  };
}

const ETAX_NOTE = bi(
  '通过国家税务总局「自然人电子税务局」（https://etax.chinatax.gov.cn）实名登录 → 特色应用，打印《个人所得税纳税记录》和「申报收入查询记录」截图',
  'From the national e-tax site (https://etax.chinatax.gov.cn) → 特色应用: the IIT payment record and the declared-income query screenshots',
);
const INVALID_NOTE = bi('仅当系统审核结果显示为「无效」时需要', 'Only when the system marks the certificate 无效');

/** Every item of every checklist, by id. */
export const CHECKLIST_ITEMS = {
  // §六(一) 1 (1) employer registration
  'employer-licence': item({ id: 'employer-licence', title: bi('营业执照或法人证书（事业单位法人证书、民办非企业单位登记证书、社会团体法人登记证书、非法人分支机构营业执照副本）', 'Business licence or legal-person certificate'), uploader: 'employer', place: 'registration-attachments', validity: '3-months', section: '§六(一) 1 (1) ①', notes: [bi('已开通权限的单位在完善信息后于「附件管理」补传全部附件', 'Employers registered in the old system upload all attachments again in 附件管理')] }),
  'employer-qualification-certificate': item({ id: 'employer-qualification-certificate', title: bi('单位资质证书（如高新技术企业、软件企业证书，须在有效期内）', 'Qualification certificate (high-tech, software … within validity)'), uploader: 'employer', place: 'registration-attachments', validity: '3-months', section: '§六(一) 1 (1) ②', notes: [bi('未明确企业性质的，类型选择「其他」，该附件提供证照即可', 'Without a specific qualification choose type 其他 and upload the licence')] }),
  'employer-output-contribution': item({ id: 'employer-output-contribution', title: bi('单位上一自然年度产值贡献材料（加盖公章的「涉税信息告知书」或「完税证明」，以税款所属期为准）', "Last calendar year's output contribution (tax information notice or tax payment certificate, stamped)"), uploader: 'employer', place: 'employer-attachments', signatureAndSeal: true, section: '§六(一) 1 (1) ③, §五' }),
  'employer-integrity-statement': item({ id: 'employer-integrity-statement', title: bi('单位诚信声明', 'Employer integrity statement'), uploader: 'employer', place: 'employer-attachments', signatureAndSeal: true, section: '§六(一) 1 (1) ④, §五' }),
  'employer-agent-id-card': item({ id: 'employer-agent-id-card', title: bi('单位业务经办人身份证', "The agent's ID card"), uploader: 'employer', place: 'employer-attachments', validity: '3-months', section: '§六(一) 1 (1) ⑤' }),
  'employer-capital-verification': item({ id: 'employer-capital-verification', title: bi('企业近一年验资报告', "Last year's capital verification report"), uploader: 'employer', place: 'employer-other-materials', section: '§六(一) 1 (1) ⑥', notes: [bi('与其他材料合并后按「其他材料」上传', 'Merge with other materials and upload as 其他材料')] }),
  'employer-other-materials': item({ id: 'employer-other-materials', title: bi('其他有关材料（如有）', 'Other relevant materials (if any)'), uploader: 'employer', place: 'employer-other-materials', section: '§六(一) 1 (1) ⑦' }),
  'employer-permission-request': item({ id: 'employer-permission-request', kind: 'action', title: bi('申请工作居住证办理权限：类型「北京市工作居住证」，主管部门「大兴区人力社保局」，申请意见写明拟办理事项', 'Request the permit authority: 北京市工作居住证, 大兴区人力社保局, intended business in the opinion'), uploader: 'employer', place: 'employer-business-list', section: '§六(一) 1 (1)', notes: [bi('申请通过后才可进行员工关联及各项业务', 'Links and businesses are possible only after approval')] }),
  // §六(一) 1 (2), 2 link
  'link-code-handout': item({ id: 'link-code-handout', kind: 'action', title: bi('获取「单位关联码」并告知员工', 'Give the employee the employer link code'), uploader: 'employer', place: 'link-code', section: '§六(一) 1 (2)' }),
  'applicant-profile': item({ id: 'applicant-profile', kind: 'action', title: bi('申请人注册并完善基础信息、教育信息、学习经历、工作经历、证件照片', 'Applicant registers and completes personal, education, study, work data and photo'), uploader: 'applicant', place: 'applicant-profile', section: '§六(一) 2 (1)' }),
  'applicant-photo': item({ id: 'applicant-photo', title: bi('近期一寸免冠证件照', 'Recent one-inch bareheaded ID photo'), uploader: 'applicant', place: 'applicant-photo-page', section: '§六(一) 2 (1)' }),
  'link-request': item({ id: 'link-request', kind: 'action', title: bi('申请人输入单位关联码发起关联申请', 'Applicant enters the link code to request the link'), uploader: 'applicant', place: 'applicant-business-list', section: '§六(一) 2 (2)' }),
  'labour-contract': item({ id: 'labour-contract', title: bi('有效聘用（劳动）合同', 'Valid labour contract'), uploader: 'employer', place: 'pending-links', validity: '6-months', section: '§六(一) 1 (2), §六(二) 2, §五', notes: [bi('由单位在员工关联界面上传；更新合同在「当前在职员工」操作', 'Uploaded by the employer on the link screen; updates under 当前在职员工')] }),
  // §六(二) new permit
  'employer-review-before-filing': item({ id: 'employer-review-before-filing', kind: 'action', title: bi('单位对申请人基础信息及填写信息的完整性、真实性进行初审，审核无误后发起申请', "The employer reviews the applicant's data for completeness and truth; once correct the application is filed"), uploader: 'employer', place: 'employer-permit-module', section: '§六(二)', notes: [bi('须经用人单位同意后申请人方可发起申请；个人提交并经单位审核无误后即发起申请', 'The applicant files only with the employer\'s consent; after the applicant submits and the employer approves, the application is filed')] }),
  'hukou-pages': item({ id: 'hukou-pages', title: bi('申请人户口本首页及本人页', "Hukou book: first page and the applicant's page"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 1' }),
  'applicant-integrity-statement': item({ id: 'applicant-integrity-statement', title: bi('申请人《诚信声明》（系统中下载）', "Applicant's integrity statement (downloaded from the system)"), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, section: '§六(二) 3, §五' }),
  'housing-proof': item({ id: 'housing-proof', title: bi('在京合法稳定住所证明（五种情形提供其一）', 'Proof of legal stable residence (one of five kinds)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4', notes: [bi('请选择住所情形以列出具体材料', 'Choose the housing option to list the exact documents')] }),
  'housing-own-deed': item({ id: 'housing-own-deed', title: bi('《房屋所有权证》或《不动产权证书》', 'Property ownership certificate'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ①' }),
  'housing-own-online-contract': item({ id: 'housing-own-online-contract', title: bi('商品房买卖网签合同（尚未取得产权证书的）', 'Online-signed purchase contract (no certificate yet)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ①' }),
  'marriage-certificate': item({ id: 'marriage-certificate', title: bi('结婚证', 'Marriage certificate'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ①' }),
  'housing-landlord-deed': item({ id: 'housing-landlord-deed', title: bi('房主的《房屋所有权证》或《不动产权证书》或商品房买卖网签合同', "Landlord's ownership certificate or online purchase contract"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ②' }),
  'housing-landlord-id-card': item({ id: 'housing-landlord-id-card', title: bi('房主身份证', "Landlord's ID card"), uploader: 'applicant', place: 'applicant-attachments', validity: '3-months', section: '§六(二) 4 ②, §五' }),
  'housing-lease-contract': item({ id: 'housing-lease-contract', title: bi('房屋租赁合同或协议（尚有 6 个月以上租赁期限）', 'Lease with at least 6 months left'), uploader: 'applicant', place: 'applicant-attachments', validity: '6-months', section: '§六(二) 4 ②, §五', notes: [bi('须记载房屋详细地址，出租人和承租人双方姓名、居民身份证号码、联系方式、租赁期限', 'Must state the full address, both parties\' names, ID numbers, contacts and the lease term')] }),
  'housing-rural-owner-hukou': item({ id: 'housing-rural-owner-hukou', title: bi('房屋所有人居民户口簿首页和本人页（农村宅基地房屋）', "Rural house owner's hukou book: first page and own page"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ②' }),
  'housing-employer-property-proof': item({ id: 'housing-employer-property-proof', title: bi('房屋产权单位出具的房屋产权证明', 'Property proof from the unit owning the housing'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ③' }),
  // 「由房屋产权单位出具房屋产权证明或租赁合同」: a lease is 合同类 — 6 months at upload (§五).
  'housing-employer-lease': item({ id: 'housing-employer-lease', title: bi('房屋产权单位出具的租赁合同（单位公房）', 'Lease of the employer-owned housing from the owning unit'), uploader: 'applicant', place: 'applicant-attachments', validity: '6-months', section: '§六(二) 4 ③, §五' }),
  'housing-employer-residence-proof': item({ id: 'housing-employer-residence-proof', title: bi('单位出具的申请人居住证明', "The employer's certificate that the applicant lives there"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ③' }),
  'housing-relative-deed': item({ id: 'housing-relative-deed', title: bi('亲友房产证', "Relative's property certificate"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 4 ④' }),
  'housing-relative-statement': item({ id: 'housing-relative-statement', title: bi('房屋借住声明（亲友双方签署）', 'Lodging statement signed by both sides'), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, section: '§六(二) 4 ④, §五' }),
  'housing-relative-id-cards': item({ id: 'housing-relative-id-cards', title: bi('亲友双方身份证', 'ID cards of both sides'), uploader: 'applicant', place: 'applicant-attachments', validity: '3-months', section: '§六(二) 4 ④, §五' }),
  'beijing-residence-permit': item({ id: 'beijing-residence-permit', title: bi('有效期内的《北京市居住证》（或派出所加盖户口专用章的《北京市居住证（卡）确认单》）', 'Valid Beijing residence permit (or its stamped confirmation sheet)'), uploader: 'applicant', place: 'applicant-attachments', validity: '3-months', section: '§六(二) 4 ⑤, §五' }),
  'income-records-recent': item({ id: 'income-records-recent', title: bi('应税收入材料（所属期为近 6 个月或近 12 个月）', 'Taxable income records for the last 6 or 12 months'), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, needsIncomeAnnotation: true, section: '§六(二) 5, §五', notes: [ETAX_NOTE, bi('由单位配合出具并加盖公章', 'Prepared and stamped by the employer')] }),
  'child-birth-certificate': item({ id: 'child-birth-certificate', title: bi('子女出生医学证明', "Child's birth certificate"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 6' }),
  'child-id-card': item({ id: 'child-id-card', title: bi('子女身份证', "Child's ID card"), uploader: 'applicant', place: 'applicant-attachments', validity: '3-months', section: '§六(二) 6, §五' }),
  'child-hukou-pages': item({ id: 'child-hukou-pages', title: bi('子女户口簿首页和个人页', "Child's hukou book: first page and own page"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 6' }),
  'divorce-custody-proof': item({ id: 'divorce-custody-proof', title: bi('离婚证、民政局备案的离婚协议书或法院判决书等', 'Divorce certificate, registered divorce agreement or court judgement'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 6' }),
  // §六(二) 7 category sets
  'diploma-certificate': item({ id: 'diploma-certificate', title: bi('学历证书', 'Diploma (education certificate)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 A 1, B 2' }),
  'diploma-verification-report': item({ id: 'diploma-verification-report', title: bi('学历认证报告', 'Diploma verification report'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 A 1, B 2', notes: [INVALID_NOTE] }),
  'degree-certificate': item({ id: 'degree-certificate', title: bi('学位证书', 'Degree certificate'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 A 2' }),
  'degree-verification-report': item({ id: 'degree-verification-report', title: bi('学位认证报告', 'Degree verification report'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 A 2', notes: [INVALID_NOTE] }),
  'title-certificate': item({ id: 'title-certificate', title: bi('中级及以上职称证书', 'Intermediate or higher title certificate'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 B 1' }),
  'title-exam-record': item({ id: 'title-exam-record', title: bi('《考试合格人员登记表》或网上查询结果（考取的）', 'Exam pass record or online query result (title by exam)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 B 1' }),
  'title-review-form': item({ id: 'title-review-form', title: bi('《职称评审表》（评审获得的）', 'Title review form (title by review)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 B 1' }),
  'title-appointment-notice': item({ id: 'title-appointment-notice', title: bi('《任职通知书》（高级职称）', 'Appointment notice (senior titles)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 B 1' }),
  'award-certificate': item({ id: 'award-certificate', title: bi('获奖证书', 'Award certificate'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 C 1' }),
  'award-evidence': item({ id: 'award-evidence', title: bi('获奖相关佐证材料', 'Evidence of the award'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 C 2' }),
  'employer-qualification-proof': item({ id: 'employer-qualification-proof', title: bi('申请单位相关资质证书或证明材料（如高新技术企业证书）', "The employer's qualification certificate (e.g. high-tech enterprise)"), uploader: 'applicant', place: 'applicant-attachments', validity: '3-months', section: '§六(二) 7 D 1' }),
  'income-records-3-years': item({ id: 'income-records-3-years', title: bi('近三年的个人应税收入证明材料', "Last 3 years' taxable income records"), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, needsIncomeAnnotation: true, section: '§六(二) 7 D 2, E 1, §五', notes: [ETAX_NOTE] }),
  'written-report': item({ id: 'written-report', title: bi('书面情况报告（申请人基本信息、个人业绩、该申请条件的具体情况）', 'Written report (personal data, achievements, how the condition is met)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 D 3, E 2' }),
  'patent-certificates': item({ id: 'patent-certificates', title: bi('相关专利证书（或软件著作权登记证书）', 'Patent (or software copyright) certificates'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 F 1' }),
  'ip-commercialisation-statement': item({ id: 'ip-commercialisation-statement', title: bi('知识产权成果在京落地转化说明（A4 纸打印，加盖公章）', 'Statement of commercialisation in Beijing (A4, stamped)'), uploader: 'applicant', place: 'applicant-attachments', sealRequired: true, section: '§六(二) 7 F 2' }),
  'ip-commercialisation-evidence': item({ id: 'ip-commercialisation-evidence', title: bi('转化成果佐证材料', 'Evidence of the commercialisation'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 F 3' }),
  'g-articles-of-association': item({ id: 'g-articles-of-association', title: bi('在相关政府主管部门已备案的最新单位章程', 'Latest registered articles of association'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 G 1, G 3' }),
  'g-capital-verification-or-annual-report': item({ id: 'g-capital-verification-or-annual-report', title: bi('能体现实际资金投入的验资报告或年报', 'Capital verification report or annual report showing the investment'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 G 1' }),
  'g-investment-agreement': item({ id: 'g-investment-agreement', title: bi('投资或股权类现金融资的投资协议书', 'Investment agreement of the equity financing'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 G 2' }),
  'g-bank-transfer-records': item({ id: 'g-bank-transfer-records', title: bi('银行转账记录等相应证明材料', 'Bank transfer records'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 G 2' }),
  'g-tax-proofs-3-years': item({ id: 'g-tax-proofs-3-years', title: bi('近三年纳税证明材料（团队）', "The team's tax proofs of the last 3 years"), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 G 3' }),
  'contribution-materials': item({ id: 'contribution-materials', title: bi('业绩贡献材料', 'Evidence of the contribution'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(二) 7 H 1' }),
  'tax-records-3-years': item({ id: 'tax-records-3-years', title: bi('近三年纳税证明材料（个人所得税）', "Last 3 years' income tax records"), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, needsIncomeAnnotation: true, section: '§六(二) 7 H 2, §五', notes: [ETAX_NOTE] }),
  // §六(三) renewal
  'renewal-filed-by-employer': item({ id: 'renewal-filed-by-employer', kind: 'action', title: bi('申请人上传齐全附件后，由单位直接发起续签申请', 'Once the applicant has uploaded everything, the employer files the renewal'), uploader: 'employer', place: 'employer-permit-module', section: '§六(三)', notes: [bi('用人单位负责对个人用户基础信息及填写信息的完整性、真实性进行初审', "The employer first reviews the applicant's data for completeness and truth")] }),
  'old-system-complete-info': item({ id: 'old-system-complete-info', kind: 'action', title: bi('原系统已持证人员：先在系统中完善个人信息并上传相关附件，方可打印「工作居住证确认单」或申请办理其他业务', 'Holders from the old system first complete their data and upload the attachments; only then can they print the 确认单 or apply for anything'), uploader: 'applicant', place: 'applicant-profile', section: '§提示 特别注意 1, §六(一) 2' }),
  'income-records-permit-period': item({ id: 'income-records-permit-period', title: bi('持证期间（近三年）应税收入材料', 'Taxable income records of the permit period (3 years)'), uploader: 'applicant', place: 'applicant-attachments', signatureAndSeal: true, needsIncomeAnnotation: true, section: '§六(三) 4, §五', notes: [ETAX_NOTE] }),
  // §六(四) employer change
  'unlink-old-employer': item({ id: 'unlink-old-employer', kind: 'action', title: bi('原单位在系统中解除员工关联（证件转为「挂起」）', 'The former employer dissolves the link (permit becomes 挂起)'), uploader: 'employer', place: 'current-employees', section: '§六(四)' }),
  'confirm-link-after-social-insurance': item({ id: 'confirm-link-after-social-insurance', kind: 'action', title: bi('员工在新单位正式产生社保记录后，新单位「确认关联」', 'The new employer confirms the link once its social insurance record exists'), uploader: 'employer', place: 'pending-links', section: '§六(四), §六(四) 注意事项 3' }),
  'file-employer-change': item({ id: 'file-employer-change', kind: 'action', title: bi('在「待办理证件聘用单位变更员工」发起申请（证件核准须至少在有效期截止前预留 20 个工作日用于审批）', 'File in 待办理证件聘用单位变更员工 (approval needs at least 20 working days before expiry)'), uploader: 'employer', place: 'employer-change-list', section: '§六(四)' }),
  'leaving-certificate': item({ id: 'leaving-certificate', title: bi('原单位离职证明（须注明离职日期）', 'Leaving certificate from the former employer, with the leaving date'), uploader: 'applicant', place: 'applicant-other-materials', section: '§六(四) 1' }),
  // §六(五) personal information change
  'changed-info-originals': item({ id: 'changed-info-originals', title: bi('基础及业务信息变更材料原件（参考新办证件相关材料）', 'Originals showing the changed information (as for a new permit)'), uploader: 'applicant', place: 'applicant-attachments', section: '§六(五) 2' }),
  'state-changed-items': item({ id: 'state-changed-items', kind: 'action', title: bi('提交申请时注明具体变更事项', 'State the specific items changed when submitting'), uploader: 'applicant', place: 'applicant-business-list', section: '§六(五)' }),
  // §六(六) authority change
  'employer-output-contribution-current-year': item({ id: 'employer-output-contribution-current-year', title: bi('单位本年度产值贡献材料（加盖公章的「涉税信息告知书」，以税款所属期为准）', "This year's output contribution (stamped tax information notice)"), uploader: 'employer', place: 'employer-attachments', signatureAndSeal: true, section: '§六(六) 3, §五' }),
  'authority-change-precondition': item({ id: 'authority-change-precondition', kind: 'action', title: bi('确认前提：单位已在外区开通工作居住证管理系统，且工商注册及产值贡献已迁入大兴区', 'Precondition: the employer has the permit system opened in another district and has moved its registration and output contribution into Daxing'), uploader: 'employer', place: 'employer-attachments', section: '§六(六)' }),
  'authority-change-review-and-file': item({ id: 'authority-change-review-and-file', kind: 'action', title: bi('单位对资质及材料进行核查，核查无误后在线提交单位主管部门信息变更申请', 'The employer checks its qualifications and materials, then files the authority change online'), uploader: 'employer', place: 'employer-permit-module', section: '§六(六)' }),
  // §提示
  'daxing-status-form': item({ id: 'daxing-status-form', kind: 'action', title: bi('大兴区工作居住证业务办理情况表（加盖公章）报送属地部门', 'Send the stamped Daxing permit business status form to the locality office'), uploader: 'employer', place: 'locality-office', sealRequired: true, section: '§提示', notes: [bi('附件材料全部上传完毕后及时报送；表格样式见指南附件（本指南未收录，请向属地部门索取）', 'Send it once all uploads are done; the form is an annex not included in the guide — ask the locality')] }),
} satisfies Record<string, ChecklistItem>;

/** Every item id. */
export type ChecklistItemId = keyof typeof CHECKLIST_ITEMS;

/** Materials the guide says are NOT needed (§六(二)). */
export const NOT_NEEDED: readonly { id: string; title: Bilingual; section: string }[] = [
  { id: 'criminal-record-certificate', title: bi('无刑事犯罪记录证明', 'Criminal-record certificate'), section: '§六(二)' },
  { id: 'political-review-form', title: bi('政审表', 'Political review form'), section: '§六(二)' },
  { id: 'archive-acceptance-letter', title: bi('档案同意接收函', 'Archive acceptance letter'), section: '§六(二)' },
];

/** Upload standards that apply to every file (§五). */
export const UPLOAD_STANDARDS: readonly Bilingual[] = [
  bi('材料均应为原件', 'Originals only'),
  bi('清晰完整、不得遮挡，内容连续、方向（文字）正确', 'Clear, complete, unobstructed, continuous and upright'),
  bi('按提示事项要求提交，不得上传无关内容', 'As the prompts require; nothing unrelated'),
  bi('产值贡献材料、应税收入材料（截图）、诚信声明、房屋借住声明需签字后加盖单位公章', 'Output contribution, income screenshots, integrity statements and the lodging statement: signed and stamped'),
  bi('具备有效期限的材料提供时须 3 个月以上（含）有效，合同类 6 个月以上（含）', 'Documents with a validity period: ≥ 3 months left (contracts ≥ 6), inclusive'),
];

/** Items a personal information change may concern (§六(五) examples). */
export const InfoChangeItem = z.enum(['companions', 'residence', 'hukou', 'education', 'title', 'other']);
export type InfoChangeItem = z.infer<typeof InfoChangeItem>;

/** The facts that select conditional items. Missing facts list the generic item with a note. */
export const ChecklistFacts = z.object({
  business: BusinessType,
  category: Category.optional(),
  gSubcases: z.array(CategoryGSubcase).optional(),
  /** Number of 随往子女 listed. */
  children: z.number().int().min(0).optional(),
  divorcedWithCustody: z.boolean().optional(),
  housing: HousingOption.optional(),
  ownHome: z
    .object({ document: z.enum(['certificate', 'online-contract']).optional(), ownerIsSpouse: z.boolean().optional() })
    .optional(),
  diplomaMarkedInvalid: z.boolean().optional(),
  degreeMarkedInvalid: z.boolean().optional(),
  titleObtainedBy: z.enum(['exam', 'review']).optional(),
  titleIsSenior: z.boolean().optional(),
  /** Registration ⑥: paid-in capital visible in 北京市企业信用信息网 / 国家企业信用信息公示系统. */
  paidInCapitalPublic: z.boolean().optional(),
  /** Personal information change: which items change. */
  changedItems: z.array(InfoChangeItem).optional(),
  /** 单位公房 (§六(二) 4 ③): the owning unit gives a property proof or a lease (合同类, 6 months). */
  employerHousingDocument: z.enum(['property-proof', 'lease']).optional(),
  /** The holder was registered in the old system and has not completed the information yet (§提示 特别注意 1). */
  oldSystemHolder: z.boolean().optional(),
  /** §七 4: the applicant's group; anyone but 国内外埠人才 follows the old conditions and procedure. */
  applicantGroup: ApplicantGroup.optional(),
});
export type ChecklistFacts = z.input<typeof ChecklistFacts>;

/** The checklist of one case. */
export interface Checklist {
  readonly business: BusinessType;
  readonly items: readonly ChecklistItem[];
  readonly notNeeded: typeof NOT_NEEDED;
  readonly uploadStandards: readonly Bilingual[];
  /** Things the agent must decide or know (e.g. a missing housing option). */
  readonly notes: readonly Bilingual[];
  readonly section: string;
  /** §七 4: the applicant follows the old conditions and procedure; no Daxing list applies (items empty). */
  readonly outOfScope?: boolean;
}

/** Businesses of an applicant (the ones §七 4 takes out of the guide for some groups). */
const APPLICANT_BUSINESSES: ReadonlySet<BusinessType> = new Set(['employee-link', 'new-permit', 'renewal', 'employer-change', 'personal-info-change']);

type Facts = z.output<typeof ChecklistFacts>;

/**
 * The section an item cites in the list it appears in (issue #14 4.13): a document shared by several businesses
 * cites that business's own list (the renewal's 劳动合同 is §六(三) 2, not §六(二) 2). For a personal information
 * change the originals are those of the new permit (§六(五) 2 「可参考本指南新办证件相关材料」): they cite §六(五) 2
 * first, then the new-permit item they follow.
 */
const SECTION_IN: Readonly<Partial<Record<BusinessType, Partial<Record<ChecklistItemId, string>>>>> = {
  'employee-link': { 'labour-contract': '§六(一) 1 (2), §五' },
  'new-permit': { 'labour-contract': '§六(二) 2, §五' },
  renewal: { 'hukou-pages': '§六(三) 1', 'labour-contract': '§六(三) 2, §五', 'applicant-integrity-statement': '§六(三) 3, §五' },
  'employer-change': { 'link-request': '§六(四)', 'labour-contract': '§六(四) 2, §五', 'applicant-integrity-statement': '§六(四) 3, §五', 'old-system-complete-info': '§提示 特别注意 1, §六(四)' },
  'personal-info-change': { 'applicant-integrity-statement': '§六(五) 1, §五', 'changed-info-originals': '§六(五) 2' },
  'authority-change': { 'employer-licence': '§六(六) 1', 'employer-qualification-certificate': '§六(六) 2', 'employer-output-contribution-current-year': '§六(六) 3, §五', 'employer-agent-id-card': '§六(六) 4', 'employer-integrity-statement': '§六(六) 5, §五' },
};

class Builder {
  readonly items: ChecklistItem[] = [];
  readonly notes: Bilingual[] = [];
  constructor(private readonly business: BusinessType) {}
  add(id: ChecklistItemId, condition?: Bilingual, patch: Partial<ChecklistItem> = {}): void {
    if (this.items.some((i) => i.id === id)) return;
    const base = CHECKLIST_ITEMS[id];
    const own = SECTION_IN[this.business]?.[id];
    const section = own ?? (this.business === 'personal-info-change' && !base.section.startsWith('§六(五)') && !base.section.startsWith('§提示') ? `§六(五) 2, ${base.section}` : base.section);
    this.items.push({ ...base, section, ...patch, ...(condition ? { condition } : {}) });
  }
}

function housing(b: Builder, f: Facts): void {
  switch (f.housing) {
    case undefined:
      b.add('housing-proof');
      b.notes.push(bi('尚未选择住所证明情形（自有、租住、单位公房、亲友住房、北京市居住证）', 'No housing option chosen yet'));
      return;
    case 'own':
      if (f.ownHome?.document === 'online-contract') b.add('housing-own-online-contract', bi('尚未取得产权证书', 'No ownership certificate yet'));
      else b.add('housing-own-deed');
      if (f.ownHome?.document === undefined) b.notes.push(bi('尚未取得产权证书的，改交商品房买卖网签合同', 'Without a certificate yet, upload the online purchase contract instead'));
      if (f.ownHome?.ownerIsSpouse) b.add('marriage-certificate', bi('房屋所有权人为配偶', 'The owner is the spouse'));
      else if (f.ownHome?.ownerIsSpouse === undefined) b.notes.push(bi('房屋所有权人为配偶的，须提供结婚证', 'If the owner is the spouse, add the marriage certificate'));
      return;
    case 'rented':
      b.add('housing-landlord-deed');
      b.add('housing-landlord-id-card');
      b.add('housing-lease-contract');
      return;
    case 'rented-rural':
      b.add('housing-rural-owner-hukou');
      b.add('housing-lease-contract');
      return;
    case 'employer-housing':
      if (f.employerHousingDocument === 'lease') b.add('housing-employer-lease', bi('产权单位出具的是租赁合同', 'The owning unit gives a lease'));
      else if (f.employerHousingDocument === 'property-proof') b.add('housing-employer-property-proof');
      else {
        const either = bi('房屋产权证明或租赁合同，二者提供其一', 'Either the property proof or the lease');
        b.add('housing-employer-property-proof', either);
        b.add('housing-employer-lease', either);
      }
      b.add('housing-employer-residence-proof');
      return;
    case 'relatives':
      b.add('housing-relative-deed');
      b.add('housing-relative-statement');
      b.add('housing-relative-id-cards');
      return;
    case 'residence-permit':
      b.add('beijing-residence-permit');
      return;
  }
}

function children(b: Builder, f: Facts): void {
  if (!f.children) return;
  const why = bi(`填写了 ${f.children} 名随往子女（每名子女各一份）`, `${f.children} accompanying child(ren) listed (one set each)`);
  b.add('child-birth-certificate', why);
  b.add('child-id-card', why);
  b.add('child-hukou-pages', why);
  if (f.divorcedWithCustody) b.add('divorce-custody-proof', bi('申请人离异且子女抚养权归申请人', 'Divorced applicant with custody'));
}

function diploma(b: Builder, f: Facts): void {
  b.add('diploma-certificate');
  if (f.diplomaMarkedInvalid) b.add('diploma-verification-report', bi('系统显示学历证书「无效」', 'The system marks the diploma 无效'));
}

function degree(b: Builder, f: Facts): void {
  b.add('degree-certificate');
  if (f.degreeMarkedInvalid) b.add('degree-verification-report', bi('系统显示学位证书「无效」', 'The system marks the degree 无效'));
}

function title(b: Builder, f: Facts): void {
  b.add('title-certificate');
  if (f.titleObtainedBy === 'exam') b.add('title-exam-record', bi('职称为考试取得', 'Title obtained by exam'));
  else if (f.titleObtainedBy === 'review') b.add('title-review-form', bi('职称为评审取得', 'Title obtained by review'));
  else b.notes.push(bi('请说明职称为考取或评审取得，以确定附加材料', 'Say whether the title was obtained by exam or by review'));
  if (f.titleIsSenior) b.add('title-appointment-notice', bi('高级职称', 'Senior title'));
}

function category(b: Builder, f: Facts): void {
  switch (f.category) {
    case undefined:
      b.notes.push(bi('尚未选择申请条件类别（A–H），类别材料未列出', 'No category chosen yet; the category set is not listed'));
      return;
    case 'A':
      diploma(b, f);
      degree(b, f);
      return;
    case 'B':
      title(b, f);
      diploma(b, f);
      return;
    case 'C':
      b.add('award-certificate');
      b.add('award-evidence');
      return;
    case 'D':
      b.add('employer-qualification-proof');
      b.add('income-records-3-years');
      b.add('written-report');
      return;
    case 'E':
      b.add('income-records-3-years');
      b.add('written-report');
      return;
    case 'F':
      b.add('patent-certificates');
      b.add('ip-commercialisation-statement');
      b.add('ip-commercialisation-evidence');
      return;
    case 'G': {
      const subs = f.gSubcases ?? [];
      if (subs.length === 0) b.notes.push(bi('请选择 G 类满足的情形（自主投入 / 股权融资 / 纳税），以列出对应材料', 'Choose which G sub-case applies (investment / financing / tax)'));
      if (subs.includes('own-investment')) {
        const why = bi('近三年累计自主投入超过 500 万元', 'Own investment over 5 M CNY');
        b.add('g-articles-of-association', why);
        b.add('g-capital-verification-or-annual-report', why);
      }
      if (subs.includes('equity-financing')) {
        const why = bi('股权类现金融资大于 1000 万元', 'Equity financing over 10 M CNY');
        b.add('g-investment-agreement', why);
        b.add('g-bank-transfer-records', why);
      }
      if (subs.includes('tax')) {
        const why = bi('近三年平均每年纳税 500 万元以上', 'Average yearly tax of 5 M CNY or more');
        b.add('g-articles-of-association', why);
        b.add('g-tax-proofs-3-years', why);
      }
      return;
    }
    case 'H':
      b.add('contribution-materials');
      b.add('tax-records-3-years');
      return;
    case 'recommended':
      b.notes.push(bi('第 (9) 类（区推荐、市人才工作局批准）指南未列材料，请向属地部门确认', 'Category (9) has no material set in the guide; ask the locality'));
      return;
  }
}

const SECTION: Readonly<Record<BusinessType, string>> = {
  'employer-registration': RULE_MATERIALS_REGISTRATION.section,
  'employee-link': RULE_MATERIALS_LINK.section,
  'new-permit': RULE_MATERIALS_NEW.section,
  renewal: RULE_MATERIALS_RENEWAL.section,
  'employer-change': RULE_MATERIALS_EMPLOYER_CHANGE.section,
  'personal-info-change': RULE_MATERIALS_INFO_CHANGE.section,
  'authority-change': RULE_MATERIALS_AUTHORITY_CHANGE.section,
};

/** The checklist of a case: the business's materials with every conditional item its facts select. */
export function checklist(caseFacts: ChecklistFacts): Checklist {
  const f = parseInput(ChecklistFacts, caseFacts);
  const b = new Builder(f.business);
  // §七 4: the guide is not for 国内驻京机构人员, 港澳台人才, 海外高层次人才 — no Daxing list is presented as theirs.
  const scope = f.applicantGroup ? guideScope({ group: f.applicantGroup }) : undefined;
  if (scope && !scope.inScope && APPLICANT_BUSINESSES.has(f.business)) {
    return { business: f.business, items: [], notNeeded: [], uploadStandards: UPLOAD_STANDARDS, notes: [scope.finding.message], section: RULE_GUIDE_SCOPE.section, outOfScope: true };
  }
  const oldSystem = (): void => {
    if (f.oldSystemHolder) b.add('old-system-complete-info', bi('原系统已持证、尚未完善信息', 'Old-system holder who has not completed the information'));
  };
  switch (f.business) {
    case 'employer-registration':
      b.add('employer-licence');
      b.add('employer-qualification-certificate');
      b.add('employer-output-contribution');
      b.add('employer-integrity-statement');
      b.add('employer-agent-id-card');
      if (f.paidInCapitalPublic === false) b.add('employer-capital-verification', bi('信用信息系统中查询不到实缴资本', 'Paid-in capital not visible in the public credit systems'));
      else if (f.paidInCapitalPublic === undefined) b.notes.push(bi('若在信用信息系统中查询不到实缴资本，须提供近一年验资报告', 'If paid-in capital is not visible publicly, add a capital verification report'));
      b.add('employer-other-materials');
      b.add('employer-permission-request');
      b.add('daxing-status-form');
      break;
    case 'employee-link':
      b.add('link-code-handout');
      b.add('applicant-profile');
      b.add('applicant-photo');
      b.add('link-request');
      b.add('labour-contract');
      break;
    case 'new-permit':
      b.add('employer-review-before-filing');
      b.add('hukou-pages');
      b.add('labour-contract');
      b.add('applicant-integrity-statement');
      housing(b, f);
      b.add('income-records-recent');
      children(b, f);
      category(b, f);
      b.add('daxing-status-form');
      break;
    case 'renewal':
      oldSystem();
      b.add('hukou-pages');
      // §六(三) 2: 「有效聘用（劳动）合同（由单位在员工关联界面上传）」 — the employee-link screen, as for a new permit.
      b.add('labour-contract');
      b.add('applicant-integrity-statement');
      b.add('income-records-permit-period');
      b.add('renewal-filed-by-employer');
      b.add('daxing-status-form');
      b.notes.push(bi('持证期间相关条件符合相应年度新办标准的，应办理续签手续；应在持证人证件有效期前60个工作日内申请', 'A holder whose conditions meet the new-permit standard of the year renews; file within the 60 working days before expiry'));
      break;
    case 'employer-change':
      oldSystem();
      b.add('unlink-old-employer');
      b.add('link-request');
      b.add('confirm-link-after-social-insurance');
      b.add('leaving-certificate');
      b.add('labour-contract');
      b.add('applicant-integrity-statement');
      b.add('file-employer-change');
      b.add('daxing-status-form');
      b.notes.push(bi('新聘用单位须符合大兴区办理要求；聘用单位须与社保扣缴单位一致，否则影响后续续签', 'The new employer must meet the Daxing conditions and be the social insurance payer, or later renewals suffer'));
      break;
    case 'personal-info-change': {
      oldSystem();
      b.add('applicant-integrity-statement');
      b.add('state-changed-items');
      const items = f.changedItems ?? [];
      if (items.length === 0) b.add('changed-info-originals');
      if (items.includes('residence')) housing(b, f);
      if (items.includes('hukou')) b.add('hukou-pages', bi('户口所在地变更', 'Hukou changed'));
      if (items.includes('education')) {
        diploma(b, f);
        degree(b, f);
      }
      if (items.includes('title')) title(b, f);
      if (items.includes('companions')) {
        if (f.children) children(b, f);
        else b.notes.push(bi('随往人员变更：请填写子女人数以列出子女材料', 'Companions changed: give the number of children to list their documents'));
      }
      if (items.includes('other')) b.add('changed-info-originals');
      b.add('daxing-status-form');
      break;
    }
    case 'authority-change':
      b.add('authority-change-precondition');
      b.add('employer-licence');
      b.add('employer-qualification-certificate');
      b.add('employer-output-contribution-current-year');
      b.add('employer-agent-id-card');
      b.add('employer-integrity-statement');
      b.add('authority-change-review-and-file');
      b.add('daxing-status-form');
      break;
  }
  return {
    business: f.business,
    items: b.items,
    notNeeded: NOT_NEEDED,
    uploadStandards: UPLOAD_STANDARDS,
    notes: b.notes,
    section: SECTION[f.business],
  };
}
