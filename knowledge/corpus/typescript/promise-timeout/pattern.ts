export class TimeoutError extends Error {
  override name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Settles like `task`, or rejects with a TimeoutError after `timeoutMs`.
 * Pass a function to get a signal that aborts (with the TimeoutError) when time runs out;
 * a bare promise keeps running in the background after the timeout.
 */
export async function withTimeout<T>(
  task: Promise<T> | ((signal: AbortSignal) => Promise<T>),
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TimeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    const work = typeof task === 'function' ? task(controller.signal) : task;
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
