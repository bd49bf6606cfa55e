export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T | PromiseLike<T>): void;
  reject(reason?: unknown): void;
  /** True once resolve or reject has been called; later calls do nothing. */
  readonly settled: boolean;
}

/** Like Promise.withResolvers() (Node 22+), plus a `settled` flag. */
export function createDeferred<T = void>(): Deferred<T> {
  let settled = false;
  let resolvePromise!: (value: T | PromiseLike<T>) => void;
  let rejectPromise!: (reason?: unknown) => void;
  // The executor runs synchronously, so both functions are assigned before we return.
  const promise = new Promise<T>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });
  return {
    promise,
    get settled() {
      return settled;
    },
    resolve(value) {
      settled = true;
      resolvePromise(value);
    },
    reject(reason) {
      settled = true;
      rejectPromise(reason);
    },
  };
}
