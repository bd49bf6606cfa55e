import { describe, it, expect } from 'vitest';
import { safeEqual, safeEqualSignature } from './pattern.ts';

describe('safeEqual', () => {
  it('is true only for identical values', () => {
    expect(safeEqual('s3cret-token', 's3cret-token')).toBe(true);
    expect(safeEqual('s3cret-token', 's3cret-tokem')).toBe(false);
    expect(safeEqual('s3cret-token', 'S3cret-token')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });

  it('does not throw for values of different lengths', () => {
    expect(() => safeEqual('short', 'a much longer value')).not.toThrow();
    expect(safeEqual('short', 'a much longer value')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'x')).toBe(false);
  });

  it('compares bytes, so buffers and their string form agree', () => {
    expect(safeEqual(Buffer.from('héllo'), 'héllo')).toBe(true);
    expect(safeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(safeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });
});

describe('safeEqualSignature', () => {
  it('rejects missing or non-string input instead of throwing', () => {
    expect(safeEqualSignature(undefined, 'abc')).toBe(false);
    expect(safeEqualSignature(['abc'], 'abc')).toBe(false);
    expect(safeEqualSignature('', '')).toBe(false);
    expect(safeEqualSignature('abc', 'abc')).toBe(true);
  });
});
