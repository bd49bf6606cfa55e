import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './pattern.ts';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls once, with the latest arguments, after the calls stop', () => {
    const spy = vi.fn();
    const save = debounce(spy, 100);
    save('a');
    vi.advanceTimersByTime(60);
    save('b');
    vi.advanceTimersByTime(60);
    save('c');
    expect(spy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith('c');
  });

  it('cancels a pending call, and flushes one immediately', () => {
    const spy = vi.fn();
    const save = debounce(spy, 100);
    save(1);
    save.cancel();
    vi.advanceTimersByTime(200);
    expect(spy).not.toHaveBeenCalled();
    save(2);
    save.flush();
    expect(spy).toHaveBeenCalledWith(2);
    vi.advanceTimersByTime(200);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
