/**
 * A cache whose entries expire a fixed time after they are set.
 * Expiry is lazy: a stale entry is dropped when read, or by prune(). Call
 * prune() on an interval if keys are written once and never read again.
 */
export class TtlCache<K, V> {
  readonly #entries = new Map<K, { value: V; expiresAt: number }>();
  readonly #pending = new Map<K, Promise<V>>();

  /** `now` is injectable for tests; it defaults to Date.now (which fake timers control). */
  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  }

  /** Stores a value; `ttlMs` overrides the default lifetime for this entry. */
  set(key: K, value: V, ttlMs = this.ttlMs): this {
    this.#entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return this;
  }

  get(key: K): V | undefined {
    return this.#live(key)?.value;
  }

  has(key: K): boolean {
    return this.#live(key) !== undefined;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  /**
   * Returns the cached value, or loads and caches it. Concurrent callers for the
   * same key share one load; a rejected load is not cached.
   */
  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const entry = this.#live(key);
    if (entry) return entry.value;
    const inFlight = this.#pending.get(key);
    if (inFlight) return inFlight;
    const promise = load(key)
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.#pending.delete(key));
    this.#pending.set(key, promise);
    return promise;
  }

  /** Removes every expired entry; returns how many were removed. */
  prune(): number {
    const now = this.now();
    let removed = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) continue;
      this.#entries.delete(key);
      removed += 1;
    }
    return removed;
  }

  /** Entries still stored, including expired ones not yet read or pruned. */
  get size(): number {
    return this.#entries.size;
  }

  #live(key: K): { value: V; expiresAt: number } | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
