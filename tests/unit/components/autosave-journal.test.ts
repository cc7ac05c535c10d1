/** The autosave journal's storage helpers (the hook itself is covered end to end in tests/e2e/sidepanel.spec.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAutosaveJournal, sweepAutosaveJournal, withoutSuperseded } from '../../../components/use-autosave';

class MemoryStorage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('autosave journal', () => {
  let store: MemoryStorage;
  beforeEach(() => {
    store = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = store;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('reads a journaled patch and ignores garbage', () => {
    store.setItem('jzz.autosave.note-compose:c1', JSON.stringify({ at: 1, patch: { text: '户口本已收到' } }));
    store.setItem('jzz.autosave.bad', '{not json');
    expect(readAutosaveJournal('note-compose:c1')).toEqual({ text: '户口本已收到' });
    expect(readAutosaveJournal('bad')).toBeUndefined();
    expect(readAutosaveJournal('missing')).toBeUndefined();
  });

  it('sweeps entries older than the limit and unreadable ones, and leaves other keys alone', () => {
    const now = 10 * 24 * 3600 * 1000;
    store.setItem('jzz.autosave.old', JSON.stringify({ at: 0, patch: {} }));
    store.setItem('jzz.autosave.new', JSON.stringify({ at: now - 1000, patch: {} }));
    store.setItem('jzz.autosave.bad', 'x');
    store.setItem('other', 'kept');
    sweepAutosaveJournal(7 * 24 * 3600 * 1000, now);
    expect([store.key(0), store.key(1)].sort()).toEqual(['jzz.autosave.new', 'other']);
  });
});

describe('replaying a journal entry left behind by a crash', () => {
  const at = Date.parse('2026-11-27T02:00:00.000Z');
  const iso = (ms: number) => new Date(at + ms).toISOString();

  it('replays what no later save touched', () => {
    const entry = { at, patch: { notes: '原件周五带来', phone: '13911112222' } };
    expect(withoutSuperseded(entry, [{ at: iso(-5000), after: { notes: '旧' } }])).toEqual(entry.patch);
    expect(withoutSuperseded(entry, [])).toEqual(entry.patch);
  });

  it('drops a field saved or changed in another tab after the entry was written (its text is older)', () => {
    const entry = { at, patch: { notes: '原件周', phone: '13911112222' } };
    expect(withoutSuperseded(entry, [{ at: iso(400), after: { notes: '原件周五带来', updatedAt: iso(400) } }])).toEqual({ phone: '13911112222' });
    expect(withoutSuperseded(entry, [{ at: iso(0), after: { notes: 'x', phone: '1' } }])).toBeUndefined();
  });

  it('keeps a field whose only later audit entry is the save that was in flight when the entry was written', () => {
    // The write of 原件 started before the entry, its audit entry was stamped after it; 原件周 was typed meanwhile.
    const entry = { at, patch: { notes: '原件周' }, inFlight: { notes: '原件' } };
    expect(withoutSuperseded(entry, [{ at: iso(30), after: { notes: '原件' } }])).toEqual({ notes: '原件周' });
    expect(withoutSuperseded(entry, [{ at: iso(30), after: { notes: '原件' } }, { at: iso(330), after: { notes: '原件周五' } }])).toBeUndefined();
  });

  it('checks case facts fact by fact, and leaves nothing to replay when only a note id remains', () => {
    const entry = { at, patch: { facts: { housing: 'rented', children: 1 } as Record<string, unknown> } };
    expect(withoutSuperseded(entry, [{ at: iso(10), after: { 'facts.housing': 'owned' } }])).toEqual({ facts: { children: 1 } });
    expect(withoutSuperseded({ at, patch: { text: '草稿', noteId: 'n1' } }, [{ at: iso(10), after: { text: '草稿完整' } }])).toBeUndefined();
  });
});
