export interface BatchLoaderOptions {
  /** Dispatch early once this many distinct keys are waiting. Default: no limit. */
  maxBatchSize?: number;
  /** Collect keys for this long; 0 (default) means until the current tick's microtasks are done. */
  delayMs?: number;
}

type Waiter<V> = { resolve: (value: V) => void; reject: (error: unknown) => void };

/**
 * Returns `load(key)`. `batchFn` receives distinct keys and must resolve with one value per key,
 * in the same order; an Error instance in that array rejects only its key.
 */
export function createBatchLoader<K, V>(
  batchFn: (keys: K[]) => Promise<Array<V | Error>>,
  { maxBatchSize = Infinity, delayMs = 0 }: BatchLoaderOptions = {},
): (key: K) => Promise<V> {
  let current: Map<K, Waiter<V>[]> | undefined;

  const dispatch = async (batch: Map<K, Waiter<V>[]>) => {
    if (current !== batch) return; // already dispatched because it filled up
    current = undefined;
    const keys = [...batch.keys()];
    try {
      const values = await batchFn(keys);
      if (values.length !== keys.length) {
        throw new Error(`batch function returned ${values.length} values for ${keys.length} keys`);
      }
      keys.forEach((key, i) => {
        const value = values[i] as V | Error;
        for (const waiter of batch.get(key) ?? []) {
          if (value instanceof Error) waiter.reject(value);
          else waiter.resolve(value);
        }
      });
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (!current) {
        const batch = new Map<K, Waiter<V>[]>();
        current = batch;
        if (delayMs > 0) setTimeout(() => void dispatch(batch), delayMs);
        else queueMicrotask(() => void dispatch(batch));
      }
      const batch = current;
      const waiters = batch.get(key) ?? [];
      waiters.push({ resolve, reject });
      batch.set(key, waiters);
      if (batch.size >= maxBatchSize) void dispatch(batch);
    });
}
