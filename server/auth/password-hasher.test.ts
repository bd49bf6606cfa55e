import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.ts';

/** Hashed before the cost was raised (N=2^15, r=8, p=1), as older databases hold it. */
const olderHash = 'scrypt$32768$8$1$MDEyMzQ1Njc4OWFiY2RlZg$xxaWgqTSKTdh7WrfWLps_DMbPoovZsowrLVRbAkJkjA';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse battery!', first)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  it("hashes at OWASP's minimum scrypt cost (N=2^15, r=8, p=3, its equivalent of N=2^17, r=8, p=1)", async () => {
    expect(await hashPassword('correct horse battery')).toMatch(/^scrypt\$32768\$8\$3\$/);
  });

  it('still verifies hashes stored with the older, lower cost, and says they need rehashing', async () => {
    expect(await verifyPassword('correct horse battery', olderHash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', olderHash)).toBe(false);
    expect(needsRehash(olderHash)).toBe(true);
    expect(needsRehash(await hashPassword('correct horse battery'))).toBe(false);
  });
});
