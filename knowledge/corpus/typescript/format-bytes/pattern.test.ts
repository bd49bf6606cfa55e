import { describe, expect, it } from 'vitest';
import { formatBytes } from './pattern.ts';

describe('formatBytes', () => {
  it('uses SI units (base 1000) by default', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(5_300_000_000)).toBe('5.3 GB');
  });

  it('uses binary units (base 1024) on request', () => {
    expect(formatBytes(1023, { binary: true })).toBe('1,023 B');
    expect(formatBytes(1024, { binary: true })).toBe('1 KiB');
    expect(formatBytes(1536, { binary: true })).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024 ** 3, { binary: true })).toBe('10 GiB');
  });

  it('moves up a unit when rounding reaches the base', () => {
    expect(formatBytes(999_960)).toBe('1 MB');
    expect(formatBytes(999_940)).toBe('999.9 kB');
    expect(formatBytes(1024 ** 2 - 1, { binary: true })).toBe('1 MiB');
  });

  it('controls precision and locale', () => {
    expect(formatBytes(1_234_567, { maximumFractionDigits: 2 })).toBe('1.23 MB');
    expect(formatBytes(1_500_000, { locale: 'de-DE' })).toBe('1,5 MB');
    expect(formatBytes(1_000_000, { maximumFractionDigits: 2 })).toBe('1 MB');
  });

  it('keeps the sign of negative deltas and caps at the largest unit', () => {
    expect(formatBytes(-2048, { binary: true })).toBe('-2 KiB');
    expect(formatBytes(3e21)).toBe('3,000 EB');
  });

  it('rejects non-finite input', () => {
    expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
    expect(() => formatBytes(Infinity)).toThrow(RangeError);
  });
});
