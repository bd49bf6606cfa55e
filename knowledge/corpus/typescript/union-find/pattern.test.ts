import { describe, it, expect } from 'vitest';
import { DisjointSet } from './pattern.ts';

describe('DisjointSet', () => {
  it('merges groups transitively', () => {
    const sets = new DisjointSet(['a', 'b', 'c', 'd', 'e']);
    expect(sets.count).toBe(5);
    expect(sets.union('a', 'b')).toBe(true);
    expect(sets.union('c', 'd')).toBe(true);
    expect(sets.union('b', 'd')).toBe(true);
    expect(sets.connected('a', 'c')).toBe(true);
    expect(sets.connected('a', 'e')).toBe(false);
    expect(sets.count).toBe(2);
    expect(sets.sizeOf('d')).toBe(4);
  });

  it('reports a union within one group as redundant (cycle detection)', () => {
    const sets = new DisjointSet<number>();
    const edges: Array<[number, number]> = [[1, 2], [2, 3], [3, 1], [4, 5]];
    const redundant = edges.filter(([a, b]) => !sets.union(a, b));
    expect(redundant).toEqual([[3, 1]]);
    expect(sets.count).toBe(2);
  });

  it('adds unknown items on first use', () => {
    const sets = new DisjointSet<string>();
    expect(sets.find('x')).toBe('x');
    expect(sets.count).toBe(1);
    expect(sets.connected('x', 'y')).toBe(false);
    expect(sets.count).toBe(2);
  });

  it('lists groups in first-added order', () => {
    const sets = new DisjointSet([1, 2, 3, 4, 5, 6]);
    sets.union(4, 1);
    sets.union(6, 3);
    sets.union(3, 4);
    expect(sets.groups()).toEqual([[1, 3, 4, 6], [2], [5]]);
  });

  it('stays fast and correct on a long chain', () => {
    const n = 100_000;
    const sets = new DisjointSet<number>();
    for (let i = 1; i < n; i++) sets.union(i - 1, i);
    expect(sets.count).toBe(1);
    expect(sets.connected(0, n - 1)).toBe(true);
    expect(sets.sizeOf(12_345)).toBe(n);
  });

  it('compares object keys by reference', () => {
    const a = { id: 1 };
    const sets = new DisjointSet<object>([a, { id: 1 }]);
    expect(sets.count).toBe(2);
    expect(sets.connected(a, { id: 1 })).toBe(false);
  });
});
