import type { z } from 'zod';

/** A response outside 2xx, with enough context to debug it from a log line. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'HttpError';
  }
}

/** The server said 2xx but the body is not JSON (or not JSON at all, e.g. an HTML page from a proxy). */
export class InvalidJsonError extends Error {
  constructor(
    readonly url: string,
    readonly body: string,
  ) {
    super(`Response from ${url} is not valid JSON: ${body.slice(0, 100)}`);
    this.name = 'InvalidJsonError';
  }
}

/**
 * GET/POST a JSON API and return the body parsed by `schema`. Throws HttpError for non-2xx, InvalidJsonError
 * for unparseable bodies, and zod's ZodError when the shape is wrong. 204/205 parse as `undefined`.
 */
export async function fetchJson<S extends z.ZodType>(url: string | URL, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');

  const res = await fetch(url, { ...init, headers });
  const text = await res.text(); // read once: the body stream cannot be consumed twice
  if (!res.ok) throw new HttpError(res.status, res.url || String(url), text);

  let data: unknown;
  if (text === '') data = undefined;
  else {
    try {
      data = JSON.parse(text);
    } catch {
      throw new InvalidJsonError(res.url || String(url), text);
    }
  }
  return schema.parse(data);
}
