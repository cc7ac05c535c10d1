import { describe, expect, it } from 'vitest';
import {
  checkEducationHistory,
  checkInfoChangeNote,
  checkNoBusinessInProgress,
  checkPermissionRequest,
  checkWorkHistory,
  FIELD_GUIDANCE,
  type EducationEntry,
} from '../../../rules';
import { ruleById } from '../../../rules/registry';

const failed = (r: { findings: readonly { passed: boolean; ruleId: string }[] }) => r.findings.filter((f) => !f.passed).map((f) => f.ruleId);

const school: EducationEntry[] = [
  { level: '高中', start: '2008-09', end: '2011-06' },
  { level: '本科', start: '2011-09', end: '2015-06' },
  { level: '硕士研究生', start: '2015-09', end: '2018-06' },
];

describe('education history §六(一) 2 ②', () => {
  it('accepts high school → bachelor → master with summer breaks', () => {
    const r = checkEducationHistory(school, '硕士研究生');
    expect(r.ok).toBe(true);
    expect(failed(r)).toEqual([]);
  });

  it('accepts 中专 as the start and enum values instead of labels', () => {
    const r = checkEducationHistory([
      { level: 'secondary-vocational', start: '2008-09', end: '2011-06' },
      { level: 'junior-college', start: '2011-09', end: '2014-06' },
    ]);
    expect(r.ok).toBe(true);
  });

  it('refuses a history starting at 本科', () => {
    const r = checkEducationHistory(school.slice(1));
    expect(r.ok).toBe(false);
    expect(failed(r)).toContain('education-starts-high-school');
  });

  it('notes that 初中 is not needed but does not refuse it', () => {
    const r = checkEducationHistory([{ level: '初中', start: '2005-09', end: '2008-06' }, ...school]);
    expect(r.ok).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'education-starts-high-school' && f.severity === 'info' && !f.passed)).toBe(true);
  });

  it('refuses a history that stops below the declared highest degree', () => {
    const r = checkEducationHistory(school.slice(0, 2), '硕士研究生');
    expect(failed(r)).toContain('education-ends-at-highest');
    expect(r.ok).toBe(false);
  });

  it('does not flag a break of exactly 6 months but flags one day more', () => {
    const exact = checkEducationHistory([
      { level: '高中', start: '2008-09-01', end: '2011-06-30' },
      { level: '本科', start: '2011-12-30', end: '2015-06-30' },
    ]);
    expect(failed(exact)).not.toContain('education-gap');
    const over = checkEducationHistory([
      { level: '高中', start: '2008-09-01', end: '2011-06-30' },
      { level: '本科', start: '2011-12-31', end: '2015-06-30' },
    ]);
    expect(failed(over)).toContain('education-gap');
    expect(over.ok).toBe(true); // a gap is a warning
  });

  it('flags overlapping entries as a warning', () => {
    const r = checkEducationHistory([
      { level: '高中', start: '2008-09', end: '2011-07' },
      { level: '本科', start: '2011-06', end: '2015-06' },
    ]);
    expect(failed(r)).toContain('education-overlap');
  });

  it('flags entries not in chronological order', () => {
    const r = checkEducationHistory([school[1], school[0], school[2]]);
    expect(failed(r)).toContain('education-chronological');
  });

  it('refuses an entry ending before it starts', () => {
    const r = checkEducationHistory([{ level: '高中', start: '2011-06', end: '2008-09' }]);
    expect(failed(r)).toContain('education-dates-valid');
  });

  it('refuses an empty history', () => {
    expect(checkEducationHistory([]).ok).toBe(false);
  });
});

describe('work history §六(一) 2 ③', () => {
  it('allows an empty history', () => {
    const r = checkWorkHistory([], '2024-03-01');
    expect(r.ok).toBe(true);
    expect(r.findings[0].ruleId).toBe('work-history-optional');
  });

  it('accepts a job ending on the contract start day', () => {
    expect(checkWorkHistory([{ employer: '甲公司', start: '2018-07-01', end: '2024-03-01' }], '2024-03-01').ok).toBe(true);
  });

  it('refuses a job ending the day after the contract starts', () => {
    const r = checkWorkHistory([{ employer: '甲公司', start: '2018-07-01', end: '2024-03-02' }], '2024-03-01');
    expect(r.ok).toBe(false);
    expect(failed(r)).toContain('work-before-contract');
  });

  it('flags overlapping jobs as the assistant\'s warning (the guide says nothing of overlaps), not back-to-back ones', () => {
    const a = { employer: '甲公司', start: '2018-07-01', end: '2020-06-30' };
    const ok = checkWorkHistory([a, { employer: '乙公司', start: '2020-06-30', end: '2024-02-29' }], '2024-03-01');
    expect(ok.ok).toBe(true);
    expect(failed(ok)).not.toContain('work-overlap');
    const r = checkWorkHistory([a, { employer: '乙公司', start: '2020-06-29', end: '2024-02-29' }], '2024-03-01');
    expect(failed(r)).toContain('work-overlap');
    expect(r.findings.find((f) => f.ruleId === 'work-overlap')).toMatchObject({ section: '助手建议', severity: 'warning' });
    expect(r.ok).toBe(true);
  });

  it('cites the guide only for what it says: start and end of education, jobs before the contract', () => {
    const advice = ['education-dates-valid', 'education-chronological', 'education-gap', 'education-overlap', 'work-dates-valid', 'work-chronological', 'work-overlap'];
    for (const id of advice) expect(ruleById(id)?.section, id).toBe('助手建议');
    expect(ruleById('education-starts-high-school')?.section).toBe('§六(一) 2 ②');
    expect(ruleById('education-ends-at-highest')?.section).toBe('§六(一) 2 ②');
    expect(ruleById('work-before-contract')?.section).toBe('§六(一) 2 ③');
  });

  it('warns when jobs are not in chronological order', () => {
    const r = checkWorkHistory(
      [
        { employer: '乙公司', start: '2020-07', end: '2024-02' },
        { employer: '甲公司', start: '2018-07', end: '2020-06' },
      ],
      '2024-03-01',
    );
    expect(failed(r)).toEqual(['work-chronological']);
    expect(r.ok).toBe(true);
  });
});

describe('textual field rules', () => {
  it('allows personal changes only without a business in progress (§六(二))', () => {
    expect(checkNoBusinessInProgress(['approved', 'draft']).ok).toBe(true);
    expect(checkNoBusinessInProgress(['locality-review']).ok).toBe(false);
  });

  it('checks the permission request fields (§六(一) 1 (1))', () => {
    expect(checkPermissionRequest({ permitType: '北京市工作居住证', authority: '大兴区人力社保局', opinion: '拟办理事项：新办证件' }).ok).toBe(true);
    const r = checkPermissionRequest({ permitType: '北京市工作居住证', authority: '朝阳区人力社保局', opinion: '申请权限' });
    expect(r.findings.filter((f) => !f.passed)).toHaveLength(2);
  });

  it('requires the specific item of a personal information change (§六(五))', () => {
    expect(checkInfoChangeNote('变更现居住地').ok).toBe(true);
    expect(checkInfoChangeNote('信息变更').ok).toBe(false);
  });

  it('offers guidance for the photo, addresses and spouse, each with a section', () => {
    const ids = FIELD_GUIDANCE.map((g) => g.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['photo-one-inch-bareheaded', 'address-as-materials', 'spouse-not-filed', 'permission-request-fields', 'info-change-state-item', 'employer-is-social-insurance-payer', 'change-only-without-business']));
    expect(FIELD_GUIDANCE.find((g) => g.ruleId === 'photo-one-inch-bareheaded')?.text.zh).toContain('一寸免冠');
  });
});
