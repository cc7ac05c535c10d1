/** Categories D–H can be pre-checked: the card asks for what each needs, and the stored facts reach the verdict. */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CategoryInputs } from '../../../components/CategoryInputs';
import { assessApplicant } from '../../../rules/eligibility';
import { makeClock, rid, useFreshDb } from '../storage/helpers';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const noop = () => {};

describe('the category inputs of the eligibility card', () => {
  it('asks category D for the employer kind and the last three years\' taxable income', () => {
    const out = text(renderToStaticMarkup(<CategoryInputs category="D" facts={{}} set={noop} today="2026-12-04" />));
    expect(out).toContain('D 类所需信息');
    expect(out).toContain('单位为新型研发机构、创新型总部企业、高新技术企业等科技创新主体');
    expect(out).toContain('2023 年');
    expect(out).toContain('2025 年');
  });

  it('asks category H for 自由职业者、个体工商户等人员 and the yearly tax, and nothing for A', () => {
    expect(text(renderToStaticMarkup(<CategoryInputs category="H" facts={{}} set={noop} today="2026-12-04" />))).toContain('自由职业者、个体工商户等人员');
    expect(renderToStaticMarkup(<CategoryInputs category="A" facts={{}} set={noop} today="2026-12-04" />)).toBe('');
  });
});

describe('stored D–H facts in the verdict', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });

  it('stores category H facts on the case and judges H on them', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    const c = await t.repos.cases.create({ employeeId: e.id, business: 'new-permit', facts: { category: 'H' } });
    const yearlyTax = [2023, 2024, 2025].map((year) => ({ year, amount: 250_000 }));
    const updated = await t.repos.cases.update(c.id, { facts: { freelancer: { isFreelancerOrIndividualBusiness: true, outstandingContribution: true, yearlyTax } } });
    const a = assessApplicant({ category: 'H', freelancer: updated.facts.freelancer }, '2026-12-04');
    expect(a.categories.H.status).toBe('met');
    const low = assessApplicant({ category: 'H', freelancer: { ...updated.facts.freelancer, yearlyTax: [...yearlyTax.slice(0, 2), { year: 2025, amount: 199_999 }] } }, '2026-12-04');
    expect(low.categories.H.status).toBe('not-met');
  });
});
