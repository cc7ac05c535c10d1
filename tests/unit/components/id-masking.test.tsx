/**
 * Resident IDs (and phones) are masked wherever the extension lists or exports them, unless the agent
 * explicitly chooses to reveal them where such a choice exists: the side panel's employee picker, the
 * printed quarterly summary and case checklist, the audit card, the CSV and ICS exports, the masked backup
 * and the reminder notifications. (The case book's employee table and its reveal box: tests/e2e/casebook.spec.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { auditValue, Changes } from '../../../components/casebook/AuditCard';
import { ChangeLine } from '../../../components/PortalSyncCard';
import { PrintQuarter } from '../../../components/casebook/PrintViews';
import { employeeLabel } from '../../../components/FocusPicker';
import { caseBookRows, type Snapshot } from '../../../storage/snapshot';
import { deadlineEvents } from '../../../rules/deadline-events';
import { caseBookCsv, deadlinesCsv, deadlinesIcs, quarterSummary } from '../../../components/casebook/exports';
import { exportBackup } from '../../../storage/backup';
import { runReminderCheck } from '../../../entrypoints/background/reminder-alarms';
import { renewalWindow } from '../../../rules/deadlines';
import type { AuditEntry, Case, Employee } from '../../../storage/schemas';
import { makeClock, rid, useFreshDb } from '../storage/helpers';

const ID = rid('1988-12-24', 351);
const ID2 = rid('1992-02-29', 76);
const PHONE = '13912345678';
const AT = '2026-10-01T02:00:00.000Z';

/** The ID or any 8+ digit run of it (which would give away the birth date) must not appear. */
function expectNoId(text: string, id = ID) {
  expect(text).not.toContain(id);
  expect(text).not.toContain(id.slice(6, 14));
  expect(text).not.toContain(id.slice(0, 6) + id.slice(6, 10));
}

const emp = (id: string, name: string, residentId: string, p: Partial<Employee> = {}): Employee => ({
  id, name, residentId, residentIdRev: [...residentId].reverse().join(''), gender: 'male', birthDate: '1988-12-24', holderStatus: 'holder', createdAt: AT, updatedAt: AT, ...p,
});
const snapshot: Snapshot = {
  employees: [emp('e1', '王小明', ID, { permitValidUntil: '2027-03-31', phone: PHONE }), emp('e2', '陈静', ID2, { holderStatus: 'suspended', permitValidUntil: '2027-01-31' })],
  cases: [
    { id: 'c1', employeeId: 'e1', business: 'renewal', status: 'district-review', facts: {}, submittedOn: '2026-10-12', acceptedOn: '2026-10-14', createdAt: AT, updatedAt: AT } as Case,
  ],
  documents: [],
};

describe('the side panel employee picker', () => {
  it('names an employee with the last 4 characters of the ID only', () => {
    const label = employeeLabel({ name: '王小明', residentId: ID }, 'zh-CN');
    expect(label).toBe(`王小明（尾号 ${ID.slice(-4)}）`);
    expectNoId(label);
    expectNoId(employeeLabel({ name: '王小明', residentId: ID }, 'en'));
  });
});

describe('the printed quarterly summary', () => {
  it('prints IDs masked to their last 4 characters until the agent ticks the reveal box', () => {
    const rows = caseBookRows(snapshot, '2026-11-26');
    expect(quarterSummary(snapshot, '2026Q4').rows).toHaveLength(1);
    const html = renderToStaticMarkup(<PrintQuarter quarter="2026Q4" data={{ snapshot, rows, idx: {} }} />);
    expect(html).toContain('王小明');
    expect(html).toContain(`**************${ID.slice(-4)}`);
    expectNoId(html);
    // The explicit choice is there, and off.
    expect(html).toMatch(/<input type="checkbox"\/>/);
  });
});

describe('the audit card', () => {
  const entry = (p: Partial<AuditEntry>): AuditEntry => ({ id: 1, at: AT, source: 'ui', table: 'employees', recordId: 'e1', op: 'update', ...p }) as AuditEntry;

  it('masks IDs and phones under every field name, inside object values too, and before shortening', () => {
    expect(auditValue('residentId', ID, 'zh-CN')).toBe(`**************${ID.slice(-4)}`);
    expect(auditValue('phone', PHONE, 'zh-CN')).toBe('139****5678');
    expect(auditValue('mobile', PHONE, 'zh-CN')).toBe('139****5678');
    expect(auditValue('agentMobile', PHONE, 'en')).toBe('139****5678');
    // A captured draft or note that happens to hold the numbers.
    expectNoId(auditValue('text', `身份证 ${ID}，电话 ${PHONE}`, 'zh-CN'));
    expect(auditValue('text', `电话 ${PHONE}`, 'zh-CN')).not.toContain(PHONE);
    const long = auditValue('children', [{ note: 'x'.repeat(40), id: ID }], 'zh-CN');
    expectNoId(long);
    expect(long.length).toBeLessThanOrEqual(58);
    // Ordinary values pass through.
    expect(auditValue('text', '户口本已收到', 'zh-CN')).toBe('户口本已收到');
    expect(auditValue('validUntil', '2027-03-31', 'zh-CN')).toBe('2027-03-31');
  });

  it('shows an employee created or an ID corrected without the full numbers', () => {
    const created = renderToStaticMarkup(<Changes e={entry({ op: 'create', after: { name: '王小明', residentId: ID, phone: PHONE } })} />);
    expect(created).toContain('王小明');
    expectNoId(created);
    expect(created).not.toContain(PHONE);
    const updated = renderToStaticMarkup(<Changes e={entry({ before: { residentId: ID2 }, after: { residentId: ID } })} />);
    expectNoId(updated);
    expectNoId(updated, ID2);
    const draft = renderToStaticMarkup(<Changes e={entry({ table: 'drafts', op: 'create', after: { mobile: PHONE, residentId: ID } })} />);
    expect(draft).not.toContain(PHONE);
    expectNoId(draft);
  });
});

describe('exports', () => {
  const idx = {};
  const rows = caseBookRows(snapshot, '2026-11-26', idx);
  const events = deadlineEvents(snapshot, { from: '2026-11-01', to: '2027-12-31' }, idx);

  it('the case book CSV masks IDs and phones unless revealIds is passed', () => {
    const csv = caseBookCsv(rows);
    expect(csv).toContain('王小明');
    expectNoId(csv);
    expectNoId(csv, ID2);
    expect(csv).not.toContain(PHONE);
    expect(caseBookCsv(rows, { revealIds: true })).toContain(ID);
  });

  it('the deadlines CSV and ICS carry names and dates but no ID at all', () => {
    expect(events.length).toBeGreaterThan(0);
    for (const text of [deadlinesCsv(events), deadlinesCsv(events, { lang: 'en' }), deadlinesIcs(events, { now: new Date(AT) })]) {
      expect(text).toContain('王小明');
      expectNoId(text);
      expectNoId(text, ID2);
      expect(text).not.toContain(PHONE);
    }
  });
});

describe('stored data leaving the extension', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });

  it('the shareable export masks IDs and phones; only the full backup (an explicit choice) has them', async () => {
    await t.repos.employees.create({ name: '王小明', residentId: ID, phone: PHONE });
    const masked = await exportBackup(t.db, { mask: true });
    expectNoId(masked.text);
    expect(masked.text).not.toContain(PHONE);
    expect((await exportBackup(t.db)).text).toContain(ID);
  });

  it('the portal sync preview names a new employee with the last 4 characters of the ID only', () => {
    const line = renderToStaticMarkup(<ChangeLine c={{ kind: 'new-employee', row: 0, name: '吴婷', residentId: ID, holderStatus: 'holder', permitValidUntil: '2029-05-31' }} />);
    expect(line).toContain('吴婷');
    expect(line).toContain(ID.slice(-4));
    expect(line).toContain('2029-05-31');
    expectNoId(line);
  });

  it('reminder notifications name the employee without any ID number', async () => {
    const created: { title: string; message: string; items?: { title: string; message: string }[] }[] = [];
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    b.notifications = { ...b.notifications, create: vi.fn(async (_id: string, o: never) => void created.push(o)) };
    const expiry = '2027-06-30';
    for (const [i, name] of ['王小明', '陈静', '刘洋', '赵磊'].entries()) {
      await t.repos.employees.create({ name, residentId: i === 0 ? ID : rid('1990-01-01', i + 10), phone: PHONE, holderStatus: 'holder', permitValidUntil: expiry });
    }
    await runReminderCheck(renewalWindow(expiry).opens.date, { repos: t.repos });
    expect(created).toHaveLength(3);
    const text = JSON.stringify(created);
    expect(text).toContain('王小明');
    expectNoId(text);
    expect(text).not.toContain(PHONE);
  });
});
