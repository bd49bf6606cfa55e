import { describe, it, expect } from 'vitest';
import { randomCode, randomToken, READABLE_ALPHABET } from './pattern.ts';

describe('randomToken', () => {
  it('is URL-safe and has the expected length', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(randomToken(16)).toHaveLength(22);
  });

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).toBe(1000);
  });

  it('refuses too little entropy', () => {
    expect(() => randomToken(8)).toThrow(RangeError);
    expect(() => randomToken(16.5)).toThrow(RangeError);
  });
});

describe('randomCode', () => {
  it('uses only the alphabet, with the requested length', () => {
    expect(randomCode()).toMatch(/^\d{6}$/);
    const code = randomCode(10, READABLE_ALPHABET);
    expect(code).toHaveLength(10);
    for (const ch of code) expect(READABLE_ALPHABET).toContain(ch);
  });

  it('keeps leading zeros and covers every symbol roughly evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const ch of randomCode(5)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(10);
    // 10,000 draws: each digit ~1,000; a biased generator would drift far outside this band.
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
    for (const count of counts.values()) expect(count).toBeLessThan(1200);
  });

  it('rejects bad arguments', () => {
    expect(() => randomCode(0)).toThrow(RangeError);
    expect(() => randomCode(4, 'aaaa')).toThrow(RangeError);
  });
});
