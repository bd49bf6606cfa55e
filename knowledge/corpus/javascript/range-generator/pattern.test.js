import { describe, it, expect } from 'vitest';
import { range, take } from './pattern.js';

describe('range', () => {
  it('counts like Python range', () => {
    expect([...range(5)]).toEqual([0, 1, 2, 3, 4]);
    expect([...range(2, 6)]).toEqual([2, 3, 4, 5]);
    expect([...range(0, 10, 3)]).toEqual([0, 3, 6, 9]);
    expect([...range(5, 0, -2)]).toEqual([5, 3, 1]);
    expect([...range(-2, 1)]).toEqual([-2, -1, 0]);
  });

  it('is empty when the step points away from end or start equals end', () => {
    expect([...range(0)]).toEqual([]);
    expect([...range(-3)]).toEqual([]);
    expect([...range(3, 3)]).toEqual([]);
    expect([...range(0, 5, -1)]).toEqual([]);
    expect([...range(5, 0)]).toEqual([]);
  });

  it('does not drift with fractional steps', () => {
    // Adding 0.1 ten times gives 0.9999999999999999 < 1, which would yield an 11th value.
    const values = [...range(0, 1, 0.1)];
    expect(values).toHaveLength(10);
    expect(values[3]).toBeCloseTo(0.3, 12);
    expect(values.at(-1)).toBeCloseTo(0.9, 12);
  });

  it('is lazy, so an infinite range can be consumed partly', () => {
    const taken = [];
    for (const n of range(1, Infinity)) {
      if (n > 3) break;
      taken.push(n);
    }
    expect(taken).toEqual([1, 2, 3]);
    expect([...take(range(0, -Infinity, -5), 3)]).toEqual([0, -5, -10]);
  });

  it('rejects arguments that would never finish, at the call', () => {
    expect(() => range(0, 10, 0)).toThrow(RangeError);
    expect(() => range(0, 10, NaN)).toThrow(RangeError);
    expect(() => range(NaN)).toThrow(RangeError);
    expect(() => range(-Infinity, 0)).toThrow(RangeError);
  });

  it('can be iterated once, like any generator', () => {
    const r = range(3);
    expect([...r]).toEqual([0, 1, 2]);
    expect([...r]).toEqual([]);
  });
});

describe('take', () => {
  it('stops early and handles n larger than the input or not positive', () => {
    expect([...take([1, 2, 3], 2)]).toEqual([1, 2]);
    expect([...take([1, 2], 5)]).toEqual([1, 2]);
    expect([...take(range(10), 0)]).toEqual([]);
  });
});
