/**
 * How strong a backup passphrase is, estimated offline (no word lists fetched): the bits a guesser needs
 * given the character classes used, less what patterns give away — one repeated character, runs such as
 * 12345678 / abcdefg / qwerty, a date such as 19900307, a well-known password. A weak passphrase is allowed
 * (the agent decides) but said to be weak; fewer than 8 characters is refused.
 */
import type { Bilingual } from '../rules/model';

const MIN_PASSPHRASE_LENGTH = 8;

export type PassphraseLevel = 'too-short' | 'weak' | 'fair' | 'strong' | 'very-strong';

export interface PassphraseStrength {
  level: PassphraseLevel;
  /** Estimated bits of guessing work (rounded). */
  bits: number;
  /** 0–4 for a meter. */
  score: number;
  /** Why it is weaker than its length suggests, if anything. */
  hints: Bilingual[];
}

const COMMON = ['password', 'passw0rd', 'qwerty', 'asdf', 'zxcv', 'admin', 'welcome', 'iloveyou', 'abc123', 'letmein', 'woaini', 'beijing', 'jzz', 'p@ssw0rd', '1qaz2wsx', 'qazwsx', 'a123456', 'aa123456'];
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', 'abcdefghijklmnopqrstuvwxyz'];

/** Length of the longest run of consecutive characters (up or down) in the alphabet, digits or keyboard rows. */
function longestSequence(s: string): number {
  const lower = s.toLowerCase();
  let best = 1;
  for (const row of ROWS) {
    for (const r of [row, [...row].reverse().join('')]) {
      let run = 1;
      for (let i = 1; i < lower.length; i += 1) {
        const a = r.indexOf(lower[i - 1]);
        run = a >= 0 && r[a + 1] === lower[i] ? run + 1 : 1;
        best = Math.max(best, run);
      }
    }
  }
  return best;
}

/** Estimates the strength of a passphrase. */
export function passphraseStrength(p: string): PassphraseStrength {
  const chars = [...p];
  const hints: Bilingual[] = [];
  if (chars.length < MIN_PASSPHRASE_LENGTH) {
    return { level: 'too-short', bits: 0, score: 0, hints: [{ zh: `口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符`, en: `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters` }] };
  }
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/\d/.test(p)) pool += 10;
  if (/[^\da-zA-Z\p{Script=Han}]/u.test(p)) pool += 33;
  // A Chinese character is worth far more than a letter (thousands in common use).
  if (/\p{Script=Han}/u.test(p)) pool += 2500;
  // Characters beyond the first two repeats of one character add little.
  const counts = new Map<string, number>();
  let effective = 0;
  for (const c of chars) {
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    effective += n <= 2 ? 1 : 0.25;
  }
  if (counts.size <= 2) hints.push({ zh: '几乎只有一两个字符反复出现', en: 'Almost only one or two characters repeated' });
  const seq = longestSequence(p);
  if (seq >= 4) {
    effective -= seq - 2;
    hints.push({ zh: '含有连续的字符（如 1234、abcd、qwer）', en: 'Contains a run such as 1234, abcd or qwer' });
  }
  if (/(19|20)\d{2}[-/.]?(0[1-9]|1[0-2])[-/.]?(0[1-9]|[12]\d|3[01])/.test(p)) {
    effective -= 6;
    hints.push({ zh: '含有日期（如生日），容易被猜到', en: 'Contains a date (a birthday is easy to guess)' });
  }
  const lower = p.toLowerCase();
  const common = COMMON.find((w) => lower.includes(w));
  if (common) {
    effective -= common.length - 1;
    hints.push({ zh: `含有常见口令「${common}」`, en: `Contains the common password "${common}"` });
  }
  if (/^\d+$/.test(p)) hints.push({ zh: '只有数字', en: 'Digits only' });
  const bits = Math.max(0, Math.round(Math.max(1, effective) * Math.log2(Math.max(pool, 2))));
  const level: PassphraseLevel = bits < 40 ? 'weak' : bits < 60 ? 'fair' : bits < 80 ? 'strong' : 'very-strong';
  return { level, bits, score: { weak: 1, fair: 2, strong: 3, 'very-strong': 4 }[level], hints };
}
