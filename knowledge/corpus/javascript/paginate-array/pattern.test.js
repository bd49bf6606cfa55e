import { describe, it, expect } from 'vitest';
import { paginate, chunk } from './pattern.js';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('paginate', () => {
  it('returns the first, middle and last pages with their metadata', () => {
    expect(paginate(letters, 1, 3)).toEqual({
      items: ['a', 'b', 'c'], page: 1, pageSize: 3, totalItems: 7, totalPages: 3, hasNext: true, hasPrevious: false,
    });
    const middle = paginate(letters, 2, 3);
    expect(middle.items).toEqual(['d', 'e', 'f']);
    expect([middle.hasPrevious, middle.hasNext]).toEqual([true, true]);
    const last = paginate(letters, 3, 3);
    expect(last.items).toEqual(['g']); // the last page may be short
    expect(last.hasNext).toBe(false);
  });

  it('returns an empty page past the end, with correct totals', () => {
    const beyond = paginate(letters, 5, 3);
    expect(beyond.items).toEqual([]);
    expect(beyond.totalPages).toBe(3);
    expect(beyond.hasNext).toBe(false);
    expect(beyond.hasPrevious).toBe(true);
  });

  it('handles an empty list and an exact multiple of the page size', () => {
    expect(paginate([], 1, 10)).toMatchObject({ items: [], totalItems: 0, totalPages: 0, hasNext: false, hasPrevious: false });
    const exact = paginate(['a', 'b', 'c', 'd'], 2, 2);
    expect(exact.totalPages).toBe(2);
    expect(exact.hasNext).toBe(false);
  });

  it('rejects pages and sizes that are not positive integers', () => {
    expect(() => paginate(letters, 0, 3)).toThrow(RangeError);
    expect(() => paginate(letters, -1, 3)).toThrow(RangeError);
    expect(() => paginate(letters, 1.5, 3)).toThrow(RangeError);
    expect(() => paginate(letters, '2', 3)).toThrow(RangeError);
    expect(() => paginate(letters, 1, 0)).toThrow('pageSize must be an integer >= 1');
    expect(() => paginate(letters, 1, NaN)).toThrow(RangeError);
  });

  it('does not change the input', () => {
    const copy = [...letters];
    paginate(letters, 2, 2).items.push('z');
    expect(letters).toEqual(copy);
  });
});

describe('chunk', () => {
  it('splits into consecutive groups, the last one possibly shorter', () => {
    expect(chunk(letters, 3)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
    expect(chunk([], 2)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
