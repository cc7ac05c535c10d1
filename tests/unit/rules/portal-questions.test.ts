/**
 * The answers the content script gets (rules/portal-questions.ts, rules/case-facts.ts, rules/texts.ts): rules/ verdicts on the
 * facts read off a page, the checklist business per module, the case facts the checklist gets, and
 * the income annotation. The content script never evaluates a rule itself.
 */
import { describe, expect, it } from 'vitest';
import { answerPortalQuestion, PortalQuestions } from '../../../rules/portal-questions';
import { checklistBusinessFor, toChecklistFacts } from '../../../rules/case-facts';
import { incomeAnnotationDraft } from '../../../rules/texts';
import type { FocusDraft } from '../../../utils/messaging';

const TODAY = '2026-11-27';
const ask = (r: unknown, companyName?: string) => answerPortalQuestion(PortalQuestions.parse([r])[0], { today: TODAY, ...(companyName ? { companyName } : {}) });
const EvaluatePortalRequest = PortalQuestions;
const checklistBusiness = checklistBusinessFor;
const checklistFactsOf = (d: FocusDraft, _business: 'new-permit') => toChecklistFacts(d.case!, d.employee.category);
const annotationOf = (d: FocusDraft | null) => {
  const { text, complete } = incomeAnnotationDraft({ employeeName: d?.employee.name, companyName: d?.company?.name, contact: d?.company?.agentName, phone: d?.company?.agentPhone });
  return { text, complete };
};

describe('evaluatePortal: rules/ on page facts', () => {
  it('an education list starting at 本科 misses 高中', () => {
    const r = ask({ kind: 'education', entries: [{ level: '本科', start: '2008-09-01', end: '2012-07-01' }, { level: '硕士研究生', start: '2012-09-01', end: '2015-07-01' }] });
    expect(r.ok).toBe(false);
    expect(r.findings.find((f) => !f.passed)?.ruleId).toBe('education-starts-high-school');
  });
  it('work history without a known contract start leaves that finding out; with it, a late job fails', () => {
    const entries = [{ employer: '甲', start: '2015-07', end: '2019-03' }, { employer: '乙', start: '2019-04', end: '2023-05-31' }];
    expect(ask({ kind: 'work', entries }).findings.map((f) => f.ruleId)).not.toContain('work-before-contract');
    const late = ask({ kind: 'work', entries, contractStart: '2023-05-15' });
    expect(late.ok).toBe(false);
    expect(late.findings.find((f) => f.ruleId === 'work-before-contract' && !f.passed)?.message.zh).toContain('晚于劳动合同开始日 2023-05-15');
  });
  it('IDs and credit codes: the check digit decides', () => {
    expect(ask({ kind: 'residentId', value: '130602199003151214' }).ok).toBe(true);
    expect(ask({ kind: 'residentId', value: '130102199207082467' }).findings[0].message.zh).toContain('号码有误');
    expect(ask({ kind: 'creditCode', value: '91110115MA01XK3P66' }).ok).toBe(true);
  });
  it('validity: 3 months for an ID card, 6 for a contract, the exact day given back; 长期 passes', () => {
    const id = ask({ kind: 'validity', document: 'resident-id-card', validUntil: '2027-02-27' });
    expect([id.ok, id.mustBeValidUntil, id.monthsRequired]).toEqual([true, '2027-02-27', 3]);
    const contract = ask({ kind: 'validity', document: 'labour-contract', validUntil: '2027-05-26' });
    expect([contract.ok, contract.mustBeValidUntil, contract.monthsRequired]).toEqual([false, '2027-05-27', 6]);
    expect(ask({ kind: 'validity', document: 'resident-id-card', validUntil: '长期' }).ok).toBe(true);
    // Every spelling rules/validity.ts reads as long-term, and the printed range of an ID card.
    for (const spelling of ['长期有效', '永久', 'Long-Term', '长　期']) expect(ask({ kind: 'validity', document: 'resident-id-card', validUntil: spelling }).ok, spelling).toBe(true);
    expect(ask({ kind: 'validity', document: 'labour-contract', validUntil: '无固定期限' }).ok).toBe(true);
    expect(ask({ kind: 'validity', document: 'resident-id-card', validUntil: '2015.03.07-2035.03.07' }).ok).toBe(true);
    expect(ask({ kind: 'validity', document: 'resident-id-card', validUntil: '长' }).invalid?.zh).toContain('无法识别');
  });
  it('a child is over the limit from the 17th birthday', () => {
    expect(ask({ kind: 'childAge', birthDate: '2009-11-28' })).toMatchObject({ ok: true, age: 16 });
    expect(ask({ kind: 'childAge', birthDate: '2009-11-27' })).toMatchObject({ ok: false, age: 17 });
  });
  it('bad page input becomes `invalid`, never an exception', () => {
    const r = ask({ kind: 'education', entries: [{ level: '其他', start: '2008-09', end: '2012-07' }] });
    expect(r.ok).toBe(false);
    expect(r.invalid?.zh).toContain('学历层次无效');
    expect(ask({ kind: 'childAge', birthDate: '2030-02-30' }).invalid).toBeDefined();
  });
  it('the permission request and its suggested opinion', () => {
    expect(ask({ kind: 'permission', permitType: '北京市工作居住证', authority: '大兴区人力社保局', opinion: '拟办理新办证件' }).ok).toBe(true);
    expect(ask({ kind: 'permissionOpinion', intended: [] }, '北京兴创智能科技有限公司').text).toBe(
      '北京兴创智能科技有限公司申请开通北京市工作居住证办理权限，所属主管部门：大兴区人力社保局。拟办理事项：新办证件、聘用单位变更。',
    );
  });
  it('the request schema refuses unknown kinds and oversized input', () => {
    expect(EvaluatePortalRequest.safeParse([{ kind: 'eval', code: 'x' }]).success).toBe(false);
    expect(EvaluatePortalRequest.safeParse([{ kind: 'residentId', value: 'x'.repeat(41) }]).success).toBe(false);
  });
});

const draft = (over: Partial<FocusDraft> = {}): FocusDraft =>
  ({
    employee: { id: 'e', name: '张伟', residentId: '130602199003151214', gender: 'male', birthDate: '1990-03-15', category: 'B', holderStatus: 'applying' },
    case: { id: 'c', business: 'new-permit', status: 'draft', facts: { children: [{ birthDate: '2016-05-20' }], housing: 'rented', contractStart: '2023-05-15' } },
    company: { name: '北京兴创智能科技有限公司', creditCode: '91110115MA01XK3P66', localityOffice: '', agentName: '周敏', agentPhone: '13701234567' },
    captured: {},
    ...over,
  }) as FocusDraft;

describe('checklists for the content script', () => {
  it('each 附件管理 page gets its side\'s business', () => {
    expect(checklistBusiness('unit-attachments', 'new-permit')).toBe('employer-registration');
    expect(checklistBusiness('unit-attachments', 'authority-change')).toBe('authority-change');
    expect(checklistBusiness('person-attachments', undefined)).toBe('new-permit');
    expect(checklistBusiness('person-attachments', 'renewal')).toBe('renewal');
  });
  it('case facts become checklist facts: children counted, the employee\'s category as fallback', () => {
    expect(checklistFactsOf(draft(), 'new-permit')).toEqual({ business: 'new-permit', category: 'B', children: 1, housing: 'rented' });
  });
  it('the income annotation is complete with the focus, the guide\'s template without', () => {
    expect(annotationOf(draft())).toEqual({ text: '以上为张伟个税申报信息，个税由北京兴创智能科技有限公司代扣代缴。联系人：周敏，电话：13701234567', complete: true });
    expect(annotationOf(null)).toEqual({ text: '以上为XXX（员工姓名）个税申报信息，个税由XXX单位代扣代缴。联系人：XXX，电话：XXX', complete: false });
  });
});
