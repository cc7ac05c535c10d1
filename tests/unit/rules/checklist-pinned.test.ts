/**
 * What agents rely on, pinned (issue #14, "Tests that pin what agents rely on"): one exact item list per business,
 * per category and per housing case, in order; one exact item → validity table; the section each shared item
 * cites in each list; §七 4's scope. A change to any of these must change this file on purpose.
 */
import { describe, expect, it } from 'vitest';
import { checklist, CHECKLIST_ITEMS, guideScope, isHmtIdNumber, type ChecklistFacts } from '../../../rules';
import { itemsOnPage } from '../../../rules/attachment-rows';

const ids = (f: ChecklistFacts) => checklist(f).items.map((i) => i.id);

describe('exact item list per business (in the order shown)', () => {
  it.each([
    ['employer-registration', ['employer-licence', 'employer-qualification-certificate', 'employer-output-contribution', 'employer-integrity-statement', 'employer-agent-id-card', 'employer-other-materials', 'employer-permission-request', 'daxing-status-form']],
    ['employee-link', ['link-code-handout', 'applicant-profile', 'applicant-photo', 'link-request', 'labour-contract']],
    ['new-permit', ['employer-review-before-filing', 'hukou-pages', 'labour-contract', 'applicant-integrity-statement', 'housing-proof', 'income-records-recent', 'daxing-status-form']],
    ['renewal', ['hukou-pages', 'labour-contract', 'applicant-integrity-statement', 'income-records-permit-period', 'renewal-filed-by-employer', 'daxing-status-form']],
    ['employer-change', ['unlink-old-employer', 'link-request', 'confirm-link-after-social-insurance', 'leaving-certificate', 'labour-contract', 'applicant-integrity-statement', 'file-employer-change', 'daxing-status-form']],
    ['personal-info-change', ['applicant-integrity-statement', 'state-changed-items', 'changed-info-originals', 'daxing-status-form']],
    ['authority-change', ['authority-change-precondition', 'employer-licence', 'employer-qualification-certificate', 'employer-output-contribution-current-year', 'employer-agent-id-card', 'employer-integrity-statement', 'authority-change-review-and-file', 'daxing-status-form']],
  ] as const)('%s lists exactly %j', (business, expected) => {
    expect(ids({ business })).toEqual(expected);
  });

  it('adds the old-system holder step to the businesses of existing holders only when it applies', () => {
    for (const business of ['renewal', 'employer-change', 'personal-info-change'] as const) {
      expect(ids({ business, oldSystemHolder: true })[0]).toBe('old-system-complete-info');
      expect(ids({ business, oldSystemHolder: false })).not.toContain('old-system-complete-info');
    }
    expect(checklist({ business: 'renewal', oldSystemHolder: true }).items[0].section).toBe('§提示 特别注意 1, §六(一) 2');
  });
});

describe('exact category sets of a new permit (§六(二) 7), after the common items and housing', () => {
  const categoryItems = (f: Omit<ChecklistFacts, 'business'>) => ids({ business: 'new-permit', housing: 'residence-permit', ...f }).slice(6, -1);
  it.each([
    [{ category: 'A' }, ['diploma-certificate', 'degree-certificate']],
    [{ category: 'A', diplomaMarkedInvalid: true, degreeMarkedInvalid: true }, ['diploma-certificate', 'diploma-verification-report', 'degree-certificate', 'degree-verification-report']],
    [{ category: 'B', titleObtainedBy: 'exam' }, ['title-certificate', 'title-exam-record', 'diploma-certificate']],
    [{ category: 'B', titleObtainedBy: 'review', titleIsSenior: true }, ['title-certificate', 'title-review-form', 'title-appointment-notice', 'diploma-certificate']],
    [{ category: 'C' }, ['award-certificate', 'award-evidence']],
    [{ category: 'D' }, ['employer-qualification-proof', 'income-records-3-years', 'written-report']],
    [{ category: 'E' }, ['income-records-3-years', 'written-report']],
    [{ category: 'F' }, ['patent-certificates', 'ip-commercialisation-statement', 'ip-commercialisation-evidence']],
    [{ category: 'G', gSubcases: ['own-investment'] }, ['g-articles-of-association', 'g-capital-verification-or-annual-report']],
    [{ category: 'G', gSubcases: ['equity-financing'] }, ['g-investment-agreement', 'g-bank-transfer-records']],
    [{ category: 'G', gSubcases: ['tax'] }, ['g-articles-of-association', 'g-tax-proofs-3-years']],
    [{ category: 'H' }, ['contribution-materials', 'tax-records-3-years']],
    [{ category: 'recommended' }, []],
  ] as const)('%j → %j', (facts, expected) => {
    expect(categoryItems(facts as Omit<ChecklistFacts, 'business'>)).toEqual(expected);
  });
});

describe('exact housing items (§六(二) 4)', () => {
  const housingItems = (f: Omit<ChecklistFacts, 'business'>) => ids({ business: 'new-permit', ...f }).slice(4, -2);
  it.each([
    [{ housing: 'own' }, ['housing-own-deed']],
    [{ housing: 'own', ownHome: { document: 'online-contract', ownerIsSpouse: true } }, ['housing-own-online-contract', 'marriage-certificate']],
    [{ housing: 'rented' }, ['housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract']],
    [{ housing: 'rented-rural' }, ['housing-rural-owner-hukou', 'housing-lease-contract']],
    [{ housing: 'employer-housing' }, ['housing-employer-property-proof', 'housing-employer-lease', 'housing-employer-residence-proof']],
    [{ housing: 'employer-housing', employerHousingDocument: 'lease' }, ['housing-employer-lease', 'housing-employer-residence-proof']],
    [{ housing: 'employer-housing', employerHousingDocument: 'property-proof' }, ['housing-employer-property-proof', 'housing-employer-residence-proof']],
    [{ housing: 'relatives' }, ['housing-relative-deed', 'housing-relative-statement', 'housing-relative-id-cards']],
    [{ housing: 'residence-permit' }, ['beijing-residence-permit']],
  ] as const)('%j → %j', (facts, expected) => {
    expect(housingItems(facts as Omit<ChecklistFacts, 'business'>)).toEqual(expected);
  });

  it('lists the three child documents per the children facts and the custody proof when divorced with custody', () => {
    const l = ids({ business: 'new-permit', housing: 'own', children: 2, divorcedWithCustody: true });
    expect(l.filter((i) => i.startsWith('child-') || i === 'divorce-custody-proof')).toEqual(['child-birth-certificate', 'child-id-card', 'child-hukou-pages', 'divorce-custody-proof']);
  });
});

describe('exact item → validity table (§五: 3 months, contracts 6 months, inclusive)', () => {
  it('gives every item exactly this validity rule', () => {
    const table = Object.fromEntries(Object.values(CHECKLIST_ITEMS).filter((i) => i.validity !== 'none').map((i) => [i.id, i.validity]));
    expect(table).toEqual({
      'employer-licence': '3-months',
      'employer-qualification-certificate': '3-months',
      'employer-agent-id-card': '3-months',
      'labour-contract': '6-months',
      'housing-landlord-id-card': '3-months',
      'housing-lease-contract': '6-months',
      'housing-employer-lease': '6-months',
      'housing-relative-id-cards': '3-months',
      'beijing-residence-permit': '3-months',
      'child-id-card': '3-months',
      'employer-qualification-proof': '3-months',
    });
  });

  it('keeps the contract rule on the labour contract in every business that lists it', () => {
    for (const business of ['employee-link', 'new-permit', 'renewal', 'employer-change'] as const) {
      expect(checklist({ business }).items.find((i) => i.id === 'labour-contract')?.validity, business).toBe('6-months');
    }
  });
});

describe('sections: a shared item cites the list it appears in (issue #14 4.13)', () => {
  const sectionOf = (f: ChecklistFacts, id: string) => checklist(f).items.find((i) => i.id === id)?.section;
  it.each([
    ['employee-link', 'labour-contract', '§六(一) 1 (2), §五'],
    ['new-permit', 'labour-contract', '§六(二) 2, §五'],
    ['renewal', 'labour-contract', '§六(三) 2, §五'],
    ['employer-change', 'labour-contract', '§六(四) 2, §五'],
    ['new-permit', 'applicant-integrity-statement', '§六(二) 3, §五'],
    ['renewal', 'applicant-integrity-statement', '§六(三) 3, §五'],
    ['employer-change', 'applicant-integrity-statement', '§六(四) 3, §五'],
    ['personal-info-change', 'applicant-integrity-statement', '§六(五) 1, §五'],
    ['new-permit', 'hukou-pages', '§六(二) 1'],
    ['renewal', 'hukou-pages', '§六(三) 1'],
    ['employer-change', 'link-request', '§六(四)'],
    ['authority-change', 'employer-licence', '§六(六) 1'],
    ['authority-change', 'employer-agent-id-card', '§六(六) 4'],
    ['authority-change', 'employer-integrity-statement', '§六(六) 5, §五'],
    ['employer-registration', 'employer-licence', '§六(一) 1 (1) ①'],
  ] as const)('%s: %s cites %s', (business, id, section) => {
    expect(sectionOf({ business }, id)).toBe(section);
  });

  it('cites §六(五) 2 first for the new-permit originals of a personal information change', () => {
    expect(sectionOf({ business: 'personal-info-change', changedItems: ['hukou'] }, 'hukou-pages')).toBe('§六(五) 2, §六(二) 1');
    expect(sectionOf({ business: 'personal-info-change', changedItems: ['residence'], housing: 'rented' }, 'housing-lease-contract')).toBe('§六(五) 2, §六(二) 4 ②, §五');
  });

  it('marks the photo item on the 证件照片 page', () => {
    expect(checklist({ business: 'employee-link' }).items.find((i) => i.id === 'applicant-photo')).toMatchObject({ module: 'person-photo', place: 'applicant-photo-page' });
  });
});

describe('scope §七 4: the guide is for domestic non-Beijing talent', () => {
  it.each([
    ['810000199001011234', true],
    ['820000199001011234', true],
    ['830000199001011234', true],
    ['110105199003071234', false],
    ['800000199001011234', false],
  ])('reads %s as a Hong Kong/Macao/Taiwan number: %s', (id, hmt) => {
    expect(isHmtIdNumber(id)).toBe(hmt);
  });

  it.each([
    [{ idNumber: '810000199001011234' }, 'hong-kong-macao-taiwan', 'id-number'],
    [{ idDocument: 'hmt-residence-permit' as const }, 'hong-kong-macao-taiwan', 'id-document'],
    [{ group: 'domestic-agency-in-beijing' as const }, 'domestic-agency-in-beijing', 'group'],
    [{ group: 'overseas-high-level' as const }, 'overseas-high-level', 'group'],
  ])('%j is out of scope (%s, from %s) and says the old conditions and procedure apply', (input, group, basis) => {
    const s = guideScope(input);
    expect(s).toMatchObject({ inScope: false, group, basis });
    expect(s.finding).toMatchObject({ ruleId: 'guide-scope-domestic-talent', section: '§七 4', passed: false });
    expect(s.finding.message.zh).toContain('按原有条件和程序办理');
    expect(s.finding.message.en).toContain('old conditions and procedure');
  });

  it('is in scope for a mainland ID and by default', () => {
    expect(guideScope({ idNumber: '110105199003071234' }).inScope).toBe(true);
    expect(guideScope({}).basis).toBe('default');
  });

  it('presents no Daxing checklist to an applicant out of scope, but keeps the employer businesses', () => {
    for (const business of ['employee-link', 'new-permit', 'renewal', 'employer-change', 'personal-info-change'] as const) {
      const c = checklist({ business, applicantGroup: 'hong-kong-macao-taiwan' });
      expect(c.items, business).toEqual([]);
      expect(c.outOfScope).toBe(true);
      expect(c.section).toBe('§七 4');
      expect(c.notes[0].zh).toContain('按原有条件和程序办理');
    }
    expect(checklist({ business: 'employer-registration', applicantGroup: 'hong-kong-macao-taiwan' }).items.length).toBeGreaterThan(0);
    expect(checklist({ business: 'new-permit', applicantGroup: 'domestic' }).outOfScope).toBeUndefined();
  });
});

describe('the photo item is on the 证件照片 page (issue #14 4.12)', () => {
  it('is the one item marked while the agent is on 证件照片, and not on 个人基础信息', () => {
    const items = checklist({ business: 'employee-link' }).items;
    expect(itemsOnPage(items, 'person-photo').map((i) => i.id)).toEqual(['applicant-photo']);
    expect(itemsOnPage(items, 'person-basic-info').map((i) => i.id)).toEqual(['applicant-profile']);
  });

  it('marks the employer review and the renewal filing on the permit module', () => {
    expect(itemsOnPage(checklist({ business: 'new-permit' }).items, 'unit-permit').map((i) => i.id)).toEqual(['employer-review-before-filing']);
    expect(itemsOnPage(checklist({ business: 'renewal' }).items, 'unit-permit').map((i) => i.id)).toEqual(['renewal-filed-by-employer']);
  });
});
