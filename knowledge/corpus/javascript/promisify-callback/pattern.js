/**
 * Wraps `fn(...args, callback(err, ...results))` as `(...args) => Promise`.
 * Resolves with the first result, or with all results as an array when `multiArgs`.
 * Rejects with `err` when it is truthy, or when `fn` throws synchronously.
 * A promise settles once, so a callback called a second time is ignored.
 * Keeps `this`: wrap methods as `promisify(obj.method.bind(obj))` or assign onto obj.
 * (For plain Node-style APIs, `import { promisify } from 'node:util'` is equivalent.)
 * @param {(...args: any[]) => unknown} fn
 * @param {{ multiArgs?: boolean }} [options]
 * @returns {(...args: any[]) => Promise<any>}
 */
export function promisify(fn, { multiArgs = false } = {}) {
  if (typeof fn !== 'function') throw new TypeError('promisify expects a function');
  /** @this {unknown} @param {...any} args */
  return function promisified(...args) {
    return new Promise((resolve, reject) => {
      // A throw inside the executor becomes a rejection.
      fn.call(this, ...args, (/** @type {unknown} */ err, /** @type {unknown[]} */ ...results) => {
        if (err) reject(err);
        else resolve(multiArgs ? results : results[0]);
      });
    });
  };
}

/**
 * Waits for a one-off event-style callback that has no error argument,
 * e.g. `await fromCallback((done) => server.close(done))`.
 * @template T
 * @param {(done: (value: T) => void) => void} register
 * @returns {Promise<T>}
 */
export function fromCallback(register) {
  return new Promise((resolve) => register(resolve));
}
