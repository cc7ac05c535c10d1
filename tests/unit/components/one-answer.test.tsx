/**
 * Issue #14 "Done when": the same case shows the same days everywhere. One renewal, with the settings a careful
 * agent would have (the 2027 State Council notice entered, a locality buffer of 3 working days), computed through
 * each code path the agent reads: the side panel's DeadlinesCard and the case book's employee view (PermitDates
 * with the options the settings hook gives), the case book row, the calendar's events, the background's reminder
 * check (which reads the settings itself), the case book CSV, the deadlines CSV and the ICS.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PermitDates } from '../../../components/PermitDates';
import { parseHolidayNotice } from '../../../rules/holiday-notice';
import { renewalWindow } from '../../../rules/deadlines';
import { deadlineEvents } from '../../../rules/deadline-events';
import { applyDeadlineSettings } from '../../../storage/deadline-settings';
import { caseBookRows, loadSnapshot } from '../../../storage/snapshot';
import { caseBookCsv, deadlinesCsv, deadlinesIcs } from '../../../components/casebook/exports';
import { parseCsv } from '../../../utils/csv';
import { runReminderCheck } from '../../../entrypoints/background/reminder-alarms';
import { makeClock, rid, useFreshDb } from '../storage/helpers';

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月11日（周四）放假调休，共7天。2月14日（周日）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。`;

const TODAY = '2026-12-04';
const EXPIRY = '2027-03-31';

/** The text of the element with `testId`'s date span in a static render. */
function dateIn(html: string, testId: string): string | undefined {
  const block = html.split(`data-testid="${testId}"`)[1];
  return block ? /<span class="date">(\d{4}-\d{2}-\d{2})<\/span>/.exec(block)?.[1] : undefined;
}

describe('one answer everywhere for one renewal', () => {
  const clock = makeClock('2026-12-04T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });
  afterEach(() => applyDeadlineSettings({ holidayArrangements: [], localityBufferWorkdays: 5 }));

  it('shows the same recommended and guide latest days in the side panel, the case book, the calendar, reminders, CSV and ICS', async () => {
    const defaults = renewalWindow(EXPIRY);
    await t.repos.settings.update({ localityBufferWorkdays: 3, holidayArrangements: [parseHolidayNotice(NOTICE_2027)] });
    const e = await t.repos.employees.create({ name: '王小明', residentId: rid(), holderStatus: 'holder', permitValidUntil: EXPIRY });
    await t.repos.cases.create({ employeeId: e.id, business: 'renewal' });

    // What every page does first (use-deadline-settings.ts, and the background before each check).
    const { options } = applyDeadlineSettings(await t.repos.settings.get());
    const expected = renewalWindow(EXPIRY, options);
    expect(expected.approximate).toBe(false); // 2027 is official now
    expect(expected.recommendedLatestDay.date).not.toBe(defaults.recommendedLatestDay.date); // the settings count
    const rec = expected.recommendedLatestDay.date;
    const guide = expected.guideLatestDay.date;

    // Side panel DeadlinesCard and case book employee view (both render PermitDates with these options).
    const html = renderToStaticMarkup(<PermitDates expiry={EXPIRY} today={TODAY} business="renewal" options={options} />);
    expect(dateIn(html, 'deadline-recommended')).toBe(rec);
    expect(dateIn(html, 'deadline-last-safe')).toBe(guide);
    expect(html).toContain('建议最晚发起日');
    expect(html).toContain('指南所列最晚发起日（有效期前第 20 个工作日）');
    expect(html).toContain('预留属地初审 3 个工作日');
    expect(html).not.toContain('≈ 估算');

    // Case book row.
    const snapshot = await loadSnapshot(t.repos);
    const [row] = caseBookRows(snapshot, TODAY, options);
    expect(row.permit?.recommendedLatestDay).toBe(rec);
    expect(row.permit?.guideLatestDay).toBe(guide);

    // Calendar events.
    const events = deadlineEvents(snapshot, { from: TODAY, to: EXPIRY }, options);
    expect(events.find((x) => x.kind === 'renewal-last-safe-day')?.date).toBe(rec);
    expect(events.find((x) => x.kind === 'renewal-guide-latest-day')?.date).toBe(guide);

    // Case book CSV and deadlines CSV.
    const table = parseCsv(caseBookCsv([row]));
    const col = (name: string) => table[1][table[0].indexOf(name)];
    expect(col('建议最晚发起日')).toBe(rec);
    expect(col('指南所列最晚发起日')).toBe(guide);
    const deadlines = parseCsv(deadlinesCsv(events));
    expect(deadlines.find((r) => r[1] === '续签建议最晚发起日')?.[0]).toBe(rec);
    expect(deadlines.find((r) => r[1] === '续签指南所列最晚发起日')?.[0]).toBe(guide);

    // ICS.
    const ics = deadlinesIcs(events, { now: new Date('2026-12-04T02:00:00Z') });
    expect(ics).toContain(`DTSTART;VALUE=DATE:${rec.replaceAll('-', '')}`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${guide.replaceAll('-', '')}`);

    // Reminders: the background re-reads the settings; reset the calendar first to prove it applies them itself.
    applyDeadlineSettings({ holidayArrangements: [], localityBufferWorkdays: 5 });
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    b.notifications = { ...b.notifications, create: vi.fn(async () => {}) };
    b.action = { ...b.action, setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
    const check = await runReminderCheck(rec, { repos: t.repos });
    const reminder = check.due.find((r) => r.kind === 'renewal-last-safe-day');
    expect(reminder?.date).toBe(rec);
    expect(reminder?.title.zh).toBe(`王小明：续签建议最晚发起日 ${rec}`);
    expect(reminder?.body.zh).toContain(`指南所列最晚发起日为 ${guide}`);
    expect(reminder?.approximate).toBe(false);
  });
});
