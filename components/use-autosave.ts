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
 *
 * After the browser process dies, though, localStorage is the one behind: Chromium commits it to disk
 * seconds later (measured in tests/e2e/durability.spec.ts: writes of the last ~4 s before a SIGKILL are
 * gone), while IndexedDB has every save. A journal entry can then hold text that was saved and typed on
 * since; replayed, it would overwrite the newer text. `replayFilter: auditReplayFilter(table, id)` drops
 * from the replay every field the audit log shows changed after the entry was written (other than by
 * the save that was in flight then, whose value the entry records).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { createAutosaver, flushOnHide, mergePatches, type Autosaver, type AutosaveState } from '../utils/autosave';
import { getRepos } from '../storage/repos';
import type { AuditEntry, AuditTable } from '../storage/schemas';

const JOURNAL_PREFIX = 'jzz.autosave.';
const JOURNAL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface JournalEntry<P> {
  /** When the entry was written (ms since epoch). */
  at: number;
  /** Every unsaved change: the in-flight patch merged with the pending one. */
  patch: P;
  /** The part being written at that moment (its audit entry may be stamped after `at`). */
  inFlight?: P;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the journal is a best effort on top of IndexedDB
  }
}

/** The journal entry under `name`, if any. */
function readAutosaveJournalEntry<P>(name: string): JournalEntry<P> | undefined {
  const raw = storage()?.getItem(JOURNAL_PREFIX + name);
  if (!raw) return undefined;
  try {
    const entry = JSON.parse(raw) as JournalEntry<P>;
    if (!entry || typeof entry !== 'object' || !entry.patch || typeof entry.patch !== 'object') return undefined;
    return { at: typeof entry.at === 'number' ? entry.at : 0, patch: entry.patch, ...(entry.inFlight && typeof entry.inFlight === 'object' ? { inFlight: entry.inFlight } : {}) };
  } catch {
    return undefined;
  }
}

/** The unsaved patch journaled under `name`, if any. */
export function readAutosaveJournal<P>(name: string): P | undefined {
  return readAutosaveJournalEntry<P>(name)?.patch;
}

function writeJournal(name: string, patch: object | undefined, inFlight?: object): void {
  const s = storage();
  if (!s) return;
  try {
    if (patch === undefined) s.removeItem(JOURNAL_PREFIX + name);
    else s.setItem(JOURNAL_PREFIX + name, JSON.stringify({ at: Date.now(), patch, ...(inFlight ? { inFlight } : {}) } satisfies JournalEntry<object>));
  } catch {
    /* quota: IndexedDB still gets the change */
  }
}

type Row = Record<string, unknown>;
const isPlain = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A patch's fields as the audit log names them: nested objects (case facts) as `facts.housing`. */
function fieldPaths(patch: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(patch as Row)) {
    if (isPlain(v)) for (const [sub, sv] of Object.entries(v)) out.set(`${k}.${sub}`, sv);
    else out.set(k, v);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The part of a journal entry still worth replaying, given the audit entries of its record: a field is
 * dropped when an audit entry stamped at or after the journal entry changed it to something other than
 * the in-flight value (a later save of this tab, or a later edit in another tab: the later one wins).
 * Undefined when nothing is left.
 */
export function withoutSuperseded<P extends object>(entry: JournalEntry<P>, audit: Pick<AuditEntry, 'at' | 'after'>[]): P | undefined {
  const since = new Date(entry.at).toISOString();
  const inFlight = fieldPaths(entry.inFlight ?? {});
  const superseded = new Set<string>();
  for (const a of audit) {
    if (a.at < since) continue;
    for (const [path, value] of Object.entries(a.after ?? {})) {
      if (!(inFlight.has(path) && same(inFlight.get(path), value))) superseded.add(path);
    }
  }
  const out: Row = {};
  for (const [k, v] of Object.entries(entry.patch as Row)) {
    if (isPlain(v)) {
      const kept = Object.fromEntries(Object.entries(v).filter(([sub]) => !superseded.has(`${k}.${sub}`)));
      if (Object.keys(kept).length) out[k] = kept;
    } else if (!superseded.has(k)) out[k] = v;
  }
  // Only bookkeeping left (e.g. a note's id without its text): nothing to replay.
  return [...fieldPaths(out).keys()].some((p) => !/^(noteId|id)$/.test(p)) ? (out as P) : undefined;
}

/** A `replayFilter` that checks a journal entry against the audit log of one record (see above). */
export function auditReplayFilter<P extends object>(table: AuditTable, recordId: string): (entry: JournalEntry<P>) => Promise<P | undefined> {
  return async (entry) => withoutSuperseded(entry, await getRepos().audit.list({ table, recordId, limit: 1000 }));
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
    writeJournal(journal, all, all === undefined ? undefined : inFlight);
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
  /**
   * What of a journal entry to replay (undefined: nothing), e.g. `auditReplayFilter('employees', id)`
   * so that an entry left behind by a crash never overwrites newer saved text. Default: all of it.
   */
  replayFilter?: (entry: JournalEntry<P>) => Promise<P | undefined>;
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
  const replayFilter = options.replayFilter;
  useEffect(() => {
    if (!saver || !journal || !ready || saver.replayed) return;
    saver.replayed = true;
    const entry = readAutosaveJournalEntry<P>(journal);
    if (!entry) return;
    const replay = (patch: P | undefined) => {
      if (!patch) {
        // Everything in it is saved already (or superseded): drop it, unless new edits were journaled meanwhile.
        if (saver.state === 'idle' && saver.pendingPatch() === undefined) writeJournal(journal, undefined);
        return;
      }
      // Anything typed since the page opened is newer than the journal: it wins.
      const typed = saver.pendingPatch();
      const next = typed ? mergePatches(patch, typed) : patch;
      onReplay?.(next);
      saver.schedule(next);
    };
    if (!replayFilter) return replay(entry.patch);
    // On a failed check replay it all: losing typed text is worse than writing it twice.
    replayFilter(entry).then(replay, () => replay(entry.patch));
  }, [saver, journal, ready, onReplay, replayFilter]);

  const state = useSyncExternalStore(saver ? saver.subscribe : NOOP_SUBSCRIBE, saver ? () => saver.state : IDLE, IDLE);
  return {
    schedule: (patch: P) => saver?.schedule(patch),
    flush: () => saver?.flush() ?? Promise.resolve(),
    state,
    error: saver?.lastError,
  };
}
