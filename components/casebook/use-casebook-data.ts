/**
 * The case book's reads: first the rows that come first in the table's default order (storage/snapshot.ts
 * loadFirstScreen: a few hundred employees through indexes), then the one live read — every employee and case,
 * documents falling below §五 in the next 400 days (or already: rules/deadline-events.ts caseBookDocumentWindow)
 * and the company — re-read whenever any of them changes (in
 * this tab or another), turned into rows with the deadline settings (rules/deadline-events.ts does the
 * arithmetic for both, so a row of the first screen is the same row in the full table).
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { caseBookDocumentWindow } from '../../rules/deadline-events';
import { getRepos } from '../../storage/repos';
import { caseBookRows, loadFirstScreen, loadSnapshot, type CaseBookRow, type FirstScreen, type Snapshot } from '../../storage/snapshot';
import { type DeadlineOptions } from '../../rules/deadlines';
import { LiveEpochContext } from '../use-live';
import { useDeadlineOptions } from '../use-deadline-settings';
import { applyDeadlineSettings } from '../../storage/deadline-settings';

export interface CaseBookData {
  snapshot: Snapshot;
  rows: CaseBookRow[];
  /** The deadline settings the rows were computed with (rules/deadlines.ts DeadlineOptions). */
  idx: DeadlineOptions;
}

/** Rows the first query fetches: more than a tall screen shows (the grid draws ~30 and 8 more each way). */
const FIRST_SCREEN_ROWS = 60;

/**
 * `data`: every row, once the full read is in. `first`: the first screen until then (absent when the database is
 * small or too few rows are due within the document window: the full read then comes first).
 */
export function useCaseBookData(today: string): { data?: CaseBookData; first?: FirstScreen } {
  const epoch = useContext(LiveEpochContext);
  const idx = useDeadlineOptions();
  // undefined: not tried yet; null: no first screen (small database, or the full read came first).
  const [first, setFirst] = useState<{ today: string; screen: FirstScreen | null } | undefined>(undefined);
  useEffect(() => {
    if (first) return;
    let alive = true;
    performance.mark('jzz:casebook:query-start');
    // Started at mount, not after the settings hook answers: the settings row is read here too, and applied
    // before anything is computed (the same options the rows below get from useDeadlineOptions).
    const repos = getRepos();
    repos.settings
      .get()
      .then((settings) => loadFirstScreen(repos, today, caseBookDocumentWindow(today), applyDeadlineSettings(settings).options, FIRST_SCREEN_ROWS))
      .then(
        (screen) => alive && setFirst({ today, screen: screen ?? null }),
        () => alive && setFirst({ today, screen: null }),
      );
    return () => {
      alive = false;
    };
  }, [today, first]);
  // Everything else after the first screen: the full read waits for the first query to answer.
  const snapshot = useLiveQuery(
    () => (first ? loadSnapshot(getRepos(), caseBookDocumentWindow(today)) : undefined),
    [today, epoch, first !== undefined],
  );
  return useMemo(() => {
    if (!idx) return {};
    const screen = first?.today === today ? first.screen ?? undefined : undefined;
    if (!snapshot) return screen ? { first: screen } : {};
    performance.mark('jzz:casebook:data-loaded');
    return { data: { snapshot, rows: caseBookRows(snapshot, today, idx), idx } };
  }, [snapshot, today, idx, first]);
}
