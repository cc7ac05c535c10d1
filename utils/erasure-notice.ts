/**
 * How an extension page tells the background that an employee was deleted, so that it clears the
 * reminder notifications naming them: `browser.storage.local` key `erasedEmployee:<employeeId>` →
 * {@link ErasureNotice}. The background (entrypoints/background/reminder-alarms.ts) hears it through
 * `storage.onChanged` (which also wakes a sleeping worker), clears what it showed about the person and
 * removes the notice. One key per employee, so two pages deleting at once cannot overwrite each other's
 * notice. Record ids only: nothing personal.
 */
import { browser } from 'wxt/browser';
import { setErasureListener, type ErasureNotice } from '../storage/repos/employees';

export type { ErasureNotice };
export const ERASURE_NOTICE_PREFIX = 'erasedEmployee:';

/** Writes the notice; a notice that cannot be written only leaves a notification on screen until the next check. */
async function announceErasure(notice: ErasureNotice): Promise<void> {
  try {
    await browser.storage.local.set({ [`${ERASURE_NOTICE_PREFIX}${notice.employeeId}`]: notice });
  } catch (e) {
    console.error('could not announce the erasure to the background', e);
  }
}

/** Called once by each extension page that can delete employees (side panel, case book). */
export function announceErasuresToBackground(): void {
  setErasureListener(announceErasure);
}
