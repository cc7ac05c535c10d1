import { describe, expect, it } from 'vitest';
import { caseChecklist, childAges, documentKindOf, failingItems, itemValidities, progressOf } from '../../../rules/case-facts';
import { assessApplicant } from '../../../rules/eligibility';
import { CHECKLIST_ITEMS } from '../../../rules';

describe('caseChecklist', () => {
  it('takes the employee\'s category when the case has none, and the case\'s when it has one', () => {
    const ids = (cat?: 'A' | 'B') => caseChecklist({ business: 'new-permit', facts: {} }, { category: cat }).items.map((i) => i.id);
    expect(ids('A')).toContain('degree-certificate');
    expect(ids(undefined)).not.toContain('degree-certificate');
    const b = caseChecklist({ business: 'new-permit', facts: { category: 'B' } }, { category: 'A' }).items.map((i) => i.id);
    expect(b).toContain('title-certificate');
    expect(b).not.toContain('degree-certificate');
  });
  it('counts the children from their birth dates', () => {
    const ids = caseChecklist({ business: 'new-permit', facts: { children: [{ birthDate: '2010-01-01' }] } }).items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['child-birth-certificate', 'child-id-card', 'child-hukou-pages']));
  });
});

describe('documentKindOf', () => {
  it('gives contracts the 6-month kinds and ID papers the 3-month kinds', () => {
    expect(documentKindOf(CHECKLIST_ITEMS['labour-contract'])).toBe('labour-contract');
    expect(documentKindOf(CHECKLIST_ITEMS['housing-lease-contract'])).toBe('lease-contract');
    expect(documentKindOf(CHECKLIST_ITEMS['child-id-card'])).toBe('resident-id-card');
    expect(documentKindOf(CHECKLIST_ITEMS['housing-landlord-id-card'])).toBe('resident-id-card');
    expect(documentKindOf(CHECKLIST_ITEMS['beijing-residence-permit'])).toBe('beijing-residence-permit');
    expect(documentKindOf(CHECKLIST_ITEMS['employer-licence'])).toBe('business-licence');
    expect(documentKindOf(CHECKLIST_ITEMS['employer-qualification-certificate'])).toBe('qualification-certificate');
    expect(documentKindOf(CHECKLIST_ITEMS['hukou-pages'])).toBeUndefined();
  });
  it('has a kind for every item with a validity rule, whose months match the rule', () => {
    for (const item of Object.values(CHECKLIST_ITEMS)) {
      const kind = documentKindOf(item);
      if (item.validity === 'none' || item.kind !== 'document') expect(kind).toBeUndefined();
      else expect(['labour-contract', 'lease-contract', 'other-contract'].includes(kind!)).toBe(item.validity === '6-months');
    }
  });
});

describe('progressOf', () => {
  it('counts uploaded of all items but the n.a. ones', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(progressOf(items, { a: { state: 'uploaded' }, b: { state: 'na' }, c: { state: 'ready' } })).toEqual({ uploaded: 1, ready: 1, na: 1, total: 3 });
  });
});

describe('childAges', () => {
  it('warns for a child past the 17th birthday and skips birth dates after today', () => {
    const r = childAges({ facts: { children: [{ birthDate: '2008-05-01', name: '甲' }, { birthDate: '2016-05-01' }, { birthDate: '2030-01-01' }] } }, '2026-11-27');
    expect(r.map((c) => [c.index, c.result.ok, c.result.age])).toEqual([
      [0, false, 18],
      [1, true, 10],
    ]);
  });
});

describe('itemValidities: one §五 verdict per item, whatever the tick says (#18 item 3)', () => {
  const list = caseChecklist({ business: 'new-permit', facts: { housing: 'rented' } }).items;
  it('a lease ending 2027-03-31 fails on 2026-12-04 even when ticked 已上传; a long-term ID card passes', () => {
    const v = itemValidities(list, [{ itemId: 'housing-lease-contract', validUntil: '2027-03-31' }, { itemId: 'housing-landlord-id-card', validUntil: 'long-term' }], { 'housing-lease-contract': { state: 'uploaded' } }, '2026-12-04');
    expect(v.get('housing-lease-contract')).toMatchObject({ ok: false, monthsRequired: 6, mustBeValidUntil: '2027-06-04' });
    expect(v.get('housing-landlord-id-card')?.ok).toBe(true);
    expect(failingItems(v)).toEqual(['housing-lease-contract']);
  });
  it('leaves out items marked 不适用, items without a date and items without a validity rule', () => {
    const v = itemValidities(list, [{ itemId: 'housing-lease-contract', validUntil: '2027-03-31' }, { itemId: 'hukou-pages', validUntil: '2027-03-31' }, { itemId: 'housing-landlord-id-card' }], { 'housing-lease-contract': { state: 'na' } }, '2026-12-04');
    expect([...v.keys()]).toEqual([]);
  });
  it('the eligibility check names the housing proof in words and is not met while its lease fails', () => {
    const v = itemValidities(list, [{ itemId: 'housing-lease-contract', validUntil: '2027-03-31' }], {}, '2026-12-04');
    const shortfalls = [...v.values()].filter((x) => !x.ok).map((x) => x.findings[0].message);
    const residence = (a: ReturnType<typeof assessApplicant>) => a.conditions.find((c) => c.ruleId === 'applicant-legal-residence')!;
    const bad = residence(assessApplicant({ housing: 'rented', housingProofShortfalls: shortfalls }, '2026-12-04'));
    expect(bad.status).toBe('not-met');
    expect(bad.message.zh).toContain('住所证明：租住（住宅）');
    expect(bad.message.zh).toContain('不足 6 个月');
    expect(bad.message.zh).not.toContain('rented');
    expect(residence(assessApplicant({ housing: 'rented' }, '2026-12-04')).status).toBe('attested');
  });
});
