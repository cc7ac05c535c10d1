import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { belowRetirementAge, permitOutlastsRetirement, retirementDate } from '../../../rules';

describe('retirement under the 2025 gradual reform', () => {
  it.each([
    ['male', 60, '1964-12-15', 60, 0, '2024-12', 'a man born 1964-12 retires at 60, before the reform'],
    ['male', 60, '1965-01-15', 60, 1, '2025-02', 'a man born 1965-01 retires at 60y1m in 2025-02'],
    ['male', 60, '1965-04-30', 60, 1, '2025-05', 'a man born 1965-04 retires at 60y1m in 2025-05'],
    ['male', 60, '1965-05-01', 60, 2, '2025-07', 'a man born 1965-05 retires at 60y2m in 2025-07'],
    ['male', 60, '1976-08-10', 62, 11, '2039-07', 'a man born 1976-08 retires at 62y11m'],
    ['male', 60, '1976-09-10', 63, 0, '2039-09', 'a man born 1976-09 reaches the cap of 63'],
    ['male', 60, '1990-01-10', 63, 0, '2053-01', 'a man born later stays at 63'],
    ['female', 55, '1969-12-10', 55, 0, '2024-12', 'a woman (55) born 1969-12 retires at 55'],
    ['female', 55, '1970-01-10', 55, 1, '2025-02', 'a woman (55) born 1970-01 retires at 55y1m'],
    ['female', 55, '1970-04-10', 55, 1, '2025-05', 'a woman (55) born 1970-04 retires at 55y1m'],
    ['female', 55, '1970-05-10', 55, 2, '2025-07', 'a woman (55) born 1970-05 retires at 55y2m'],
    ['female', 55, '1981-08-10', 57, 11, '2039-07', 'a woman (55) born 1981-08 retires at 57y11m'],
    ['female', 55, '1981-09-10', 58, 0, '2039-09', 'a woman (55) born 1981-09 reaches the cap of 58'],
    ['female', 50, '1974-12-10', 50, 0, '2024-12', 'a woman (50) born 1974-12 retires at 50'],
    ['female', 50, '1975-01-10', 50, 1, '2025-02', 'a woman (50) born 1975-01 retires at 50y1m'],
    ['female', 50, '1975-02-10', 50, 1, '2025-03', 'a woman (50) born 1975-02 retires at 50y1m'],
    ['female', 50, '1975-03-10', 50, 2, '2025-05', 'a woman (50) born 1975-03 retires at 50y2m'],
    ['female', 50, '1984-10-10', 54, 11, '2039-09', 'a woman (50) born 1984-10 retires at 54y11m'],
    ['female', 50, '1984-11-10', 55, 0, '2039-11', 'a woman (50) born 1984-11 reaches the cap of 55'],
    // Well past each cap: a raised cap (e.g. 36 → 48 months) would move these (issue #14 pinned cases).
    ['male', 60, '2000-06-10', 63, 0, '2063-06', 'a man born 2000 stays at the cap of 63'],
    ['female', 55, '1985-01-10', 58, 0, '2043-01', 'a woman (55) born 1985 stays at the cap of 58'],
    ['female', 55, '1995-07-10', 58, 0, '2053-07', 'a woman (55) born 1995 stays at the cap of 58'],
    ['female', 50, '1990-01-10', 55, 0, '2045-01', 'a woman (50) born 1990 stays at the cap of 55'],
    ['female', 50, '2000-12-10', 55, 0, '2055-12', 'a woman (50) born 2000 stays at the cap of 55'],
  ] as const)('%s (%i) born %s → %iy%im in %s (%s)', (gender, originalAge, birthDate, years, months, month, _why) => {
    const r = retirementDate({ birthDate, gender, originalAge });
    expect(r.age).toEqual({ years, months });
    expect(r.month).toBe(month);
  });

  it('clamps the day to the month end (born 1965-01-31 → 2025-02-28)', () => {
    expect(retirementDate({ birthDate: '1965-01-31', gender: 'male' }).date).toBe('2025-02-28');
  });

  it('requires a woman\'s original age (55 or 50)', () => {
    expect(() => retirementDate({ birthDate: '1975-01-10', gender: 'female' })).toThrow(ZodError);
    expect(() => retirementDate({ birthDate: '1975-01-10', gender: 'female' })).toThrow(/女干部.* \/ /);
  });

  it('refuses an original age of 55 for a man', () => {
    expect(() => retirementDate({ birthDate: '1975-01-10', gender: 'male', originalAge: 55 })).toThrow(ZodError);
  });
});

describe('below retirement age §一(四) 2 (未达 = strictly before the date)', () => {
  const man = { birthDate: '1966-01-10', gender: 'male' as const }; // 60y4m → 2026-05-10
  it('is below on the day before the retirement date', () => {
    expect(belowRetirementAge(man, '2026-05-09').ok).toBe(true);
  });
  it('is not below on the retirement date', () => {
    expect(belowRetirementAge(man, '2026-05-10').ok).toBe(false);
  });
});

describe('a 3-year permit outlasting retirement', () => {
  const man = { birthDate: '1966-01-10', gender: 'male' as const }; // retires 2026-05-10
  it('is reported when the permit is still valid on the retirement date', () => {
    expect(permitOutlastsRetirement(man, '2023-05-11')).toMatchObject({ outlasts: true, permitEnds: '2026-05-10' });
  });
  it('is not reported when the permit ends the day before', () => {
    expect(permitOutlastsRetirement(man, '2023-05-10')).toMatchObject({ outlasts: false, permitEnds: '2026-05-09' });
  });
});
