import { describe, expect, it } from 'vitest';
import { BusinessType } from '../../../rules/model';
import { checklist, CHECKLIST_ITEMS, NOT_NEEDED, type ChecklistFacts } from '../../../rules';

const ids = (f: ChecklistFacts) => checklist(f).items.map((i) => i.id);

describe('every checklist item', () => {
  const all = Object.values(CHECKLIST_ITEMS);
  it('has a kebab-case id equal to its key, a section, zh and en titles', () => {
    for (const [key, item] of Object.entries(CHECKLIST_ITEMS)) {
      expect(item.id).toBe(key);
      expect(item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(item.section).toMatch(/^§/);
      expect(item.title.zh && item.title.en).toBeTruthy();
    }
  });

  it('keeps the ids other code stores ticks by (ids are never renamed)', () => {
    expect(Object.keys(CHECKLIST_ITEMS)).toEqual(
      expect.arrayContaining([
        'employer-licence', 'employer-qualification-certificate', 'employer-output-contribution', 'employer-integrity-statement',
        'employer-agent-id-card', 'employer-capital-verification', 'employer-other-materials', 'employer-permission-request',
        'link-code-handout', 'applicant-profile', 'applicant-photo', 'link-request', 'labour-contract', 'hukou-pages',
        'applicant-integrity-statement', 'housing-proof', 'housing-own-deed', 'housing-own-online-contract', 'marriage-certificate',
        'housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract', 'housing-rural-owner-hukou',
        'housing-employer-property-proof', 'housing-employer-residence-proof', 'housing-relative-deed', 'housing-relative-statement',
        'housing-relative-id-cards', 'beijing-residence-permit', 'income-records-recent', 'child-birth-certificate', 'child-id-card',
        'child-hukou-pages', 'divorce-custody-proof', 'diploma-certificate', 'diploma-verification-report', 'degree-certificate',
        'degree-verification-report', 'title-certificate', 'title-exam-record', 'title-review-form', 'title-appointment-notice',
        'award-certificate', 'award-evidence', 'employer-qualification-proof', 'income-records-3-years', 'written-report',
        'patent-certificates', 'ip-commercialisation-statement', 'ip-commercialisation-evidence', 'g-articles-of-association',
        'g-capital-verification-or-annual-report', 'g-investment-agreement', 'g-bank-transfer-records', 'g-tax-proofs-3-years',
        'contribution-materials', 'tax-records-3-years', 'income-records-permit-period', 'unlink-old-employer',
        'confirm-link-after-social-insurance', 'file-employer-change', 'leaving-certificate', 'changed-info-originals',
        'state-changed-items', 'employer-output-contribution-current-year', 'daxing-status-form',
      ]),
    );
  });

  it('marks exactly the §五 materials as signed and stamped', () => {
    expect(all.filter((i) => i.signatureAndSeal).map((i) => i.id).sort()).toEqual(
      [
        'applicant-integrity-statement', 'employer-integrity-statement', 'employer-output-contribution',
        'employer-output-contribution-current-year', 'housing-relative-statement', 'income-records-3-years',
        'income-records-permit-period', 'income-records-recent', 'tax-records-3-years',
      ].sort(),
    );
  });

  it("stamps F's commercialisation statement without requiring a signature", () => {
    expect(CHECKLIST_ITEMS['ip-commercialisation-statement']).toMatchObject({ sealRequired: true, signatureAndSeal: false });
  });

  it('gives contracts 6 months and ID cards 3 months of validity', () => {
    expect(CHECKLIST_ITEMS['labour-contract'].validity).toBe('6-months');
    expect(CHECKLIST_ITEMS['housing-lease-contract'].validity).toBe('6-months');
    expect(CHECKLIST_ITEMS['housing-landlord-id-card'].validity).toBe('3-months');
  });

  it('asks for the income annotation on every income screenshot', () => {
    expect(all.filter((i) => i.needsIncomeAnnotation).map((i) => i.id).sort()).toEqual(
      ['income-records-3-years', 'income-records-permit-period', 'income-records-recent', 'tax-records-3-years'],
    );
  });
});

describe('the seven businesses', () => {
  it.each(BusinessType.options)('%s has a non-empty list without duplicates', (business) => {
    const list = ids({ business });
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list).size).toBe(list.length);
  });

  it('ends every filed business with the stamped status form to the locality (§提示)', () => {
    for (const business of ['new-permit', 'renewal', 'employer-change', 'personal-info-change', 'authority-change'] as const) {
      expect(ids({ business })).toContain('daxing-status-form');
    }
    expect(CHECKLIST_ITEMS['daxing-status-form']).toMatchObject({ uploader: 'employer', place: 'locality-office', sealRequired: true });
  });

  it('lists what is not needed (§六(二))', () => {
    expect(checklist({ business: 'new-permit' }).notNeeded.map((n) => n.id)).toEqual(['criminal-record-certificate', 'political-review-form', 'archive-acceptance-letter']);
    expect(NOT_NEEDED.map((n) => n.title.zh)).toEqual(['无刑事犯罪记录证明', '政审表', '档案同意接收函']);
  });

  it('has the employer upload the labour contract on the link screen for a new permit', () => {
    const c = checklist({ business: 'new-permit' }).items.find((i) => i.id === 'labour-contract');
    expect(c).toMatchObject({ uploader: 'employer', place: 'pending-links', module: 'unit-pending-links' });
  });

  it('has the employer upload the renewal labour contract on the employee-link screen, citing §六(三) 2', () => {
    const c = checklist({ business: 'renewal' }).items.find((i) => i.id === 'labour-contract');
    expect(c).toMatchObject({ uploader: 'employer', place: 'pending-links', module: 'unit-pending-links', section: '§六(三) 2, §五', validity: '6-months' });
  });

  it('asks for the capital verification report only when paid-in capital is not public', () => {
    expect(ids({ business: 'employer-registration', paidInCapitalPublic: false })).toContain('employer-capital-verification');
    expect(ids({ business: 'employer-registration', paidInCapitalPublic: true })).not.toContain('employer-capital-verification');
  });

  it('orders the employer change: unlink, link, confirm after social insurance, then file', () => {
    const list = ids({ business: 'employer-change' });
    expect(list.indexOf('unlink-old-employer')).toBeLessThan(list.indexOf('link-request'));
    expect(list.indexOf('confirm-link-after-social-insurance')).toBeLessThan(list.indexOf('file-employer-change'));
    expect(list).toContain('leaving-certificate');
  });

  it('lists the authority change materials with this year\'s contribution', () => {
    expect(ids({ business: 'authority-change' })).toEqual(
      expect.arrayContaining(['employer-licence', 'employer-qualification-certificate', 'employer-output-contribution-current-year', 'employer-agent-id-card', 'employer-integrity-statement']),
    );
  });

  it('maps the changed items of a personal information change to their materials', () => {
    const list = ids({ business: 'personal-info-change', changedItems: ['residence', 'education'], housing: 'residence-permit' });
    expect(list).toEqual(expect.arrayContaining(['applicant-integrity-statement', 'beijing-residence-permit', 'diploma-certificate', 'degree-certificate', 'state-changed-items']));
    expect(list).not.toContain('changed-info-originals');
  });
});

describe('conditional items of a new permit §六(二)', () => {
  const np = (f: Omit<ChecklistFacts, 'business'>) => ids({ business: 'new-permit', ...f });

  it.each([
    [{ housing: 'own' as const, ownHome: { ownerIsSpouse: true } }, ['housing-own-deed', 'marriage-certificate'], 'own home owned by the spouse adds the marriage certificate'],
    [{ housing: 'own' as const, ownHome: { document: 'online-contract' as const, ownerIsSpouse: false } }, ['housing-own-online-contract'], 'own home without a certificate yet uses the online contract'],
    [{ housing: 'rented' as const }, ['housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract'], 'a residential rental'],
    [{ housing: 'rented-rural' as const }, ['housing-rural-owner-hukou', 'housing-lease-contract'], 'a rural homestead rental'],
    [{ housing: 'employer-housing' as const }, ['housing-employer-property-proof', 'housing-employer-residence-proof'], 'employer housing'],
    [{ housing: 'relatives' as const }, ['housing-relative-deed', 'housing-relative-statement', 'housing-relative-id-cards'], "a relative's home"],
    [{ housing: 'residence-permit' as const }, ['beijing-residence-permit'], 'a Beijing residence permit'],
  ])('%j lists %j (%s)', (facts, expected, _why) => {
    expect(np(facts)).toEqual(expect.arrayContaining(expected));
  });

  it('does not add the marriage certificate when the owner is not the spouse', () => {
    expect(np({ housing: 'own', ownHome: { ownerIsSpouse: false } })).not.toContain('marriage-certificate');
  });

  it('lists a placeholder and a note when no housing option is chosen', () => {
    const c = checklist({ business: 'new-permit' });
    expect(c.items.map((i) => i.id)).toContain('housing-proof');
    expect(c.notes.some((n) => n.zh.includes('住所'))).toBe(true);
  });

  it('adds children documents, and the divorce papers for a divorced applicant with custody', () => {
    expect(np({ children: 0 })).not.toContain('child-birth-certificate');
    expect(np({ children: 2 })).toEqual(expect.arrayContaining(['child-birth-certificate', 'child-id-card', 'child-hukou-pages']));
    expect(np({ children: 1 })).not.toContain('divorce-custody-proof');
    expect(np({ children: 1, divorcedWithCustody: true })).toContain('divorce-custody-proof');
  });

  it.each([
    [{ category: 'A' as const }, ['diploma-certificate', 'degree-certificate'], ['diploma-verification-report', 'degree-verification-report']],
    [{ category: 'A' as const, degreeMarkedInvalid: true }, ['degree-verification-report'], ['diploma-verification-report']],
    [{ category: 'B' as const, titleObtainedBy: 'exam' as const }, ['title-certificate', 'title-exam-record', 'diploma-certificate'], ['title-review-form', 'title-appointment-notice']],
    [{ category: 'B' as const, titleObtainedBy: 'review' as const, titleIsSenior: true }, ['title-review-form', 'title-appointment-notice'], ['title-exam-record']],
    [{ category: 'C' as const }, ['award-certificate', 'award-evidence'], []],
    [{ category: 'D' as const }, ['employer-qualification-proof', 'income-records-3-years', 'written-report'], []],
    [{ category: 'E' as const }, ['income-records-3-years', 'written-report'], ['employer-qualification-proof']],
    [{ category: 'F' as const }, ['patent-certificates', 'ip-commercialisation-statement', 'ip-commercialisation-evidence'], []],
    [{ category: 'G' as const, gSubcases: ['own-investment' as const] }, ['g-articles-of-association', 'g-capital-verification-or-annual-report'], ['g-investment-agreement', 'g-tax-proofs-3-years']],
    [{ category: 'G' as const, gSubcases: ['equity-financing' as const] }, ['g-investment-agreement', 'g-bank-transfer-records'], ['g-articles-of-association']],
    [{ category: 'G' as const, gSubcases: ['tax' as const] }, ['g-articles-of-association', 'g-tax-proofs-3-years'], ['g-bank-transfer-records']],
    [{ category: 'H' as const }, ['contribution-materials', 'tax-records-3-years'], []],
  ])('%j includes %j and not %j', (facts, included, excluded) => {
    const list = np(facts);
    expect(list).toEqual(expect.arrayContaining(included));
    for (const x of excluded) expect(list).not.toContain(x);
  });

  it('explains why a conditional item is there', () => {
    const item = checklist({ business: 'new-permit', category: 'A', degreeMarkedInvalid: true }).items.find((i) => i.id === 'degree-verification-report');
    expect(item?.condition?.zh).toContain('无效');
  });

  it('notes that category (9) has no material set', () => {
    expect(checklist({ business: 'new-permit', category: 'recommended' }).notes.some((n) => n.zh.includes('指南未列材料'))).toBe(true);
  });

  it('refuses an unknown business with a zod error', () => {
    expect(() => checklist({ business: 'extension' as never })).toThrow(/取值无效.*\/ Invalid value/);
  });
});
