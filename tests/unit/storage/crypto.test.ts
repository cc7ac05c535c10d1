import { describe, expect, it } from 'vitest';
import { decryptEnvelope, EncryptedEnvelope, encryptText, fromBase64, KDF_ITERATIONS, toBase64 } from '../../../utils/crypto';

describe('backup encryption', () => {
  const secret = JSON.stringify({ name: '张伟', residentId: '110115199003071234', note: 'x'.repeat(100_000) });

  it('round-trips text through AES-GCM with a PBKDF2 key of 600,000 iterations', async () => {
    const text = await encryptText(secret, '我的备份口令 2026');
    const env = EncryptedEnvelope.parse(JSON.parse(text));
    expect(env.kdf.iterations).toBe(KDF_ITERATIONS);
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(env.kdf.salt)).toHaveLength(16);
    expect(fromBase64(env.iv)).toHaveLength(12);
    expect(text).not.toContain('张伟');
    expect(await decryptEnvelope(env, '我的备份口令 2026')).toBe(secret);
  });

  it('uses a fresh salt and IV every time', async () => {
    const a = EncryptedEnvelope.parse(JSON.parse(await encryptText('same', 'passphrase!')));
    const b = EncryptedEnvelope.parse(JSON.parse(await encryptText('same', 'passphrase!')));
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses a wrong passphrase and a flipped ciphertext bit with the same message', async () => {
    const env = EncryptedEnvelope.parse(JSON.parse(await encryptText(secret, 'passphrase!')));
    await expect(decryptEnvelope(env, 'passphrase?')).rejects.toMatchObject({ code: 'backup', reason: 'wrong-passphrase' });
    const bytes = fromBase64(env.ciphertext);
    bytes[10] ^= 1;
    await expect(decryptEnvelope({ ...env, ciphertext: toBase64(bytes) }, 'passphrase!')).rejects.toThrow(/口令错误.*Wrong passphrase/s);
  });

  it('binds the header: changing the salt or iterations in the file makes it undecryptable', async () => {
    const env = EncryptedEnvelope.parse(JSON.parse(await encryptText('data', 'passphrase!')));
    await expect(decryptEnvelope({ ...env, kdf: { ...env.kdf, iterations: 700_000 } }, 'passphrase!')).rejects.toMatchObject({ reason: 'wrong-passphrase' });
  });

  it('refuses passphrases shorter than 8 characters, counting Chinese characters as one each', async () => {
    await expect(encryptText('x', '1234567')).rejects.toMatchObject({ code: 'invalid', reason: 'weak-passphrase' });
    await expect(encryptText('x', '一二三四五六七')).rejects.toMatchObject({ reason: 'weak-passphrase' });
    await expect(encryptText('x', '一二三四五六七八')).resolves.toContain('jzz-backup-encrypted');
  });

  it('refuses envelopes asking for too few or absurdly many iterations before deriving any key', () => {
    const base = { format: 'jzz-backup-encrypted', v: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: toBase64(new Uint8Array(16)) }, cipher: 'AES-GCM-256', iv: toBase64(new Uint8Array(12)), ciphertext: toBase64(new Uint8Array(32)) };
    expect(EncryptedEnvelope.safeParse(base).success).toBe(true);
    expect(EncryptedEnvelope.safeParse({ ...base, kdf: { ...base.kdf, iterations: 100_000 } }).success).toBe(false);
    expect(EncryptedEnvelope.safeParse({ ...base, kdf: { ...base.kdf, iterations: 1e12 } }).success).toBe(false);
    expect(EncryptedEnvelope.safeParse({ ...base, v: 2 }).success).toBe(false);
    expect(EncryptedEnvelope.safeParse({ ...base, iv: '!!!' }).success).toBe(false);
  });
});
