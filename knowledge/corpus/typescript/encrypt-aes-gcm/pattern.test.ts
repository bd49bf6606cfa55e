import { describe, it, expect } from 'vitest';
import { decrypt, decryptString, encrypt, generateKey, parseKey } from './pattern.ts';

const key = generateKey();

describe('AES-256-GCM encrypt / decrypt', () => {
  it('round-trips text and binary data', () => {
    expect(decryptString(encrypt('4111 1111 1111 1111', key), key)).toBe('4111 1111 1111 1111');
    expect(decryptString(encrypt('', key), key)).toBe('');
    const bytes = Buffer.from([0, 255, 1, 254]);
    expect(decrypt(encrypt(bytes, key), key).equals(bytes)).toBe(true);
  });

  it('uses a fresh IV, so the same plaintext encrypts differently each time', () => {
    const a = encrypt('same', key);
    const b = encrypt('same', key);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').subarray(1, 13).equals(Buffer.from(b, 'base64url').subarray(1, 13))).toBe(false);
  });

  it('detects any modification of the ciphertext', () => {
    const data = Buffer.from(encrypt('transfer $10', key), 'base64url');
    data[data.length - 1]! ^= 1;
    expect(() => decrypt(data.toString('base64url'), key)).toThrow(/unable to authenticate/);
  });

  it('fails with the wrong key', () => {
    expect(() => decrypt(encrypt('secret', key), generateKey())).toThrow(/unable to authenticate/);
  });

  it('binds the ciphertext to its associated data', () => {
    const payload = encrypt('ssn 123-45-6789', key, 'user:1');
    expect(decryptString(payload, key, 'user:1')).toBe('ssn 123-45-6789');
    expect(() => decrypt(payload, key, 'user:2')).toThrow();
    expect(() => decrypt(payload, key)).toThrow();
  });

  it('rejects truncated input and bad keys', () => {
    expect(() => decrypt('abc', key)).toThrow(/not an encrypted payload/);
    expect(() => parseKey('c2hvcnQ=')).toThrow(RangeError);
    expect(() => parseKey(undefined)).toThrow(RangeError);
    expect(parseKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => encrypt('x', Buffer.from('a password'))).toThrow(/Invalid key length/);
  });
});
