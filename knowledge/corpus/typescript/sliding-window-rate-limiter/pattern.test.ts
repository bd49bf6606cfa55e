import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlidingWindowRateLimiter } from './pattern.ts';

describe('SlidingWindowRateLimiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('allows the limit, then rejects with remaining and retryAfterMs', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 1000 });
    expect(limiter.hit('ip-1')).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    vi.advanceTimersByTime(100);
    limiter.hit('ip-1');
    vi.advanceTimersByTime(100);
    expect(limiter.hit('ip-1')).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    vi.advanceTimersByTime(100);
    expect(limiter.hit('ip-1')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 700 });
  });

  it('does not allow a double burst across a window boundary, unlike a fixed window', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 1000 });
    vi.advanceTimersByTime(900);
    for (let i = 0; i < 3; i++) expect(limiter.hit('u').allowed).toBe(true);
    vi.advanceTimersByTime(200); // t = 1100: a fixed 0-1000/1000-2000 window would reset here
    expect(limiter.hit('u').allowed).toBe(false);
    vi.advanceTimersByTime(799); // t = 1899
    expect(limiter.hit('u').allowed).toBe(false);
    vi.advanceTimersByTime(1); // t = 1900: the hits from t = 900 have left the window
    expect(limiter.hit('u')).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('does not count rejected hits', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1000 });
    limiter.hit('u');
    for (let t = 0; t < 9; t++) {
      vi.advanceTimersByTime(100);
      expect(limiter.hit('u').allowed).toBe(false);
    }
    vi.advanceTimersByTime(100);
    expect(limiter.hit('u').allowed).toBe(true);
  });

  it('keeps keys independent', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.hit('alice').allowed).toBe(true);
    expect(limiter.hit('alice').allowed).toBe(false);
    expect(limiter.hit('bob').allowed).toBe(true);
  });

  it('prune() forgets idle keys', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 5, windowMs: 1000 });
    limiter.hit('old');
    vi.advanceTimersByTime(600);
    limiter.hit('recent');
    vi.advanceTimersByTime(500);
    limiter.prune();
    expect(limiter.size).toBe(1);
    expect(limiter.hit('recent').remaining).toBe(3);
    expect(() => new SlidingWindowRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});
