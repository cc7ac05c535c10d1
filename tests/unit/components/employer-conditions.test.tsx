/** The company profile's §一(二) conditions and the quarter's approved number (issue #14 §4.1, §4.5). */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { EmployerConditionList, employerAssessment } from '../../../components/casebook/EmployerCard';
import { quarterQuota } from '../../../rules/quarters';
import { CREDIT_CODE, makeClock, useFreshDb } from '../storage/helpers';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the employer conditions of the company profile', () => {
  it('tests the paid-in capital of an enterprise and not of a social organisation', () => {
    const base = { registeredInDaxing: true, registeredOn: '2020-01-01', lastYearDaxingContribution: 200_000, scopeNotProhibited: true, lawfulNoBadRecord: true };
    const poor = employerAssessment({ ...base, entityType: 'enterprise-legal-person', paidInCapital: 500_000 }, '2026-12-04');
    expect(poor.verdict).toBe('not-eligible');
    expect(poor.conditions.find((c) => c.ruleId === 'employer-paid-in-capital')?.status).toBe('not-met');
    const society = employerAssessment({ ...base, entityType: 'social-organization' }, '2026-12-04');
    expect(society.conditions.some((c) => c.ruleId === 'employer-paid-in-capital')).toBe(false);
    expect(society.verdict).toBe('eligible');
  });

  it('shows a young employer (原则上) as a warning, not a refusal', () => {
    const young = employerAssessment({ entityType: 'public-institution', registeredInDaxing: true, registeredOn: '2026-06-01', lastYearDaxingContribution: 200_000, scopeNotProhibited: true, lawfulNoBadRecord: true }, '2026-12-04');
    expect(young.verdict).toBe('incomplete');
    const out = text(renderToStaticMarkup(<EmployerConditionList assessment={young} />));
    expect(out).toContain('2027-06-01 方满 1 年（原则上）');
    expect(out).toContain('（原则上，视为提醒）');
    expect(out).toContain('§一(二) 2');
  });

  it('says every fact is missing for an empty profile', () => {
    const none = employerAssessment(undefined, '2026-12-04');
    expect(none.verdict).toBe('incomplete');
    expect(text(renderToStaticMarkup(<EmployerConditionList assessment={none} />))).toContain('单位类型未知，无法判断是否适用实缴资本条件');
  });
});

describe('the company profile in the database', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('keeps the employer facts and the approved number per quarter, and counts the quarter\'s new permits against it', async () => {
    await t.repos.company.save({ name: '北京兴创智能科技有限公司', creditCode: CREDIT_CODE });
    await t.repos.company.update({ employer: { entityType: 'enterprise-legal-person', paidInCapital: 2_000_000 }, approvedNewPermits: { '2026Q4': 1 } });
    expect(await t.repos.company.get()).toMatchObject({ employer: { entityType: 'enterprise-legal-person', paidInCapital: 2_000_000 }, approvedNewPermits: { '2026Q4': 1 } });
    await expect(t.repos.company.update({ approvedNewPermits: { '2026Q5': 1 } })).rejects.toThrow();
    const cases = [
      { business: 'new-permit', status: 'collecting' },
      { business: 'new-permit', status: 'draft' },
    ];
    expect(quarterQuota(cases, 1, '2026-12-04').exceeded).toBe(true);
    expect(quarterQuota(cases, 2, '2026-12-04').exceeded).toBe(false);
  });
});

describe('the printed quarter summary', () => {
  it('counts the current quarter\'s new permits and says when no approved number is entered', async () => {
    const { renderToStaticMarkup: render } = await import('react-dom/server');
    const { PrintQuarter } = await import('../../../components/casebook/PrintViews');
    const { quarterOf } = await import('../../../rules/quarters');
    const { beijingDate } = await import('../../../rules/dates');
    const quarter = quarterOf(beijingDate(Date.now())).label;
    const AT = '2026-10-01T02:00:00.000Z';
    const cases = [{ id: 'c1', employeeId: 'e1', business: 'new-permit', status: 'collecting', facts: {}, createdAt: AT, updatedAt: AT }] as never[];
    const html = render(<PrintQuarter quarter={quarter} data={{ snapshot: { employees: [], cases, documents: [] }, rows: [], idx: {} }} />);
    expect(text(html)).toContain(`${quarter} 新办案卷 1 件；尚未录入本季度核定新办数量`);
  });
});
