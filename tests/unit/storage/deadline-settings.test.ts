/**
 * The two settings of issue #14 in the database: the locality first-review buffer and the State Council notices
 * the agent entered. Old rows and old backups read as the defaults; the values are backed up; applying them
 * makes an entered year official (no ≈) and moves the recommended latest day with the buffer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseHolidayNotice } from '../../../rules/holiday-notice';
import { yearSource } from '../../../rules/calendar';
import { renewalWindow } from '../../../rules/deadlines';
import { applyDeadlineSettings } from '../../../storage/deadline-settings';
import { applyImport, exportBackup, planImport, readBackup } from '../../../storage/backup';
import { openDb } from '../../../storage/db';
import { createRepos } from '../../../storage/repos';
import { makeClock, useFreshDb } from './helpers';

/** A 2027 notice as the agent would paste it (2027 is not in the package data). */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月11日（周四）放假调休，共7天。2月14日（周日）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。10月9日（周六）上班。
鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月5日）休息。`;

const reset = () => applyDeadlineSettings({ holidayArrangements: [], localityBufferWorkdays: 5 });

describe('the deadline settings in the database', () => {
  const clock = makeClock();
  const t = useFreshDb({ now: clock.ticking });
  afterEach(reset);

  it('reads a settings row written before issue #14 as buffer 5 and no entered notice', async () => {
    await t.db.settings.put({ id: 'app', language: 'en', firstRunDone: true, wageOverrides: [], reminders: { windowOpens: 0, lastSafeDay: 5, documents: 10 }, updatedAt: '2026-01-01T00:00:00.000Z' } as never);
    expect(await t.repos.settings.get()).toMatchObject({ language: 'en', localityBufferWorkdays: 5, holidayArrangements: [] });
    // and writing another setting keeps the row valid (the defaults are written with it)
    await t.repos.settings.update({ language: 'zh-CN' });
    expect(await t.db.settings.get('app')).toMatchObject({ localityBufferWorkdays: 5, holidayArrangements: [] });
  });

  it('stores the buffer within 0–60 working days and refuses anything else', async () => {
    expect((await t.repos.settings.update({ localityBufferWorkdays: 8 })).localityBufferWorkdays).toBe(8);
    await expect(t.repos.settings.update({ localityBufferWorkdays: 61 })).rejects.toThrow();
    await expect(t.repos.settings.update({ localityBufferWorkdays: -1 })).rejects.toThrow();
    expect((await t.repos.settings.get()).localityBufferWorkdays).toBe(8);
  });

  it('stores a parsed notice, refuses two for one year or a contradictory one, and carries it in a backup', async () => {
    const a = parseHolidayNotice(NOTICE_2027);
    expect(a.year).toBe(2027);
    await t.repos.settings.update({ holidayArrangements: [a] });
    expect((await t.repos.settings.get()).holidayArrangements).toEqual([a]);
    await expect(t.repos.settings.update({ holidayArrangements: [a, a] })).rejects.toThrow();
    await expect(t.repos.settings.update({ holidayArrangements: [{ ...a, workdays: [a.holidays[0]] }] })).rejects.toThrow();
    expect((await t.repos.settings.get()).holidayArrangements).toEqual([a]);

    const backup = await exportBackup(t.db, { appVersion: 'test' });
    const other = openDb(`test-${globalThis.crypto.randomUUID()}`);
    try {
      const file = await readBackup(backup.text);
      await applyImport(other, file, { conflicts: 'abort' });
      expect(await createRepos(other).settings.get()).toMatchObject({ holidayArrangements: [a], localityBufferWorkdays: 5 });
    } finally {
      await other.delete();
    }
  });

  it('imports a backup made before issue #14 (a settings row without the new fields) with the defaults', async () => {
    await t.repos.settings.update({ language: 'en' });
    const backup = await exportBackup(t.db, { appVersion: 'test' });
    const raw = JSON.parse(backup.text) as { tables: { settings: Record<string, unknown>[] } };
    for (const row of raw.tables.settings) {
      delete row.localityBufferWorkdays;
      delete row.holidayArrangements;
    }
    const other = openDb(`test-${globalThis.crypto.randomUUID()}`);
    try {
      const file = await readBackup(JSON.stringify(raw));
      expect((await planImport(other, file)).conflicts).toEqual([]);
      await applyImport(other, file, { conflicts: 'abort' });
      expect(await createRepos(other).settings.get()).toMatchObject({ language: 'en', localityBufferWorkdays: 5, holidayArrangements: [] });
    } finally {
      await other.delete();
    }
  });
});

describe('applying the deadline settings', () => {
  afterEach(reset);

  it('makes an entered year official: a 2027 expiry loses its ≈ estimate', () => {
    expect(yearSource(2027)).toBe('estimated');
    expect(renewalWindow('2027-03-31').approximate).toBe(true);
    const applied = applyDeadlineSettings({ holidayArrangements: [parseHolidayNotice(NOTICE_2027)], localityBufferWorkdays: 5 });
    expect(applied.error).toBeUndefined();
    expect(yearSource(2027)).toBe('entered');
    const w = renewalWindow('2027-03-31', applied.options);
    expect(w.approximate).toBe(false);
    expect(w.opensBasis).toBe('official');
    // 2027-02-14 (Sunday) is a make-up working day in the entered notice
    expect(w.guideLatestDay.date).toBe('2027-03-03');
  });

  it('moves the recommended latest day with the buffer and leaves the guide\'s day alone', () => {
    const five = renewalWindow('2026-12-31', applyDeadlineSettings({ holidayArrangements: [], localityBufferWorkdays: 5 }).options);
    const eight = renewalWindow('2026-12-31', applyDeadlineSettings({ holidayArrangements: [], localityBufferWorkdays: 8 }).options);
    expect(eight.guideLatestDay.date).toBe(five.guideLatestDay.date);
    expect(eight.recommendedLatestDay.date < five.recommendedLatestDay.date).toBe(true);
    expect(eight.localityBufferWorkdays).toBe(8);
  });

  it('reports stored arrangements that no longer validate and counts with the package data only', () => {
    const a = parseHolidayNotice(NOTICE_2027);
    const applied = applyDeadlineSettings({ holidayArrangements: [a, a], localityBufferWorkdays: 5 });
    expect(applied.error?.zh).toMatch(/已录入的节假日安排无法使用/);
    expect(yearSource(2027)).toBe('estimated');
  });
});
