export interface RetryOptions {
  /** Attempts after the first one. Default 3. */
  retries?: number;
  /** Delay cap before the first retry; doubles on each retry. Default 100 ms. */
  baseMs?: number;
  /** Upper bound for any delay. Default 10 s. */
  maxMs?: number;
  /** Full jitter: wait a random time in [0, cap). Default true. */
  jitter?: boolean;
  /** Return false for errors that will not go away by retrying. */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  signal?: AbortSignal;
}

/** Calls `fn` until it resolves; rethrows the last error once retries are exhausted. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { retries = 3, baseMs = 100, maxMs = 10_000, jitter = true, shouldRetry = () => true, signal } = options;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= retries || !shouldRetry(error, attempt)) throw error;
      const cap = Math.min(maxMs, baseMs * 2 ** attempt);
      await delay(jitter ? Math.random() * cap : cap, signal);
    }
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
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
