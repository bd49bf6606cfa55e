/** A FIFO, non-reentrant async lock for one process. */
export class Mutex {
  #locked = false;
  #waiters: Array<() => void> = [];

  get isLocked(): boolean {
    return this.#locked;
  }

  /** Waits for the lock and returns its release function (calling it twice is harmless). */
  async acquire(): Promise<() => void> {
    if (this.#locked) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    else this.#locked = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  }

  /** Runs `fn` while holding the lock, releasing it however `fn` ends. */
  async runExclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  #release(): void {
    const next = this.#waiters.shift();
    // Hand the lock straight to the next waiter (it stays locked), so no newcomer can cut in.
    if (next) next();
    else this.#locked = false;
  }
}
