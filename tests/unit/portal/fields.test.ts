import { describe, expect, it } from 'vitest';
import { ATTACHMENT_SLOTS, FIELDS, fieldDiagnostics, slotItems } from '../../../entrypoints/portal.content/fields';
import { pageDate, pagePeriod } from '../../../entrypoints/portal.content/dom';
import { normaliseLabel } from '../../../entrypoints/portal.content/pages';
import { CHECKLIST_ITEMS } from '../../../rules/checklist';
import data from '../../fixtures/portal/data.json';

describe('fields.ts, the one label table', () => {
  it('keys are unique and every label is written as normaliseLabel leaves it', () => {
    expect(new Set(FIELDS.map((f) => f.key)).size).toBe(FIELDS.length);
    for (const f of FIELDS) for (const l of f.labels) expect(normaliseLabel(l)).toBe(l);
  });
  it('both styles of a field are the same key (SPA 身份证号 / classic 证件号码, 户籍地址 / 户口所在地)', () => {
    const keyOf = (label: string) => FIELDS.filter((f) => f.labels.includes(label) && !f.requires).map((f) => f.key);
    expect(keyOf('证件号码')).toContain('residentId');
    expect(keyOf('身份证号')).toContain('residentId');
    expect(keyOf('户口所在地')).toEqual(['hukouAddress']);
    expect(keyOf('社会统一信用代码')).toEqual(['creditCode']);
    expect(keyOf('劳动合同终止日期')).toEqual(['contractEnd']);
  });
  it('diagnostics report a module\'s expected fields as found or missing', () => {
    expect(fieldDiagnostics('person-education', new Set(['学历层次', '毕业院校', '起止时间']))).toEqual({ found: ['educationLevel', 'school'], missing: [] });
    expect(fieldDiagnostics('unit-company-info', new Set(['单位名称']))).toEqual({ found: ['companyName'], missing: ['creditCode', 'legalRep', 'agentName'] });
  });
});

describe('附件管理 rows → checklist items', () => {
  it('every item id named in the slot table exists in rules/checklist.ts', () => {
    for (const slot of ATTACHMENT_SLOTS) for (const id of slot.items) expect(Object.keys(CHECKLIST_ITEMS)).toContain(id);
  });
  it('every row of the four replica 附件列表 pages stands for some checklist item', () => {
    for (const page of Object.values(data.facts.attachments)) {
      for (const [name] of page.rows) expect(slotItems(name), name).not.toEqual([]);
    }
  });
  it('the specific names win over the general ones', () => {
    expect(slotItems('子女户口簿首页和个人页')).toEqual(['child-hukou-pages']);
    expect(slotItems('单位诚信声明')).toEqual(['employer-integrity-statement']);
    expect(slotItems('诚信声明')).toEqual(['applicant-integrity-statement']);
    expect(slotItems('业务经办人身份证')).toEqual(['employer-agent-id-card']);
    expect(slotItems('在京合法稳定住所证明（房屋租赁合同、房主身份证等）')).toContain('housing-lease-contract');
  });
});

describe('dates as the portal writes them', () => {
  it('full dates, months and Chinese forms', () => {
    expect(pageDate('2015-07-06')).toBe('2015-07-06');
    expect(pageDate('2015/7/6')).toBe('2015-07-06');
    expect(pageDate('2010-09')).toBe('2010-09');
    expect(pageDate('2010年9月')).toBe('2010-09');
    expect(pageDate('—')).toBe('');
  });
  it('a classic 起止时间 cell, and 至今 as today', () => {
    expect(pagePeriod('2010-09 至 2014-07', '2026-11-27')).toEqual(['2010-09', '2014-07']);
    expect(pagePeriod('2021-01 至今', '2026-11-27')).toEqual(['2021-01', '2026-11-27']);
    expect(pagePeriod('2021-01 至 至今', '2026-11-27')).toEqual(['2021-01', '2026-11-27']);
    expect(pagePeriod('2022-10-01 至 2028-09-30', '2026-11-27')).toEqual(['2022-10-01', '2028-09-30']);
  });
});
