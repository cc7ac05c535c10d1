import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../utils/passphrase';

describe('backup passphrase strength', () => {
  it.each([
    ['1234567', 'too-short'],
    ['12345678', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['password2026', 'weak'],
    ['19900307', 'weak'],
    ['qwertyuiop', 'weak'],
    ['Tramlake', 'fair'],
    ['Tr4m-lake9', 'strong'],
    ['correct horse battery staple', 'very-strong'],
    ['Gz7!pQ2#vL9@', 'strong'],
    ['我们单位的备份口令', 'very-strong'],
  ])('%s is %s', (p, level) => {
    expect(passphraseStrength(p).level).toBe(level);
  });

  it('says why a long passphrase is still weak', () => {
    expect(passphraseStrength('password1234').hints.map((h) => h.zh).join()).toMatch(/常见口令「password」.*连续的字符|连续的字符.*常见口令/);
    expect(passphraseStrength('zhangwei19900307').hints.map((h) => h.zh).join()).toContain('日期');
  });
});
