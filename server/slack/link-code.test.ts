import { describe, expect, it } from 'vitest';
import { hashLinkCode, linkCodeExpiry, newLinkCode } from './link-code.ts';

describe('link codes', () => {
  it('are XXXX-XXXX without look-alike characters, and differ each time', () => {
    const codes = Array.from({ length: 200 }, newLinkCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same however the user types them', () => {
    expect(hashLinkCode('abcd-efgh')).toBe(hashLinkCode('ABCDEFGH'));
    expect(hashLinkCode(' ABCD-EFGH ')).toBe(hashLinkCode('ABCD-EFGH'));
    expect(hashLinkCode('ABCD-EFGJ')).not.toBe(hashLinkCode('ABCD-EFGH'));
  });

  it('expire in ten minutes', () => {
    const minutes = (linkCodeExpiry().getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10);
  });
});
