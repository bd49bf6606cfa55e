import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWithRetryAfter, parseRetryAfter } from './pattern.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
  });
  it('clamps past dates to 0 and ignores garbage', () => {
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('fetchWithRetryAfter', () => {
  let server: Server;
  let base: string;
  let script: { status: number; headers?: Record<string, string> }[] = [];
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      const step = script[hits++] ?? { status: 200 };
      res.writeHead(step.status, step.headers).end(step.status === 200 ? 'ok' : 'busy');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits = 0;
  });

  it('waits as long as Retry-After says, capped, then succeeds', async () => {
    script = [{ status: 429, headers: { 'retry-after': '2' } }, { status: 503, headers: { 'retry-after': '3600' } }];
    const sleep = vi.fn(async (_ms: number) => {});
    const res = await fetchWithRetryAfter(base, {}, { sleep, maxDelayMs: 10_000 });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(hits).toBe(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2_000, 10_000]);
  });

  it('falls back to exponential backoff without the header and gives up after maxRetries', async () => {
    script = Array.from({ length: 10 }, () => ({ status: 503 }));
    const sleep = vi.fn(async (_ms: number) => {});
    const res = await fetchWithRetryAfter(base, {}, { sleep, maxRetries: 2, baseDelayMs: 100 });
    expect(res.status).toBe(503);
    expect(hits).toBe(3);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([100, 200]);
  });

  it('does not retry other errors', async () => {
    script = [{ status: 500 }];
    const sleep = vi.fn(async (_ms: number) => {});
    expect((await fetchWithRetryAfter(base, {}, { sleep })).status).toBe(500);
    expect(sleep).not.toHaveBeenCalled();
  });
});
