/** Settings (one row, id 'app') and focus (one row, id 'focus'): the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { WageOverride as RulesWageOverride } from '../../rules/wages';
import { DEFAULT_LOCALITY_BUFFER_WORKDAYS, LocalityBufferWorkdays } from '../../rules/deadlines';
import { HolidayArrangementSchema, type HolidayArrangement } from '../../rules/calendar';
import { DEFAULT_REMINDER_LEADS, ReminderLeads } from '../../rules/deadline-events';
import { RecordId, Timestamp } from './common';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** A wage figure the user entered (rules/wages.ts WageOverride, strict, with a length cap on the source). */
export const WageOverride = z.strictObject({
  ...RulesWageOverride.shape,
  source: z.string().trim().min(1).max(300).optional(),
});
export type WageOverride = z.infer<typeof WageOverride>;

/**
 * The reminder lead times are a setting (the settings row, backed up) whose shape and defaults are the
 * reminders' own (rules/deadline-events.ts): the background's daily check, the case book's calendar and the
 * settings page all read them here.
 */
export { ReminderLeads, DEFAULT_REMINDER_LEADS };

/**
 * Schema 2 stored `reminders` of another design that nothing ever read ({ documentLeadDays,
 * permitLeadWorkingDays, staleCaseDays }); the lead times in force then lived outside the database and
 * are adopted by the background (adoptLegacyReminderLeads). Such a row — in the database or in a
 * backup — reads as the default lead times.
 */
export const StoredReminderLeads = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && 'documentLeadDays' in v ? { ...DEFAULT_REMINDER_LEADS } : v),
  ReminderLeads,
);

/**
 * The State Council notices the agent entered (rules/calendar.ts HolidayArrangement, one per year), registered
 * with `setEnteredArrangements` by every context before it counts working days. Two for one year are refused.
 */
export const HolidayArrangements = z
  .array(HolidayArrangementSchema)
  .max(50)
  .refine((list) => new Set(list.map((a) => a.year)).size === list.length, { message: '同一年份的节假日安排录入了两次 / Two holiday arrangements for one year' });
export type HolidayArrangements = z.infer<typeof HolidayArrangements>;

/**
 * Rows and backups written before issue #14 have neither `localityBufferWorkdays` nor `holidayArrangements`:
 * they read as the defaults (`.default`), so an old row or an old backup still parses.
 */
export const SettingsShape = {
  language: Language,
  firstRunDone: z.boolean(),
  wageOverrides: z.array(WageOverride).max(100),
  reminders: StoredReminderLeads,
  /** 属地初审预留工作日: the locality first-review buffer of the recommended latest day (rules/deadlines.ts). */
  localityBufferWorkdays: LocalityBufferWorkdays.default(DEFAULT_LOCALITY_BUFFER_WORKDAYS),
  holidayArrangements: HolidayArrangements.default([]),
};

export const SettingsRow = z.strictObject({
  id: z.literal('app'),
  ...SettingsShape,
  updatedAt: Timestamp,
});
export type Settings = z.infer<typeof SettingsRow>;

export const SettingsPatch = z.strictObject({
  language: Language.optional(),
  firstRunDone: z.boolean().optional(),
  wageOverrides: SettingsShape.wageOverrides.optional(),
  reminders: ReminderLeads.partial().optional(),
  localityBufferWorkdays: LocalityBufferWorkdays.optional(),
  /** Replaced as a whole list (the settings page replaces one year's arrangement, or removes it). */
  holidayArrangements: HolidayArrangements.optional(),
});
/** A settings write; `holidayArrangements` also takes the readonly arrangements rules/ returns (parseHolidayNotice). */
export type SettingsPatch = Omit<z.input<typeof SettingsPatch>, 'holidayArrangements'> & { holidayArrangements?: readonly HolidayArrangement[] };

export const DEFAULT_SETTINGS: Omit<Settings, 'updatedAt'> = {
  id: 'app',
  language: 'zh-CN',
  firstRunDone: false,
  wageOverrides: [],
  reminders: { ...DEFAULT_REMINDER_LEADS },
  localityBufferWorkdays: DEFAULT_LOCALITY_BUFFER_WORKDAYS,
  holidayArrangements: [],
};

export const FocusRow = z.strictObject({
  id: z.literal('focus'),
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  at: Timestamp,
});
export type Focus = z.infer<typeof FocusRow>;
