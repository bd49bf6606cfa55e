import { describe, it, expect } from 'vitest';
import { RingBuffer } from './pattern.ts';

describe('RingBuffer', () => {
  it('keeps only the last N items, oldest first', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) buffer.push(i);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.size).toBe(3);
    expect(buffer.isFull).toBe(true);
  });

  it('returns the overwritten item when full', () => {
    const buffer = new RingBuffer<string>(2);
    expect(buffer.push('a')).toBeUndefined();
    expect(buffer.push('b')).toBeUndefined();
    expect(buffer.push('c')).toBe('a');
    expect([...buffer]).toEqual(['b', 'c']);
  });

  it('shifts in FIFO order across the wrap-around', () => {
    const buffer = new RingBuffer<number>(3);
    [1, 2, 3, 4].forEach((n) => buffer.push(n));
    expect(buffer.shift()).toBe(2);
    buffer.push(5);
    buffer.push(6);
    expect(buffer.toArray()).toEqual([4, 5, 6]);
    expect([buffer.shift(), buffer.shift(), buffer.shift(), buffer.shift()]).toEqual([4, 5, 6, undefined]);
    expect(buffer.size).toBe(0);
  });

  it('indexes from either end and rejects out-of-range indexes', () => {
    const buffer = new RingBuffer<number>(3);
    [10, 20, 30, 40].forEach((n) => buffer.push(n));
    expect(buffer.at(0)).toBe(20);
    expect(buffer.at(-1)).toBe(40);
    expect(buffer.at(3)).toBeUndefined();
    expect(buffer.at(-4)).toBeUndefined();
  });

  it('clears and rejects a bad capacity', () => {
    const buffer = new RingBuffer<number>(2);
    buffer.push(1);
    buffer.clear();
    expect(buffer.toArray()).toEqual([]);
    buffer.push(7);
    expect(buffer.toArray()).toEqual([7]);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
