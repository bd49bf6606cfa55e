export interface RateLimitResult {
  allowed: boolean;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
  /** When not allowed: how long until the oldest counted request leaves the window. */
  retryAfterMs: number;
}

/** Sliding-log limiter: at most `limit` allowed hits per key in any `windowMs` span. */
export class SlidingWindowRateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  #hits = new Map<string, number[]>(); // ascending timestamps of allowed hits

  constructor({ limit, windowMs }: { limit: number; windowMs: number }) {
    if (!Number.isInteger(limit) || limit < 1 || !(windowMs > 0)) throw new RangeError('limit and windowMs must be positive');
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#hits.size;
  }

  /** Records a hit for `key` if allowed. Rejected hits are not recorded, so hammering does not extend the wait. */
  hit(key: string, now = Date.now()): RateLimitResult {
    const stamps = this.#live(key, now);
    if (stamps.length >= this.limit) {
      const oldest = stamps[0] ?? now;
      return { allowed: false, remaining: 0, retryAfterMs: oldest + this.windowMs - now };
    }
    stamps.push(now);
    this.#hits.set(key, stamps);
    return { allowed: true, remaining: this.limit - stamps.length, retryAfterMs: 0 };
  }

  /** Drops expired timestamps and forgets keys with no recent hits. */
  prune(now = Date.now()): void {
    for (const key of [...this.#hits.keys()]) {
      if (this.#live(key, now).length === 0) this.#hits.delete(key);
    }
  }

  #live(key: string, now: number): number[] {
    const stamps = this.#hits.get(key) ?? [];
    const cutoff = now - this.windowMs;
    const firstLive = stamps.findIndex((stamp) => stamp > cutoff);
    stamps.splice(0, firstLive === -1 ? stamps.length : firstLive);
    return stamps;
  }
}
