import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeAsyncIterables } from './pattern.ts';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function* timed<T>(entries: Array<[ms: number, value: T]>, onClose?: () => void) {
  try {
    for (const [ms, value] of entries) {
      await wait(ms);
      yield value;
    }
  } finally {
    onClose?.();
  }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

describe('mergeAsyncIterables', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('yields values in arrival order across sources and ends when all are done', async () => {
    const fast = timed([[10, 'f1'], [10, 'f2'], [10, 'f3']]);
    const slow = timed([[15, 's1'], [30, 's2']]);
    const merged = collect(mergeAsyncIterables(fast, slow));
    await vi.runAllTimersAsync();
    await expect(merged).resolves.toEqual(['f1', 's1', 'f2', 'f3', 's2']);
  });

  it('handles no sources and empty sources', async () => {
    await expect(collect(mergeAsyncIterables())).resolves.toEqual([]);
    const merged = collect(mergeAsyncIterables(timed<number>([]), timed([[5, 1]])));
    await vi.runAllTimersAsync();
    await expect(merged).resolves.toEqual([1]);
  });

  it('rethrows a source error and closes the other sources', async () => {
    const closed = vi.fn();
    async function* broken() {
      await wait(20);
      throw new Error('feed broke');
    }
    const healthy = timed([[5, 1], [100, 2], [100, 3]], closed);
    const seen: number[] = [];
    const run = (async () => {
      for await (const value of mergeAsyncIterables<number>(healthy, broken())) seen.push(value);
    })();
    const assertion = expect(run).rejects.toThrow('feed broke');
    await vi.runAllTimersAsync();
    await assertion;
    expect(seen).toEqual([1]);
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('closes every source when the consumer stops early', async () => {
    const closedA = vi.fn();
    const closedB = vi.fn();
    const a = timed([[10, 'a1'], [10, 'a2'], [10, 'a3']], closedA);
    const b = timed([[25, 'b1'], [25, 'b2']], closedB);
    const firstTwo = (async () => {
      const values: string[] = [];
      for await (const value of mergeAsyncIterables(a, b)) {
        values.push(value);
        if (values.length === 2) break;
      }
      return values;
    })();
    await vi.runAllTimersAsync();
    await expect(firstTwo).resolves.toEqual(['a1', 'a2']);
    expect(closedA).toHaveBeenCalledTimes(1);
    expect(closedB).toHaveBeenCalledTimes(1);
  });

  it('accepts any async iterable, not just generators', async () => {
    const iterable: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => {
        let n = 0;
        return { next: async () => (n < 3 ? { value: n++, done: false } : { value: undefined, done: true }) };
      },
    };
    await expect(collect(mergeAsyncIterables(iterable, iterable))).resolves.toHaveLength(6);
  });
});
