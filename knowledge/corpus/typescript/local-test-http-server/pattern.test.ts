import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './pattern.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(...args: Parameters<typeof startTestServer>): Promise<TestServer> {
  const server = await startTestServer(...args);
  servers.push(server);
  return server;
}

describe('startTestServer', () => {
  it('serves on a free local port and records requests with their bodies', async () => {
    const server = await start((req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ got: JSON.parse(req.body) }));
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/items?x=1`, { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'x-trace': 't1' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { a: 1 } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/items?x=1', body: '{"a":1}' });
    expect(server.requests[0]?.headers['x-trace']).toBe('t1');
  });

  it('gives parallel servers different ports', async () => {
    const [a, b] = await Promise.all([start((_req, res) => void res.end('a')), start((_req, res) => void res.end('b'))]);
    expect(a.url).not.toBe(b.url);
    expect(await (await fetch(b.url)).text()).toBe('b');
  });

  it('turns a throwing handler into a 500', async () => {
    const server = await start(() => {
      throw new Error('boom');
    });
    const res = await fetch(server.url);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('boom');
  });

  it('closes promptly even with a keep-alive connection open, and stops accepting', async () => {
    const server = await startTestServer((_req, res) => void res.end('hi'));
    await (await fetch(server.url)).text(); // fetch keeps the socket alive
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(500);
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
