/**
 * A framework-free autosaver for forms: `schedule(patch)` merges field patches and saves them at most
 * `delayMs` (≤ 300 ms) after the first unsaved change — a burst of typing is one write, and a steady
 * stream of typing still saves every 300 ms instead of waiting for a pause. `flush()` saves now.
 * Wire `pagehide` / `visibilitychange` with `flushOnHide()` so closing the side panel loses nothing.
 *
 * Only fields that changed are sent, so a patch never overwrites another tab's edit of another field.
 * A failed save keeps its patch (newer edits of the same field win) and reports the error; it is
 * retried with the next change or `flush()`, never dropped silently.
 */

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'error';

export interface AutosaveOptions<P extends object> {
  /** Writes one merged patch (e.g. `patch => repos.cases.update(id, patch)`). */
  save: (patch: P) => Promise<unknown>;
  /** Milliseconds from the first unsaved change to the save; default 300, capped at 300. */
  delayMs?: number;
  /** Combines an older and a newer patch; default: newer fields win, plain-object fields merge one level down. */
  merge?: (older: P, newer: P) => P;
  /** Called with every failed save (the patch is kept for the next attempt). */
  onError?: (error: unknown) => void;
  /** Timer functions; default the global ones (pass `ctx.setTimeout` in a content script). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
}

export interface Autosaver<P extends object> {
  /** Adds a change; it will be saved within `delayMs`. */
  schedule(patch: P): void;
  /** Saves everything pending now; resolves when saved, rejects with the save's error. */
  flush(): Promise<void>;
  /** 'pending' while changes wait, 'saving' during a write, 'error' after a failed one. */
  readonly state: AutosaveState;
  readonly lastError: unknown;
  /** The merged changes not yet saved (a copy). */
  pendingPatch(): P | undefined;
  /** Notified on every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Flushes and stops accepting changes. */
  dispose(): Promise<void>;
}

const MAX_AUTOSAVE_DELAY_MS = 300;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Newer fields win; nested plain objects (case `facts`, settings `reminders`) merge key by key. */
export function mergePatches<P extends object>(older: P, newer: P): P {
  const out: Record<string, unknown> = { ...(older as Record<string, unknown>) };
  for (const [k, v] of Object.entries(newer as Record<string, unknown>)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? { ...prev, ...v } : v;
  }
  return out as P;
}

export function createAutosaver<P extends object>(options: AutosaveOptions<P>): Autosaver<P> {
  const delay = Math.min(MAX_AUTOSAVE_DELAY_MS, Math.max(0, options.delayMs ?? MAX_AUTOSAVE_DELAY_MS));
  const merge = options.merge ?? mergePatches;
  const setT = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));
  const clearT = options.clearTimeout ?? ((h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));

  let pending: P | undefined;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let state: AutosaveState = 'idle';
  let lastError: unknown;
  let disposed = false;
  const listeners = new Set<() => void>();

  const setState = (s: AutosaveState) => {
    if (s === state) return;
    state = s;
    for (const l of [...listeners]) l();
  };

  const arm = () => {
    if (timer !== undefined || pending === undefined) return;
    timer = setT(() => {
      timer = undefined;
      flush().catch(() => {
        /* reported through onError / state 'error' */
      });
    }, delay);
  };

  async function runSave(): Promise<void> {
    const patch = pending;
    if (patch === undefined) return;
    pending = undefined;
    setState('saving');
    try {
      await options.save(patch);
      lastError = undefined;
      setState(pending === undefined ? 'idle' : 'pending');
    } catch (e) {
      // Keep the failed fields under any newer edits so nothing typed is lost.
      pending = pending === undefined ? patch : merge(patch, pending);
      lastError = e;
      setState('error');
      options.onError?.(e);
      throw e;
    }
  }

  async function flush(): Promise<void> {
    if (timer !== undefined) {
      clearT(timer);
      timer = undefined;
    }
    // Saves run one after another, so the later patch is written last and wins.
    while (inFlight) await inFlight.catch(() => undefined);
    if (pending === undefined) return;
    const p = runSave();
    inFlight = p;
    try {
      await p;
    } finally {
      if (inFlight === p) inFlight = undefined;
    }
    if (pending !== undefined && state !== 'error') arm();
  }

  return {
    schedule(patch: P) {
      if (disposed) throw new Error('autosaver disposed');
      pending = pending === undefined ? patch : merge(pending, patch);
      if (state !== 'saving') setState('pending');
      arm();
    },
    flush,
    get state() {
      return state;
    },
    get lastError() {
      return lastError;
    },
    pendingPatch() {
      return pending === undefined ? undefined : ({ ...pending } as P);
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      disposed = true;
      try {
        await flush();
      } finally {
        listeners.clear();
      }
    },
  };
}

/** The minimal event target `flushOnHide` needs (window / document, or a fake in tests). */
export interface HideEvents {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Flushes on `pagehide` (window) and when the document becomes hidden (`visibilitychange`); the caller
 * passes the targets. Returns the function that unhooks both.
 */
export function flushOnHide(
  saver: Pick<Autosaver<object>, 'flush'>,
  targets: { window?: HideEvents; document?: HideEvents & { visibilityState?: string } } = {
    window: typeof window === 'undefined' ? undefined : window,
    document: typeof document === 'undefined' ? undefined : document,
  },
): () => void {
  const doFlush = () => {
    saver.flush().catch(() => {
      /* the saver reports it (onError / state) */
    });
  };
  const onVisibility = () => {
    if (targets.document?.visibilityState === 'hidden') doFlush();
  };
  targets.window?.addEventListener('pagehide', doFlush);
  targets.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    targets.window?.removeEventListener('pagehide', doFlush);
    targets.document?.removeEventListener('visibilitychange', onVisibility);
  };
}
