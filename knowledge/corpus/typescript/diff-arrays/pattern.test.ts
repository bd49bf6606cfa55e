import { describe, it, expect } from 'vitest';
import { diffArrays } from './pattern.ts';

interface User {
  id: number;
  name: string;
}

describe('diffArrays', () => {
  it('finds added and removed primitives', () => {
    const diff = diffArrays(['a', 'b', 'c'], ['b', 'd', 'a']);
    expect(diff.added).toEqual(['d']);
    expect(diff.removed).toEqual(['c']);
    expect(diff.unchanged).toEqual(['b', 'a']);
    expect(diff.changed).toEqual([]);
  });

  it('matches records by key and reports changed content', () => {
    const before: User[] = [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }, { id: 3, name: 'cat' }];
    const after: User[] = [{ id: 2, name: 'bobby' }, { id: 3, name: 'cat' }, { id: 4, name: 'dan' }];
    const diff = diffArrays(before, after, (user) => user.id, (a, b) => a.name === b.name);
    expect(diff.added).toEqual([{ id: 4, name: 'dan' }]);
    expect(diff.removed).toEqual([{ id: 1, name: 'ann' }]);
    expect(diff.changed).toEqual([{ before: { id: 2, name: 'bob' }, after: { id: 2, name: 'bobby' } }]);
    expect(diff.unchanged).toEqual([{ id: 3, name: 'cat' }]);
  });

  it('pairs duplicates one to one and keeps removed in original order', () => {
    const diff = diffArrays([1, 3, 1, 2, 1], [1, 2]);
    expect(diff.removed).toEqual([3, 1, 1]);
    expect(diff.unchanged).toEqual([1, 2]);
    expect(diffArrays([1], [1, 1]).added).toEqual([1]);
  });

  it('compares objects by reference without a key function', () => {
    const diff = diffArrays([{ id: 1 }], [{ id: 1 }]);
    expect(diff.added).toHaveLength(1);
    expect(diff.removed).toHaveLength(1);
  });

  it('treats NaN as a key like Map does, and handles empty lists', () => {
    expect(diffArrays([Number.NaN], [Number.NaN]).unchanged).toHaveLength(1);
    expect(diffArrays([], [])).toEqual({ added: [], removed: [], changed: [], unchanged: [] });
    expect(diffArrays([], [1]).added).toEqual([1]);
    expect(diffArrays([1], []).removed).toEqual([1]);
  });
});
