import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep } from './pattern.ts';

describe('sleep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves only after the delay', async () => {
    let done = false;
    const pending = sleep(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason and clears its timer', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with an AbortError when aborted without a reason', async () => {
    const controller = new AbortController();
    const pending = sleep(1000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects at once for an already aborted signal, without starting a timer', async () => {
    const pending = sleep(1000, AbortSignal.abort('too late'));
    expect(vi.getTimerCount()).toBe(0);
    await expect(pending).rejects.toBe('too late');
  });

  it('removes its abort listener after resolving', async () => {
    const controller = new AbortController();
    const pending = sleep(50, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(50);
    await pending;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort();
  });
});
