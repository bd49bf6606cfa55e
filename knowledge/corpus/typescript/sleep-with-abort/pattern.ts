/**
 * Resolves after `ms` milliseconds. If `signal` aborts first (or already has), rejects with
 * `signal.reason` (a DOMException named 'AbortError' unless the caller passed a reason).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      // A long-lived signal would otherwise collect one listener per sleep.
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
