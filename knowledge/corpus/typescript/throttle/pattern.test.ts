import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './pattern.ts';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first call at once and collapses the rest into one trailing call', () => {
    const spy = vi.fn();
    const onScroll = throttle(spy, 100);
    onScroll(1);
    expect(spy).toHaveBeenCalledWith(1);
    onScroll(2);
    onScroll(3);
    vi.advanceTimersByTime(99);
    expect(spy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith(3);
  });

  it('calls at most once per interval during a steady stream of events', () => {
    const spy = vi.fn();
    const onMove = throttle(spy, 100);
    for (let t = 0; t < 1000; t += 10) {
      onMove(t);
      vi.advanceTimersByTime(10);
    }
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(11);
    vi.advanceTimersByTime(500);
    expect(spy).toHaveBeenLastCalledWith(990);
  });

  it('runs immediately again once a quiet window has passed', () => {
    const spy = vi.fn();
    const fn = throttle(spy, 100);
    fn('a');
    vi.advanceTimersByTime(250);
    fn('b');
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith('b');
  });

  it('cancel drops the trailing call', () => {
    const spy = vi.fn();
    const fn = throttle(spy, 100);
    fn(1);
    fn(2);
    fn.cancel();
    vi.advanceTimersByTime(500);
    expect(spy).toHaveBeenCalledTimes(1);
    fn(3);
    expect(spy).toHaveBeenLastCalledWith(3);
  });

  it('keeps working after the trailing call throws', () => {
    let fail = true;
    const spy = vi.fn((n: number) => {
      if (fail && n === 2) throw new Error('boom');
    });
    const fn = throttle(spy, 100);
    fn(1);
    fn(2);
    expect(() => vi.advanceTimersByTime(100)).toThrow('boom');
    fail = false;
    vi.advanceTimersByTime(100);
    fn(3);
    expect(spy).toHaveBeenLastCalledWith(3);
  });
});
