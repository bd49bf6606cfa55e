import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retry } from './pattern.ts';

/** A function that fails `failures` times, then resolves with 'ok'. */
const flaky = (failures: number) => vi.fn(async (attempt: number) => {
  if (attempt < failures) throw new Error(`fail ${attempt}`);
  return 'ok';
});

describe('retry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('retries with exponentially growing delays until it succeeds', async () => {
    const fn = flaky(2);
    const result = retry(fn, { baseMs: 100, jitter: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(fn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('gives up after the retries and rethrows the last error', async () => {
    const fn = flaky(10);
    const result = retry(fn, { retries: 2, jitter: false });
    const assertion = expect(result).rejects.toThrow('fail 2');
    await vi.runAllTimersAsync();
    await assertion;
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('does not retry errors that shouldRetry rejects', async () => {
    const fn = vi.fn(async () => {
      throw new TypeError('bad request');
    });
    await expect(retry(fn, { shouldRetry: (error) => !(error instanceof TypeError) })).rejects.toThrow('bad request');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('caps delays at maxMs and applies full jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fn = flaky(4);
    const result = retry(fn, { retries: 5, baseMs: 100, maxMs: 300 });
    // delays: 50, 100, 150, 150 (half of 100, 200, 300, 300)
    await vi.advanceTimersByTimeAsync(50 + 100 + 150 + 149);
    expect(fn).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const fn = flaky(10);
    const result = retry(fn, { baseMs: 10_000, jitter: false, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort(new Error('cancelled'));
    await expect(result).rejects.toThrow('cancelled');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
