import { describe, it, expect } from 'vitest';
import { ascending, binarySearch, insertSorted, lowerBound, rangeOf, upperBound } from './pattern.ts';

const numbers = [1, 3, 3, 3, 7, 10];

describe('binary search', () => {
  it('finds the first of equal elements, or -1', () => {
    expect(binarySearch(numbers, 3, ascending)).toBe(1);
    expect(binarySearch(numbers, 10, ascending)).toBe(5);
    expect(binarySearch(numbers, 1, ascending)).toBe(0);
    expect(binarySearch(numbers, 4, ascending)).toBe(-1);
    expect(binarySearch(numbers, 11, ascending)).toBe(-1);
    expect(binarySearch([], 1, ascending)).toBe(-1);
  });

  it('gives lower and upper bounds around runs of equal elements', () => {
    expect(lowerBound(numbers, 3, ascending)).toBe(1);
    expect(upperBound(numbers, 3, ascending)).toBe(4);
    expect(lowerBound(numbers, 0, ascending)).toBe(0);
    expect(lowerBound(numbers, 100, ascending)).toBe(numbers.length);
    expect(upperBound(numbers, 5, ascending)).toBe(4);
  });

  it('inserts after equal items, keeping the array sorted', () => {
    type Job = { at: number; name: string };
    const byTime = (a: Job, b: Job) => a.at - b.at;
    const jobs: Job[] = [{ at: 1, name: 'a' }, { at: 5, name: 'b' }];
    expect(insertSorted(jobs, { at: 5, name: 'c' }, byTime)).toBe(2);
    expect(insertSorted(jobs, { at: 0, name: 'd' }, byTime)).toBe(0);
    expect(jobs.map((job) => job.name)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('selects a half-open range', () => {
    expect(rangeOf(numbers, 3, 10, ascending)).toEqual([3, 3, 3, 7]);
    expect(rangeOf(numbers, 4, 7, ascending)).toEqual([]);
  });

  it('compares numbers numerically and works with strings', () => {
    expect(binarySearch([2, 10, 100], 10, ascending)).toBe(1);
    expect(binarySearch(['apple', 'kiwi', 'pear'], 'kiwi', ascending)).toBe(1);
  });

  it('agrees with a linear scan on every position', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => Math.floor(i / 3) * 2);
    for (let target = -1; target <= 140; target++) {
      expect(lowerBound(sorted, target, ascending)).toBe(sorted.findIndex((x) => x >= target) === -1 ? sorted.length : sorted.findIndex((x) => x >= target));
      expect(binarySearch(sorted, target, ascending)).toBe(sorted.indexOf(target));
    }
  });
});
