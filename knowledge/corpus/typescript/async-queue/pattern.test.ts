import { describe, expect, it } from 'vitest';
import { AsyncQueue } from './pattern.ts';

describe('AsyncQueue', () => {
  it('delivers buffered items in order, then ends after close', async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    queue.push(2);
    queue.push(3);
    queue.close();
    expect(queue.size).toBe(3);
    const seen: number[] = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
    expect(queue.size).toBe(0);
  });

  it('makes a waiting consumer resume when an item is pushed later', async () => {
    const queue = new AsyncQueue<string>();
    let received: IteratorResult<string, undefined> | undefined;
    const pending = queue.next().then((result) => (received = result));
    await Promise.resolve();
    expect(received).toBeUndefined();
    queue.push('job');
    await pending;
    expect(received).toEqual({ value: 'job', done: false });
  });

  it('gives each item to exactly one of several waiting consumers, in arrival order', async () => {
    const queue = new AsyncQueue<string>();
    const first = queue.next();
    const second = queue.next();
    queue.push('a');
    queue.push('b');
    await expect(first).resolves.toEqual({ value: 'a', done: false });
    await expect(second).resolves.toEqual({ value: 'b', done: false });
    expect(queue.size).toBe(0);
  });

  it('releases waiting consumers on close and refuses later pushes', async () => {
    const queue = new AsyncQueue<number>();
    const waiting = queue.next();
    queue.close();
    await expect(waiting).resolves.toEqual({ value: undefined, done: true });
    expect(() => queue.push(1)).toThrow('push() after close()');
  });

  it('keeps falsy and undefined items', async () => {
    const queue = new AsyncQueue<number | undefined>();
    queue.push(0);
    queue.push(undefined);
    queue.close();
    const seen: Array<number | undefined> = [];
    for await (const item of queue) seen.push(item);
    expect(seen).toEqual([0, undefined]);
  });

  it('works as a pipeline between a producer and a for-await consumer', async () => {
    const queue = new AsyncQueue<number>();
    const consumer = (async () => {
      let sum = 0;
      for await (const n of queue) sum += n;
      return sum;
    })();
    for (let i = 1; i <= 100; i++) {
      queue.push(i);
      if (i % 10 === 0) await Promise.resolve();
    }
    queue.close();
    await expect(consumer).resolves.toBe(5050);
  });
});
