/** Thrown when the deadline passes; a caller's own abort still surfaces as the original AbortError. */
export class FetchTimeoutError extends Error {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`Request to ${url} timed out after ${timeoutMs} ms`);
    this.name = 'FetchTimeoutError';
  }
}

export interface FetchWithTimeoutInit extends RequestInit {
  timeoutMs: number;
}

/**
 * fetch() that gives up after `timeoutMs`. The deadline applies to the whole exchange, including reading
 * the body with res.json()/res.text(), because the same signal stays attached to the response.
 */
export async function fetchWithTimeout(url: string | URL, init: FetchWithTimeoutInit): Promise<Response> {
  const { timeoutMs, signal: callerSignal, ...rest } = init;
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
  try {
    return await fetch(url, { ...rest, signal });
  } catch (error) {
    // AbortSignal.timeout() aborts with a DOMException named 'TimeoutError'.
    if (timeoutSignal.aborted && !callerSignal?.aborted) throw new FetchTimeoutError(String(url), timeoutMs);
    throw error;
  }
}

/** Fetches and reads the body as text within one deadline. */
export async function fetchTextWithTimeout(url: string | URL, init: FetchWithTimeoutInit): Promise<string> {
  const res = await fetchWithTimeout(url, init);
  try {
    return await res.text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new FetchTimeoutError(String(url), init.timeoutMs);
    throw error;
  }
}
