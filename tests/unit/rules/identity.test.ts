import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCreditCode,
  checkMobile,
  checkResidentId,
  CREDIT_CODE_ALPHABET,
  CreditCodeSchema,
  makeCreditCode,
  makeResidentId,
  MobileSchema,
  ResidentIdSchema,
} from '../../../rules';
import { residentIdCheckChar } from '../../../rules/identity';

const TODAY = '2026-11-26';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard sample 11010519491231002X and reads its birth date and gender', () => {
    const r = checkResidentId('11010519491231002X', TODAY);
    expect(r).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: 'female', region: '110105' });
  });

  it('accepts a lower-case x, full-width digits and spaces', () => {
    expect(checkResidentId('11010519491231002x', TODAY).ok).toBe(true);
    expect(checkResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true);
    expect(checkResidentId('110105 1949 1231 002X', TODAY).normalized).toBe('11010519491231002X');
  });

  it.each([
    ['110105194912310021', 'The number is wrong somewhere', 'a wrong check character'],
    ['1101051949123100', 'Expected 18 characters', 'a short number'],
    ['990105199001010010', 'Province code 99', 'an unknown province'],
  ])('refuses %s (%s: %s)', (id, msg, _why) => {
    const r = checkResidentId(id, TODAY);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.message.en).join(' ')).toContain(msg);
  });

  it('refuses an impossible birth date even with a correct check character', () => {
    const first17 = '11010519900230123'; // 1990-02-30
    const r = checkResidentId(first17 + residentIdCheckChar(first17), TODAY);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.message.en)).toEqual(['Birth date 1990-02-30 does not exist']);
  });

  it('refuses a birth date after today and accepts one on today', () => {
    expect(checkResidentId(makeResidentId({ region: '110115', birthDate: '2026-11-27', sequence: 1 }), TODAY).ok).toBe(false);
    expect(checkResidentId(makeResidentId({ region: '110115', birthDate: '2026-11-26', sequence: 1 }), TODAY).ok).toBe(true);
  });

  it('reads the gender from the 17th digit: odd male, even female', () => {
    expect(checkResidentId(makeResidentId({ region: '110115', birthDate: '1990-03-07', sequence: 123 }), TODAY).gender).toBe('male');
    expect(checkResidentId(makeResidentId({ region: '110115', birthDate: '1990-03-07', sequence: 124 }), TODAY).gender).toBe('female');
  });

  it('makes valid IDs for any region, date and sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: 0, max: 999 }), (k, seq) => {
        const birthDate = new Date(Date.UTC(1920, 0, 1 + k)).toISOString().slice(0, 10);
        if (birthDate > TODAY) return true;
        const id = makeResidentId({ region: '110115', birthDate, sequence: seq });
        return checkResidentId(id, TODAY).ok && ResidentIdSchema.safeParse(id).success;
      }),
      { numRuns: 300 },
    );
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a published-format sample and a made-up Daxing code', () => {
    expect(checkCreditCode('91350100M000100Y43').ok).toBe(true);
    const code = makeCreditCode({ orgBody: '12345678' });
    expect(code).toMatch(/^91110115/);
    expect(checkCreditCode(code).ok).toBe(true);
  });

  it('uses an alphabet of 31 characters without I O Z S V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOZSV]/);
  });

  it.each([
    ['91350100M000100Y44', 'The code is wrong somewhere', 'a wrong check character'],
    ['91350100M0001O0Y43', 'not allowed', 'a letter O'],
    ['91350100M000100Y4', 'Expected 18', 'a short code'],
  ])('refuses %s (%s: %s)', (code, msg, _why) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    expect(r.findings[0].message.en).toContain(msg);
  });

  it('normalises full-width and lower case before checking', () => {
    expect(checkCreditCode('９１３５０１００ｍ０００１００ｙ４３').ok).toBe(true);
    expect(CreditCodeSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('makes valid codes for any 8-digit body', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99999999 }), (n) => checkCreditCode(makeCreditCode({ orgBody: String(n).padStart(8, '0') })).ok));
  });
});

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', true, 'a plain number'],
    ['+86 138 0013 8000', true, 'with +86 and spaces'],
    ['0086-13800138000', true, 'with 0086'],
    ['１３８００１３８０００', true, 'in full-width digits'],
    ['12800138000', false, 'a second digit of 2'],
    ['1380013800', false, 'ten digits'],
  ] as const)('%s → %s (%s)', (phone, ok, _why) => {
    expect(checkMobile(phone).ok).toBe(ok);
  });

  it('normalises to the bare 11 digits', () => {
    expect(MobileSchema.parse('+86 138-0013-8000')).toBe('13800138000');
  });
});
