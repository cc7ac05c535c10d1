/**
 * The case book's one live read: every employee and case, documents falling below §五 in the next 400 days
 * and the company, re-read whenever any of them changes (in this tab or another), turned into rows with the
 * working-day index of today.
 */
import { useContext, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../rules/dates';
import { getRepos } from '../../storage/repos';
import { caseBookRows, loadSnapshot, WorkdayIndex, type CaseBookRow, type Snapshot } from '../../storage/reminders';
import { LiveEpochContext } from '../use-live';

export interface CaseBookData {
  snapshot: Snapshot;
  rows: CaseBookRow[];
  idx: WorkdayIndex;
}

/** The working-day index of `today` (built once per day: ≈ 6,600 days of rules/calendar). */
export function useWorkdayIndex(today: string): WorkdayIndex {
  return useMemo(() => new WorkdayIndex(today), [today]);
}

export function useCaseBookData(today: string): CaseBookData | undefined {
  const epoch = useContext(LiveEpochContext);
  const snapshot = useLiveQuery(() => loadSnapshot(getRepos(), { documentsFrom: today, documentsTo: addDays(today, 400) }), [today, epoch]);
  const idx = useWorkdayIndex(today);
  return useMemo(() => {
    if (!snapshot) return undefined;
    performance.mark('jzz:casebook:data-loaded');
    return { snapshot, rows: caseBookRows(snapshot, today, idx), idx };
  }, [snapshot, today, idx]);
}
