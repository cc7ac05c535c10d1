/**
 * Optional passphrase encryption of backup files with WebCrypto (`globalThis.crypto.subtle`, in the
 * extension and in node 20): PBKDF2-SHA256 (600,000 iterations, random 16-byte salt) derives an
 * AES-GCM 256 key; a random 12-byte IV; the envelope's header is bound as additional data, so editing
 * the iteration count or salt makes decryption fail instead of silently weakening it.
 *
 * Envelope: {"format":"jzz-backup-encrypted","v":1,"kdf":{"name":"PBKDF2","hash":"SHA-256",
 *            "iterations":600000,"salt":"<base64>"},"cipher":"AES-GCM-256","iv":"<base64>","ciphertext":"<base64>"}
 */
import { z } from 'zod';
import { StorageError } from '../storage/errors';

export const ENCRYPTED_FORMAT = 'jzz-backup-encrypted';
export const KDF_ITERATIONS = 600_000;
/** Files asking for more iterations than this are refused (a hostile file could otherwise hang the page). */
const MAX_KDF_ITERATIONS = 5_000_000;
const MIN_PASSPHRASE_LENGTH = 8;

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const base64 = (min: number, max: number) =>
  z.string().min(min).max(max).regex(B64, { message: 'base64 无效 / invalid base64' });

export const EncryptedEnvelope = z.strictObject({
  format: z.literal(ENCRYPTED_FORMAT),
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(KDF_ITERATIONS).max(MAX_KDF_ITERATIONS),
    salt: base64(16, 64),
  }),
  cipher: z.literal('AES-GCM-256'),
  iv: base64(16, 16),
  ciphertext: base64(24, 200 * 1024 * 1024),
});
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelope>;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new StorageError('unavailable', { zh: '此环境不支持加密（WebCrypto）。', en: 'Encryption (WebCrypto) is not available here.' });
  }
  return s;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The header the ciphertext is bound to (everything but iv and ciphertext, in a fixed order). */
function additionalData(e: Pick<EncryptedEnvelope, 'format' | 'v' | 'kdf' | 'cipher'>): Uint8Array<ArrayBuffer> {
  const header = JSON.stringify([e.format, e.v, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.cipher]);
  return new TextEncoder().encode(header);
}

/** Encrypts `plaintext` under `passphrase`; returns the envelope as JSON text. */
export async function encryptText(plaintext: string, passphrase: string, iterations = KDF_ITERATIONS): Promise<string> {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new StorageError(
      'invalid',
      { zh: `口令太短：至少 ${MIN_PASSPHRASE_LENGTH} 个字符。`, en: `The passphrase is too short: at least ${MIN_PASSPHRASE_LENGTH} characters.` },
      { reason: 'weak-passphrase' },
    );
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: ENCRYPTED_FORMAT,
    v: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: 'AES-GCM-256',
  } as const;
  const key = await deriveKey(passphrase, salt, iterations);
  const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(head) }, key, new TextEncoder().encode(plaintext));
  const envelope: EncryptedEnvelope = { ...head, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ct)) };
  return JSON.stringify(envelope);
}

/**
 * Decrypts a parsed envelope. A wrong passphrase and a tampered file are indistinguishable by design
 * (AES-GCM authentication fails): both get the same message.
 */
export async function decryptEnvelope(envelope: EncryptedEnvelope, passphrase: string): Promise<string> {
  const key = await deriveKey(passphrase, fromBase64(envelope.kdf.salt), envelope.kdf.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: additionalData(envelope) },
      key,
      fromBase64(envelope.ciphertext),
    );
  } catch (e) {
    throw new StorageError(
      'backup',
      { zh: '口令错误，或加密文件已损坏/被改动。数据库未作任何修改。', en: 'Wrong passphrase, or the encrypted file is damaged or was altered. Nothing was changed.' },
      { reason: 'wrong-passphrase', cause: e },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (e) {
    throw new StorageError('backup', { zh: '解密后的内容不是有效文本。', en: 'The decrypted content is not valid text.' }, { reason: 'not-text', cause: e });
  }
}
