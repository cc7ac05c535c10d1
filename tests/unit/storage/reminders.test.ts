import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../rules/dates';
import { addWorkdays, countWorkdays, workdaysBefore } from '../../../rules/calendar';
import { deadlineStatus, renewalWindow, reviewCompletesBy } from '../../../rules/deadlines';
import {
  caseBookRows,
  DEFAULT_REMINDER_LEADS,
  deadlineEvents,
  dueReminders,
  filterRows,
  loadSnapshot,
  permitDeadline,
  sortRows,
  type Snapshot,
} from '../../../storage/reminders';
import type { Case, DocumentRecord, Employee } from '../../../storage/schemas';
import { makeClock, rid, useFreshDb } from './helpers';

const TODAY = '2026-11-26';
const AT = '2026-01-01T00:00:00.000Z';

function employee(id: string, name: string, patch: Partial<Employee> = {}): Employee {
  return {
    id,
    name,
    residentId: rid('1990-03-07', Number(id.replace(/\D/g, '')) % 1000),
    residentIdRev: '',
    gender: 'male',
    birthDate: '1990-03-07',
    holderStatus: 'holder',
    createdAt: AT,
    updatedAt: AT,
    ...patch,
  };
}

function kase(id: string, employeeId: string, patch: Partial<Case> = {}): Case {
  return { id, employeeId, business: 'renewal', status: 'draft', facts: {}, createdAt: AT, updatedAt: AT, ...patch };
}

function doc(id: string, employeeId: string, patch: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id, employeeId, kind: 'resident-id-card', createdAt: AT, updatedAt: AT, ...patch };
}

describe('permit deadlines match rules/deadlines deadlineStatus', () => {

  it('gives the same state, dates, counts and approximate years for any expiry and day, both businesses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 1200 }),
        fc.integer({ min: -150, max: 30 }),
        fc.constantFrom('renewal' as const, 'employer-change' as const),
        (e, t, business) => {
          const expiry = addDays(TODAY, e);
          const today = addDays(expiry, t - 30 - Math.abs(e % 60));
          const want = deadlineStatus(expiry, today, business);
          const got = permitDeadline(expiry, today, business);
          expect(got.state).toBe(want.state);
          expect(got.opens).toBe(want.opens);
          expect(got.recommendedLatestDay).toBe(want.recommendedLatestDay);
          expect(got.guideLatestDay).toBe(want.guideLatestDay);
          expect(got.workdaysToOpening).toBe(want.workdaysLeft.toOpening);
          expect(got.workdaysToRecommendedLatestDay).toBe(want.workdaysLeft.toRecommendedLatestDay);
          expect(got.workdaysToGuideLatestDay).toBe(want.workdaysLeft.toGuideLatestDay);
          expect(got.workdaysToExpiry).toBe(want.workdaysLeft.toExpiry);
          expect(got.workdaysLate).toBe(want.workdaysLate);
          expect(got.approximateYears).toEqual(want.approximateYears);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers 5,000 holders in well under a second', () => {
    const t0 = performance.now();
    for (let i = 0; i < 5000; i += 1) permitDeadline(addDays(TODAY, i % 1095), TODAY, 'renewal');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('case book rows, filters and sorting', () => {
  // A permit valid until 2027-02-01 is in its renewal window on 2026-11-26 (opens 60 working days before).
  const inWindow = '2027-02-01';
  const s: Snapshot = {
    employees: [
      employee('e1', '张伟', { permitValidUntil: inWindow, category: 'A' }),
      employee('e2', '李娜', { permitValidUntil: '2028-06-30', category: 'B' }),
      employee('e3', '王芳', { holderStatus: 'suspended', permitValidUntil: '2027-01-15' }),
      employee('e4', '赵磊', { holderStatus: 'none' }),
    ],
    cases: [
      kase('c4', 'e4', { business: 'new-permit', status: 'district-review', submittedOn: '2026-10-20', acceptedOn: '2026-11-02', createdAt: '2026-10-01T00:00:00.000Z' }),
      kase('c4old', 'e4', { business: 'employee-link', status: 'approved', createdAt: '2026-09-01T00:00:00.000Z' }),
    ],
    documents: [doc('d2', 'e2', { kind: 'labour-contract', validUntil: '2027-06-10', fallsBelowRuleOn: '2026-12-11' })],
  };

  it('says who is in the renewal window, who is suspended, and what is due next', () => {
    expect(renewalWindow(inWindow).opens.date <= TODAY).toBe(true);
    const rows = caseBookRows(s, TODAY);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.e1.permit?.state).toBe('open');
    expect(by.e1.next?.kind).toBe('renewal-last-safe-day');
    expect(by.e1.next?.date).toBe(renewalWindow(inWindow).recommendedLatestDay.date);
    expect(by.e2.permit?.state).toBe('not-yet-open');
    expect(by.e2.next).toMatchObject({ kind: 'document-falls-below', date: '2026-12-11', documentId: 'd2' });
    expect(by.e3.permit?.business).toBe('employer-change');
    expect(by.e4.latestCase?.id).toBe('c4');
    expect(by.e4.caseCount).toBe(2);
    expect(by.e4.next).toMatchObject({ kind: 'review-completes', date: reviewCompletesBy('2026-11-02').date });
  });

  it('filters by renewal window, holder status, case status, business, category, text and working days', () => {
    const rows = caseBookRows(s, TODAY);
    const ids = (f: Parameters<typeof filterRows>[1]) => filterRows(rows, f).map((r) => r.id);
    expect(ids({ permit: 'window-open' })).toEqual(['e1']);
    expect(ids({ holderStatus: 'suspended' })).toEqual(['e3']);
    expect(ids({ caseStatus: 'district-review' })).toEqual(['e4']);
    expect(ids({ caseStatus: 'no-case' })).toEqual(['e1', 'e2', 'e3']);
    expect(ids({ business: 'new-permit' })).toEqual(['e4']);
    expect(ids({ category: 'B' })).toEqual(['e2']);
    expect(ids({ text: '李' })).toEqual(['e2']);
    expect(ids({ text: s.employees[2].residentId.slice(-6) })).toEqual(['e3']);
    const within = countWorkdays(TODAY, '2026-12-11').count;
    expect(ids({ withinWorkdays: within })).toContain('e2');
    expect(ids({ withinWorkdays: within - 1 })).not.toContain('e2');
  });

  it('sorts by name in pinyin order and by next deadline with rows lacking one last', () => {
    const rows = caseBookRows(s, TODAY);
    expect(sortRows(rows, 'name').map((r) => r.employee.name)).toEqual(['李娜', '王芳', '张伟', '赵磊']);
    const byNext = sortRows(rows, 'next');
    expect(byNext[0].next!.date <= byNext[1].next!.date).toBe(true);
    expect(sortRows(rows, 'next', true).at(-1)!.next === undefined || sortRows(rows, 'next', true).every((r) => r.next)).toBe(true);
  });
});

describe('calendar events', () => {

  it('lists renewal opening, last safe day, expiry, employer change, review, document and quarter dates in range', () => {
    const s: Snapshot = {
      employees: [employee('e1', '张伟', { permitValidUntil: '2027-03-31' }), employee('e3', '王芳', { holderStatus: 'suspended', permitValidUntil: '2027-01-15' })],
      cases: [kase('c1', 'e1', { business: 'new-permit', status: 'district-review', acceptedOn: '2026-11-20' })],
      documents: [doc('d1', 'e1', { validUntil: '2027-03-01', fallsBelowRuleOn: '2026-12-02' })],
    };
    const ev = deadlineEvents(s, { from: '2026-11-01', to: '2027-03-31' });
    const kinds = new Set(ev.map((e) => e.kind));
    for (const k of ['renewal-opens', 'renewal-last-safe-day', 'permit-expires', 'employer-change-last-safe-day', 'review-completes', 'document-falls-below', 'quarter-filing-suggested', 'quarter-last-workday']) {
      expect(kinds.has(k as never), k).toBe(true);
    }
    expect(ev.map((e) => e.date)).toEqual([...ev.map((e) => e.date)].sort());
    expect(ev.find((e) => e.kind === 'renewal-opens')!.date).toBe(renewalWindow('2027-03-31').opens.date);
    // 2027 has no official holiday data yet: its dates are marked approximate.
    expect(ev.find((e) => e.kind === 'permit-expires' && e.employeeId === 'e1')!.approximate).toBe(true);
    expect(ev.find((e) => e.kind === 'quarter-last-workday' && e.detail.zh === '2026Q4')!.approximate).toBe(false);
  });

  it('leaves the renewal out once the renewal was filed in this window', () => {
    const s: Snapshot = {
      employees: [employee('e1', '张伟', { permitValidUntil: '2027-03-31' })],
      cases: [kase('c1', 'e1', { status: 'locality-review', submittedOn: '2027-01-11' })],
      documents: [],
    };
    const ev = deadlineEvents(s, { from: '2026-11-01', to: '2027-03-31' });
    expect(ev.some((e) => e.kind === 'renewal-last-safe-day')).toBe(false);
  });
});

describe('due reminders', () => {
  const expiry = '2027-06-30';
  const w = renewalWindow(expiry);
  const s: Snapshot = { employees: [employee('e1', '张伟', { permitValidUntil: expiry })], cases: [], documents: [] };
  const kindOn = (day: string, snap: Snapshot = s, leads = DEFAULT_REMINDER_LEADS) => dueReminders(snap, day, leads).map((r) => r.kind);

  it('is silent the working day before the window opens and reminds on the opening day (default lead 0)', () => {
    expect(kindOn(addWorkdays(w.opens.date, -1).date)).toEqual([]);
    expect(kindOn(w.opens.date)).toEqual(['renewal-open']);
  });

  it('reminds N working days ahead of the opening with a lead of N', () => {
    const day = addWorkdays(w.opens.date, -3).date;
    expect(kindOn(day, s, { ...DEFAULT_REMINDER_LEADS, windowOpens: 3 })).toEqual(['renewal-opens']);
    expect(kindOn(addWorkdays(day, -1).date, s, { ...DEFAULT_REMINDER_LEADS, windowOpens: 3 })).toEqual([]);
  });

  it('turns urgent 5 working days before the last safe day, and after it', () => {
    expect(kindOn(addWorkdays(w.recommendedLatestDay.date, -6).date)).toEqual(['renewal-open']);
    expect(kindOn(addWorkdays(w.recommendedLatestDay.date, -5).date)).toEqual(['renewal-last-safe-day']);
    expect(kindOn(w.recommendedLatestDay.date)).toEqual(['renewal-last-safe-day']);
    expect(kindOn(addWorkdays(w.recommendedLatestDay.date, 1).date)).toEqual(['renewal-missed']);
    expect(kindOn(addDays(expiry, 1))).toEqual([]);
  });

  it('keys each stage apart so that each is notified once', () => {
    const a = dueReminders(s, w.opens.date, DEFAULT_REMINDER_LEADS)[0];
    const b = dueReminders(s, w.recommendedLatestDay.date, DEFAULT_REMINDER_LEADS)[0];
    expect(a.key).not.toBe(b.key);
    expect(dueReminders(s, addWorkdays(w.opens.date, 1).date, DEFAULT_REMINDER_LEADS)[0].key).toBe(a.key);
  });

  it('stays silent once the renewal was filed', () => {
    const filed: Snapshot = { ...s, cases: [kase('c1', 'e1', { status: 'district-review', submittedOn: w.opens.date, acceptedOn: w.opens.date })] };
    expect(kindOn(w.recommendedLatestDay.date, filed)).not.toContain('renewal-last-safe-day');
  });

  it('reminds about a document 10 working days before it falls below §五, not 11, and not for a filed case', () => {
    const due = '2026-12-21';
    const d: Snapshot = { employees: [employee('e2', '李娜', { holderStatus: 'none' })], cases: [kase('c2', 'e2', { status: 'collecting' })], documents: [doc('d1', 'e2', { caseId: 'c2', validUntil: '2027-03-20', fallsBelowRuleOn: due })] };
    expect(kindOn(addWorkdays(due, -10).date, d)).toEqual(['document-falls-below']);
    expect(kindOn(addWorkdays(due, -11).date, d)).toEqual([]);
    const filed = { ...d, cases: [kase('c2', 'e2', { status: 'locality-review' })] };
    expect(kindOn(addWorkdays(due, -10).date, filed)).toEqual([]);
  });

  it('reminds about an employer change of a suspended holder and a review whose 20 working days are over', () => {
    const sus: Snapshot = {
      employees: [employee('e3', '王芳', { holderStatus: 'suspended', permitValidUntil: '2027-01-15' })],
      cases: [kase('c9', 'e3', { business: 'new-permit', status: 'district-review', acceptedOn: '2026-10-09' })],
      documents: [],
    };
    // The recommended latest day (buffer 5 + 20 + 1 working days before expiry) drives the reminder.
    const last = workdaysBefore('2027-01-15', 26).date;
    const r = dueReminders(sus, addWorkdays(last, -2).date, DEFAULT_REMINDER_LEADS);
    expect(r.map((x) => x.kind).sort()).toEqual(['employer-change-last-safe-day', 'review-completes']);
    expect(r[0].urgency).toBe('urgent');
    expect(r.find((x) => x.kind === 'review-completes')!.caseId).toBe('c9');
  });
});

describe('loadSnapshot', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });

  it('reads employees, cases, the company and only the documents in the window', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), holderStatus: 'holder', permitValidUntil: '2027-06-30' });
    await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });
    await t.repos.documents.create({ employeeId: e.id, kind: 'resident-id-card', validUntil: '2027-03-10' }); // falls below 2026-12-11
    await t.repos.documents.create({ employeeId: e.id, kind: 'resident-id-card', validUntil: '2030-03-10' });
    const s = await loadSnapshot(t.repos, { documentsFrom: '2026-11-26', documentsTo: '2027-01-31' });
    expect(s.employees).toHaveLength(1);
    expect(s.cases).toHaveLength(1);
    expect(s.documents.map((d) => d.fallsBelowRuleOn)).toEqual(['2026-12-11']);
    expect((await loadSnapshot(t.repos)).documents).toEqual([]);
  });
});
