export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  #tokens: number;
  #lastRefill = Date.now();

  /** Starts full: `capacity` requests may go at once, then `refillPerSecond` per second. */
  constructor(capacity: number, refillPerSecond: number) {
    if (!(capacity > 0) || !(refillPerSecond > 0)) throw new RangeError('capacity and refillPerSecond must be positive');
    this.capacity = capacity;
    this.refillPerSecond = refillPerSecond;
    this.#tokens = capacity;
  }

  get tokens(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Takes `count` tokens if they are available now; never waits. */
  tryTake(count = 1): boolean {
    this.#check(count);
    this.#refill();
    if (this.#tokens < count) return false;
    this.#tokens -= count;
    return true;
  }

  /** Milliseconds until `count` tokens will be available (0 if they are now). */
  msUntil(count = 1): number {
    this.#check(count);
    this.#refill();
    return Math.max(0, Math.ceil(((count - this.#tokens) / this.refillPerSecond) * 1000));
  }

  /** Waits until `count` tokens can be taken, then takes them. */
  async take(count = 1, signal?: AbortSignal): Promise<void> {
    while (!this.tryTake(count)) await wait(this.msUntil(count), signal);
  }

  #refill(): void {
    const now = Date.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#lastRefill) / 1000) * this.refillPerSecond);
    this.#lastRefill = now;
  }

  #check(count: number): void {
    // More than the capacity could never be satisfied: fail loudly instead of waiting forever.
    if (!(count > 0) || count > this.capacity) throw new RangeError(`count must be in (0, ${this.capacity}]`);
  }
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
