/**
 * Reminders in the browser: a daily `alarms` alarm runs {@link runReminderCheck}, which computes what is due
 * (storage/reminders.ts), sets the action badge to the count, and shows a notification for each reminder not
 * shown before (once per key). Clicking a notification opens the case book at the case (or employee).
 *
 * The background wires it once at start-up:
 *
 *   import { registerReminderAlarms } from '../storage/reminder-alarms';
 *   defineBackground(() => { registerReminderAlarms({ db: getDb() }); … });
 *
 * Tests (and the case book's "check now" button) call `runReminderCheck(today)`; in the service worker it is
 * also reachable as `globalThis.jzzReminders.runReminderCheck('2027-03-01')` (serviceWorker.evaluate).
 *
 * Lead times live in `browser.storage.local` under {@link REMINDER_LEADS_KEY} until the settings schema has
 * fields for them (storage/schemas.ts `Reminders` has calendar-day and permit-expiry leads of another design).
 */
import { beijingDate } from '../rules/dates';
import type { IsoDate } from '../rules/model';
import type { JzzDb } from './db';
import { getDb } from './db';
import { createRepos, type Repos } from './repos';
import {
  DEFAULT_REMINDER_LEADS,
  documentWindow,
  dueReminders,
  loadSnapshot,
  ReminderLeads,
  WorkdayIndex,
  type Reminder,
} from './reminders';

export const REMINDER_ALARM = 'jzz-daily-reminders';
export const REMINDER_LEADS_KEY = 'reminderLeads';
/** Keys already notified → the day they were first shown. */
export const NOTIFIED_KEY = 'reminderNotified';
const NOTIFICATION_PREFIX = 'jzz-reminder|';
/** At most this many separate notifications per check; more are summed up in one list notification. */
const MAX_SEPARATE = 3;

/** The reminder lead times (working days), defaults filled in. */
export async function getReminderLeads(): Promise<ReminderLeads> {
  const got = await browser.storage.local.get(REMINDER_LEADS_KEY);
  const parsed = ReminderLeads.safeParse({ ...DEFAULT_REMINDER_LEADS, ...(got[REMINDER_LEADS_KEY] as object | undefined) });
  return parsed.success ? parsed.data : { ...DEFAULT_REMINDER_LEADS };
}

/** Saves lead times; throws (nothing saved) when a value is out of range. */
export async function setReminderLeads(patch: Partial<ReminderLeads>): Promise<ReminderLeads> {
  const next = ReminderLeads.parse({ ...(await getReminderLeads()), ...patch });
  await browser.storage.local.set({ [REMINDER_LEADS_KEY]: next });
  return next;
}

/** The case book route a reminder opens: its case, else its employee, else the calendar. */
export function reminderRoute(r: Pick<Reminder, 'caseId' | 'employeeId'>): string {
  if (r.caseId) return `case/${r.caseId}`;
  if (r.employeeId) return `employee/${r.employeeId}`;
  return 'calendar';
}

/** The case book URL of a route (`casebook.html#/case/<id>`). */
export function caseBookUrl(route: string): string {
  return browser.runtime.getURL(`/casebook.html#/${route}` as '/casebook.html');
}

export interface ReminderCheckResult {
  today: IsoDate;
  due: Reminder[];
  /** Notification ids created by this check. */
  notified: string[];
  badge: string;
}

export interface ReminderCheckOptions {
  /** Show notifications for reminders not shown before (default true); false only refreshes the badge. */
  notify?: boolean;
  repos?: Repos;
}

interface Deps {
  repos: Repos;
  now: () => Date;
}

let deps: Deps | undefined;
const depsOrDefault = (): Deps => (deps ??= { repos: createRepos(getDb(), { source: 'background' }), now: () => new Date() });

async function languageOf(repos: Repos): Promise<'zh-CN' | 'en'> {
  const s = await repos.settings.get().catch(() => undefined);
  return s?.language === 'en' ? 'en' : 'zh-CN';
}

/**
 * Computes the reminders due on `today` (default: today in Beijing), sets the action badge (count; red when
 * something is urgent) and notifies the reminders not notified before. Safe to call from the background or
 * an extension page.
 */
export async function runReminderCheck(today?: IsoDate, options: ReminderCheckOptions = {}): Promise<ReminderCheckResult> {
  const d = depsOrDefault();
  const repos = options.repos ?? d.repos;
  const day = today ?? beijingDate(d.now());
  const leads = await getReminderLeads();
  const snapshot = await loadSnapshot(repos, documentWindow(day, leads));
  const due = dueReminders(snapshot, day, leads, new WorkdayIndex(day, { back: 400, ahead: 366 * 4 }));
  const lang = await languageOf(repos);

  const badge = due.length === 0 ? '' : due.length > 999 ? '999+' : String(due.length);
  await browser.action.setBadgeText({ text: badge });
  if (due.length) await browser.action.setBadgeBackgroundColor({ color: due.some((r) => r.urgency === 'urgent') ? '#cf222e' : '#9a6700' });
  await browser.action.setTitle({
    title: due.length ? (lang === 'en' ? `${due.length} reminder(s) due` : `${due.length} 项提醒到期`) : '',
  }).catch(() => {});

  const stored = ((await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as Record<string, string> | undefined) ?? {};
  const dueKeys = new Set(due.map((r) => r.key));
  // Forget what is no longer due, so that the list stays as short as what is due.
  const notifiedBefore: Record<string, string> = Object.fromEntries(Object.entries(stored).filter(([k]) => dueKeys.has(k)));
  const fresh = due.filter((r) => !(r.key in notifiedBefore));
  const created: string[] = [];
  if (options.notify !== false && fresh.length) {
    const text = (r: Reminder) => (lang === 'en' ? { title: r.title.en, message: r.body.en } : { title: r.title.zh, message: r.body.zh });
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    const separate = fresh.length <= MAX_SEPARATE ? fresh : fresh.slice(0, MAX_SEPARATE - 1);
    for (const r of separate) {
      const id = `${NOTIFICATION_PREFIX}${reminderRoute(r)}|${r.key}`;
      await browser.notifications.create(id, { type: 'basic', iconUrl, ...text(r), priority: r.urgency === 'urgent' ? 2 : 0 });
      created.push(id);
    }
    const rest = fresh.slice(separate.length);
    if (rest.length) {
      const id = `${NOTIFICATION_PREFIX}calendar|summary:${day}`;
      await browser.notifications.create(id, {
        type: 'list',
        iconUrl,
        title: lang === 'en' ? `${rest.length} more reminder(s)` : `另有 ${rest.length} 项提醒`,
        message: lang === 'en' ? 'Open the case book for the list' : '打开案卷簿查看全部',
        items: rest.slice(0, 5).map((r) => ({ title: text(r).title, message: r.date })),
      });
      created.push(id);
    }
    for (const r of fresh) notifiedBefore[r.key] = day;
  }
  await browser.storage.local.set({ [NOTIFIED_KEY]: notifiedBefore });
  return { today: day, due, notified: created, badge };
}

/** Milliseconds until the next 08:30 in Beijing (UTC+8, no DST) after `now`. */
export function nextMorning(now: Date): number {
  const beijingMs = now.getTime() + 8 * 3600_000;
  const dayStart = Math.floor(beijingMs / 86_400_000) * 86_400_000;
  let at = dayStart + (8 * 60 + 30) * 60_000;
  if (at <= beijingMs) at += 86_400_000;
  return at - 8 * 3600_000;
}

/**
 * Wires the reminders into the background (call once, synchronously, in `defineBackground`): the daily alarm
 * at 08:30 Beijing time, a check on start-up and install, and the notification click handler. Returns
 * `runReminderCheck`, also exposed as `globalThis.jzzReminders` for tests.
 */
export function registerReminderAlarms(options: { db?: JzzDb; repos?: Repos; now?: () => Date } = {}): { runReminderCheck: typeof runReminderCheck } {
  const repos = options.repos ?? createRepos(options.db ?? getDb(), { source: 'background' });
  deps = { repos, now: options.now ?? (() => new Date()) };
  const run = (today?: IsoDate, o?: ReminderCheckOptions) => runReminderCheck(today, o);

  void browser.alarms.get(REMINDER_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(REMINDER_ALARM, { when: nextMorning(deps!.now()), periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void run().catch((e) => console.error('reminder check failed', e));
  });
  browser.runtime.onStartup.addListener(() => void run().catch((e) => console.error('reminder check failed', e)));
  browser.runtime.onInstalled.addListener(() => void run(undefined, { notify: false }).catch(() => {}));
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const route = id.slice(NOTIFICATION_PREFIX.length).split('|')[0];
    void browser.tabs.create({ url: caseBookUrl(route) });
    void browser.notifications.clear(id);
  });
  (globalThis as unknown as { jzzReminders?: { runReminderCheck: typeof runReminderCheck } }).jzzReminders = { runReminderCheck: run };
  return { runReminderCheck: run };
}

export const CASEBOOK_MENU_ID = 'jzz-open-casebook';

interface ContextMenusLike {
  create(p: { id: string; title: string; contexts: string[] }, cb?: () => void): unknown;
  removeAll(cb?: () => void): unknown;
  onClicked: { addListener(f: (info: { menuItemId: string | number }) => void): void };
}

/**
 * 「打开案卷簿」 in the toolbar icon's right-click menu (the action's context menu). Needs the
 * `contextMenus` permission in the manifest; without it this does nothing and returns false.
 */
export function registerCaseBookMenu(): boolean {
  const menus = (browser as unknown as { contextMenus?: ContextMenusLike }).contextMenus;
  if (!menus) return false;
  const title = (globalThis.navigator?.language ?? 'zh-CN').toLowerCase().startsWith('zh') ? '打开案卷簿' : 'Open the case book';
  browser.runtime.onInstalled.addListener(() => {
    menus.removeAll(() => menus.create({ id: CASEBOOK_MENU_ID, title, contexts: ['action'] }));
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === CASEBOOK_MENU_ID) void browser.tabs.create({ url: caseBookUrl('') });
  });
  return true;
}
