import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchTimeoutError, fetchTextWithTimeout, fetchWithTimeout } from './pattern.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/fast') return void res.end('hello');
    if (req.url === '/slow-headers') return void setTimeout(() => res.end('late'), 2_000).unref();
    if (req.url === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part one, ');
      setTimeout(() => res.end('part two'), 2_000).unref();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchWithTimeout', () => {
  it('returns the response when the server answers in time', async () => {
    const res = await fetchWithTimeout(`${base}/fast`, { timeoutMs: 1_000 });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello');
  });

  it('rejects with FetchTimeoutError when the headers do not arrive in time', async () => {
    const started = Date.now();
    const error = await fetchWithTimeout(`${base}/slow-headers`, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchTimeoutError);
    expect((error as FetchTimeoutError).timeoutMs).toBe(50);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('applies the deadline to reading the body too', async () => {
    await expect(fetchTextWithTimeout(`${base}/slow-body`, { timeoutMs: 100 })).rejects.toBeInstanceOf(FetchTimeoutError);
  });

  it('keeps a caller cancellation as an AbortError, not a timeout', async () => {
    const controller = new AbortController();
    const pending = fetchWithTimeout(`${base}/slow-headers`, { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(FetchTimeoutError);
    expect((error as Error).name).toBe('AbortError');
  });
});
