import { describe, it, expect } from 'vitest';
import { PriorityQueue } from './pattern.ts';

const drain = <T>(queue: PriorityQueue<T>): T[] => {
  const out: T[] = [];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) out.push(item);
  return out;
};

describe('PriorityQueue', () => {
  it('pops the smallest item first', () => {
    const queue = new PriorityQueue<number>((a, b) => a - b);
    queue.push(5, 1, 4, 1, 3);
    expect(queue.peek()).toBe(1);
    expect(queue.size).toBe(5);
    expect(drain(queue)).toEqual([1, 1, 3, 4, 5]);
  });

  it('reverses the comparator for a max-heap', () => {
    const queue = new PriorityQueue<number>((a, b) => b - a);
    queue.push(2, 9, 7);
    expect(drain(queue)).toEqual([9, 7, 2]);
  });

  it('returns undefined when empty', () => {
    const queue = new PriorityQueue<number>((a, b) => a - b);
    expect(queue.pop()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    queue.push(1);
    queue.pop();
    expect(queue.pop()).toBeUndefined();
    expect(queue.size).toBe(0);
  });

  it('keeps insertion order among equal priorities', () => {
    const queue = new PriorityQueue<{ name: string; priority: number }>((a, b) => a.priority - b.priority);
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    names.forEach((name, i) => queue.push({ name, priority: i % 2 }));
    expect(drain(queue).map((job) => job.name)).toEqual(['a', 'c', 'e', 'g', 'b', 'd', 'f', 'h']);
  });

  it('agrees with sorting on interleaved pushes and pops', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) % 1000;
    const queue = new PriorityQueue<number>((a, b) => a - b);
    const reference: number[] = [];
    for (let round = 0; round < 500; round++) {
      const value = random();
      queue.push(value);
      reference.push(value);
      if (round % 3 === 0) {
        reference.sort((a, b) => a - b);
        expect(queue.pop()).toBe(reference.shift());
      }
    }
    expect(drain(queue)).toEqual(reference.sort((a, b) => a - b));
  });
});
