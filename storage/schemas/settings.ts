/** Settings (one row, id 'app') and focus (one row, id 'focus'): the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { WageOverride as RulesWageOverride } from '../../rules/wages';
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

export const SettingsShape = {
  language: Language,
  firstRunDone: z.boolean(),
  wageOverrides: z.array(WageOverride).max(100),
  reminders: StoredReminderLeads,
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
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Omit<Settings, 'updatedAt'> = {
  id: 'app',
  language: 'zh-CN',
  firstRunDone: false,
  wageOverrides: [],
  reminders: { ...DEFAULT_REMINDER_LEADS },
};

export const FocusRow = z.strictObject({
  id: z.literal('focus'),
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  at: Timestamp,
});
export type Focus = z.infer<typeof FocusRow>;
