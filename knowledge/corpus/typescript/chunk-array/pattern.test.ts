import { describe, it, expect } from 'vitest';
import { chunk, inBatches } from './pattern.ts';

describe('chunk', () => {
  it('splits into equal chunks with a shorter last one', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });

  it('handles empty input and a size larger than the input', () => {
    expect(chunk([], 3)).toEqual([]);
    expect(chunk(['a'], 10)).toEqual([['a']]);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(() => chunk([1], -1)).toThrow(RangeError);
    expect(() => chunk([1], 1.5)).toThrow(RangeError);
    expect(() => chunk([1], Number.NaN)).toThrow(RangeError);
  });

  it('does not modify the input', () => {
    const input = [1, 2, 3];
    const [first] = chunk(input, 3);
    first?.push(4);
    expect(input).toEqual([1, 2, 3]);
  });
});

describe('inBatches', () => {
  it('processes batches one after another, in order', async () => {
    const log: string[] = [];
    const results = await inBatches([1, 2, 3, 4, 5], 2, async (batch, index) => {
      log.push(`start ${index}`);
      await new Promise((resolve) => setTimeout(resolve, 3 - index));
      log.push(`end ${index}`);
      return batch.reduce((sum, n) => sum + n, 0);
    });
    expect(results).toEqual([3, 7, 5]);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('stops at the first failing batch', async () => {
    const seen: number[][] = [];
    const run = inBatches([1, 2, 3, 4], 1, async (batch) => {
      seen.push(batch);
      if (batch[0] === 2) throw new Error('batch failed');
    });
    await expect(run).rejects.toThrow('batch failed');
    expect(seen).toEqual([[1], [2]]);
  });
});
