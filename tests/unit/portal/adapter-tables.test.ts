/**
 * The page adapter as behaviour: which field every visible label names (in a plain form, in the
 * 随往子女 dialog, in the permission request), and on which modules each portal feature runs. Both
 * tables are written out here, not derived from the code: a label variant removed from fields.ts, or a
 * feature whose `include` is inverted or widened, fails this file.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, keysForLabel } from '../../../entrypoints/portal.content/fields';
import { registeredFeatures } from '../../../entrypoints/portal.content/runtime';
import { PortalModule } from '../../../rules/model';

type Context = 'plain' | 'child' | 'permission';
/** The other labels of the form each context stands for. */
const FORM: Record<Context, ReadonlySet<string>> = { plain: new Set(), child: new Set(['子女姓名']), permission: new Set(['主管部门']) };

/** Every label the replicas and the platform notes show, and the keys it names in each form. */
const LABELS: [string, Record<Context, string[]>][] = [
    ['姓名', { plain: ["name","employeeName"], child: ["name","employeeName"], permission: ["name","employeeName"] }],
    ['申请人姓名', { plain: ["name"], child: ["name"], permission: ["name"] }],
    ['性别', { plain: ["gender"], child: [], permission: ["gender"] }],
    ['身份证号', { plain: ["residentId","employeeId"], child: ["childResidentId","employeeId"], permission: ["residentId","employeeId"] }],
    ['身份证号码', { plain: ["residentId"], child: [], permission: ["residentId"] }],
    ['证件号码', { plain: ["residentId","employeeId"], child: ["employeeId"], permission: ["residentId","employeeId"] }],
    ['公民身份号码', { plain: ["residentId"], child: ["childResidentId"], permission: ["residentId"] }],
    ['出生日期', { plain: ["birthDate"], child: ["childBirthDate"], permission: ["birthDate"] }],
    ['手机号码', { plain: ["mobile"], child: ["mobile"], permission: ["mobile"] }],
    ['手机号', { plain: ["mobile"], child: ["mobile"], permission: ["mobile"] }],
    ['移动电话', { plain: ["mobile"], child: ["mobile"], permission: ["mobile"] }],
    ['电子邮箱', { plain: ["email"], child: ["email"], permission: ["email"] }],
    ['邮箱', { plain: ["email"], child: ["email"], permission: ["email"] }],
    ['户籍地址', { plain: ["hukouAddress"], child: ["hukouAddress"], permission: ["hukouAddress"] }],
    ['户口所在地', { plain: ["hukouAddress"], child: ["hukouAddress"], permission: ["hukouAddress"] }],
    ['户籍所在地', { plain: ["hukouAddress"], child: ["hukouAddress"], permission: ["hukouAddress"] }],
    ['现居住地', { plain: ["residence"], child: ["residence"], permission: ["residence"] }],
    ['现居住地址', { plain: ["residence"], child: ["residence"], permission: ["residence"] }],
    ['现住址', { plain: ["residence"], child: ["residence"], permission: ["residence"] }],
    ['居住地址', { plain: ["residence"], child: ["residence"], permission: ["residence"] }],
    ['身份证有效期至', { plain: ["idCardValidUntil"], child: ["idCardValidUntil"], permission: ["idCardValidUntil"] }],
    ['证件有效期至', { plain: ["idCardValidUntil","permitValidTo"], child: ["idCardValidUntil","permitValidTo"], permission: ["idCardValidUntil","permitValidTo"] }],
    ['身份证有效期', { plain: ["idCardValidUntil"], child: ["idCardValidUntil"], permission: ["idCardValidUntil"] }],
    ['身份证有效期截止日期', { plain: ["idCardValidUntil"], child: ["idCardValidUntil"], permission: ["idCardValidUntil"] }],
    ['居住证有效期至', { plain: ["residencePermitValidUntil"], child: ["residencePermitValidUntil"], permission: ["residencePermitValidUntil"] }],
    ['北京市居住证有效期至', { plain: ["residencePermitValidUntil"], child: ["residencePermitValidUntil"], permission: ["residencePermitValidUntil"] }],
    ['居住证有效期', { plain: ["residencePermitValidUntil"], child: ["residencePermitValidUntil"], permission: ["residencePermitValidUntil"] }],
    ['子女姓名', { plain: ["childName"], child: ["childName"], permission: ["childName"] }],
    ['子女出生日期', { plain: [], child: ["childBirthDate"], permission: [] }],
    ['子女身份证号', { plain: [], child: ["childResidentId"], permission: [] }],
    ['配偶姓名', { plain: ["spouseName"], child: ["spouseName"], permission: ["spouseName"] }],
    ['配偶证件号码', { plain: ["spouseResidentId"], child: ["spouseResidentId"], permission: ["spouseResidentId"] }],
    ['配偶身份证号', { plain: ["spouseResidentId"], child: ["spouseResidentId"], permission: ["spouseResidentId"] }],
    ['配偶户口所在地', { plain: ["spouseHukou"], child: ["spouseHukou"], permission: ["spouseHukou"] }],
    ['配偶是否随迁', { plain: ["spouseAccompanies"], child: ["spouseAccompanies"], permission: ["spouseAccompanies"] }],
    ['学历', { plain: ["educationLevel"], child: ["educationLevel"], permission: ["educationLevel"] }],
    ['学历层次', { plain: ["educationLevel"], child: ["educationLevel"], permission: ["educationLevel"] }],
    ['学校名称', { plain: ["school"], child: ["school"], permission: ["school"] }],
    ['毕业院校', { plain: ["school"], child: ["school"], permission: ["school"] }],
    ['院校名称', { plain: ["school"], child: ["school"], permission: ["school"] }],
    ['专业', { plain: ["major"], child: ["major"], permission: ["major"] }],
    ['所学专业', { plain: ["major"], child: ["major"], permission: ["major"] }],
    ['入学时间', { plain: ["educationStart"], child: ["educationStart"], permission: ["educationStart"] }],
    ['入学年月', { plain: ["educationStart"], child: ["educationStart"], permission: ["educationStart"] }],
    ['入学日期', { plain: ["educationStart"], child: ["educationStart"], permission: ["educationStart"] }],
    ['毕业时间', { plain: ["educationEnd"], child: ["educationEnd"], permission: ["educationEnd"] }],
    ['毕业年月', { plain: ["educationEnd"], child: ["educationEnd"], permission: ["educationEnd"] }],
    ['毕业日期', { plain: ["educationEnd"], child: ["educationEnd"], permission: ["educationEnd"] }],
    ['起止时间', { plain: ["period"], child: ["period"], permission: ["period"] }],
    ['起止日期', { plain: ["period"], child: ["period"], permission: ["period"] }],
    ['起止年月', { plain: ["period"], child: ["period"], permission: ["period"] }],
    ['工作单位', { plain: ["employer"], child: ["employer"], permission: ["employer"] }],
    ['所在单位', { plain: ["employer"], child: ["employer"], permission: ["employer"] }],
    ['职务', { plain: ["position"], child: ["position"], permission: ["position"] }],
    ['担任职务', { plain: ["position"], child: ["position"], permission: ["position"] }],
    ['开始时间', { plain: ["start"], child: ["start"], permission: ["start"] }],
    ['开始年月', { plain: ["start"], child: ["start"], permission: ["start"] }],
    ['开始日期', { plain: ["start"], child: ["start"], permission: ["start"] }],
    ['入职时间', { plain: ["start"], child: ["start"], permission: ["start"] }],
    ['结束时间', { plain: ["end"], child: ["end"], permission: ["end"] }],
    ['结束年月', { plain: ["end"], child: ["end"], permission: ["end"] }],
    ['结束日期', { plain: ["end"], child: ["end"], permission: ["end"] }],
    ['离职时间', { plain: ["end"], child: ["end"], permission: ["end"] }],
    ['学校(机构)名称', { plain: ["studyOrg"], child: ["studyOrg"], permission: ["studyOrg"] }],
    ['学校（机构）名称', { plain: ["studyOrg"], child: ["studyOrg"], permission: ["studyOrg"] }],
    ['学习单位', { plain: ["studyOrg"], child: ["studyOrg"], permission: ["studyOrg"] }],
    ['培训机构', { plain: ["studyOrg"], child: ["studyOrg"], permission: ["studyOrg"] }],
    ['学习内容', { plain: ["studyContent"], child: ["studyContent"], permission: ["studyContent"] }],
    ['附件名称', { plain: ["attachmentName"], child: ["attachmentName"], permission: ["attachmentName"] }],
    ['材料名称', { plain: ["attachmentName"], child: ["attachmentName"], permission: ["attachmentName"] }],
    ['当前状态', { plain: ["attachmentStatus"], child: ["attachmentStatus"], permission: ["attachmentStatus"] }],
    ['上传状态', { plain: ["attachmentStatus"], child: ["attachmentStatus"], permission: ["attachmentStatus"] }],
    ['状态', { plain: ["attachmentStatus"], child: ["attachmentStatus"], permission: ["attachmentStatus"] }],
    ['业务名称', { plain: ["businessName"], child: ["businessName"], permission: ["businessName"] }],
    ['单位关联码', { plain: ["linkCode"], child: ["linkCode"], permission: ["linkCode"] }],
    ['证件类型', { plain: [], child: [], permission: ["permitType"] }],
    ['主管部门', { plain: ["authority"], child: ["authority"], permission: ["authority"] }],
    ['所属主管部门', { plain: ["authority"], child: ["authority"], permission: ["authority"] }],
    ['申请意见', { plain: ["opinion"], child: ["opinion"], permission: ["opinion"] }],
    ['申请说明', { plain: ["opinion"], child: ["opinion"], permission: ["opinion"] }],
    ['变更类型', { plain: ["changeType"], child: ["changeType"], permission: ["changeType"] }],
    ['变更项目', { plain: ["changeItems"], child: ["changeItems"], permission: ["changeItems"] }],
    ['变更事项', { plain: ["changeItems"], child: ["changeItems"], permission: ["changeItems"] }],
    ['变更事项说明', { plain: ["changeNote"], child: ["changeNote"], permission: ["changeNote"] }],
    ['变更内容', { plain: ["changeNote"], child: ["changeNote"], permission: ["changeNote"] }],
    ['变更原因', { plain: ["changeNote"], child: ["changeNote"], permission: ["changeNote"] }],
    ['变更说明', { plain: ["changeNote"], child: ["changeNote"], permission: ["changeNote"] }],
    ['单位名称', { plain: ["companyName"], child: ["companyName"], permission: ["companyName"] }],
    ['统一社会信用代码', { plain: ["creditCode"], child: ["creditCode"], permission: ["creditCode"] }],
    ['社会统一信用代码', { plain: ["creditCode"], child: ["creditCode"], permission: ["creditCode"] }],
    ['社会信用代码', { plain: ["creditCode"], child: ["creditCode"], permission: ["creditCode"] }],
    ['法定代表人', { plain: ["legalRep"], child: ["legalRep"], permission: ["legalRep"] }],
    ['法定代表人（负责人）', { plain: ["legalRep"], child: ["legalRep"], permission: ["legalRep"] }],
    ['法定代表人(负责人)', { plain: ["legalRep"], child: ["legalRep"], permission: ["legalRep"] }],
    ['业务经办人', { plain: ["agentName"], child: ["agentName"], permission: ["agentName"] }],
    ['经办人姓名', { plain: ["agentName"], child: ["agentName"], permission: ["agentName"] }],
    ['经办人身份证号', { plain: ["agentResidentId"], child: ["agentResidentId"], permission: ["agentResidentId"] }],
    ['经办人证件号码', { plain: ["agentResidentId"], child: ["agentResidentId"], permission: ["agentResidentId"] }],
    ['经办人手机号码', { plain: ["agentMobile"], child: ["agentMobile"], permission: ["agentMobile"] }],
    ['经办人移动电话', { plain: ["agentMobile"], child: ["agentMobile"], permission: ["agentMobile"] }],
    ['劳动合同开始日期', { plain: ["contractStart"], child: ["contractStart"], permission: ["contractStart"] }],
    ['劳动合同起始日期', { plain: ["contractStart"], child: ["contractStart"], permission: ["contractStart"] }],
    ['合同开始日期', { plain: ["contractStart"], child: ["contractStart"], permission: ["contractStart"] }],
    ['合同起始日期', { plain: ["contractStart"], child: ["contractStart"], permission: ["contractStart"] }],
    ['劳动合同结束日期', { plain: ["contractEnd"], child: ["contractEnd"], permission: ["contractEnd"] }],
    ['劳动合同终止日期', { plain: ["contractEnd"], child: ["contractEnd"], permission: ["contractEnd"] }],
    ['合同结束日期', { plain: ["contractEnd"], child: ["contractEnd"], permission: ["contractEnd"] }],
    ['合同终止日期', { plain: ["contractEnd"], child: ["contractEnd"], permission: ["contractEnd"] }],
    ['合同到期日期', { plain: ["contractEnd"], child: ["contractEnd"], permission: ["contractEnd"] }],
    ['合同起止日期', { plain: ["contractPeriod"], child: ["contractPeriod"], permission: ["contractPeriod"] }],
    ['劳动合同起止日期', { plain: ["contractPeriod"], child: ["contractPeriod"], permission: ["contractPeriod"] }],
    ['合同期限', { plain: ["contractPeriod"], child: ["contractPeriod"], permission: ["contractPeriod"] }],
    ['劳动合同', { plain: ["contractFile"], child: ["contractFile"], permission: ["contractFile"] }],
    ['劳动合同附件', { plain: ["contractFile"], child: ["contractFile"], permission: ["contractFile"] }],
    ['租赁期限至', { plain: ["leaseEnd"], child: ["leaseEnd"], permission: ["leaseEnd"] }],
    ['租赁合同到期日期', { plain: ["leaseEnd"], child: ["leaseEnd"], permission: ["leaseEnd"] }],
    ['租赁结束日期', { plain: ["leaseEnd"], child: ["leaseEnd"], permission: ["leaseEnd"] }],
    ['租赁到期日', { plain: ["leaseEnd"], child: ["leaseEnd"], permission: ["leaseEnd"] }],
    ['申请时间', { plain: ["appliedAt"], child: ["appliedAt"], permission: ["appliedAt"] }],
    ['申请日期', { plain: ["appliedAt"], child: ["appliedAt"], permission: ["appliedAt"] }],
    ['证件编号', { plain: ["permitNo"], child: ["permitNo"], permission: ["permitNo"] }],
    ['有效期至', { plain: ["permitValidTo"], child: ["permitValidTo"], permission: ["permitValidTo"] }],
    ['证件有效期', { plain: ["permitValidTo"], child: ["permitValidTo"], permission: ["permitValidTo"] }],
    ['证件状态', { plain: ["permitStatus"], child: ["permitStatus"], permission: ["permitStatus"] }],
    ['原聘用单位', { plain: ["oldEmployer"], child: ["oldEmployer"], permission: ["oldEmployer"] }],
    ['原单位', { plain: ["oldEmployer"], child: ["oldEmployer"], permission: ["oldEmployer"] }],
];

describe('the label table (fields.ts): every variant names its field', () => {
  it.each(LABELS)('「%s」', (label, expected) => {
    for (const ctx of Object.keys(FORM) as Context[]) {
      expect([...keysForLabel(label, FORM[ctx])].sort(), `${label} in the ${ctx} form`).toEqual([...expected[ctx]].sort());
    }
  });

  it('knows no label that this test does not pin', () => {
    const pinned = new Set(LABELS.map(([l]) => l));
    expect(FIELDS.flatMap((f) => f.labels).filter((l) => !pinned.has(l))).toEqual([]);
  });
});

/** Where each portal feature runs (Refined GitHub's include lists: where it must, and everywhere it must not). */
const RUNS_ON: Record<string, PortalModule[] | 'every recognised page'> = {
  'address-materials': ['person-basic-info'],
  'attachments-checklist': ['person-attachments', 'unit-attachments'],
  'children-age': ['person-basic-info'],
  'contract-link': ['unit-pending-links', 'unit-employees'],
  'document-validity': 'every recognised page',
  'education-history': ['person-education'],
  'employer-change-payer': ['unit-employer-change'],
  'fill-from-draft': ['person-basic-info', 'unit-company-info', 'unit-pending-links', 'unit-employees'],
  'identity-checksum': 'every recognised page',
  'info-change-item': ['person-info-change'],
  'link-code-hint': ['person-business'],
  'list-records': ['unit-employees', 'unit-permit', 'unit-employer-change'],
  'overview-records': ['person-overview'],
  'permission-request': ['unit-business'],
  'photo-rule': ['person-photo'],
  'spouse-obsolete': ['person-basic-info'],
  'upload-precheck': 'every recognised page',
  'work-history': ['person-work'],
};

describe('each portal feature runs where it belongs and nowhere else', async () => {
  await import.meta.glob('../../../entrypoints/portal.content/features/*.tsx', { eager: true });
  const features = registeredFeatures();

  it('every registered feature has its modules written down here', () => {
    expect(features.map((f) => f.id).sort()).toEqual(Object.keys(RUNS_ON).sort());
  });

  it.each(Object.entries(RUNS_ON))('%s', (id, where) => {
    const feature = features.find((f) => f.id === id)!;
    const runsOn = (module: PortalModule | null) => feature.include.some((p) => p({ module, side: null, url: 'https://fw.bjrcgz.gov.cn/' }));
    const expected = where === 'every recognised page' ? PortalModule.options : where;
    expect(PortalModule.options.filter((m) => runsOn(m))).toEqual(PortalModule.options.filter((m) => expected.includes(m)));
    expect(runsOn(null), 'an unrecognised page gets nothing').toBe(false);
  });
});
