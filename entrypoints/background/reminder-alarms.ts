/**
 * Reminders in the browser: a daily `alarms` alarm runs {@link runReminderCheck}, which computes what is due
 * (rules/deadline-events.ts over storage/snapshot.ts), sets the action badge to the count, and shows a notification for each reminder not
 * shown before (once per key). Clicking a notification opens the case book at the case (or employee).
 *
 * The background wires it once at start-up:
 *
 *   import { registerReminderAlarms } from './reminder-alarms';
 *   defineBackground(() => { registerReminderAlarms({ db: getDb() }); … });
 *
 * Tests (and the case book's "check now" button) call `runReminderCheck(today)`; in the service worker it is
 * also reachable as `globalThis.jzzReminders.runReminderCheck('2027-03-01')` (serviceWorker.evaluate).
 *
 * The entered holiday arrangements and the locality buffer are applied from the settings row before each check
 * (storage/deadline-settings.ts). Lead times are a setting in the database (settings row, `reminders`; backed up). Releases before
 * schema 3 kept them in `browser.storage.local` under {@link REMINDER_LEADS_KEY}: {@link adoptLegacyReminderLeads}
 * moves such a value into the settings once.
 */
import { browser } from 'wxt/browser';
import { beijingDate } from '../../rules/dates';
import type { IsoDate } from '../../rules/model';
import type { JzzDb } from '../../storage/db';
import { getDb } from '../../storage/db';
import { createRepos, type Repos } from '../../storage/repos';
import { ERASURE_NOTICE_PREFIX, type ErasureNotice } from '../../utils/erasure-notice';
import { ReminderLeads } from '../../storage/schemas';
import { REQUEST_SCHEMAS, type ReminderCheckResult } from '../../utils/messaging';
import { assertExtensionPage, parseMessage, type OnMessage } from './storage-handlers';
import { documentWindow, dueReminders, type Reminder } from '../../rules/deadline-events';
import { loadSnapshot } from '../../storage/snapshot';
import { applyDeadlineSettings } from '../../storage/deadline-settings';

export const REMINDER_ALARM = 'jzz-daily-reminders';
export const REMINDER_LEADS_KEY = 'reminderLeads';
/** Keys already notified → the day they were first shown. */
export const NOTIFIED_KEY = 'reminderNotified';
/**
 * Notifications created and not yet clicked or closed → the employees they name and the reminder keys they
 * show, so that deleting an employee can take their name off the screen ({@link forgetEmployeeReminders}).
 */
export const SHOWN_KEY = 'reminderShown';
type Shown = Record<string, { employees: string[]; keys: string[] }>;
const NOTIFICATION_PREFIX = 'jzz-reminder|';
/** At most this many separate notifications per check; more are summed up in one list notification. */
const MAX_SEPARATE = 3;

/**
 * Lead times saved by a release before schema 3 (in `browser.storage.local`) become the settings' own,
 * once; a value out of range is dropped (the defaults stay) rather than blocking the reminders.
 */
export async function adoptLegacyReminderLeads(repos: Repos): Promise<void> {
  const got = await browser.storage.local.get(REMINDER_LEADS_KEY);
  const legacy = got[REMINDER_LEADS_KEY];
  if (legacy === undefined) return;
  const parsed = ReminderLeads.partial().safeParse(legacy);
  if (parsed.success) await repos.settings.update({ reminders: parsed.data });
  await browser.storage.local.remove(REMINDER_LEADS_KEY);
}

/** The case book route a reminder opens: its case, else its employee, else the calendar. */
function reminderRoute(r: Pick<Reminder, 'caseId' | 'employeeId'>): string {
  if (r.caseId) return `case/${r.caseId}`;
  if (r.employeeId) return `employee/${r.employeeId}`;
  return 'calendar';
}

/** The case book URL of a route (`casebook.html#/case/<id>`). */
function caseBookUrl(route: string): string {
  return browser.runtime.getURL(`/casebook.html#/${route}` as '/casebook.html');
}

export type { ReminderCheckResult };

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
export function runReminderCheck(today?: IsoDate, options: ReminderCheckOptions = {}): Promise<ReminderCheckResult> {
  return serial(() => check(today, options));
}

// The alarm, a start-up check and an erasure notice can arrive together; each reads and rewrites the
// notified/shown lists, so they take turns (within this context) instead of overwriting each other.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(f: () => Promise<T>): Promise<T> {
  const next = queue.then(f, f);
  queue = next.catch(() => {});
  return next;
}

async function readShown(): Promise<Shown> {
  return ((await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] as Shown | undefined) ?? {};
}

async function check(today: IsoDate | undefined, options: ReminderCheckOptions): Promise<ReminderCheckResult> {
  const d = depsOrDefault();
  const repos = options.repos ?? d.repos;
  const day = today ?? beijingDate(d.now());
  const settings = await repos.settings.get();
  const leads = settings.reminders;
  // The entered holiday notices and the locality buffer, read fresh before every check (the settings page
  // may have changed them since the last one): the same days as the side panel and the case book.
  const deadlineOptions = applyDeadlineSettings(settings).options;
  const snapshot = await loadSnapshot(repos, documentWindow(day, leads));
  const due = dueReminders(snapshot, day, leads, deadlineOptions);
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
  const shown = await readShown();
  // Entries of notifications the agent has dismissed since (where the browser can tell) are dropped.
  const onScreen = await browser.notifications.getAll?.().catch(() => undefined);
  if (onScreen) for (const id of Object.keys(shown)) if (!(id in onScreen)) delete shown[id];
  const record = (id: string, rs: readonly Reminder[]) => {
    shown[id] = { employees: [...new Set(rs.flatMap((r) => (r.employeeId ? [r.employeeId] : [])))], keys: rs.map((r) => r.key) };
  };
  if (options.notify !== false && fresh.length) {
    const text = (r: Reminder) => (lang === 'en' ? { title: r.title.en, message: r.body.en } : { title: r.title.zh, message: r.body.zh });
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    const separate = fresh.length <= MAX_SEPARATE ? fresh : fresh.slice(0, MAX_SEPARATE - 1);
    for (const r of separate) {
      const id = `${NOTIFICATION_PREFIX}${reminderRoute(r)}|${r.key}`;
      await browser.notifications.create(id, { type: 'basic', iconUrl, ...text(r), priority: r.urgency === 'urgent' ? 2 : 0 });
      created.push(id);
      record(id, [r]);
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
      record(id, rest);
    }
    for (const r of fresh) notifiedBefore[r.key] = day;
  }
  await browser.storage.local.set({ [NOTIFIED_KEY]: notifiedBefore, [SHOWN_KEY]: shown });
  return { today: day, due, notified: created, badge };
}

/** The record id inside a reminder key (`renewal-open:<employeeId>:<expiry>`, `review-completes:<caseId>:…`). */
const keyRecord = (key: string): string => key.split(':')[1] ?? '';

/**
 * After an employee was deleted: clears every notification that names them (a summary list that mentions
 * them among others included) and drops their "already notified" keys, which carry their record ids.
 * Returns the cleared notification ids and the dropped keys.
 */
export function forgetEmployeeReminders(notice: ErasureNotice): Promise<{ cleared: string[]; forgotten: string[] }> {
  return serial(async () => {
    const ids = new Set([notice.employeeId, ...notice.caseIds, ...notice.documentIds]);
    const shown = await readShown();
    const cleared: string[] = [];
    const droppedKeys = new Set<string>();
    for (const [id, entry] of Object.entries(shown)) {
      if (!entry.employees.includes(notice.employeeId) && !entry.keys.some((k) => ids.has(keyRecord(k)))) continue;
      await browser.notifications.clear(id).catch(() => false);
      entry.keys.forEach((k) => droppedKeys.add(k));
      delete shown[id];
      cleared.push(id);
    }
    const notified = ((await browser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as Record<string, string> | undefined) ?? {};
    const forgotten = Object.keys(notified).filter((k) => ids.has(keyRecord(k)) || droppedKeys.has(k));
    for (const k of forgotten) delete notified[k];
    await browser.storage.local.set({ [NOTIFIED_KEY]: notified, [SHOWN_KEY]: shown });
    return { cleared, forgotten };
  });
}

function isNotice(v: unknown): v is ErasureNotice {
  const n = v as Partial<ErasureNotice> | null;
  const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  return !!n && typeof n.employeeId === 'string' && strings(n.caseIds) && strings(n.documentIds);
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
  void serial(() => adoptLegacyReminderLeads(repos)).catch((e) => console.error('could not adopt the saved reminder lead times', e));
  browser.runtime.onInstalled.addListener(() => void run(undefined, { notify: false }).catch(() => {}));
  const unrecord = (id: string) =>
    void serial(async () => {
      const shown = await readShown();
      if (!(id in shown)) return;
      delete shown[id];
      await browser.storage.local.set({ [SHOWN_KEY]: shown });
    }).catch(() => {});
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    const route = id.slice(NOTIFICATION_PREFIX.length).split('|')[0];
    void browser.tabs.create({ url: caseBookUrl(route) });
    void browser.notifications.clear(id);
    unrecord(id);
  });
  browser.notifications.onClosed?.addListener((id) => {
    if (id.startsWith(NOTIFICATION_PREFIX)) unrecord(id);
  });

  // Erasures announced by an extension page (storage/repos/employees.ts): forget, then refresh the badge.
  const handled = new Set<string>();
  const onNotice = async (key: string, value: unknown) => {
    if (handled.has(key)) return;
    handled.add(key);
    try {
      if (isNotice(value)) {
        await forgetEmployeeReminders(value);
        await run(undefined, { notify: false });
      }
      await browser.storage.local.remove(key);
    } finally {
      handled.delete(key);
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (key.startsWith(ERASURE_NOTICE_PREFIX) && change.newValue) void onNotice(key, change.newValue).catch((e) => console.error('erasure notice failed', e));
    }
  });
  // Notices written while no worker was listening (the worker starts with this call, so none is missed twice).
  void browser.storage.local.get(null).then((all) => {
    for (const [key, value] of Object.entries(all)) if (key.startsWith(ERASURE_NOTICE_PREFIX)) void onNotice(key, value).catch(() => {});
  });
  (globalThis as unknown as { jzzReminders?: { runReminderCheck: typeof runReminderCheck } }).jzzReminders = { runReminderCheck: run };
  return { runReminderCheck: run };
}

/** The case book's 「立即检查」: runs the check here, where the badge and notifications belong; our own pages only. */
export function registerReminderHandler(
  on: OnMessage,
  deps: { runtimeId: string; runReminderCheck: () => Promise<ReminderCheckResult> },
): () => void {
  return on('runReminderCheck', async ({ data, sender }) => {
    assertExtensionPage(sender, deps.runtimeId);
    parseMessage(REQUEST_SCHEMAS.runReminderCheck, data);
    return deps.runReminderCheck();
  });
}

const CASEBOOK_MENU_ID = 'jzz-open-casebook';

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
