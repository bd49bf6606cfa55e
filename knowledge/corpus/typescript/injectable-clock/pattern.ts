import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with an AbortError if `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
};

/** A clock for tests: time only moves when you call advance(). */
export class ManualClock implements Clock {
  private sleepers: { until: number; resolve: () => void }[] = [];
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const sleeper = { until: this.current + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason);
      }, { once: true });
    });
  }

  /** Moves time forward, waking sleepers in order; code that sleeps again within the window wakes too. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      // Let pending async code run first, so sleeps it is about to start are registered.
      await new Promise((resolve) => setImmediate(resolve));
      const next = this.sleepers.filter((s) => s.until <= target).sort((a, b) => a.until - b.until)[0];
      if (!next) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.current = next.until;
      next.resolve();
    }
    this.current = target;
  }
}

/** Example consumer: waits until `check` passes, polling on the injected clock. */
export async function waitFor(check: () => boolean | Promise<boolean>, options: { timeoutMs: number; intervalMs: number; clock?: Clock }): Promise<void> {
  const { timeoutMs, intervalMs, clock = systemClock } = options;
  const deadline = clock.now() + timeoutMs;
  while (!(await check())) {
    if (clock.now() >= deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await clock.sleep(Math.min(intervalMs, deadline - clock.now()));
  }
}

/** Example consumer: a cache whose entries expire `ttlMs` after being set. */
export class TtlCache<V> {
  private entries = new Map<string, { value: V; expiresAt: number }>();
  constructor(private ttlMs: number, private clock: Clock = systemClock) {}

  set(key: string, value: V): void {
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.clock.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }
}
