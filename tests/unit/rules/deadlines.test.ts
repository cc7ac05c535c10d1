/**
 * Deadlines (§提示 特别注意 4, §六(三), §六(四), §八). Expected dates counted by hand from chinese-days' raw 2026
 * data (see calendar.test.ts): 2026 National Day 10-01..10-07 off, make-up 2026-09-20 (Sun) and 2026-10-10 (Sat);
 * Mid-autumn 09-25..27; Spring Festival 02-15..23 off, make-up 02-14 and 02-28.
 *
 * - expiry 2026-12-31 (Thu): guide day 12-03 (Dec 3–4, 7–11, 14–18, 21–25, 28–30 = 20); recommended 11-25
 *   (6 more back: 12-02, 12-01, 11-30, 11-27, 11-26, 11-25); latest approval 12-30.
 * - expiry 2026-10-11 (Sun) and 2026-10-12 (Mon): guide day 09-08 (10-08, 10-09, 10-10 make-up; 09-21..24, 28..30;
 *   09-20 make-up; 09-14..18; 09-08..11 = 20); recommended 08-31; latest approval 10-10 (the make-up Saturday).
 * - expiry 2026-02-27 (Fri): guide day 01-23 (02-24..26, 02-14 make-up, 02-09..13, 02-02..06, 01-26..30, 01-23);
 *   recommended 01-15; latest approval 02-26.
 */
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  addWorkdays,
  calendarCoverage,
  countWorkdays,
  DEFAULT_LOCALITY_BUFFER_WORKDAYS,
  deadlineStatus,
  employerChangeDeadline,
  isWorkday,
  renewalWindow,
  reviewCompletesBy,
  safeFilingDays,
} from '../../../rules';

describe('the two latest days of a renewal and an employer change', () => {
  it('defaults the locality first-review buffer to 5 working days', () => {
    expect(DEFAULT_LOCALITY_BUFFER_WORKDAYS).toBe(5);
  });

  it.each([
    ['2026-12-31', '2026-12-03', '2026-11-25', '2026-12-30', 'a Thursday expiry at year end'],
    ['2026-10-11', '2026-09-08', '2026-08-31', '2026-10-10', 'a Sunday expiry right after National Day'],
    ['2026-10-12', '2026-09-08', '2026-08-31', '2026-10-10', 'the Monday after: the Sunday adds no working day'],
    ['2026-02-27', '2026-01-23', '2026-01-15', '2026-02-26', 'an expiry after Spring Festival'],
  ] as const)('expiry %s: guide day %s, recommended day %s, approval by %s (%s)', (expiry, guide, recommended, approval, _why) => {
    for (const w of [renewalWindow(expiry), employerChangeDeadline(expiry), safeFilingDays(expiry)]) {
      expect(w.guideLatestDay.date).toBe(guide);
      expect(w.recommendedLatestDay.date).toBe(recommended);
      expect(w.latestApproval.date).toBe(approval);
      expect(w.localityBufferWorkdays).toBe(5);
    }
  });

  it.each(['2026-12-31', '2026-10-11', '2026-10-12', '2026-02-27', '2026-12-01', '2027-01-01'])(
    'expiry %s: a case filed on the guide day and reviewed for 20 working days from the next working day ends on or after expiry',
    (expiry) => {
      const g = safeFilingDays(expiry).guideLatestDay.date;
      expect(addWorkdays(g, 20).date >= expiry).toBe(true);
    },
  );

  it.each([0, 1, 5, 10])(
    'with a buffer of %i working days, filing on the recommended day is approved strictly before expiry and one working day later is not',
    (buffer) => {
      for (const expiry of ['2026-12-31', '2026-10-11', '2026-10-12', '2026-02-27']) {
        const d = safeFilingDays(expiry, { localityBufferWorkdays: buffer }).recommendedLatestDay.date;
        expect(isWorkday(d).workday).toBe(true);
        const reported = buffer === 0 ? d : addWorkdays(d, buffer).date;
        const approval = addWorkdays(reported, 20).date;
        expect(approval < expiry, `${expiry} buffer ${buffer}`).toBe(true);
        const nextDay = addWorkdays(d, 1).date;
        const lateApproval = addWorkdays(nextDay, buffer + 20).date;
        expect(lateApproval >= expiry, `${expiry} buffer ${buffer}, one day later`).toBe(true);
      }
    },
  );

  it('moves the recommended day one working day earlier per working day of buffer', () => {
    const a = safeFilingDays('2026-12-31', { localityBufferWorkdays: 5 }).recommendedLatestDay.date;
    const b = safeFilingDays('2026-12-31', { localityBufferWorkdays: 6 }).recommendedLatestDay.date;
    expect(countWorkdays(b, a).count).toBe(1);
  });

  it('refuses a negative or fractional buffer', () => {
    expect(() => safeFilingDays('2026-12-31', { localityBufferWorkdays: -1 })).toThrow(ZodError);
    expect(() => safeFilingDays('2026-12-31', { localityBufferWorkdays: 1.5 })).toThrow(ZodError);
  });

  it('gives 2026-12-17 as the guide day for a 2027-01-15 expiry: 2027-01-01 counts as a holiday though 2027 has no data yet', () => {
    const w = renewalWindow('2027-01-15');
    expect(w.guideLatestDay.date).toBe('2026-12-17');
    expect(w.guideLatestDay.approximate).toBe(true);
  });
});

describe('renewal window §六(三)', () => {
  it('opens on the 60th working day before an expiry spanning National Day', () => {
    const w = renewalWindow('2026-12-01');
    expect(w.opens.date).toBe('2026-09-02');
    expect(w.opensBasis).toBe('official');
    expect(w.guideLatestDay.date).toBe('2026-11-03');
    expect(w.recommendedLatestDay.date).toBe('2026-10-26');
    expect(w.approximate).toBe(false);
  });

  it('can open on a 调休 make-up Saturday (expiry 2027-01-01 opens on 2026-10-10)', () => {
    const w = renewalWindow('2027-01-01');
    expect(w.opens.date).toBe('2026-10-10');
    expect(w.guideLatestDay.date).toBe('2026-12-04');
    expect(w.approximate).toBe(false);
  });

  it('counts the opening in a year without data on weekends alone and says so, never earlier than the estimate', () => {
    const next = calendarCoverage().lastYear + 1;
    const w = renewalWindow(`${next}-03-01`);
    expect(w.opensBasis).toBe('weekends-only');
    expect(w.approximate).toBe(true);
    expect(w.approximateYears).toEqual([next]);
    expect(w.explanation.zh).toContain('仅按周末推算');
    expect(w.explanation.en).toContain('weekends alone');
    // The estimate (holidays off) would give an earlier or equal opening; the window never opens earlier than that.
    const estimated = addWorkdays(`${next}-03-01`, -60).date;
    expect(w.opens.date >= estimated).toBe(true);
  });

  it('names both latest days in zh and en', () => {
    const w = renewalWindow('2026-12-01');
    expect(w.explanation.zh).toContain('指南所列最晚发起日 2026-11-03');
    expect(w.explanation.zh).toContain('建议最晚发起日 2026-10-26');
    expect(w.explanation.en).toContain("guide's latest day is 2026-11-03");
    expect(w.explanation.en).toContain('recommended latest day 2026-10-26');
  });

  it('refuses an impossible expiry with a bilingual zod error', () => {
    expect(() => renewalWindow('2026-13-01')).toThrow(ZodError);
  });
});

describe('deadline status of a renewal expiring 2026-12-01 (opens 09-02, recommended 10-26, guide 11-03)', () => {
  it.each([
    ['2026-08-31', 'not-yet-open', 'renewal-window-opens', '§六(三)', 'two working days before the opening day is too early'],
    ['2026-09-01', 'not-yet-open', 'renewal-window-opens', '§六(三)', 'the 61st working day before expiry is too early'],
    ['2026-09-02', 'open', 'renewal-recommended-latest-day', '助手建议', 'the 60th working day before expiry is in time'],
    ['2026-10-16', 'open', 'renewal-recommended-latest-day', '助手建议', 'six working days before the recommended day is plainly open'],
    ['2026-10-19', 'closing-soon', 'deadline-closing-soon', '助手建议', 'five working days before the recommended day is closing soon'],
    ['2026-10-26', 'closing-soon', 'deadline-closing-soon', '助手建议', 'the recommended day itself is closing soon'],
    ['2026-10-27', 'missed', 'renewal-recommended-latest-day', '助手建议', 'the day after the recommended day is missed, a warning'],
    ['2026-11-03', 'missed', 'renewal-recommended-latest-day', '助手建议', "the guide's own day is still only past the recommendation"],
    ['2026-11-04', 'missed', 'renewal-last-safe-day', '§提示 特别注意 4, §六(三)', "the day after the guide's day cites the guide"],
    ['2026-12-01', 'missed', 'renewal-last-safe-day', '§提示 特别注意 4, §六(三)', 'the expiry day itself is missed (still valid, too late)'],
    ['2026-12-02', 'expired', 'renewal-last-safe-day', '§提示 特别注意 4, §六(三)', 'the day after expiry is expired'],
  ] as const)('%s → %s citing %s (%s) — %s', (today, state, ruleId, section, _why) => {
    const s = deadlineStatus('2026-12-01', today);
    expect(s.state).toBe(state);
    expect(s.findings[0]).toMatchObject({ ruleId, section });
  });

  it('marks a finding past the guide day as an error and one only past the recommendation as a warning', () => {
    expect(deadlineStatus('2026-12-01', '2026-11-03').findings[0].severity).toBe('warning');
    expect(deadlineStatus('2026-12-01', '2026-11-03').pastGuideLatestDay).toBe(false);
    expect(deadlineStatus('2026-12-01', '2026-11-04').findings[0].severity).toBe('error');
    expect(deadlineStatus('2026-12-01', '2026-11-04').pastGuideLatestDay).toBe(true);
  });

  it('counts working days to each boundary as [today, boundary)', () => {
    const s = deadlineStatus('2026-12-01', '2026-09-01');
    expect(s.workdaysLeft).toEqual({ toOpening: 1, toRecommendedLatestDay: 35, toGuideLatestDay: 41, toExpiry: 61 });
    const open = deadlineStatus('2026-12-01', '2026-09-02');
    expect(open.workdaysLeft).toEqual({ toOpening: 0, toRecommendedLatestDay: 34, toGuideLatestDay: 40, toExpiry: 60 });
  });

  it('says how many working days late a filing past the recommended day is', () => {
    expect(deadlineStatus('2026-12-01', '2026-10-27').workdaysLate).toBe(1);
  });

  it('records the facts it used in its finding', () => {
    const s = deadlineStatus('2026-12-01', '2026-09-01');
    expect(s.findings[0].facts).toMatchObject({ opens: '2026-09-02', guideLatestDay: '2026-11-03', recommendedLatestDay: '2026-10-26', localityBufferWorkdays: 5 });
  });

  it('uses the buffer it is given', () => {
    const s = deadlineStatus('2026-12-01', '2026-09-01', 'renewal', { localityBufferWorkdays: 0 });
    expect(s.recommendedLatestDay).toBe('2026-11-02');
    expect(s.guideLatestDay).toBe('2026-11-03');
  });

  it('adds an approximate-calendar finding (助手建议) for an expiry in an uncovered year', () => {
    const next = calendarCoverage().lastYear + 1;
    const s = deadlineStatus(`${next}-03-01`, '2026-12-10');
    expect(s.approximate).toBe(true);
    expect(s.findings.find((f) => f.ruleId === 'calendar-approximate-year')).toMatchObject({ section: '助手建议' });
  });
});

describe('deadline status of an employer change §六(四)', () => {
  it.each([
    ['2026-01-05', 'open', 'employer-change-recommended-latest-day', '助手建议', 'an employer change is never "not yet open"'],
    ['2026-10-19', 'closing-soon', 'deadline-closing-soon', '助手建议', 'five working days before the recommended day'],
    ['2026-10-27', 'missed', 'employer-change-recommended-latest-day', '助手建议', 'past the recommended day only'],
    ['2026-11-04', 'missed', 'employer-change-last-safe-day', '§六(四), §提示 特别注意 4', "past the guide's day: cites §六(四), not the renewal's section"],
    ['2026-12-02', 'expired', 'employer-change-last-safe-day', '§六(四), §提示 特别注意 4', 'after expiry'],
  ] as const)('expiry 2026-12-01, %s → %s citing %s (%s) — %s', (today, state, ruleId, section, _why) => {
    const s = deadlineStatus('2026-12-01', today, 'employer-change');
    expect(s.state).toBe(state);
    expect(s.findings[0]).toMatchObject({ ruleId, section });
    expect(s.opens).toBeUndefined();
  });

  it('names the employer change, not the renewal, in its explanation', () => {
    const d = employerChangeDeadline('2026-10-20');
    expect(d.guideLatestDay.date).toBe('2026-09-16');
    expect(d.explanation.zh).toContain('聘用单位变更');
    expect(d.explanation.zh).not.toContain('续签');
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
