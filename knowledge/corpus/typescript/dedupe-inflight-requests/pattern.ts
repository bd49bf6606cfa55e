/**
 * Returns a function that, while a call for a key is pending, returns that same promise to
 * every other caller with the same key. Keys default to JSON.stringify(args).
 */
export function dedupeInflight<Args extends unknown[], T>(
  fn: (...args: Args) => Promise<T>,
  keyOf: (...args: Args) => string = (...args) => JSON.stringify(args),
): ((...args: Args) => Promise<T>) & { readonly inflightCount: number } {
  const inflight = new Map<string, Promise<T>>();

  const deduped = (...args: Args): Promise<T> => {
    const key = keyOf(...args);
    const existing = inflight.get(key);
    if (existing) return existing;
    // The async wrapper turns a synchronous throw into a rejection; finally forgets the key
    // once settled, so neither results nor errors are cached.
    const promise = (async () => fn(...args))().finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  };

  return Object.defineProperty(deduped, 'inflightCount', { get: () => inflight.size }) as typeof deduped & {
    readonly inflightCount: number;
  };
}
