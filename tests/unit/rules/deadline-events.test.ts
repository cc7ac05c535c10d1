/**
 * rules/deadline-events.ts: the case book's rows, events and reminders computed in rules/ with the one working-day
 * implementation (issue #14 §1, #15). The recommended latest day drives reminders, the next deadline and the
 * events; the guide's latest day is its own event; every event and reminder cites the guide or says 助手建议.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkdays,
  caseBookRows,
  deadlineEvents,
  deadlineStatus,
  DEFAULT_REMINDER_LEADS,
  dueReminders,
  documentWindow,
  EVENT_SECTIONS,
  permitDeadline,
  renewalWindow,
  safeFilingDays,
  type DeadlineSnapshot,
} from '../../../rules';
import { addDays } from '../../../rules/dates';

const TODAY = '2026-12-04';
const holder = (id: string, expiry: string, holderStatus: 'holder' | 'suspended' = 'holder') => ({ id, name: `员工${id}`, holderStatus, permitValidUntil: expiry });
const snap = (employees: DeadlineSnapshot['employees'], cases: DeadlineSnapshot['cases'] = []): DeadlineSnapshot => ({ employees, cases, documents: [] });

describe('permitDeadline is deadlineStatus without the texts', () => {
  it('gives the same state, days, counts and approximate years for any expiry, day, business and buffer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 1200 }),
        fc.integer({ min: -150, max: 30 }),
        fc.constantFrom('renewal' as const, 'employer-change' as const),
        fc.integer({ min: 0, max: 15 }),
        (e, t, business, buffer) => {
          const expiry = addDays(TODAY, e);
          const today = addDays(expiry, t - 30 - Math.abs(e % 60));
          const want = deadlineStatus(expiry, today, business, { localityBufferWorkdays: buffer });
          const got = permitDeadline(expiry, today, business, { localityBufferWorkdays: buffer });
          expect(got.state).toBe(want.state);
          expect(got.opens).toBe(want.opens);
          expect(got.recommendedLatestDay).toBe(want.recommendedLatestDay);
          expect(got.guideLatestDay).toBe(want.guideLatestDay);
          expect(got.workdaysToRecommendedLatestDay).toBe(want.workdaysLeft.toRecommendedLatestDay);
          expect(got.workdaysToExpiry).toBe(want.workdaysLeft.toExpiry);
          expect(got.approximateYears).toEqual(want.approximateYears);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the window of renewalWindow (opening, both latest days) for every expiry of 2026–2028', () => {
    for (let e = '2026-01-01'; e <= '2028-12-31'; e = addDays(e, 1)) {
      const w = renewalWindow(e);
      const p = permitDeadline(e, '2025-06-01', 'renewal');
      expect([p.opens, p.recommendedLatestDay, p.guideLatestDay], e).toEqual([w.opens.date, w.recommendedLatestDay.date, w.guideLatestDay.date]);
    }
  });
});

describe('events', () => {
  const s = snap([holder('1', '2027-01-15'), holder('2', '2027-01-15', 'suspended')]);
  const events = deadlineEvents(s, { from: '2026-09-01', to: '2027-02-28' });
  const of = (id: string) => events.filter((e) => e.employeeId === id);

  it('dates the renewal events on the opening, the recommended and the guide day, and the expiry', () => {
    const w = renewalWindow('2027-01-15');
    expect(of('1').map((e) => [e.kind, e.date])).toEqual([
      ['renewal-opens', w.opens.date],
      ['renewal-last-safe-day', w.recommendedLatestDay.date],
      ['renewal-guide-latest-day', '2026-12-17'],
      ['permit-expires', '2027-01-15'],
    ]);
  });

  it('dates the employer change on its own two days, citing §六(四) for the guide day and 助手建议 for the recommended one', () => {
    const d = safeFilingDays('2027-01-15');
    expect(of('2').map((e) => [e.kind, e.date, e.section])).toEqual([
      ['employer-change-last-safe-day', d.recommendedLatestDay.date, '助手建议'],
      ['employer-change-guide-latest-day', d.guideLatestDay.date, '§六(四), §提示 特别注意 4'],
      ['permit-expires', '2027-01-15', '§提示 特别注意 4, §六(三)'],
    ]);
  });

  it('cites a guide section or 助手建议 for every kind, never both', () => {
    for (const section of Object.values(EVENT_SECTIONS)) expect(section === '助手建议' || /^§/.test(section)).toBe(true);
    expect(EVENT_SECTIONS['renewal-guide-latest-day']).toBe('§提示 特别注意 4, §六(三)');
    expect(EVENT_SECTIONS['renewal-opens']).toBe('§六(三)');
    expect(EVENT_SECTIONS['review-completes']).toBe('§八');
  });

  it('marks days counted through 2027 as approximate and those in 2026 only as official', () => {
    expect(of('1').find((e) => e.kind === 'renewal-guide-latest-day')!.approximate).toBe(true);
    const early = deadlineEvents(snap([holder('3', '2026-12-31')]), { from: '2026-09-01', to: '2026-12-31' });
    expect(early.filter((e) => e.employeeId === '3').every((e) => !e.approximate)).toBe(true);
  });
});

describe('rows and reminders use the recommended latest day', () => {
  it('puts the recommended day, not the guide day, in the next-deadline column', () => {
    const rows = caseBookRows(snap([holder('1', '2027-03-31')]), '2027-01-20');
    const p = permitDeadline('2027-03-31', '2027-01-20', 'renewal');
    expect(rows[0].next).toMatchObject({ kind: 'renewal-last-safe-day', date: p.recommendedLatestDay });
    expect(p.recommendedLatestDay < p.guideLatestDay).toBe(true);
  });

  it('starts the urgent reminder 5 working days before the recommended day, not before the guide day', () => {
    const expiry = '2026-12-31';
    const rec = safeFilingDays(expiry).recommendedLatestDay.date; // 2026-11-25
    const kinds = (day: string) => dueReminders(snap([holder('1', expiry)]), day, DEFAULT_REMINDER_LEADS).map((r) => r.kind);
    expect(kinds(addWorkdays(rec, -6).date)).toEqual(['renewal-open']);
    expect(kinds(addWorkdays(rec, -5).date)).toEqual(['renewal-last-safe-day']);
    expect(kinds(rec)).toEqual(['renewal-last-safe-day']);
    expect(kinds(addWorkdays(rec, 1).date)).toEqual(['renewal-missed']);
  });

  it('cites 助手建议 while only the recommendation is missed and the guide once its own day is past', () => {
    const expiry = '2026-12-31';
    const { recommendedLatestDay: rec, guideLatestDay: guide } = safeFilingDays(expiry);
    const on = (day: string) => dueReminders(snap([holder('1', expiry)]), day, DEFAULT_REMINDER_LEADS)[0];
    expect(on(addWorkdays(rec.date, 1).date)).toMatchObject({ kind: 'renewal-missed', section: '助手建议' });
    expect(on(guide.date).body.zh).toContain(`指南所列最晚发起日为 ${guide.date}`);
    expect(on(addWorkdays(guide.date, 1).date)).toMatchObject({ kind: 'renewal-missed', section: '§提示 特别注意 4, §六(三)' });
    expect(on(addWorkdays(guide.date, 1).date).body.zh).toContain('也已过');
  });

  it('leaves out a renewal filed on or after the earliest possible opening', () => {
    const expiry = '2027-03-31';
    const opens = permitDeadline(expiry, TODAY, 'renewal').opens!;
    const filedEarly = snap([holder('1', expiry)], [{ id: 'c', employeeId: '1', business: 'renewal', status: 'locality-review', submittedOn: addDays(opens, -3), createdAt: 'x' }]);
    // Filed three days before the conservative (late) opening, but after the estimated one: it counts as filed.
    expect(deadlineEvents(filedEarly, { from: TODAY, to: expiry }).some((e) => e.kind === 'renewal-last-safe-day')).toBe(false);
    const filedLongBefore = snap([holder('1', expiry)], [{ id: 'c', employeeId: '1', business: 'renewal', status: 'locality-review', submittedOn: '2026-06-01', createdAt: 'x' }]);
    expect(deadlineEvents(filedLongBefore, { from: TODAY, to: expiry }).some((e) => e.kind === 'renewal-last-safe-day')).toBe(true);
  });
});

describe('the business of a permit follows the case the agent opened, not only the holder status (#18 item 2)', () => {
  const expiry = '2027-03-31';
  const today = '2027-01-20';
  const kase = (business: 'renewal' | 'employer-change', status: 'draft' | 'voided' | 'approved' = 'draft', createdAt = '2026-12-01T00:00:00.000Z') => ({ id: `c-${business}-${status}`, employeeId: 'e1', business, status, createdAt });

  it('a holder whose open case is an employer change is an employer change in the row, the events and the reminders', () => {
    const s = snap([holder('e1', expiry, 'holder')], [kase('employer-change')]);
    expect(caseBookRows(s, today)[0].permit?.business).toBe('employer-change');
    const kinds = deadlineEvents(s, { from: '2026-10-01', to: expiry }).map((e) => e.kind);
    expect(kinds.some((k) => k.startsWith('employer-change'))).toBe(true);
    expect(kinds.some((k) => k.startsWith('renewal'))).toBe(false);
    const reminders = dueReminders(s, today, { ...DEFAULT_REMINDER_LEADS, lastSafeDay: 60 });
    expect(reminders.map((r) => r.kind).every((k) => !k.startsWith('renewal'))).toBe(true);
    expect(reminders.some((r) => r.title.zh.includes('聘用单位变更'))).toBe(true);
  });

  it('without an open case, or with only a voided or approved one, the status decides', () => {
    expect(caseBookRows(snap([holder('e1', expiry, 'holder')]), today)[0].permit?.business).toBe('renewal');
    expect(caseBookRows(snap([holder('e1', expiry, 'suspended')]), today)[0].permit?.business).toBe('employer-change');
    expect(caseBookRows(snap([holder('e1', expiry, 'holder')], [kase('employer-change', 'voided')]), today)[0].permit?.business).toBe('renewal');
    expect(caseBookRows(snap([holder('e1', expiry, 'suspended')], [kase('renewal', 'approved')]), today)[0].permit?.business).toBe('employer-change');
  });

  it('the latest open case wins when there are two', () => {
    const s = snap([holder('e1', expiry, 'suspended')], [kase('employer-change', 'draft', '2026-11-01T00:00:00.000Z'), kase('renewal', 'draft', '2026-12-02T00:00:00.000Z')]);
    expect(caseBookRows(s, today)[0].permit?.business).toBe('renewal');
  });
});

describe('a document already below its §五 rule is an alarm now (#18 item 3)', () => {
  const lease = (caseId: string) => ({ id: `d-${caseId}`, employeeId: 'e1', caseId, kind: 'lease-contract' as const, validUntil: '2027-03-31', fallsBelowRuleOn: '2026-10-01' });
  const kase = (id: string, status: 'collecting' | 'approved') => ({ id, employeeId: 'e1', business: 'new-permit' as const, status, createdAt: '2026-09-01T00:00:00.000Z' });

  it('a short lease of a case being prepared: an urgent reminder saying it is already too short', () => {
    const s: DeadlineSnapshot = { employees: [{ id: 'e1', name: '张伟', holderStatus: 'applying' }], cases: [kase('c1', 'collecting')], documents: [lease('c1')] };
    const r = dueReminders(s, TODAY, DEFAULT_REMINDER_LEADS).filter((x) => x.kind === 'document-falls-below');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ urgency: 'urgent', section: '§五' });
    expect(r[0].title.zh).toBe('张伟：房屋租赁合同（住所证明）有效期已不足');
    expect(r[0].body.zh).toContain('已不满足提供时 6 个月有效期要求');
    expect(r[0].workdaysLeft).toBeLessThan(0);
  });

  it('the documents window reaches back, so the daily check loads such a document', () => {
    expect(documentWindow(TODAY, DEFAULT_REMINDER_LEADS).documentsFrom <= '2026-10-01').toBe(true);
  });

  it('nothing for a case that is settled', () => {
    const s: DeadlineSnapshot = { employees: [{ id: 'e1', name: '张伟', holderStatus: 'holder', permitValidUntil: '2029-12-31' }], cases: [kase('c1', 'approved')], documents: [lease('c1')] };
    expect(dueReminders(s, TODAY, DEFAULT_REMINDER_LEADS).filter((x) => x.kind === 'document-falls-below')).toEqual([]);
  });

  it('the case book row shows it as the overdue next thing, in line with the reminder', () => {
    const s: DeadlineSnapshot = { employees: [{ id: 'e1', name: '张伟', holderStatus: 'applying' }], cases: [kase('c1', 'collecting')], documents: [lease('c1')] };
    const [row] = caseBookRows(s, TODAY);
    expect(row.next).toMatchObject({ kind: 'document-falls-below', date: '2026-10-01', caseId: 'c1' });
    expect(row.next!.workdaysLeft).toBeLessThan(0);
    expect(row.next!.workdaysLeft).toBe(dueReminders(s, TODAY, DEFAULT_REMINDER_LEADS).find((x) => x.kind === 'document-falls-below')!.workdaysLeft);
    expect(row.documentsDue).toBe(1);
  });

  it('the case book row stays quiet about a settled case\'s document', () => {
    const s: DeadlineSnapshot = { employees: [{ id: 'e1', name: '张伟', holderStatus: 'applying' }], cases: [kase('c1', 'approved')], documents: [lease('c1')] };
    expect(caseBookRows(s, TODAY)[0].next).toBeUndefined();
  });
});
