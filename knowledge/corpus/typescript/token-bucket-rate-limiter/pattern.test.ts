import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './pattern.ts';

describe('TokenBucket', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('allows a burst up to capacity, then refills at the given rate', () => {
    const bucket = new TokenBucket(5, 2); // burst of 5, then 2 per second
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.msUntil()).toBe(500);
    vi.advanceTimersByTime(499);
    expect(bucket.tryTake()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('never refills beyond capacity after a long idle time', () => {
    const bucket = new TokenBucket(3, 10);
    bucket.tryTake(3);
    vi.advanceTimersByTime(60_000);
    expect(bucket.tokens).toBe(3);
    expect(bucket.tryTake(3)).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('takes several tokens at once and refuses impossible requests', () => {
    const bucket = new TokenBucket(10, 1);
    expect(bucket.tryTake(7)).toBe(true);
    expect(bucket.tryTake(4)).toBe(false);
    expect(bucket.tokens).toBe(3);
    expect(bucket.msUntil(4)).toBe(1000);
    expect(() => bucket.tryTake(11)).toThrow(RangeError);
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
  });

  it('take() waits for tokens, holding throughput to the refill rate', async () => {
    const bucket = new TokenBucket(2, 4); // 1 token every 250 ms
    const sent: number[] = [];
    const start = Date.now();
    const done = (async () => {
      for (let i = 0; i < 6; i++) {
        await bucket.take();
        sent.push(Date.now() - start);
      }
    })();
    await vi.runAllTimersAsync();
    await done;
    expect(sent).toEqual([0, 0, 250, 500, 750, 1000]);
  });

  it('take() rejects when aborted while waiting', async () => {
    const bucket = new TokenBucket(1, 1);
    bucket.tryTake();
    const controller = new AbortController();
    const waiting = bucket.take(1, controller.signal);
    controller.abort(new Error('request closed'));
    await expect(waiting).rejects.toThrow('request closed');
    expect(bucket.tokens).toBe(0);
  });
});
