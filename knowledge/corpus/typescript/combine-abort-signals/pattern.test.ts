import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { combineSignals } from './pattern.ts';

describe('combineSignals', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts when any input aborts, with that input’s reason', () => {
    const user = new AbortController();
    const shutdown = new AbortController();
    const { signal } = combineSignals([user.signal, shutdown.signal]);
    expect(signal.aborted).toBe(false);
    shutdown.abort(new Error('server stopping'));
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toEqual(new Error('server stopping'));
    user.abort(new Error('later'));
    expect(signal.reason).toEqual(new Error('server stopping'));
  });

  it('aborts with a TimeoutError when the timeout elapses first', () => {
    const { signal } = combineSignals([new AbortController().signal], 500);
    vi.advanceTimersByTime(499);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('is aborted at once if an input already is, skipping undefined inputs', () => {
    const { signal } = combineSignals([undefined, AbortSignal.abort('already')], 1000);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('already');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('dispose() detaches from long-lived inputs and clears the timer', () => {
    const app = new AbortController();
    for (let request = 0; request < 50; request++) {
      const combined = combineSignals([app.signal], 30_000);
      combined.dispose();
      combined.dispose();
    }
    expect(getEventListeners(app.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cleans up after itself once it has aborted', () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal } = combineSignals([a.signal, b.signal], 1000);
    a.abort();
    expect(signal.aborted).toBe(true);
    expect(getEventListeners(b.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
