/** The autosave journal's storage helpers (the hook itself is covered end to end in tests/e2e/sidepanel.spec.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAutosaveJournal, sweepAutosaveJournal } from '../../../components/use-autosave';

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
