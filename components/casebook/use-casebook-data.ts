/**
 * The case book's one live read: every employee and case, documents falling below §五 in the next 400 days
 * and the company, re-read whenever any of them changes (in this tab or another), turned into rows with the
 * deadline settings (rules/deadline-events.ts does the arithmetic).
 */
import { useContext, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../rules/dates';
import { getRepos } from '../../storage/repos';
import { caseBookRows, loadSnapshot, type CaseBookRow, type DeadlineOptions, type Snapshot } from '../../storage/reminders';
import { LiveEpochContext } from '../use-live';

export interface CaseBookData {
  snapshot: Snapshot;
  rows: CaseBookRow[];
  /** The deadline settings the rows were computed with (rules/deadlines.ts DeadlineOptions). */
  idx: DeadlineOptions;
}

/**
 * The deadline settings (the locality buffer of the recommended latest day). Defaults until the setting is
 * stored (INTEGRATION-14.md); rules/calendar.ts does the working-day arithmetic itself.
 */
export function useDeadlineOptions(): DeadlineOptions {
  return useMemo(() => ({}), []);
}

export function useCaseBookData(today: string): CaseBookData | undefined {
  const epoch = useContext(LiveEpochContext);
  const snapshot = useLiveQuery(() => loadSnapshot(getRepos(), { documentsFrom: today, documentsTo: addDays(today, 400) }), [today, epoch]);
  const idx = useDeadlineOptions();
  return useMemo(() => {
    if (!snapshot) return undefined;
    performance.mark('jzz:casebook:data-loaded');
    return { snapshot, rows: caseBookRows(snapshot, today, idx), idx };
  }, [snapshot, today, idx]);
}
