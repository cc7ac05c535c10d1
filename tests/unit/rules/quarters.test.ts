/** Expected dates counted by hand from chinese-days' raw data (2026-09-25 Mid-autumn; 2024-09-29 a make-up Sunday). */
import { describe, expect, it } from 'vitest';
import { calendarCoverage, lastWorkdayOfQuarter, quarterOf, quarterQuota, suggestedFilingDate } from '../../../rules';

describe('quarters §一(一), §四(二) 1', () => {
  it('finds the quarter of a date', () => {
    expect(quarterOf('2026-11-15')).toEqual({ year: 2026, quarter: 4, start: '2026-10-01', end: '2026-12-31', label: '2026Q4' });
    expect(quarterOf('2026-03-31').quarter).toBe(1);
    expect(quarterOf('2026-04-01').quarter).toBe(2);
  });

  it('finds the last working day of a quarter ending on a weekend', () => {
    expect(lastWorkdayOfQuarter('2024-05-10').date).toBe('2024-06-28');
  });

  it('suggests the 5th working day before the quarter\'s last working day', () => {
    expect(suggestedFilingDate('2026-08-01')).toMatchObject({ lastWorkday: '2026-09-30', suggested: '2026-09-22', late: false });
    expect(suggestedFilingDate('2026-11-02')).toMatchObject({ lastWorkday: '2026-12-31', suggested: '2026-12-24' });
  });

  it('counts a make-up Sunday among the five working days (2024Q3 → 2024-09-24)', () => {
    expect(suggestedFilingDate('2024-07-15').suggested).toBe('2024-09-24');
  });

  it('suggests the day itself when it is already past the ideal day but before quarter end', () => {
    expect(suggestedFilingDate('2026-09-23')).toMatchObject({ suggested: '2026-09-23', late: true });
  });

  it('suggests the next working day when asked on a holiday near quarter end', () => {
    expect(suggestedFilingDate('2026-09-26')).toMatchObject({ suggested: '2026-09-28', late: true });
  });

  it('plans for the next quarter once the quarter has no working day left', () => {
    expect(suggestedFilingDate('2024-06-29')).toMatchObject({ quarter: { label: '2024Q3' }, suggested: '2024-09-24' });
  });

  it('says it is a suggestion', () => {
    expect(suggestedFilingDate('2026-08-01').explanation.zh).toContain('建议');
  });

  it('marks a quarter in a year without official data as approximate', () => {
    const next = calendarCoverage().lastYear + 1;
    expect(suggestedFilingDate(`${next}-02-01`).approximate).toBe(true);
  });
});

describe('quarterly quota §一(一): 原则上仅受理核定范围内的新办申请', () => {
  const nc = (status: string, submittedOn?: string) => ({ business: 'new-permit', status, ...(submittedOn ? { submittedOn } : {}) });
  const cases = [
    nc('locality-review', '2026-10-09'),
    nc('approved', '2026-11-02'),
    nc('collecting'),
    nc('voided', '2026-10-20'),
    nc('district-review', '2026-09-28'), // last quarter's place
    { business: 'renewal', status: 'collecting' },
  ];

  it('counts the quarter\'s submitted and pending new-permit cases, not voided ones, other quarters or other businesses', () => {
    expect(quarterQuota(cases, 3, '2026-12-04')).toMatchObject({ counted: 3, exceeded: false, approved: 3 });
  });

  it('warns (原则上: a warning, citing §一(一)) one case over the approved number, not at it', () => {
    const over = quarterQuota(cases, 2, '2026-12-04');
    expect(over.exceeded).toBe(true);
    expect(over.findings[0]).toMatchObject({ ruleId: 'quarter-new-permit-quota', section: '§一(一)', passed: false, severity: 'warning' });
    expect(over.findings[0].message.zh).toContain('超过核定数量 2 件');
    expect(quarterQuota(cases, 3, '2026-12-04').findings[0].passed).toBe(true);
  });

  it('says the approved number is missing instead of assuming one', () => {
    const q = quarterQuota(cases, undefined, '2026-12-04');
    expect(q.exceeded).toBe(false);
    expect(q.findings[0]).toMatchObject({ passed: false, severity: 'info' });
    expect(q.findings[0].message.zh).toContain('尚未录入');
  });
});
