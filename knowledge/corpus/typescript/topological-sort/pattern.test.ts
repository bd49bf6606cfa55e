import { describe, it, expect } from 'vitest';
import { CycleError, topologicalSort } from './pattern.ts';

const isValidOrder = (order: string[], graph: Record<string, string[]>): boolean =>
  Object.entries(graph).every(([node, deps]) => deps.every((dep) => order.indexOf(dep) < order.indexOf(node)));

describe('topologicalSort', () => {
  it('puts every node after its dependencies', () => {
    const graph = { app: ['db', 'auth'], auth: ['db', 'config'], db: ['config'], config: [] };
    const order = topologicalSort(Object.entries(graph));
    expect(order).toEqual(['config', 'db', 'auth', 'app']);
    expect(isValidOrder(order, graph)).toBe(true);
  });

  it('includes nodes that only appear as dependencies, and repeated edges', () => {
    const order = topologicalSort(new Map([['b', ['a', 'a']], ['c', ['a']]]));
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('is deterministic for independent nodes', () => {
    expect(topologicalSort(Object.entries({ x: [], y: [], z: [] }))).toEqual(['x', 'y', 'z']);
    expect(topologicalSort([])).toEqual([]);
  });

  it('throws a CycleError naming the cycle', () => {
    const graph = Object.entries({ a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: [] });
    let error: unknown;
    try {
      topologicalSort(graph);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CycleError);
    const cycle = (error as CycleError<string>).cycle;
    expect(cycle[0]).toBe(cycle.at(-1));
    expect(new Set(cycle)).toEqual(new Set(['a', 'b', 'c']));
    expect((error as Error).message).toMatch(/^Dependency cycle: \w -> \w -> \w -> \w$/);
  });

  it('reports a node that depends on itself', () => {
    expect(() => topologicalSort([['a', ['a']]])).toThrow('Dependency cycle: a -> a');
  });

  it('works with non-string nodes and large chains', () => {
    const n = 10_000;
    const graph = new Map(Array.from({ length: n }, (_, i) => [i, i > 0 ? [i - 1] : []] as const));
    const order = topologicalSort(graph);
    expect(order).toHaveLength(n);
    expect(order[0]).toBe(0);
    expect(order.at(-1)).toBe(n - 1);
  });
});
