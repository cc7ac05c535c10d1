/**
 * Reading the portal's people into the case book (rules/portal-records.ts): the state vocabulary (known words
 * mapped, known words without a counterpart and unknown words shown verbatim, never guessed), dates as the
 * portal writes them, masked ID numbers, paging, and the plans for 个人首页 and an employer list.
 */
import { describe, expect, it } from 'vitest';
import {
  PortalRecords,
  businessOf,
  businessStateOf,
  matchPerson,
  matchResidentId,
  pageDay,
  pagingOf,
  permitStateOf,
  planListSync,
  planPersonSync,
  type KnownCase,
  type KnownEmployee,
} from '../../../rules/portal-records';
import { makeResidentId } from '../../../rules/identity';

const TODAY = '2026-12-04';
const ID = makeResidentId({ region: '110115', birthDate: '1990-03-15', sequence: 121 });
const ID2 = makeResidentId({ region: '110105', birthDate: '1994-04-18', sequence: 22 });
const ID3 = makeResidentId({ region: '420106', birthDate: '1993-06-06', sequence: 28 });
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

const emp = (over: Partial<KnownEmployee> = {}): KnownEmployee => ({ id: 'e1', name: '张伟', residentId: ID, holderStatus: 'applying', ...over });
const kase = (over: Partial<KnownCase> = {}): KnownCase => ({ id: 'c1', employeeId: 'e1', business: 'new-permit', status: 'district-review', createdAt: '2026-01-01T00:00:00.000Z', ...over });

describe('the state vocabulary', () => {
  it.each([
    ['有效', 'holder'],
    ['过期', 'expired'],
    ['离职注销', 'cancelled'],
    ['挂起', 'suspended'],
  ])('the permit state 「%s」 is the holder status %s', (word, status) => {
    expect(permitStateOf(word)).toEqual({ word, known: true, value: status });
  });

  it('冻结 is a known permit state with no counterpart in the case book: it maps to nothing', () => {
    expect(permitStateOf(' 冻 结 ')).toEqual({ word: '冻结', known: true, value: null });
  });

  it.each([
    ['待单位审核', 'employer-review'],
    ['待主管部门审核', 'locality-review'],
    ['退回个人修改', 'returned'],
    ['退回单位修改', 'returned'],
    ['办理成功', 'approved'],
  ])('the business state 「%s」 is the case status %s', (word, status) => {
    expect(businessStateOf(word)).toEqual({ word, known: true, value: status });
  });

  it('待市局审核 and 审核不通过 are known but are none of our stages', () => {
    expect(businessStateOf('待市局审核')).toEqual({ word: '待市局审核', known: true, value: null });
    expect(businessStateOf('审核不通过')).toEqual({ word: '审核不通过', known: true, value: null });
  });

  it('a word outside the vocabulary is kept verbatim and not mapped, even one that sounds close (正常, 审核中)', () => {
    expect(permitStateOf('正常')).toEqual({ word: '正常', known: false });
    expect(businessStateOf('审核中')).toEqual({ word: '审核中', known: false });
    expect(businessStateOf('办理成功了')).toEqual({ word: '办理成功了', known: false });
  });

  it('an empty cell is no state at all', () => {
    expect(permitStateOf('')).toBeNull();
    expect(businessStateOf(undefined)).toBeNull();
  });

  it.each([
    ['申请工作居住证', 'new-permit'],
    ['新办证件', 'new-permit'],
    ['申请证件续签', 'renewal'],
    ['证件聘用单位变更', 'employer-change'],
    ['个人信息变更', 'personal-info-change'],
    ['人才引进', null],
  ])('the business 「%s」 is %s', (name, business) => {
    expect(businessOf(name)).toBe(business);
  });
});

describe('dates as the portal writes them', () => {
  it.each([
    ['2027-02-28', '2027-02-28'],
    ['2027/2/8', '2027-02-08'],
    ['2027年5月31日', '2027-05-31'],
    ['2024年6月1日 至 2027年5月31日', '2027-05-31'],
    ['2024-06-01 ~ 2027-05-31', '2027-05-31'],
  ])('「%s」 is valid until %s', (text, day) => {
    expect(pageDay(text)).toBe(day);
  });

  it('a date that does not exist, a month alone or 长期 is no date', () => {
    expect(pageDay('2027-02-30')).toBeNull();
    expect(pageDay('2027-02')).toBeNull();
    expect(pageDay('长期')).toBeNull();
  });
});

describe('ID numbers as the page shows them', () => {
  it('all 18 characters: the same person only when every one agrees', () => {
    expect(matchResidentId(ID, ID)).toBe('full');
    expect(matchResidentId(` ${ID.toLowerCase()} `, ID)).toBe('full');
    expect(matchResidentId(ID2, ID)).toBe('no');
  });

  it('masked: the visible characters must agree, and at least six must be visible', () => {
    expect(matchResidentId(masked(ID), ID)).toBe('masked');
    expect(matchResidentId(masked(ID), ID2)).toBe('no');
    expect(matchResidentId(`${'*'.repeat(14)}${ID.slice(14)}`, ID)).toBe('no');
    expect(matchResidentId(`${ID.slice(0, 2)}${'×'.repeat(12)}${ID.slice(14)}`, ID)).toBe('masked');
  });

  it('a shortened or empty number matches nobody', () => {
    expect(matchResidentId(ID.slice(0, 17), ID)).toBe('no');
    expect(matchResidentId('', ID)).toBe('no');
  });
});

describe('paging', () => {
  it('the classic 「第 1 页 / 共 2 页」 is page 1 of 2', () => {
    expect(pagingOf({ texts: ['第1页/共2页'] })).toEqual({ page: 1, pages: 2 });
  });

  it('the SPA: 共 12 条 and the pager numbers 1, 2 with 2 current', () => {
    expect(pagingOf({ texts: ['共12条'], current: '2', last: '2' })).toEqual({ page: 2, pages: 2, total: 12 });
  });

  it('共 23 条 at 10 条/页 is 3 pages', () => {
    expect(pagingOf({ texts: ['共23条', '10条/页'] })).toEqual({ page: 1, pages: 3, total: 23, pageSize: 10 });
  });

  it('one page (the agent raised the page size), or no pager, is nothing to say', () => {
    expect(pagingOf({ texts: ['共12条', '50条/页'], current: '1', last: '1' })).toBeNull();
    expect(pagingOf(undefined)).toBeNull();
  });
});

describe('个人首页 against the employee and case in focus', () => {
  const record = PortalRecords.parse({
    kind: 'person',
    module: 'person-overview',
    person: { name: '张伟', residentId: masked(ID), permitNo: '1101152025000562', issuedOn: '2025-03-01', validUntil: '2028-02-29', permitState: '有效' },
    businesses: [{ business: '申请工作居住证', state: '办理成功' }, { business: '个人信息变更', state: '待单位审核' }],
  });
  if (record.kind !== 'person') throw new Error('person');

  it('a masked ID whose visible characters agree is the same person, said so', () => {
    expect(matchPerson(record.person, emp(), false)).toEqual({ ok: true, by: 'masked' });
  });

  it('another name or another ID number is refused', () => {
    expect(matchPerson(record.person, emp({ name: '王芳' }), false)).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(matchPerson(record.person, emp({ residentId: ID2 }), true)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('no ID on the page: only after the agent confirmed the person', () => {
    expect(matchPerson({ name: '张伟' }, emp(), false)).toMatchObject({ ok: false, reason: 'needs-confirmation' });
    expect(matchPerson({ name: '张伟' }, emp(), true)).toEqual({ ok: true, by: 'confirmed' });
    expect(matchPerson({}, undefined, true)).toMatchObject({ ok: false, reason: 'no-focus' });
  });

  it('the permit goes to the employee; 办理成功 approves the case and gives it the permit dates', () => {
    const plan = planPersonSync(record, emp(), kase());
    expect(plan.changes.map((c) => [c.kind, 'field' in c ? c.field : '', 'before' in c ? c.before : '', 'after' in c ? c.after : ''])).toEqual([
      ['employee', 'permitValidUntil', null, '2028-02-29'],
      ['employee', 'holderStatus', 'applying', 'holder'],
      ['case', 'status', 'district-review', 'approved'],
      ['case', 'permitValidUntil', null, '2028-02-29'],
      ['case', 'permitValidFrom', null, '2025-03-01'],
    ]);
    // The other business is shown, not applied.
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0].text.zh).toContain('个人信息变更');
  });

  it('a case book that already says what the page says has nothing to change', () => {
    const plan = planPersonSync(record, emp({ holderStatus: 'holder', permitValidUntil: '2028-02-29' }), kase({ status: 'approved', permitValidFrom: '2025-03-01', permitValidUntil: '2028-02-29' }));
    expect(plan.changes).toEqual([]);
  });

  it('冻结 and an unknown business word are shown and change nothing', () => {
    const r = { ...record, person: { ...record.person, permitState: '冻结' }, businesses: [{ business: '申请工作居住证', state: '审批中' }] };
    const plan = planPersonSync(r, emp({ permitValidUntil: '2028-02-29' }), kase());
    expect(plan.changes).toEqual([]);
    expect(plan.notes.map((n) => n.word)).toEqual(['冻结', '审批中']);
    expect(plan.notes[1].text.zh).toContain('「审批中」不在已知状态中');
  });
});

describe('an employer list against the case book', () => {
  const list = (rows: object[], view = '当前在职员工', paging?: object) => {
    const r = PortalRecords.parse({ kind: 'list', module: 'unit-employees', view, rows, ...(paging ? { paging } : {}) });
    if (r.kind !== 'list') throw new Error('list');
    return r;
  };
  const known = [emp({ id: 'e1', holderStatus: 'holder', permitValidUntil: '2027-01-31' })];

  it('a new employee needs a name and a complete, valid ID number; their permit comes along', () => {
    const plan = planListSync(list([{ name: '吴婷', residentId: ID2, permitState: '有效', validUntil: '2029/5/31' }]), known, [], TODAY);
    expect(plan.changes).toEqual([{ kind: 'new-employee', row: 0, name: '吴婷', residentId: ID2, holderStatus: 'holder', permitValidUntil: '2029-05-31', word: '有效' }]);
  });

  it('a row with missing cells is kept and shown, never made into an employee', () => {
    const plan = planListSync(list([{ name: '郑浩' }, { residentId: ID3 }]), known, [], TODAY);
    expect(plan.changes).toEqual([]);
    expect(plan.notes.map((n) => n.row)).toEqual([0, 1]);
    expect(plan.rows).toBe(2);
  });

  it('a wrong check digit is not a new employee', () => {
    const bad = ID2.slice(0, 17) + (ID2[17] === '1' ? '2' : '1');
    expect(planListSync(list([{ name: '吴婷', residentId: bad }]), known, [], TODAY).changes).toEqual([]);
  });

  it('a known employee: a later validity date and a state that changed', () => {
    const plan = planListSync(list([{ name: '张伟', residentId: ID, validUntil: '2028-03-31', permitState: '挂起' }]), known, [], TODAY);
    expect(plan.changes).toMatchObject([
      { kind: 'employee', employeeId: 'e1', field: 'permitValidUntil', before: '2027-01-31', after: '2028-03-31' },
      { kind: 'employee', employeeId: 'e1', field: 'holderStatus', before: 'holder', after: 'suspended', word: '挂起' },
    ]);
  });

  it('an unknown permit state of a known employee is noted verbatim, the employee unchanged', () => {
    const plan = planListSync(list([{ name: '张伟', residentId: ID, validUntil: '2027-01-31', permitState: '正常' }]), known, [], TODAY);
    expect(plan.changes).toEqual([]);
    expect(plan.notes).toMatchObject([{ row: 0, name: '张伟', word: '正常' }]);
  });

  it('a masked ID is matched by its visible characters and the name when exactly one employee fits', () => {
    const plan = planListSync(list([{ name: '张伟', residentId: masked(ID), validUntil: '2028-03-31' }]), known, [], TODAY);
    expect(plan.changes).toMatchObject([{ kind: 'employee', employeeId: 'e1', after: '2028-03-31' }]);
    expect(plan.notes[0].text.zh).toContain('按可见位和姓名匹配');
    expect(planListSync(list([{ name: '李四', residentId: masked(ID) }]), known, [], TODAY).changes).toEqual([]);
  });

  it('待办理新办证件员工: the state moves the employee\'s new-permit case; a new applicant is 申办中', () => {
    const cases = [kase({ status: 'collecting' })];
    const plan = planListSync(list([{ name: '张伟', residentId: ID, state: '待单位审核' }, { name: '彭丽', residentId: ID3, state: '材料补正中' }], '待办理新办证件员工'), known, cases, TODAY);
    expect(plan.changes).toMatchObject([
      { kind: 'case', caseId: 'c1', field: 'status', before: 'collecting', after: 'employer-review', word: '待单位审核' },
      { kind: 'new-employee', name: '彭丽', holderStatus: 'applying' },
    ]);
    expect(plan.notes).toMatchObject([{ row: 1, word: '材料补正中' }]);
  });

  it('a state of an employee with no case of that business is noted, nothing opened by guess', () => {
    const plan = planListSync(list([{ name: '张伟', residentId: ID, state: '待单位审核' }], '待办理新办证件员工'), known, [], TODAY);
    expect(plan.changes).toEqual([]);
    expect(plan.notes[0].text.zh).toContain('没有该员工对应业务的案件');
  });

  it('the same person twice on the page is one new employee', () => {
    const plan = planListSync(list([{ name: '吴婷', residentId: ID2 }, { name: '吴婷', residentId: ID2 }]), [], [], TODAY);
    expect(plan.changes).toHaveLength(1);
  });

  it('the pager is read: 第 1 页 / 共 2 页', () => {
    expect(planListSync(list([], '当前在职员工', { texts: ['第1页/共2页'] }), [], [], TODAY).paging).toEqual({ page: 1, pages: 2 });
  });
});

describe('what the content script may send', () => {
  it('refuses a list longer than 500 rows, an over-long cell, and an unknown key', () => {
    expect(PortalRecords.safeParse({ kind: 'list', module: 'unit-employees', view: 'x', rows: Array.from({ length: 501 }, () => ({})) }).success).toBe(false);
    expect(PortalRecords.safeParse({ kind: 'list', module: 'unit-employees', view: 'x', rows: [{ name: 'x'.repeat(101) }] }).success).toBe(false);
    expect(PortalRecords.safeParse({ kind: 'list', module: 'unit-employees', view: 'x', rows: [{ phone: '1' }] }).success).toBe(false);
    expect(PortalRecords.safeParse({ kind: 'person', module: 'unit-employees', person: {}, businesses: [] }).success).toBe(false);
  });
});
