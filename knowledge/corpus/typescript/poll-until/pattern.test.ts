import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollTimeoutError, pollUntil } from './pattern.ts';

describe('pollUntil', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks every interval and resolves with the first accepted value', async () => {
    const statuses = ['queued', 'running', 'running', 'done'];
    const check = vi.fn(async (attempt: number) => ({ status: statuses[attempt] }));
    const result = pollUntil(check, (job) => job.status === 'done', { intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2001);
    await expect(result).resolves.toEqual({ status: 'done' });
    expect(check).toHaveBeenCalledTimes(4);
  });

  it('resolves at once without waiting when the first check passes', async () => {
    await expect(pollUntil(() => 42, (n) => n > 0, { intervalMs: 1000 })).resolves.toBe(42);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('makes a last check at the deadline, then rejects with the last value', async () => {
    const check = vi.fn((attempt: number) => attempt);
    const result = pollUntil(check, () => false, { intervalMs: 400, timeoutMs: 1000 });
    const assertion = expect(result).rejects.toBeInstanceOf(PollTimeoutError);
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    // attempts at 0, 400, 800 and the final one at 1000
    expect(check).toHaveBeenCalledTimes(4);
    await expect(result).rejects.toMatchObject({ lastValue: 3 });
  });

  it('does not start the next attempt before the previous one finished', async () => {
    let running = 0;
    let overlapped = false;
    const check = async () => {
      if (running++ > 0) overlapped = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      running--;
      return false;
    };
    const result = pollUntil(check, Boolean, { intervalMs: 100, timeoutMs: 2000 });
    const assertion = expect(result).rejects.toThrow('Condition not met');
    await vi.advanceTimersByTimeAsync(3000);
    await assertion;
    expect(overlapped).toBe(false);
  });

  it('stops when aborted, and propagates errors from the check', async () => {
    const controller = new AbortController();
    const result = pollUntil(() => 0, () => false, { intervalMs: 1000, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user cancelled'));
    await expect(result).rejects.toThrow('user cancelled');
    expect(vi.getTimerCount()).toBe(0);

    const failing = pollUntil(() => Promise.reject(new Error('404')), () => true, { intervalMs: 10 });
    await expect(failing).rejects.toThrow('404');
  });
});
