import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapWithConcurrency } from './pattern.ts';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps results in input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const durations = [50, 10, 30, 5, 20, 40];
    const result = mapWithConcurrency(durations, 2, async (ms, index) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await wait(ms);
      inFlight--;
      return `${index}:${ms}`;
    });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(['0:50', '1:10', '2:30', '3:5', '4:20', '5:40']);
    expect(maxInFlight).toBe(2);
  });

  it('starts the next item as soon as any slot frees up', async () => {
    const started: number[] = [];
    const result = mapWithConcurrency([100, 10, 10, 10], 2, async (ms, index) => {
      started.push(index);
      await wait(ms);
    });
    await vi.advanceTimersByTimeAsync(25);
    // item 0 is still running, items 1 and 2 are done, item 3 has started
    expect(started).toEqual([0, 1, 2, 3]);
    await vi.runAllTimersAsync();
    await result;
  });

  it('rejects with the first error and starts no new items afterwards', async () => {
    const started: number[] = [];
    const result = mapWithConcurrency([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await wait(n === 2 ? 5 : 10);
      if (n === 2) throw new Error('item 2 failed');
      return n;
    });
    const assertion = expect(result).rejects.toThrow('item 2 failed');
    await vi.runAllTimersAsync();
    await assertion;
    expect(started).toEqual([1, 2]);
  });

  it('handles empty input, iterables and synchronous functions', async () => {
    await expect(mapWithConcurrency([], 3, (x: number) => x)).resolves.toEqual([]);
    await expect(mapWithConcurrency(new Set([1, 2, 3]), 10, (x) => x * 2)).resolves.toEqual([2, 4, 6]);
    await expect(mapWithConcurrency([1], 0, (x) => x)).rejects.toThrow(RangeError);
  });
});
