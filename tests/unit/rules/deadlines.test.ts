/**
 * Deadlines. Expected dates counted by hand from chinese-days' raw 2026 data (see calendar.test.ts):
 * for expiry 2026-12-01 the 60th working day before is 2026-09-02 (Sep 21 + Oct 18 + Nov 21 working days),
 * the 61st 2026-09-01, the 20th 2026-11-03.
 */
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { calendarCoverage, deadlineStatus, employerChangeDeadline, renewalWindow, reviewCompletesBy } from '../../../rules';

describe('renewal window §六(三), §提示 4', () => {
  it('opens on the 60th working day before an expiry spanning National Day and closes safely on the 20th', () => {
    const w = renewalWindow('2026-12-01');
    expect(w.opens.date).toBe('2026-09-02');
    expect(w.lastSafeDay.date).toBe('2026-11-03');
    expect(w.approximate).toBe(false);
  });

  it('can open on a 调休 make-up Saturday (expiry 2027-01-01 opens on 2026-10-10)', () => {
    const w = renewalWindow('2027-01-01');
    expect(w.opens.date).toBe('2026-10-10');
    expect(w.lastSafeDay.date).toBe('2026-12-04');
  });

  it('is exact for an expiry on 1 January of the first uncovered year, since only earlier days are counted', () => {
    expect(renewalWindow('2027-01-01').approximate).toBe(false);
  });

  it('marks an expiry in 2027 whose count runs through 2027 as approximate', () => {
    const next = calendarCoverage().lastYear + 1;
    const w = renewalWindow(`${next}-03-01`);
    expect(w.approximate).toBe(true);
    expect(w.approximateYears).toEqual([next]);
    expect(w.lastSafeDay.approximate).toBe(true);
  });

  it('explains itself in zh and en', () => {
    const w = renewalWindow('2026-12-01');
    expect(w.explanation.zh).toContain('2026-09-02');
    expect(w.explanation.en).toContain('2026-11-03');
  });

  it('refuses an impossible expiry with a bilingual zod error', () => {
    expect(() => renewalWindow('2026-13-01')).toThrow(ZodError);
  });
});

describe('deadline status of a renewal expiring 2026-12-01', () => {
  it.each([
    ['2026-08-31', 'not-yet-open', 'a renewal two working days before the opening day is too early'],
    ['2026-09-01', 'not-yet-open', 'a renewal filed on the 61st working day before expiry is too early'],
    ['2026-09-02', 'open', 'a renewal filed on the 60th working day before expiry is in time'],
    ['2026-10-26', 'open', 'six working days before the last safe day is still plainly open'],
    ['2026-10-27', 'closing-soon', 'five working days before the last safe day is closing soon'],
    ['2026-11-03', 'closing-soon', 'the last safe day itself is closing soon'],
    ['2026-11-04', 'missed', 'the day after the last safe day is missed'],
    ['2026-12-01', 'missed', 'the expiry day itself is missed (still valid, too late)'],
    ['2026-12-02', 'expired', 'the day after expiry is expired'],
  ] as const)('%s → %s (%s)', (today, state, _why) => {
    expect(deadlineStatus('2026-12-01', today).state).toBe(state);
  });

  it('counts working days to each boundary as [today, boundary)', () => {
    const s = deadlineStatus('2026-12-01', '2026-09-01');
    expect(s.workdaysLeft).toEqual({ toOpening: 1, toLastSafeDay: 41, toExpiry: 61 });
    const open = deadlineStatus('2026-12-01', '2026-09-02');
    expect(open.workdaysLeft).toEqual({ toOpening: 0, toLastSafeDay: 40, toExpiry: 60 });
  });

  it('says how many working days late a missed filing is', () => {
    expect(deadlineStatus('2026-12-01', '2026-11-04').workdaysLate).toBe(1);
  });

  it('records the facts it used in its finding', () => {
    const s = deadlineStatus('2026-12-01', '2026-09-01');
    expect(s.findings[0]).toMatchObject({ ruleId: 'renewal-window-opens', section: '§六(三)', passed: false });
    expect(s.findings[0].facts).toMatchObject({ opens: '2026-09-02', lastSafeDay: '2026-11-03' });
  });

  it('adds an approximate-calendar finding for an expiry in 2027', () => {
    const next = calendarCoverage().lastYear + 1;
    const s = deadlineStatus(`${next}-03-01`, '2026-12-10');
    expect(s.approximate).toBe(true);
    expect(s.findings.some((f) => f.ruleId === 'calendar-approximate-year')).toBe(true);
  });

  it('never reports an employer change as not yet open', () => {
    expect(deadlineStatus('2026-12-01', '2026-01-05', 'employer-change').state).toBe('open');
    expect(deadlineStatus('2026-12-01', '2026-11-04', 'employer-change').state).toBe('missed');
  });
});

describe('employer change §六(四)', () => {
  it('must be filed by the 20th working day before expiry (2026-10-20 → 2026-09-16)', () => {
    expect(employerChangeDeadline('2026-10-20').lastSafeDay.date).toBe('2026-09-16');
  });
});

describe('review time limit §八', () => {
  it('ends on the 20th working day after the day the case is reported (that day not counted)', () => {
    expect(reviewCompletesBy('2026-09-30').date).toBe('2026-11-03');
  });

  it('starts counting on the next working day when reported on a holiday', () => {
    expect(reviewCompletesBy('2026-09-25').date).toBe('2026-10-29');
  });
});
