import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths as dfAddMonths } from 'date-fns';
import { ZodError } from 'zod';
import { checkValidity, childAgeOk, DOCUMENT_KIND_LABELS, DocumentKind, expiryFieldOfSection, readValidUntil } from '../../../rules';
import { addMonths } from '../../../rules/dates';

describe('document validity at upload §五', () => {
  it.each([
    ['resident-id-card', '2027-02-26', true, 'an ID card valid exactly 3 months after 2026-11-26 is accepted (inclusive)'],
    ['resident-id-card', '2027-02-25', false, 'an ID card valid 3 months minus one day is refused'],
    ['beijing-residence-permit', '2027-06-01', true, 'a residence permit valid well beyond 3 months is accepted'],
    ['labour-contract', '2027-05-26', true, 'a labour contract valid exactly 6 months is accepted'],
    ['labour-contract', '2027-05-25', false, 'a labour contract valid 6 months minus one day is refused'],
    ['lease-contract', '2027-05-25', false, 'a lease with 6 months minus one day left is refused'],
    ['other-contract', '2027-02-26', false, 'any contract needs 6 months, not 3'],
  ] as const)('%s valid until %s provided 2026-11-26 → %s (%s)', (kind, validUntil, ok, _why) => {
    const r = checkValidity({ kind, validUntil }, '2026-11-26');
    expect(r.ok).toBe(ok);
  });

  it('says the exact date the document must be valid until', () => {
    expect(checkValidity({ kind: 'resident-id-card', validUntil: '2030-01-01' }, '2026-11-26').mustBeValidUntil).toBe('2027-02-26');
    expect(checkValidity({ kind: 'labour-contract', validUntil: '2030-01-01' }, '2026-11-26').mustBeValidUntil).toBe('2027-05-26');
  });

  it('clamps to the end of a shorter month (2026-11-30 + 3 months = 2027-02-28)', () => {
    expect(checkValidity({ kind: 'resident-id-card', validUntil: '2027-02-28' }, '2026-11-30').ok).toBe(true);
    expect(checkValidity({ kind: 'resident-id-card', validUntil: '2027-02-27' }, '2026-11-30').ok).toBe(false);
    expect(checkValidity({ kind: 'labour-contract', validUntil: '2027-02-28' }, '2026-08-31').mustBeValidUntil).toBe('2027-02-28');
  });

  it('accepts a long-term (长期) ID card', () => {
    expect(checkValidity({ kind: 'resident-id-card', validUntil: 'long-term' }, '2026-11-26').ok).toBe(true);
  });

  it('cites §六(二) 4② for a lease and §五 for a contract', () => {
    expect(checkValidity({ kind: 'lease-contract', validUntil: '2026-12-01' }, '2026-11-26').findings[0]).toMatchObject({
      ruleId: 'lease-remaining-6-months',
      passed: false,
    });
    expect(checkValidity({ kind: 'labour-contract', validUntil: '2026-12-01' }, '2026-11-26').findings[0].section).toBe('§五');
  });

  it('explains an expired document as expired', () => {
    const r = checkValidity({ kind: 'resident-id-card', validUntil: '2026-01-01' }, '2026-11-26');
    expect(r.findings[0].message.zh).toContain('已于 2026-01-01 过期');
  });

  it('labels every document kind in zh and en', () => {
    for (const k of DocumentKind.options) expect(DOCUMENT_KIND_LABELS[k].zh && DOCUMENT_KIND_LABELS[k].en).toBeTruthy();
  });

  it('refuses an unknown kind with a zod error', () => {
    expect(() => checkValidity({ kind: 'passport' as never, validUntil: '2030-01-01' }, '2026-11-26')).toThrow(ZodError);
  });

  it('adds months exactly like date-fns addMonths (compared on local y/m/d, so in any timezone)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -30, max: 30 }), (k, n) => {
        const base = new Date(Date.UTC(2000, 0, 1 + k));
        const iso = base.toISOString().slice(0, 10);
        const local = dfAddMonths(new Date(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()), n);
        const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
        return addMonths(iso, n) === expected;
      }),
      { numRuns: 500 },
    );
  });
});

describe('children not over 16 §六(二) 6 (read: before the 17th birthday)', () => {
  it.each([
    ['2010-05-10', '2026-05-10', true, 16, 'a child on the 16th birthday is 16 and may be listed'],
    ['2010-05-10', '2027-05-09', true, 16, 'a child the day before the 17th birthday is still 16 and may be listed'],
    ['2010-05-10', '2027-05-10', false, 17, 'a child on the 17th birthday is over 16'],
    ['2008-02-29', '2025-02-27', true, 16, 'a 29 February child is 16 on 27 February of a common year'],
    ['2008-02-29', '2025-02-28', false, 17, 'a 29 February child turns 17 on 28 February of a common year'],
  ] as const)('born %s, on %s → %s (%s)', (birth, on, ok, age, _why) => {
    const r = childAgeOk(birth, on);
    expect(r.ok).toBe(ok);
    expect(r.age).toBe(age);
  });

  it('states the reading in its message', () => {
    expect(childAgeOk('2010-05-10', '2027-05-10').findings[0].message.zh).toContain('17 周岁生日前');
  });

  it('refuses a birth date after the date judged', () => {
    expect(() => childAgeOk('2027-01-01', '2026-01-01')).toThrow(/出生日期不能晚于判断日期 \/ /);
  });
});

describe('every spelling of 长期 the agent may type (issue #14, pinned)', () => {
  it.each([
    '长期', '长期有效', '永久', '永久有效', '终身', '终身有效', '无固定期限', 'long-term', 'Long-Term', 'long term', 'LONGTERM', 'permanent',
    ' 长期 ', '长　期', '长期。', '2015.03.07-长期',
  ])('reads %j as long-term for an ID document', (text) => {
    expect(readValidUntil(text, 'document')).toEqual({ kind: 'long-term' });
    expect(readValidUntil(text, 'contract')).toEqual({ kind: 'long-term' });
  });

  it.each(['长期', '永久有效', 'long-term'])('refuses %j as the permit\'s own expiry (3 years, §六(三))', (text) => {
    const r = readValidUntil(text, 'permit');
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.message.zh).toContain('3 年');
  });

  it.each([
    ['2035-03-07', '2035-03-07'],
    ['2035.03.07', '2035-03-07'],
    ['2035/3/7', '2035-03-07'],
    ['2035年3月7日', '2035-03-07'],
    ['20350307', '2035-03-07'],
    ['２０３５－０３－０７'.replace('－', '-').replace('－', '-'), '2035-03-07'],
    ['2015.03.07-2035.03.07', '2035-03-07'],
    ['2015.03.07至2035.03.07', '2035-03-07'],
  ])('reads %j as %s', (text, date) => {
    expect(readValidUntil(text, 'document')).toEqual({ kind: 'date', date });
  });

  it.each(['长', '期限长', '2035-02-30', 'soon'])('does not read %j as a date or long-term', (text) => {
    expect(readValidUntil(text, 'document').kind).toBe('invalid');
  });

  it('passes a long-term document on any day and a 长期 labour contract too', () => {
    expect(checkValidity({ kind: 'resident-id-card', validUntil: 'long-term' }, '2026-12-04').ok).toBe(true);
    expect(checkValidity({ kind: 'labour-contract', validUntil: 'long-term' }, '2026-12-04').ok).toBe(true);
  });
});

describe('the two 证件有效期至 told apart by their section (issue #14 4.11)', () => {
  it.each([
    ['工作居住证信息', 'permit'],
    ['北京市工作居住证', 'permit'],
    ['身份证信息', 'document'],
    ['北京市居住证', 'document'],
    ['营业执照', 'document'],
    ['劳动合同', 'contract'],
    ['基本信息', undefined],
  ] as const)('section %s → %s', (title, field) => {
    expect(expiryFieldOfSection(title)).toBe(field);
  });
});

describe('every spelling of 长期 the agent may type reads as long-term in the forms too', () => {
  it.each(['长期', '长期有效', '永久', '永久有效', '终身有效', '无固定期限', 'Long-term', 'long term', '长 期', '长期。'])('「%s」', async (text) => {
    const { parseDateText } = await import('../../../components/date-input');
    expect(parseDateText(text, { allowLongTerm: true })).toEqual({ kind: 'long-term' });
  });
  it('a date is not long-term, and 长期 is refused where a real date is needed', async () => {
    const { parseDateText } = await import('../../../components/date-input');
    expect(parseDateText('2027-03-31', { allowLongTerm: true })).toEqual({ kind: 'date', value: '2027-03-31' });
    expect(parseDateText('长期').kind).toBe('invalid');
  });
});
