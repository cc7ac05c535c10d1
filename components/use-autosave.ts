/**
 * React binding of storage/autosave.ts: `const { schedule, flush, state, error } = useAutosave(caseId, patch =>
 * repos.cases.update(caseId, patch))`. Changes are saved within 300 ms, on `pagehide`, when the panel is
 * hidden, when `key` changes (to the old record) and on unmount.
 *
 * Optional write-ahead journal (`journal: 'name'`): every scheduled change is also written synchronously to
 * the extension's localStorage until IndexedDB has it, and replayed the next time a saver with that
 * journal name is mounted. Why: when the side panel is closed, Chromium tears the page down right after
 * `pagehide`, and an IndexedDB transaction that still needs a second round trip (Dexie reads, then writes,
 * then audits) is lost — measured in tests/e2e/sidepanel.spec.ts. localStorage writes are synchronous and
 * survive. The journal holds only unsaved edits, is cleared once they are saved, and entries older than a
 * week are dropped by `sweepAutosaveJournal()`.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { createAutosaver, flushOnHide, mergePatches, type Autosaver, type AutosaveState } from '../storage/autosave';

const JOURNAL_PREFIX = 'jzz.autosave.';
const JOURNAL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface JournalEntry<P> {
  at: number;
  patch: P;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the journal is a best effort on top of IndexedDB
  }
}

/** The unsaved patch journaled under `name`, if any. */
export function readAutosaveJournal<P>(name: string): P | undefined {
  const raw = storage()?.getItem(JOURNAL_PREFIX + name);
  if (!raw) return undefined;
  try {
    const entry = JSON.parse(raw) as JournalEntry<P>;
    return entry && typeof entry === 'object' && entry.patch && typeof entry.patch === 'object' ? entry.patch : undefined;
  } catch {
    return undefined;
  }
}

function writeJournal(name: string, patch: object | undefined): void {
  const s = storage();
  if (!s) return;
  try {
    if (patch === undefined) s.removeItem(JOURNAL_PREFIX + name);
    else s.setItem(JOURNAL_PREFIX + name, JSON.stringify({ at: Date.now(), patch } satisfies JournalEntry<object>));
  } catch {
    /* quota: IndexedDB still gets the change */
  }
}

/** Drops journal entries older than `maxAgeMs` (default a week): edits whose record is gone or never came back. */
export function sweepAutosaveJournal(maxAgeMs = JOURNAL_MAX_AGE_MS, now = Date.now()): void {
  const s = storage();
  if (!s) return;
  for (let i = s.length - 1; i >= 0; i -= 1) {
    const k = s.key(i);
    if (!k?.startsWith(JOURNAL_PREFIX)) continue;
    try {
      const at = (JSON.parse(s.getItem(k) ?? '{}') as Partial<JournalEntry<unknown>>).at;
      if (typeof at !== 'number' || now - at > maxAgeMs) s.removeItem(k);
    } catch {
      s.removeItem(k);
    }
  }
}

interface KeyedSaver<P extends object> extends Autosaver<P> {
  setSave(save: (patch: P) => Promise<unknown>): void;
  replayed: boolean;
}

function keyedSaver<P extends object>(save: (patch: P) => Promise<unknown>, onError?: (e: unknown) => void, delayMs?: number, journal?: string): KeyedSaver<P> {
  let current = save;
  /** The patch being written right now: journaled with the pending one until the write succeeds. */
  let inFlight: P | undefined;
  const saver = createAutosaver<P>({
    save: async (p) => {
      inFlight = p;
      try {
        return await current(p);
      } finally {
        inFlight = undefined;
      }
    },
    onError,
    delayMs,
  });
  const sync = () => {
    // Between "saving" and the write starting, the patch is in neither place: keep the last journal.
    if (!journal || (saver.state === 'saving' && inFlight === undefined)) return;
    const pending = saver.pendingPatch();
    const all = inFlight && pending ? mergePatches(inFlight, pending) : (pending ?? inFlight);
    writeJournal(journal, all);
  };
  if (journal) saver.subscribe(sync);
  const schedule = saver.schedule.bind(saver);
  return Object.assign(saver, {
    setSave: (s: (patch: P) => Promise<unknown>) => void (current = s),
    replayed: false,
    schedule(patch: P) {
      schedule(patch);
      sync();
    },
  });
}

export interface UseAutosave<P extends object> {
  /** Queue a field patch (only the fields the user changed). */
  schedule: (patch: P) => void;
  /** Save now (e.g. before navigating); rejects with the save's error. */
  flush: () => Promise<void>;
  state: AutosaveState;
  /** The last save error (a StorageError from the repositories), shown next to the form. */
  error: unknown;
}

export interface UseAutosaveOptions<P extends object> {
  delayMs?: number;
  onError?: (e: unknown) => void;
  /** Stable name of the write-ahead journal (e.g. `facts:<caseId>`); without it there is no journal. */
  journal?: string;
  /**
   * Replay a journaled patch once this is true (default true): pass false while the data the save
   * function needs is still loading (e.g. "does the document exist yet?").
   */
  replayWhen?: boolean;
  /** Called with a replayed patch before it is scheduled (e.g. to put the text back into a field). */
  onReplay?: (patch: P) => void;
}

const IDLE = (): AutosaveState => 'idle';
const NOOP_SUBSCRIBE = () => () => {};

/**
 * @param key the record being edited; a new key starts a new saver (the old one flushes to its record).
 * @param save writes one merged patch, e.g. `(p) => repos.employees.update(id, p)`.
 */
export function useAutosave<P extends object>(
  key: string | undefined,
  save: (patch: P) => Promise<unknown>,
  options: UseAutosaveOptions<P> = {},
): UseAutosave<P> {
  const journal = key === undefined ? undefined : options.journal;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one saver per record; `save` is refreshed below
  const saver = useMemo(() => (key === undefined ? undefined : keyedSaver<P>(save, options.onError, options.delayMs, journal)), [key, journal]);
  // The saver belongs to this key, so the newest closure for it is the right one.
  saver?.setSave(save);

  useEffect(() => {
    if (!saver) return;
    const unhook = flushOnHide(saver);
    return () => {
      unhook();
      // flush, not dispose: React's StrictMode runs this cleanup and then the effect again on the same saver.
      saver.flush().catch(() => {
        /* reported through onError and `error` */
      });
    };
  }, [saver]);

  const ready = options.replayWhen ?? true;
  const onReplay = options.onReplay;
  useEffect(() => {
    if (!saver || !journal || !ready || saver.replayed) return;
    saver.replayed = true;
    const patch = readAutosaveJournal<P>(journal);
    if (!patch) return;
    onReplay?.(patch);
    saver.schedule(patch);
  }, [saver, journal, ready, onReplay]);

  const state = useSyncExternalStore(saver ? saver.subscribe : NOOP_SUBSCRIBE, saver ? () => saver.state : IDLE, IDLE);
  return {
    schedule: (patch: P) => saver?.schedule(patch),
    flush: () => saver?.flush() ?? Promise.resolve(),
    state,
    error: saver?.lastError,
  };
}
