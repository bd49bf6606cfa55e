import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, withTimeout } from './pattern.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('withTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves with the value when the promise is fast enough, and clears its timer', async () => {
    const result = withTimeout(after(50, 'ok'), 100);
    await vi.advanceTimersByTimeAsync(50);
    await expect(result).resolves.toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with a TimeoutError when the promise is too slow', async () => {
    const result = withTimeout(after(500, 'late'), 100);
    const assertion = expect(result).rejects.toBeInstanceOf(TimeoutError);
    await vi.advanceTimersByTimeAsync(100);
    await assertion;
    await expect(result).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
  });

  it('passes through the original rejection', async () => {
    await expect(withTimeout(Promise.reject(new Error('db down')), 100)).rejects.toThrow('db down');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts the signal given to a task function on timeout', async () => {
    let seen: AbortSignal | undefined;
    const result = withTimeout((signal) => {
      seen = signal;
      return new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }, 100);
    const assertion = expect(result).rejects.toBeInstanceOf(TimeoutError);
    expect(seen?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await assertion;
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(TimeoutError);
  });

  it('turns a synchronous throw in the task function into a rejection', async () => {
    await expect(
      withTimeout(() => {
        throw new Error('bad input');
      }, 100),
    ).rejects.toThrow('bad input');
  });
});
