/**
 * @template {(...args: any[]) => any} F
 * @typedef {F & { cache: Map<unknown, ReturnType<F>>, clear(): void }} Memoized
 */

/**
 * Returns `fn` wrapped with a result cache. The cache key is the single argument itself,
 * or JSON.stringify(args) for zero or several arguments; pass `key` for anything else
 * (objects match by identity otherwise; `this` is not part of the key). `maxSize` bounds the cache, evicting the least
 * recently used entry. A returned promise is cached too, but removed if it rejects.
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {{ key?: (...args: Parameters<F>) => unknown, maxSize?: number }} [options]
 * @returns {Memoized<F>}
 */
export function memoize(fn, { key = (...args) => (args.length === 1 ? args[0] : JSON.stringify(args)), maxSize = Infinity } = {}) {
  if (!(maxSize >= 1)) throw new RangeError(`maxSize must be at least 1, got ${maxSize}`);
  /** @type {Map<unknown, ReturnType<F>>} */
  const cache = new Map();

  /** @this {unknown} @param {Parameters<F>} args */
  function memoized(...args) {
    const k = key(...args);
    if (cache.has(k)) {
      const hit = /** @type {ReturnType<F>} */ (cache.get(k));
      cache.delete(k); // re-insert: Map order doubles as recency order
      cache.set(k, hit);
      return hit;
    }
    const result = fn.apply(this, args);
    cache.set(k, result);
    if (cache.size > maxSize) cache.delete(cache.keys().next().value);
    if (result instanceof Promise) {
      result.catch(() => {
        if (cache.get(k) === result) cache.delete(k);
      });
    }
    return result;
  }

  memoized.cache = cache;
  memoized.clear = () => cache.clear();
  return /** @type {Memoized<F>} */ (/** @type {unknown} */ (memoized));
}
