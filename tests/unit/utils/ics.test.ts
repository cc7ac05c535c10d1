import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldIcs, foldLine, unfoldIcs } from '../../../utils/ics';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('ICS folding at 75 octets (RFC 5545 §3.1)', () => {
  it('leaves a 75-octet line alone and folds a 76-octet one', () => {
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('never splits a Chinese character (3 octets) or an emoji (4 octets)', () => {
    // 'SUMMARY:' is 8 octets; 22 Chinese characters make 74, the 23rd would reach 77.
    const line = `SUMMARY:${'续'.repeat(30)}`;
    const [first, second] = foldLine(line).split('\r\n');
    expect(octets(first)).toBe(74);
    expect(second.startsWith(' 续')).toBe(true);
    expect(foldLine(`X:${'😀'.repeat(40)}`).split('\r\n').every((l) => octets(l) <= 75 && !l.includes('\uFFFD'))).toBe(true);
  });

  it('folds any text into lines of at most 75 octets that unfold to it unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/[\r\n]/g, '')), { maxLength: 5 }), (lines) => {
        const text = lines.map((l) => `X:${l}`).join('\r\n') + '\r\n';
        const folded = foldIcs(text);
        expect(folded.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
        expect(unfoldIcs(folded)).toBe(text);
      }),
    );
  });
});
