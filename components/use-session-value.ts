/**
 * A value the background keeps in `browser.storage.session` (extension memory, never the page's), parsed
 * with its schema: `undefined` while loading, `null` when absent or malformed. Re-read on every change and
 * whenever the panel is shown again (Edge and Chrome may keep a hidden panel alive).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { z } from 'zod';

export function useSessionValue<S extends z.ZodType>(key: string, schema: S): z.output<S> | null | undefined {
  const [value, setValue] = useState<z.output<S> | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const got = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
      const parsed = schema.safeParse(got[key]);
      if (alive) setValue(parsed.success ? parsed.data : null);
    };
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    const onVisible = () => document.visibilityState === 'visible' && void read();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, schema]);
  return value;
}
