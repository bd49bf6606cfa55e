/**
 * At most `maxRunning` tasks at once, up to `maxWaiting` more queued in order; beyond
 * that `acquire` refuses at once. Password hashes go through one, so a burst of sign-ins
 * cannot take every core (and every libuv thread) from the rest of the server.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** Tasks running now; exposed for tests and metrics. */
  get active() {
    return this.running;
  }

  /** Resolves with a `release` (call it exactly once) when a slot is free; undefined when the queue is full. */
  acquire(): Promise<() => void> | undefined {
    if (this.running < this.maxRunning) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return undefined;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays the same.
      if (next) next();
      else this.running -= 1;
    };
  }
}
