/**
 * Deleting an employee takes them off the screen too: every reminder notification naming them (a summary
 * list that mentions them among others included) is cleared, and their "already notified" keys are dropped.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renewalWindow } from '../../../rules/deadlines';
import { forgetEmployeeReminders, NOTIFIED_KEY, registerReminderAlarms, runReminderCheck, SHOWN_KEY } from '../../../entrypoints/background/reminder-alarms';
import { announceErasuresToBackground, ERASURE_NOTICE_PREFIX } from '../../../utils/erasure-notice';

// As the side panel and the case book do at start-up.
announceErasuresToBackground();
import { makeClock, rid, useFreshDb } from './helpers';

type Shown = Record<string, { title: string; message: string; items?: { title: string }[] }>;
const onScreen = async () => (await fakeBrowser.notifications.getAll()) as unknown as Shown;
const textOf = (n: Shown[string]) => [n.title, n.message, ...(n.items ?? []).map((i) => i.title)].join(' ');
const notifiedKeys = async () => Object.keys(((await fakeBrowser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY] as object | undefined) ?? {});

describe('deleting an employee clears the reminders shown about them', () => {
  const clock = makeClock('2026-11-26T02:00:00.000Z');
  const t = useFreshDb({ now: clock.ticking });
  const expiry = '2027-06-30';
  const day = renewalWindow(expiry).opens.date;

  async function fiveHolders() {
    const names = ['赵一', '钱二', '孙三', '李四', '周五'];
    const out = [];
    for (const [i, name] of names.entries()) {
      out.push(await t.repos.employees.create({ name, residentId: rid('1990-01-01', i + 1), holderStatus: 'holder', permitValidUntil: expiry }));
    }
    return out;
  }

  it('the background hears the deletion and clears the notifications naming them, the summary list included', async () => {
    // The worker's clock on the day the renewal window opens, so its badge refresh sees the same reminders.
    registerReminderAlarms({ repos: t.repos, now: () => new Date(`${day}T02:00:00.000Z`) });
    const people = await fiveHolders();
    const r = await runReminderCheck(day, { repos: t.repos });
    // Two separate notifications and one list for the other three.
    expect(r.notified).toHaveLength(3);
    expect(Object.keys(await onScreen())).toHaveLength(3);
    expect(await notifiedKeys()).toHaveLength(5);

    // One named in a separate notification, one named only inside the summary list.
    const screen = await onScreen();
    const separateId = r.notified[0];
    const separateName = people.find((p) => screen[separateId].title.includes(p.name))!;
    const listId = r.notified[2];
    const listed = people.find((p) => textOf(screen[listId]).includes(p.name))!;
    const survivorId = r.notified[1];

    for (const victim of [separateName, listed]) {
      await t.repos.employees.remove(victim.id);
      // The notice is consumed by the background once it has acted on it.
      await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith(ERASURE_NOTICE_PREFIX))).toEqual([]));
      await vi.waitFor(async () => expect(Object.values(await onScreen()).map(textOf).join('|')).not.toContain(victim.name));
      expect((await notifiedKeys()).some((k) => k.includes(victim.id))).toBe(false);
    }
    // The notification about someone else stays; the summary list went with the person it named.
    const left = await onScreen();
    expect(Object.keys(left)).toEqual([survivorId]);
    expect(Object.keys((await fakeBrowser.storage.local.get(SHOWN_KEY))[SHOWN_KEY] as object)).toEqual([survivorId]);
    // The badge counts the three left; a later check names neither of the deleted.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    const again = await runReminderCheck(day, { repos: t.repos });
    expect(again.due.map((d) => d.employeeId)).not.toContain(separateName.id);
    expect(again.due.map((d) => d.employeeId)).not.toContain(listed.id);
  });

  it('drops the notified keys of their cases and documents too, and leaves other people alone', async () => {
    const [a, b] = await fiveHolders();
    const kase = await t.repos.cases.create({ employeeId: a.id, business: 'renewal' });
    const doc = await t.repos.documents.create({ caseId: kase.id, kind: 'lease-contract', validUntil: '2027-01-31' });
    await fakeBrowser.storage.local.set({
      [NOTIFIED_KEY]: {
        [`renewal-open:${a.id}:${expiry}`]: day,
        [`review-completes:${kase.id}:2026-10-01`]: day,
        [`document-falls-below:${doc.id}:2026-12-31`]: day,
        [`renewal-open:${b.id}:${expiry}`]: day,
      },
    });
    const out = await forgetEmployeeReminders({ employeeId: a.id, caseIds: [kase.id], documentIds: [doc.id] });
    expect(out.forgotten).toHaveLength(3);
    expect(await notifiedKeys()).toEqual([`renewal-open:${b.id}:${expiry}`]);
  });

  it('announces the ids a deletion removed, only once it has committed', async () => {
    const [a] = await fiveHolders();
    const kase = await t.repos.cases.create({ employeeId: a.id, business: 'renewal' });
    const doc = await t.repos.documents.create({ caseId: kase.id, kind: 'lease-contract', validUntil: '2027-01-31' });
    await expect(t.repos.employees.remove('no-such-id')).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await t.repos.employees.remove(a.id);
    const all = await fakeBrowser.storage.local.get(null);
    expect(all).toEqual({ [`${ERASURE_NOTICE_PREFIX}${a.id}`]: { employeeId: a.id, caseIds: [kase.id], documentIds: [doc.id] } });
    // Record ids only: nothing a person could be recognised by.
    expect(JSON.stringify(all)).not.toContain(a.name);
    expect(JSON.stringify(all)).not.toContain(a.residentId);
  });
});
