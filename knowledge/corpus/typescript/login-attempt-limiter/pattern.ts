export interface LoginLimiterOptions {
  /** Failures allowed within `windowMs` before a lockout. */
  maxFailures?: number;
  windowMs?: number;
  /** First lockout; each further lockout doubles, up to `maxLockoutMs`. */
  lockoutMs?: number;
  maxLockoutMs?: number;
}

export type LoginCheck = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Entry {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

/**
 * Slows down password guessing: after `maxFailures` failed logins within `windowMs` a key is locked,
 * with exponential backoff. Use two instances: one keyed by `${account}|${ip}` (targeted guessing,
 * without letting strangers lock the real user out) and a looser one by IP (credential stuffing).
 * Record failures for unknown accounts too, or the limiter reveals which accounts exist.
 * In-memory: with several server instances keep the entries in Redis or the database instead.
 */
export class LoginAttemptLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly options: Required<LoginLimiterOptions>;

  constructor(options: LoginLimiterOptions = {}) {
    this.options = { maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 60_000, maxLockoutMs: 60 * 60_000, ...options };
  }

  /** Call before verifying the password; if not allowed, answer 429 with Retry-After. */
  check(key: string): LoginCheck {
    const entry = this.entries.get(key);
    const retryAfterMs = entry ? entry.lockedUntil - Date.now() : 0;
    return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
  }

  recordFailure(key: string): LoginCheck {
    const now = Date.now();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0, lockouts: 0 };
    entry.failures = entry.failures.filter((time) => now - time < this.options.windowMs);
    entry.failures.push(now);
    if (entry.failures.length >= this.options.maxFailures) {
      const lockout = Math.min(this.options.lockoutMs * 2 ** entry.lockouts, this.options.maxLockoutMs);
      entry.lockedUntil = now + lockout;
      entry.lockouts += 1;
      entry.failures = [];
    }
    this.entries.set(key, entry);
    return this.check(key);
  }

  /** A successful login clears the key's history. */
  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries with no recent failures and no active lockout; call periodically to bound memory. */
  prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      const recent = entry.failures.some((time) => now - time < this.options.windowMs);
      if (!recent && entry.lockedUntil <= now && now - entry.lockedUntil > this.options.maxLockoutMs) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
