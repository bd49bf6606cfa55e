export interface PollOptions {
  intervalMs: number;
  /** Give up after this long; a final attempt is made at the deadline. Default: never. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export class PollTimeoutError<T> extends Error {
  override name = 'PollTimeoutError';
  readonly lastValue: T;
  constructor(timeoutMs: number, lastValue: T) {
    super(`Condition not met within ${timeoutMs} ms`);
    this.lastValue = lastValue;
  }
}

/** Calls `check` until `isDone(value)` is true and resolves with that value. Errors from `check` propagate. */
export async function pollUntil<T>(
  check: (attempt: number) => Promise<T> | T,
  isDone: (value: T) => boolean,
  { intervalMs, timeoutMs = Infinity, signal }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const value = await check(attempt);
    if (isDone(value)) return value;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new PollTimeoutError(timeoutMs, value);
    await wait(Math.min(intervalMs, remaining), signal);
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
