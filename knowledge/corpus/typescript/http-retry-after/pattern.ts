import { setTimeout as delay } from 'node:timers/promises';

/** Milliseconds to wait for a Retry-After value ("120" or an HTTP date); undefined if absent or unparseable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse is lenient ("-5" is the year -5), so only accept something that names a month or day.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now); // a date in the past means "now"
}

export interface RetryAfterOptions {
  maxRetries?: number;
  /** Upper bound for a single wait, whatever the server asks for. */
  maxDelayMs?: number;
  /** Fallback when there is no usable Retry-After: baseDelayMs * 2^attempt. */
  baseDelayMs?: number;
  retryOn?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** fetch() that retries 429/503 responses. Use it for idempotent requests only (GET, PUT, DELETE). */
export async function fetchWithRetryAfter(url: string | URL, init: RequestInit = {}, options: RetryAfterOptions = {}): Promise<Response> {
  const { maxRetries = 3, maxDelayMs = 30_000, baseDelayMs = 500, retryOn = [429, 503], sleep = (ms) => delay(ms) } = options;
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, init);
    if (!retryOn.includes(res.status) || attempt >= maxRetries) return res;
    await res.body?.cancel(); // release the connection; we will not read this body
    const wait = parseRetryAfter(res.headers.get('retry-after')) ?? baseDelayMs * 2 ** attempt;
    await sleep(Math.min(wait, maxDelayMs));
  }
}
