/**
 * React binding of storage/autosave.ts: `const { schedule, flush, state, error } = useAutosave(caseId, patch =>
 * repos.cases.update(caseId, patch))`. Changes are saved within 300 ms, on `pagehide`, when the panel is
 * hidden, when `key` changes (to the old record) and on unmount.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { createAutosaver, flushOnHide, type Autosaver, type AutosaveState } from '../storage/autosave';

interface KeyedSaver<P extends object> extends Autosaver<P> {
  setSave(save: (patch: P) => Promise<unknown>): void;
}

function keyedSaver<P extends object>(save: (patch: P) => Promise<unknown>, onError?: (e: unknown) => void, delayMs?: number): KeyedSaver<P> {
  let current = save;
  const saver = createAutosaver<P>({ save: (p) => current(p), onError, delayMs });
  return Object.assign(saver, { setSave: (s: (patch: P) => Promise<unknown>) => void (current = s) });
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

const IDLE = (): AutosaveState => 'idle';
const NOOP_SUBSCRIBE = () => () => {};

/**
 * @param key the record being edited; a new key starts a new saver (the old one flushes to its record).
 * @param save writes one merged patch, e.g. `(p) => repos.employees.update(id, p)`.
 */
export function useAutosave<P extends object>(
  key: string | undefined,
  save: (patch: P) => Promise<unknown>,
  options: { delayMs?: number; onError?: (e: unknown) => void } = {},
): UseAutosave<P> {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one saver per record; `save` is refreshed below
  const saver = useMemo(() => (key === undefined ? undefined : keyedSaver<P>(save, options.onError, options.delayMs)), [key]);
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

  const state = useSyncExternalStore(saver ? saver.subscribe : NOOP_SUBSCRIBE, saver ? () => saver.state : IDLE, IDLE);
  return {
    schedule: (patch: P) => saver?.schedule(patch),
    flush: () => saver?.flush() ?? Promise.resolve(),
    state,
    error: saver?.lastError,
  };
}
