import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatchLoader } from './pattern.ts';

const users: Record<number, string> = { 1: 'Ada', 2: 'Grace', 3: 'Linus' };

function userBatch() {
  return vi.fn(async (ids: number[]) => ids.map((id) => users[id] ?? new Error(`no user ${id}`)));
}

describe('createBatchLoader', () => {
  afterEach(() => vi.useRealTimers());

  it('sends loads from the same tick as one batch and gives each caller its value', async () => {
    const batchFn = userBatch();
    const loadUser = createBatchLoader(batchFn);
    const names = await Promise.all([1, 2, 3].map((id) => loadUser(id)));
    expect(names).toEqual(['Ada', 'Grace', 'Linus']);
    expect(batchFn).toHaveBeenCalledTimes(1);
    expect(batchFn).toHaveBeenCalledWith([1, 2, 3]);
  });

  it('asks for a repeated key once and resolves every caller', async () => {
    const batchFn = userBatch();
    const loadUser = createBatchLoader(batchFn);
    await expect(Promise.all([loadUser(2), loadUser(2), loadUser(1)])).resolves.toEqual(['Grace', 'Grace', 'Ada']);
    expect(batchFn).toHaveBeenCalledWith([2, 1]);
  });

  it('rejects only the key whose value is an Error', async () => {
    const loadUser = createBatchLoader(userBatch());
    const [found, missing] = await Promise.allSettled([loadUser(1), loadUser(99)]);
    expect(found).toEqual({ status: 'fulfilled', value: 'Ada' });
    expect(missing).toMatchObject({ status: 'rejected', reason: new Error('no user 99') });
  });

  it('splits into batches of maxBatchSize', async () => {
    const batchFn = userBatch();
    const loadUser = createBatchLoader(batchFn, { maxBatchSize: 2 });
    await Promise.all([1, 2, 3].map((id) => loadUser(id)));
    expect(batchFn.mock.calls).toEqual([[[1, 2]], [[3]]]);
  });

  it('rejects every key when the batch fails or returns the wrong number of values', async () => {
    const failing = createBatchLoader<number, string>(async () => {
      throw new Error('db down');
    });
    await expect(Promise.all([failing(1), failing(2)])).rejects.toThrow('db down');
    const short = createBatchLoader<number, string>(async () => ['only one']);
    const results = await Promise.allSettled([short(1), short(2)]);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(results[0]).toMatchObject({ reason: { message: 'batch function returned 1 values for 2 keys' } });
  });

  it('collects across ticks for delayMs and starts a new batch afterwards', async () => {
    vi.useFakeTimers();
    const batchFn = userBatch();
    const loadUser = createBatchLoader(batchFn, { delayMs: 10 });
    const first = loadUser(1);
    await vi.advanceTimersByTimeAsync(5);
    const second = loadUser(2);
    await vi.advanceTimersByTimeAsync(5);
    await expect(Promise.all([first, second])).resolves.toEqual(['Ada', 'Grace']);
    expect(batchFn).toHaveBeenCalledTimes(1);
    const third = loadUser(3);
    await vi.advanceTimersByTimeAsync(10);
    await expect(third).resolves.toBe('Linus');
    expect(batchFn).toHaveBeenCalledTimes(2);
  });
});
