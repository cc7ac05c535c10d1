/**
 * The stored deadline settings for React views: registers the entered holiday arrangements with the calendar
 * (storage/deadline-settings.ts) during render, before any child computes a working day, and returns the
 * `DeadlineOptions` (`{ localityBufferWorkdays }`) to pass to every deadline call. `undefined` while the
 * settings row loads — compute nothing until then, so no view shows a day the stored settings would change.
 */
import { useMemo } from 'react';
import { applyDeadlineSettings, type AppliedDeadlineSettings } from '../storage/deadline-settings';
import type { DeadlineOptions } from '../rules/deadlines';
import { useSettings } from './use-live';

export function useDeadlineSettings(): AppliedDeadlineSettings | undefined {
  const settings = useSettings();
  const key = settings ? `${settings.localityBufferWorkdays}|${JSON.stringify(settings.holidayArrangements)}` : '';
  // Keyed on the two fields' content, not on the row object (which changes with every other setting).
  return useMemo(() => (settings ? applyDeadlineSettings(settings) : undefined), [key]);
}

/** The `DeadlineOptions` of the stored settings (undefined while loading); a new object whenever they change. */
export function useDeadlineOptions(): DeadlineOptions | undefined {
  return useDeadlineSettings()?.options;
}
