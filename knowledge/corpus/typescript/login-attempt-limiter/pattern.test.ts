import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { LoginAttemptLimiter } from './pattern.ts';

describe('LoginAttemptLimiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('locks a key after maxFailures and unlocks it after the lockout', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 3, lockoutMs: 60_000 });
    expect(limiter.recordFailure('alice|1.2.3.4')).toEqual({ allowed: true });
    limiter.recordFailure('alice|1.2.3.4');
    expect(limiter.recordFailure('alice|1.2.3.4')).toEqual({ allowed: false, retryAfterMs: 60_000 });
    vi.advanceTimersByTime(59_000);
    expect(limiter.check('alice|1.2.3.4')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    vi.advanceTimersByTime(1_000);
    expect(limiter.check('alice|1.2.3.4')).toEqual({ allowed: true });
  });

  it('keeps keys independent', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 2 });
    limiter.recordFailure('alice|1.2.3.4');
    limiter.recordFailure('alice|1.2.3.4');
    expect(limiter.check('alice|1.2.3.4').allowed).toBe(false);
    expect(limiter.check('alice|5.6.7.8').allowed).toBe(true);
    expect(limiter.check('bob|1.2.3.4').allowed).toBe(true);
  });

  it('forgets failures older than the window', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 3, windowMs: 10_000 });
    limiter.recordFailure('k');
    limiter.recordFailure('k');
    vi.advanceTimersByTime(10_000);
    expect(limiter.recordFailure('k').allowed).toBe(true);
    expect(limiter.recordFailure('k').allowed).toBe(true);
    expect(limiter.recordFailure('k').allowed).toBe(false);
  });

  it('doubles the lockout for repeat offenders, up to the maximum', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 1, lockoutMs: 1_000, maxLockoutMs: 3_000 });
    const lockouts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = limiter.recordFailure('k');
      if (result.allowed) throw new Error('expected a lockout');
      lockouts.push(result.retryAfterMs);
      vi.advanceTimersByTime(result.retryAfterMs);
    }
    expect(lockouts).toEqual([1_000, 2_000, 3_000, 3_000]);
  });

  it('clears the history on success', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 2, lockoutMs: 1_000 });
    limiter.recordFailure('k');
    limiter.recordSuccess('k');
    expect(limiter.recordFailure('k').allowed).toBe(true);
    limiter.recordFailure('k');
    vi.advanceTimersByTime(1_000);
    limiter.recordSuccess('k');
    limiter.recordFailure('k');
    expect(limiter.recordFailure('k')).toEqual({ allowed: false, retryAfterMs: 1_000 }); // backoff reset too
  });

  it('prunes stale entries, but remembers recent lockouts for the backoff', () => {
    const limiter = new LoginAttemptLimiter({ maxFailures: 2, windowMs: 1_000, lockoutMs: 1_000, maxLockoutMs: 5_000 });
    limiter.recordFailure('locked');
    limiter.recordFailure('locked');
    limiter.recordFailure('once');
    vi.advanceTimersByTime(2_000);
    limiter.recordFailure('fresh');
    limiter.prune();
    expect(limiter.size).toBe(2); // "once" is gone; "locked" is kept so a new lockout would be doubled
    vi.advanceTimersByTime(5_000);
    limiter.prune();
    expect(limiter.size).toBe(0);
  });
});
