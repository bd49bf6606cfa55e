import { describe, it, expect, expectTypeOf } from 'vitest';
import { partition, partitionSettled } from './pattern.ts';

describe('partition', () => {
  it('splits by a predicate, keeping order', () => {
    const [even, odd] = partition([1, 2, 3, 4, 5], (n) => n % 2 === 0);
    expect(even).toEqual([2, 4]);
    expect(odd).toEqual([1, 3, 5]);
  });

  it('passes the index and accepts any iterable', () => {
    const [firstTwo, rest] = partition(new Set(['a', 'b', 'c']), (_, i) => i < 2);
    expect(firstTwo).toEqual(['a', 'b']);
    expect(rest).toEqual(['c']);
  });

  it('narrows both halves with a type guard', () => {
    const values: Array<string | number> = ['a', 1, 'b', 2];
    const [strings, numbers] = partition(values, (v): v is string => typeof v === 'string');
    expectTypeOf(strings).toEqualTypeOf<string[]>();
    expectTypeOf(numbers).toEqualTypeOf<number[]>();
    expect(strings.map((s) => s.toUpperCase())).toEqual(['A', 'B']);
    expect(numbers.reduce((sum, n) => sum + n, 0)).toBe(3);
  });

  it('handles empty input and all-or-nothing predicates', () => {
    expect(partition([], () => true)).toEqual([[], []]);
    expect(partition([1, 2], () => true)).toEqual([[1, 2], []]);
    expect(partition([1, 2], () => false)).toEqual([[], [1, 2]]);
  });

  it('calls the predicate once per item', () => {
    let calls = 0;
    partition([1, 2, 3], () => (calls++, true));
    expect(calls).toBe(3);
  });
});

describe('partitionSettled', () => {
  it('separates fulfilled values from rejection reasons, in order', async () => {
    const [values, errors] = await partitionSettled([
      Promise.resolve(1),
      Promise.reject(new Error('boom')),
      3,
      Promise.resolve(4),
      Promise.reject(new Error('bang')),
    ]);
    expect(values).toEqual([1, 3, 4]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'bang']);
  });
});
