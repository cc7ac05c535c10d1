import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z, ZodError } from 'zod';
import { beijingDate, parseInput } from '../../../rules';
import { addDays, fromDayNumber, fullYearsBetween, toDayNumber, weekday } from '../../../rules/dates';

describe('calendar-date arithmetic on integers', () => {
  it('matches Date.UTC for day numbers and weekdays over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const d = new Date(n * 86400000);
        const iso = d.toISOString().slice(0, 10);
        return fromDayNumber(n) === iso && toDayNumber(iso) === n && weekday(iso) === d.getUTCDay();
      }),
      { numRuns: 1000 },
    );
  });

  it('crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts full years with the birthday completing the year', () => {
    expect(fullYearsBetween('1990-03-07', '2026-03-06')).toBe(35);
    expect(fullYearsBetween('1990-03-07', '2026-03-07')).toBe(36);
  });

  it("gives Beijing's date of an instant, whatever the host timezone", () => {
    expect(beijingDate(Date.UTC(2026, 9, 1, 15, 59))).toBe('2026-10-01');
    expect(beijingDate(Date.UTC(2026, 9, 1, 16, 0))).toBe('2026-10-02');
  });
});

describe('bilingual validation messages', () => {
  const S = z.object({ name: z.string().min(1), n: z.number().int().min(1), kind: z.enum(['a', 'b']) });
  const messages = (input: unknown) => {
    try {
      parseInput(S, input);
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ZodError);
      return (e as ZodError).issues.map((i) => i.message);
    }
  };

  it('writes Chinese first and English after " / " for every issue', () => {
    const ms = messages({ name: '', n: 0.5, kind: 'c' });
    expect(ms).toHaveLength(3);
    for (const m of ms) expect(m).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Z]/);
  });

  it('names a missing field', () => {
    expect(messages({ n: 1, kind: 'a' })[0]).toBe('缺少必填项：字段「name」 / Missing required field "name"');
  });
});
