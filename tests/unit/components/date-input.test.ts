import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../../components/date-input';

describe('parseDateText', () => {
  it('accepts the ways agents write dates', () => {
    for (const s of ['2027-03-07', '2027-3-7', '2027/3/7', '2027.03.07', '2027年3月7日', '20270307', '２０２７－０３－０７', ' 2027-03-07 ']) {
      expect(parseDateText(s)).toEqual({ kind: 'date', value: '2027-03-07' });
    }
  });
  it('refuses an impossible day with the number of days of that month', () => {
    const r = parseDateText('2026-02-30');
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') {
      expect(r.message.zh).toContain('2026 年 2 月只有 28 天');
      expect(r.message.en).toContain('only 28 days');
    }
    expect(parseDateText('2028-02-29')).toEqual({ kind: 'date', value: '2028-02-29' });
    expect(parseDateText('2026-13-01').kind).toBe('invalid');
    expect(parseDateText('2026-00-10').kind).toBe('invalid');
  });
  it('refuses text that is not a date, and dates outside 1900–2199', () => {
    expect(parseDateText('明年三月').kind).toBe('invalid');
    expect(parseDateText('1899-12-31').kind).toBe('invalid');
  });
  it('treats empty as empty and 长期 as long-term only where allowed', () => {
    expect(parseDateText('  ')).toEqual({ kind: 'empty' });
    expect(parseDateText('长期', { allowLongTerm: true })).toEqual({ kind: 'long-term' });
    expect(parseDateText('long-term', { allowLongTerm: true })).toEqual({ kind: 'long-term' });
    expect(parseDateText('长期').kind).toBe('invalid');
  });
});
