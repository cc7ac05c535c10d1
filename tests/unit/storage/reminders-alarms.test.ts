import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addWorkdays } from '../../../rules/calendar';
import { renewalWindow } from '../../../rules/deadlines';
import {
  adoptLegacyReminderLeads,
  nextMorning,
  registerCaseBookMenu,
  REMINDER_ALARM,
  registerReminderAlarms,
  runReminderCheck,
  REMINDER_LEADS_KEY,
} from '../../../entrypoints/background/reminder-alarms';
import { makeClock, rid, useFreshDb } from './helpers';

describe('the daily reminder check in the browser', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });
  const created: { id: string; options: { title: string; message: string; type: string } }[] = [];
  let badge = '';

  beforeEach(() => {
    created.length = 0;
    badge = '';
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    b.notifications = {
      ...b.notifications,
      create: vi.fn(async (id: string, options: never) => void created.push({ id, options })),
      clear: vi.fn(async () => true),
      onClicked: fakeBrowser.notifications.onClicked,
    };
    b.action = {
      ...b.action,
      setBadgeText: vi.fn(async ({ text }: { text: string }) => void (badge = text)),
      setBadgeBackgroundColor: vi.fn(async () => {}),
      setTitle: vi.fn(async () => {}),
    };
  });

  const expiry = '2027-06-30';
  const w = renewalWindow(expiry);

  it('sets the badge and notifies each reminder once, opening the case book at the employee', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid(), holderStatus: 'holder', permitValidUntil: expiry });
    const first = await runReminderCheck(w.opens.date, { repos: t.repos });
    expect(first.badge).toBe('1');
    expect(badge).toBe('1');
    expect(created).toHaveLength(1);
    expect(created[0].id).toBe(`jzz-reminder|employee/${e.id}|renewal-open:${e.id}:${expiry}`);
    expect(created[0].options.title).toBe('张伟：续签申请期已开始');
    expect(created[0].options.message).toContain('估算'); // 2027 has no official holiday data yet

    const again = await runReminderCheck(addWorkdays(w.opens.date, 1).date, { repos: t.repos });
    expect(again.notified).toEqual([]);
    expect(badge).toBe('1');

    const urgent = await runReminderCheck(w.recommendedLatestDay.date, { repos: t.repos });
    expect(urgent.notified).toHaveLength(1);
    expect(created[1].options.title).toContain('续签建议最晚发起日');
  });

  it('clears the badge when nothing is due and sums up many reminders in one list notification', async () => {
    expect((await runReminderCheck('2026-11-26', { repos: t.repos })).badge).toBe('');
    for (let i = 0; i < 5; i += 1) {
      await t.repos.employees.create({ name: `员工${i}`, residentId: rid('1990-01-01', i), holderStatus: 'holder', permitValidUntil: expiry });
    }
    const r = await runReminderCheck(w.opens.date, { repos: t.repos });
    expect(r.badge).toBe('5');
    expect(created.map((c) => c.options.type)).toEqual(['basic', 'basic', 'list']);
  });

  it('keeps lead times in the settings row, with defaults, refusing values out of range', async () => {
    expect((await t.repos.settings.get()).reminders).toEqual({ windowOpens: 0, lastSafeDay: 5, documents: 10 });
    await t.repos.settings.update({ reminders: { documents: 15 } });
    expect((await t.repos.settings.get()).reminders.documents).toBe(15);
    await expect(t.repos.settings.update({ reminders: { documents: -1 } })).rejects.toMatchObject({ code: 'invalid' });
    expect((await t.repos.settings.get()).reminders.documents).toBe(15);
  });

  it('adopts lead times an older release kept in extension storage, once, and the check uses them', async () => {
    await fakeBrowser.storage.local.set({ [REMINDER_LEADS_KEY]: { windowOpens: 3, documents: 20 } });
    await adoptLegacyReminderLeads(t.repos);
    expect((await t.repos.settings.get()).reminders).toEqual({ windowOpens: 3, lastSafeDay: 5, documents: 20 });
    expect(await fakeBrowser.storage.local.get(REMINDER_LEADS_KEY)).toEqual({});
    // A value out of range is dropped, not adopted; the settings keep theirs.
    await fakeBrowser.storage.local.set({ [REMINDER_LEADS_KEY]: { documents: -4 } });
    await adoptLegacyReminderLeads(t.repos);
    expect((await t.repos.settings.get()).reminders.documents).toBe(20);
    // The renewal window opened 3 working days before the check's day: with a 3-day lead the reminder is due.
    await t.repos.employees.create({ name: '王芳', residentId: rid('1991-01-01', 3), holderStatus: 'holder', permitValidUntil: expiry });
    const early = await runReminderCheck(addWorkdays(w.opens.date, -3).date, { repos: t.repos });
    expect(early.due.map((r) => r.kind)).toContain('renewal-opens');
    const tooEarly = await runReminderCheck(addWorkdays(w.opens.date, -4).date, { repos: t.repos, notify: false });
    expect(tooEarly.due.map((r) => r.kind)).not.toContain('renewal-opens');
  });

  it('registers a daily alarm at 08:30 Beijing time and opens the case book when a notification is clicked', async () => {
    const opened: string[] = [];
    const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    const listeners: ((id: string) => void)[] = [];
    b.notifications.onClicked = { addListener: (f: (id: string) => void) => listeners.push(f) };
    b.tabs = { ...b.tabs, create: vi.fn(async ({ url }: { url: string }) => void opened.push(url)) };
    registerReminderAlarms({ repos: t.repos, now: () => new Date('2026-11-26T02:00:00.000Z') });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeTruthy());
    const alarm = await fakeBrowser.alarms.get(REMINDER_ALARM);
    expect(alarm!.periodInMinutes).toBe(1440);
    expect(new Date(alarm!.scheduledTime).toISOString()).toBe('2026-11-27T00:30:00.000Z');
    listeners[0]('jzz-reminder|case/abc|renewal-open:e:2027-06-30');
    expect(opened[0]).toMatch(/casebook\.html#\/case\/abc$/);
    expect(typeof (globalThis as unknown as { jzzReminders: { runReminderCheck: unknown } }).jzzReminders.runReminderCheck).toBe('function');
  });

  it('adds 打开案卷簿 to the toolbar icon menu when the contextMenus permission is there, and nothing otherwise', async () => {
    const b = fakeBrowser as unknown as Record<string, unknown>;
    delete b.contextMenus;
    expect(registerCaseBookMenu()).toBe(false);
    const created: unknown[] = [];
    const clicks: ((info: { menuItemId: string }) => void)[] = [];
    const opened: string[] = [];
    b.contextMenus = { create: (p: unknown) => created.push(p), removeAll: (cb: () => void) => cb(), onClicked: { addListener: (f: never) => clicks.push(f) } };
    (b.tabs as Record<string, unknown>).create = vi.fn(async ({ url }: { url: string }) => void opened.push(url));
    expect(registerCaseBookMenu()).toBe(true);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(created).toEqual([{ id: 'jzz-open-casebook', title: expect.any(String), contexts: ['action'] }]);
    clicks[0]({ menuItemId: 'jzz-open-casebook' });
    expect(opened[0]).toMatch(/casebook\.html#\/$/);
    delete b.contextMenus;
  });

  it('computes the next 08:30 in Beijing whatever the host time zone', () => {
    expect(new Date(nextMorning(new Date('2026-11-26T00:00:00.000Z'))).toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(new Date(nextMorning(new Date('2026-11-26T00:30:00.000Z'))).toISOString()).toBe('2026-11-27T00:30:00.000Z');
    expect(new Date(nextMorning(new Date('2026-11-26T20:00:00.000Z'))).toISOString()).toBe('2026-11-27T00:30:00.000Z');
  });
});
