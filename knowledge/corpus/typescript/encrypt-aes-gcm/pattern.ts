import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_LENGTH = 12; // 96-bit nonce, the size GCM is designed for
const TAG_LENGTH = 16;

/** A new random 256-bit key. Store it in a secret manager, never next to the data (or in git). */
export function generateKey(): Buffer {
  return randomBytes(32);
}

/** Reads a base64 key (e.g. from an env var), insisting on 32 bytes. A password is not a key. */
export function parseKey(base64: string | undefined): Buffer {
  const key = Buffer.from(base64 ?? '', 'base64');
  if (key.length !== 32) throw new RangeError('expected a base64-encoded 32-byte key');
  return key;
}

/**
 * Encrypts with AES-256-GCM and returns `version|iv|tag|ciphertext` as base64url. A fresh random IV
 * is used every time: reusing an IV with the same key breaks GCM completely. `associatedData`
 * (e.g. the row id) is authenticated but not stored, so a ciphertext cannot be moved to another row.
 */
export function encrypt(plaintext: string | Buffer, key: Buffer, associatedData?: string): string {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/**
 * Decrypts what `encrypt` produced. Throws if the data was modified, the key is wrong or the
 * associated data differs ("Unsupported state or unable to authenticate data").
 */
export function decrypt(payload: string, key: Buffer, associatedData?: string): Buffer {
  const data = Buffer.from(payload, 'base64url');
  if (data.length < 1 + IV_LENGTH + TAG_LENGTH || data[0] !== VERSION) throw new Error('not an encrypted payload');
  const iv = data.subarray(1, 1 + IV_LENGTH);
  const tag = data.subarray(1 + IV_LENGTH, 1 + IV_LENGTH + TAG_LENGTH);
  // authTagLength pins the tag size, so a truncated (weaker) tag is rejected.
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LENGTH });
  decipher.setAuthTag(tag);
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData));
  return Buffer.concat([decipher.update(data.subarray(1 + IV_LENGTH + TAG_LENGTH)), decipher.final()]);
}

export function decryptString(payload: string, key: Buffer, associatedData?: string): string {
  return decrypt(payload, key, associatedData).toString('utf8');
}
