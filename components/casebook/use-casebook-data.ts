/**
 * The case book's one live read: every employee and case, documents falling below §五 in the next 400 days (or already)
 * and the company, re-read whenever any of them changes (in this tab or another), turned into rows with the
 * deadline settings (rules/deadline-events.ts does the arithmetic).
 */
import { useContext, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { caseBookDocumentWindow } from '../../rules/deadline-events';
import { getRepos } from '../../storage/repos';
import { caseBookRows, loadSnapshot, type CaseBookRow, type Snapshot } from '../../storage/snapshot';
import { type DeadlineOptions } from '../../rules/deadlines';
import { LiveEpochContext } from '../use-live';
import { useDeadlineOptions } from '../use-deadline-settings';

export interface CaseBookData {
  snapshot: Snapshot;
  rows: CaseBookRow[];
  /** The deadline settings the rows were computed with (rules/deadlines.ts DeadlineOptions). */
  idx: DeadlineOptions;
}

export function useCaseBookData(today: string): CaseBookData | undefined {
  const epoch = useContext(LiveEpochContext);
  const snapshot = useLiveQuery(() => loadSnapshot(getRepos(), caseBookDocumentWindow(today)), [today, epoch]);
  const idx = useDeadlineOptions();
  return useMemo(() => {
    // Nothing is computed before the stored settings (entered holiday notices, buffer) are applied.
    if (!snapshot || !idx) return undefined;
    performance.mark('jzz:casebook:data-loaded');
    return { snapshot, rows: caseBookRows(snapshot, today, idx), idx };
  }, [snapshot, today, idx]);
}
