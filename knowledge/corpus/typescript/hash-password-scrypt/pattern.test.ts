import { describe, it, expect } from 'vitest';
import { hashPassword, needsRehash, verifyPassword, type ScryptParams } from './pattern.ts';

// Cheap parameters keep the tests fast; production uses DEFAULT_PARAMS.
const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapl', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const a = await hashPassword('hunter2', FAST);
    const b = await hashPassword('hunter2', FAST);
    expect(a).not.toBe(b);
    await expect(verifyPassword('hunter2', a)).resolves.toBe(true);
    await expect(verifyPassword('hunter2', b)).resolves.toBe(true);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const stored = await hashPassword('caf\u00e9', FAST);
    await expect(verifyPassword('cafe\u0301', stored)).resolves.toBe(true);
  });

  it('returns false for malformed or tampered stored hashes', async () => {
    const stored = await hashPassword('pw', FAST);
    const parts = stored.split('$');
    parts[5] = Buffer.alloc(64, 1).toString('base64url');
    await expect(verifyPassword('pw', parts.join('$'))).resolves.toBe(false);
    await expect(verifyPassword('pw', 'not-a-hash')).resolves.toBe(false);
    await expect(verifyPassword('pw', 'bcrypt$1024$8$1$abc$def')).resolves.toBe(false);
    await expect(verifyPassword('pw', 'scrypt$x$8$1$abc$def')).resolves.toBe(false);
  });

  it('reports when stored hashes use weaker parameters than wanted', async () => {
    const stored = await hashPassword('pw', FAST);
    expect(needsRehash(stored, FAST)).toBe(false);
    expect(needsRehash(stored, { ...FAST, N: 2 ** 11 })).toBe(true);
    expect(needsRehash('garbage', FAST)).toBe(true);
  });
});
