import { describe, it, expect, vi } from 'vitest';
import { reduceAsync, mapSeries } from './pattern.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An async task that records how many run at once. */
function tracked() {
  const stats = { running: 0, maxRunning: 0, order: [] };
  const task = async (item) => {
    stats.running += 1;
    stats.maxRunning = Math.max(stats.maxRunning, stats.running);
    stats.order.push(`start ${item}`);
    await sleep(item); // later items are faster: overlapping would reorder the log
    stats.order.push(`end ${item}`);
    stats.running -= 1;
    return item * 2;
  };
  return { stats, task };
}

describe('mapSeries', () => {
  it('runs one task at a time, in input order', async () => {
    const { stats, task } = tracked();
    await expect(mapSeries([6, 3, 1], task)).resolves.toEqual([12, 6, 2]);
    expect(stats.maxRunning).toBe(1);
    expect(stats.order).toEqual(['start 6', 'end 6', 'start 3', 'end 3', 'start 1', 'end 1']);
  });

  it('stops at the first rejection', async () => {
    const fn = vi.fn(async (x) => {
      if (x === 2) throw new Error('failed on 2');
      return x;
    });
    await expect(mapSeries([1, 2, 3], fn)).rejects.toThrow('failed on 2');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('handles empty input, indexes and async iterables', async () => {
    await expect(mapSeries([], async () => 1)).resolves.toEqual([]);
    async function* letters() { yield 'a'; yield 'b'; }
    await expect(mapSeries(letters(), (l, i) => `${i}${l}`)).resolves.toEqual(['0a', '1b']);
  });
});

describe('reduceAsync', () => {
  it('threads the accumulator through sequential async steps', async () => {
    const { stats, task } = tracked();
    const total = await reduceAsync([4, 2, 1], async (sum, item) => sum + (await task(item)), 0);
    expect(total).toBe(14);
    expect(stats.maxRunning).toBe(1);
  });

  it('returns the initial value for no items and passes indexes', async () => {
    await expect(reduceAsync([], async () => 'never', 'init')).resolves.toBe('init');
    const seen = await reduceAsync(['x', 'y'], async (acc, item, i) => [...acc, `${item}${i}`], []);
    expect(seen).toEqual(['x0', 'y1']);
  });

  it('rejects without calling the reducer again', async () => {
    const reducer = vi.fn(async (acc, x) => {
      if (x > 1) throw new Error('too big');
      return acc + x;
    });
    await expect(reduceAsync([1, 2, 3], reducer, 0)).rejects.toThrow('too big');
    expect(reducer).toHaveBeenCalledTimes(2);
  });
});
