import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, flushOnHide, mergePatches, type HideEvents } from '../../../utils/autosave';
import { makeClock, rid, useFreshDb } from './helpers';

type Patch = Record<string, unknown>;

describe('the autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const saver = (save = vi.fn(async (_p: Patch) => {})) => ({ save, s: createAutosaver<Patch>({ save }) });

  it('merges a burst of changes into one save within 300 ms', async () => {
    const { save, s } = saver();
    s.schedule({ name: '张' });
    await vi.advanceTimersByTimeAsync(100);
    s.schedule({ name: '张伟' });
    s.schedule({ phone: '138' });
    expect(s.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(199);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: '张伟', phone: '138' });
    expect(s.state).toBe('idle');
  });

  it('still saves every 300 ms while the user keeps typing', async () => {
    const { save, s } = saver();
    for (let i = 1; i <= 10; i++) {
      s.schedule({ notes: 'x'.repeat(i) });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(save.mock.calls.at(-1)?.[0]).toEqual({ notes: 'x'.repeat(9) });
  });

  it('never waits longer than 300 ms even when asked to', async () => {
    const save = vi.fn(async (_p: Patch) => {});
    const s = createAutosaver<Patch>({ save, delayMs: 5000 });
    s.schedule({ a: 1 });
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at once on flush()', async () => {
    const { save, s } = saver();
    s.schedule({ a: 1 });
    await s.flush();
    expect(save).toHaveBeenCalledWith({ a: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    await s.flush(); // nothing pending: no save
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('merges nested facts key by key', () => {
    expect(mergePatches<Patch>({ facts: { a: 1 }, x: 1 }, { facts: { b: 2 } })).toEqual({ facts: { a: 1, b: 2 }, x: 1 });
    expect(mergePatches<Patch>({ children: [1] }, { children: [2] })).toEqual({ children: [2] });
  });

  it('keeps a failed patch, reports the error, and retries it with newer edits winning', async () => {
    const onError = vi.fn();
    const save = vi.fn(async (_p: Patch) => {}).mockRejectedValueOnce(new Error('quota'));
    const s = createAutosaver<Patch>({ save, onError });
    s.schedule({ a: 1, b: 1 });
    await expect(s.flush()).rejects.toThrow('quota');
    expect(s.state).toBe('error');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(s.pendingPatch()).toEqual({ a: 1, b: 1 });
    s.schedule({ b: 2 });
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenLastCalledWith({ a: 1, b: 2 });
    expect(s.state).toBe('idle');
    expect(s.lastError).toBeUndefined();
  });

  it('runs saves one after another so the later patch lands last', async () => {
    const order: unknown[] = [];
    let release: () => void = () => {};
    const save = vi.fn(async (p: Patch) => {
      order.push(p);
      if (order.length === 1) await new Promise<void>((r) => (release = r));
    });
    const s = createAutosaver<Patch>({ save });
    s.schedule({ v: 1 });
    const first = s.flush();
    s.schedule({ v: 2 });
    expect(s.state).toBe('saving');
    const second = s.flush();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('notifies subscribers of state changes and flushes on dispose', async () => {
    const { save, s } = saver();
    const states: string[] = [];
    const off = s.subscribe(() => states.push(s.state));
    s.schedule({ a: 1 });
    await s.dispose();
    expect(save).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['pending', 'saving', 'idle']);
    off();
    expect(() => s.schedule({ b: 1 })).toThrow();
  });

  it('flushes on pagehide and when the document becomes hidden, until unhooked', async () => {
    const { save, s } = saver();
    const make = () => {
      const listeners = new Map<string, () => void>();
      const target: HideEvents & { visibilityState: string; fire(type: string): void } = {
        visibilityState: 'visible',
        addEventListener: (type, l) => void listeners.set(type, l),
        removeEventListener: (type) => void listeners.delete(type),
        fire: (type) => listeners.get(type)?.(),
      };
      return target;
    };
    const win = make();
    const doc = make();
    const unhook = flushOnHide(s, { window: win, document: doc });
    s.schedule({ a: 1 });
    win.fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith({ a: 1 });
    s.schedule({ b: 1 });
    doc.fire('visibilitychange'); // still visible: no flush
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    doc.visibilityState = 'hidden';
    doc.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    unhook();
    s.schedule({ c: 1 });
    win.fire('pagehide');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
  });
});

describe('the autosaver writing through a repository', () => {
  const t = useFreshDb({ now: makeClock().ticking });

  it('lands typed fields in the database within 300 ms as one audited update', async () => {
    const e = await t.repos.employees.create({ name: '张伟', residentId: rid() });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const s = createAutosaver<{ notes?: string; phone?: string }>({ save: (p) => t.repos.employees.update(e.id, p) });
      s.schedule({ notes: '第' });
      s.schedule({ notes: '第一' });
      s.schedule({ phone: '13812345678' });
      await vi.advanceTimersByTimeAsync(300);
      await vi.waitFor(async () => expect(s.state).toBe('idle'));
    } finally {
      vi.useRealTimers();
    }
    expect(await t.repos.employees.get(e.id)).toMatchObject({ notes: '第一', phone: '13812345678' });
    expect((await t.repos.audit.list({ table: 'employees', recordId: e.id })).map((a) => a.op)).toEqual(['update', 'create']);
  });
});
