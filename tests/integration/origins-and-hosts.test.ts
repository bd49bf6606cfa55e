import http from 'node:http';
import { io as connectSocketIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../support/test-server.ts';

// Two servers: one with the defaults (loopback and IP hosts only), one configured for a reverse proxy.
let local: Awaited<ReturnType<typeof startTestServer>>;
let proxied: Awaited<ReturnType<typeof startTestServer>>;
const metricsToken = 'scrape-secret-for-tests';
const foreign = 'https://attacker.example';

beforeAll(async () => {
  [local, proxied] = await Promise.all([
    startTestServer(),
    startTestServer({
      environment: {
        KILN_PUBLIC_URL: 'https://kiln.example.com',
        KILN_TRUST_PROXY: 'on',
        KILN_METRICS_TOKEN: metricsToken,
      },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([local?.stop(), proxied?.stop()]);
});

/** A plain HTTP request with headers fetch would not let us write (Host). */
function request(
  kiln: typeof local,
  path: string,
  headers: Record<string, string>,
  init: { method?: string; body?: string } = {},
) {
  return new Promise<{ status: number; json: any }>((resolve, reject) => {
    const outgoing = http.request(
      { host: '127.0.0.1', port: kiln.server.port, path, method: init.method ?? 'GET', headers },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += String(chunk)));
        response.on('end', () => resolve({ status: response.statusCode!, json: text ? safeJson(text) : undefined }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Opens a WebSocket; resolves with 'open', or the HTTP status and JSON error that refused the upgrade. */
function upgrade(kiln: typeof local, path: string, headers: Record<string, string>) {
  return new Promise<{ opened: true } | { status: number; json: any }>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${kiln.server.port}${path}`, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += String(chunk)));
      response.on('end', () => resolve({ status: response.statusCode!, json: safeJson(text) }));
      response.on('error', () => resolve({ status: response.statusCode!, json: safeJson(text) }));
    });
    socket.once('error', (error) => setTimeout(() => reject(error), 50));
  });
}

const socketIoWebSocket = '/socket.io/?EIO=4&transport=websocket';

/** A Socket.IO client over WebSocket; resolves with whether it connected. */
function socketIo(kiln: typeof local, token: string, extraHeaders: Record<string, string>) {
  const client = connectSocketIo(kiln.url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  });
  return new Promise<boolean>((resolve) => {
    client.once('connect', () => resolve(true));
    client.once('connect_error', () => resolve(false));
  }).finally(() => client.close());
}

describe('the Host check (DNS rebinding)', () => {
  it('answers Host: attacker.example with 421 host_not_allowed on HTTP', async () => {
    const response = await request(local, '/api/v1/auth/me', { Host: 'attacker.example' });
    expect(response.status).toBe(421);
    expect(response.json.error.code).toBe('host_not_allowed');
    expect(response.json.error.message).toContain('KILN_PUBLIC_URL');
    expect((await request(local, '/', { Host: 'attacker.example:3000' })).status).toBe(421);
    for (const host of ['localhost', `127.0.0.1:${local.server.port}`, '[::1]:80'])
      expect((await request(local, '/health', { Host: host })).status, host).toBe(200);
  });

  it('refuses Socket.IO with that Host, polling and WebSocket, before the handshake', async () => {
    const polling = await request(local, '/socket.io/?EIO=4&transport=polling', { Host: 'attacker.example' });
    expect(polling.status).toBe(421);
    expect(polling.json.error.code).toBe('host_not_allowed');
    const refused = await upgrade(local, socketIoWebSocket, { Host: 'attacker.example' });
    expect(refused).toMatchObject({ status: 421, json: { error: { code: 'host_not_allowed' } } });
    expect(await upgrade(local, socketIoWebSocket, {})).toEqual({ opened: true });
  });

  it('refuses the raw WebSocket with that Host before the handshake', async () => {
    const refused = await upgrade(local, '/api/v1/ws', { Host: 'attacker.example' });
    expect(refused).toMatchObject({ status: 421, json: { error: { code: 'host_not_allowed' } } });
  });
});

describe('the Origin check', () => {
  it('refuses a foreign Origin on Socket.IO and lets a same-origin or Origin-less client connect', async () => {
    const { token } = await local.register('origin-socket@example.com');
    expect(await socketIo(local, token, { origin: foreign })).toBe(false);
    expect(await socketIo(local, token, { origin: local.url })).toBe(true);
    expect(await socketIo(local, token, {})).toBe(true);
  });

  it('refuses a foreign Origin on the raw WebSocket with 403, and opens it without one', async () => {
    expect(await upgrade(local, '/api/v1/ws', { Origin: foreign })).toMatchObject({
      status: 403,
      json: { error: { code: 'origin_not_allowed' } },
    });
    expect(await upgrade(local, '/api/v1/ws', { Origin: 'http://localhost:1' })).toMatchObject({ status: 403 });
    expect(await upgrade(local, '/api/v1/ws', {})).toEqual({ opened: true });
  });

  it('refuses a foreign Origin on /mcp and on a POST; same-origin and Origin-less requests work', async () => {
    const { token } = await local.register('origin-http@example.com');
    const listTools = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const mcp = (headers: Record<string, string>) =>
      fetch(`${local.url}/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: listTools,
      });
    const refusedMcp = await mcp({ origin: foreign });
    expect(refusedMcp.status).toBe(403);
    expect(((await refusedMcp.json()) as any).error.code).toBe('origin_not_allowed');
    expect((await mcp({})).status).toBe(200);
    expect((await mcp({ origin: local.url })).status).toBe(200);

    const body = { title: 'from elsewhere' };
    const refusedPost = await local.api('POST', '/conversations', { token, body, headers: { origin: foreign } });
    expect(refusedPost.status).toBe(403);
    expect(refusedPost.json.error.code).toBe('origin_not_allowed');
    expect((await local.api('POST', '/conversations', { token, body, headers: { origin: local.url } })).status).toBe(
      201,
    );
    expect((await local.api('POST', '/conversations', { token, body })).status).toBe(201);
  });
});

describe('behind a reverse proxy (KILN_PUBLIC_URL, KILN_TRUST_PROXY, KILN_METRICS_TOKEN)', () => {
  const site = { Host: 'kiln.example.com', Origin: 'https://kiln.example.com' };

  it('serves KILN_PUBLIC_URL’s host and accepts its Origin, on HTTP and sockets', async () => {
    const registered = await request(
      proxied,
      '/api/v1/auth/register',
      { ...site, 'Content-Type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ email: 'site@example.com', password: 'correct horse battery' }) },
    );
    expect(registered.status).toBe(201);
    expect(await upgrade(proxied, socketIoWebSocket, site)).toEqual({ opened: true });
    expect(await upgrade(proxied, '/api/v1/ws', site)).toEqual({ opened: true });
    expect((await request(proxied, '/health', { Host: 'other.example.com' })).status).toBe(421);
  });

  it('takes the client address from X-Forwarded-For: one client’s failed sign-ins do not throttle another', async () => {
    const failedLogin = (address: string, attempt: number) =>
      proxied.api('POST', '/auth/login', {
        body: { email: `nobody${attempt}@example.com`, password: 'wrong password' },
        headers: { 'x-forwarded-for': address },
      });
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 429; attempt += 1)
      status = (await failedLogin('203.0.113.9', attempt)).status;
    expect(status).toBe(429);
    expect((await failedLogin('198.51.100.7', 100)).status).toBe(401);
  });

  it('answers /metrics only with the bearer token', async () => {
    expect((await fetch(`${proxied.url}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${proxied.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('kiln_http_requests_total');
  });

  it('without a token, /metrics answers this machine but not a client behind the proxy', async () => {
    expect((await fetch(`${local.url}/metrics`)).status).toBe(200);
    const relayed = await fetch(`${local.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(relayed.status).toBe(403);
  });
});
