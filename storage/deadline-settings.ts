/**
 * The two stored settings every working-day answer depends on (issue #14): the State Council notices the agent
 * entered (`holidayArrangements`) and the locality first-review buffer (`localityBufferWorkdays`). Every context
 * — background, side panel, case book, welcome — calls {@link applyDeadlineSettings} with the settings row before
 * it computes, so the same case gives the same days everywhere.
 */
import { setEnteredArrangements, type HolidayArrangement } from '../rules/calendar';
import { DEFAULT_LOCALITY_BUFFER_WORKDAYS, type DeadlineOptions } from '../rules/deadlines';
import type { Bilingual } from '../rules/model';
import type { Settings } from './schemas';

export interface AppliedDeadlineSettings {
  /** What to pass as `DeadlineOptions` to every deadline call. */
  readonly options: DeadlineOptions;
  /** Set when the stored arrangements were refused: the calendar then uses the package data only. */
  readonly error?: Bilingual;
}

let lastKey: string | undefined;
let lastError: Bilingual | undefined;

const keyOf = (list: readonly HolidayArrangement[]): string => JSON.stringify(list);

/**
 * Registers the stored arrangements with rules/calendar.ts (only when they changed since the last call in this
 * context: registering clears the calendar's caches) and returns the deadline options. A stored arrangement
 * that no longer validates is reported in `error` and the calendar continues with the package data only.
 */
export function applyDeadlineSettings(settings: {
  readonly holidayArrangements?: readonly HolidayArrangement[];
  readonly localityBufferWorkdays?: Settings['localityBufferWorkdays'];
}): AppliedDeadlineSettings {
  const list = settings.holidayArrangements ?? [];
  const key = keyOf(list);
  if (key !== lastKey) {
    lastKey = key;
    lastError = undefined;
    try {
      setEnteredArrangements(list);
    } catch (e) {
      setEnteredArrangements([]);
      const text = e instanceof Error ? e.message : String(e);
      lastError = { zh: `已录入的节假日安排无法使用，暂按内置数据计算：${text}`, en: `The entered holiday arrangements cannot be used; the built-in data applies for now: ${text}` };
    }
  }
  return { options: { localityBufferWorkdays: settings.localityBufferWorkdays ?? DEFAULT_LOCALITY_BUFFER_WORKDAYS }, ...(lastError ? { error: lastError } : {}) };
}
