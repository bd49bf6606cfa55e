import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from './concurrency-limit.ts';

describe('ConcurrencyLimit', () => {
  it('runs at most 2 at once, queues the next in order, and refuses beyond the queue', async () => {
    const limit = new ConcurrencyLimit(2, 2);
    const first = await limit.acquire()!;
    const second = await limit.acquire()!;
    const started: string[] = [];
    void limit.acquire()!.then((release) => started.push('third') && release);
    void limit.acquire()!.then(() => started.push('fourth'));
    expect(limit.acquire()).toBeUndefined();
    expect(limit.active).toBe(2);

    first();
    first(); // a second release of the same slot frees nothing more
    await Promise.resolve();
    expect(started).toEqual(['third']);
    expect(limit.active).toBe(2);
    second();
    await Promise.resolve();
    expect(started).toEqual(['third', 'fourth']);
    expect(limit.active).toBe(2);
  });

  it('frees the slot when nobody waits', async () => {
    const limit = new ConcurrencyLimit(1, 0);
    const release = await limit.acquire()!;
    expect(limit.acquire()).toBeUndefined();
    release();
    expect(limit.active).toBe(0);
    expect(limit.acquire()).toBeDefined();
  });
});
