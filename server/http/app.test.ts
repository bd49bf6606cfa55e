import { loadConfig } from '../../platform/config/config.ts';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../platform/infrastructure/readiness.ts';
import { createApp } from './app.ts';
import type { ApiServices } from './api-env.ts';
import { HttpMetrics } from './http-metrics.ts';

let clientDirectory: string;

beforeAll(async () => {
  clientDirectory = await mkdtemp(path.join(os.tmpdir(), 'kiln-client-'));
  await writeFile(path.join(clientDirectory, 'index.html'), '<!doctype html><title>Kiln</title>');
  await mkdir(path.join(clientDirectory, '_app', 'immutable'), { recursive: true });
  await writeFile(path.join(clientDirectory, '_app', 'immutable', 'entry.abc123.js'), 'console.log("kiln")');
});

/** Routes that never touch a service only need the API to count as started. */
const startedServices = () => ({}) as ApiServices;

function appWith(
  report: ReadinessReport = { ready: true, checks: {} },
  services: () => ApiServices | undefined = startedServices,
) {
  const { app } = createApp({
    log: pino({ level: 'silent' }),
    metrics: new HttpMetrics(),
    readiness: async () => report,
    clientDirectory,
    version: '9.9.9',
    security: loadConfig({}).security,
    services,
  });
  return app;
}

describe('probes', () => {
  it('/health answers while the process is up', async () => {
    const response = await appWith({ ready: false, checks: {} }).request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: '9.9.9' });
  });

  it('/ready is 503 with every check while a required dependency is down, 200 once all are up', async () => {
    const down: ReadinessReport = {
      ready: false,
      checks: { postgres: { ok: true, detail: 'PostgreSQL 17' }, chroma: { ok: false, detail: 'connection refused' } },
    };
    const notReady = await appWith(down).request('/ready');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual(down);
    expect(notReady.headers.get('cache-control')).toBe('no-store');

    const ready = await appWith({ ready: true, checks: { postgres: { ok: true, detail: 'PostgreSQL 17' } } }).request(
      '/ready',
    );
    expect(ready.status).toBe(200);
  });

  it('/metrics exposes request counts by route pattern in the Prometheus format', async () => {
    const app = appWith();
    await app.request('/health');
    await app.request('/api/v1/missing/123');
    // Without KILN_METRICS_TOKEN only a client on this machine may scrape.
    const response = await app.request('/metrics', {}, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('kiln_http_requests_total{method="GET",route="/health",status="200"} 1');
    expect(text).toContain('kiln_http_requests_total{method="GET",route="/api/v1/*",status="404"} 1');
    expect(text).toContain('kiln_process_cpu_seconds_total');
  });
});

describe('errors and headers', () => {
  it('answers unknown API routes with a JSON 404 carrying the request id', async () => {
    const response = await appWith().request('/api/v1/nothing-here', { method: 'POST' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toBe('API route POST /api/v1/nothing-here not found');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('keeps a request id sent by a proxy', async () => {
    const response = await appWith().request('/health', { headers: { 'X-Request-Id': 'from-proxy-1' } });
    expect(response.headers.get('x-request-id')).toBe('from-proxy-1');
  });

  it('sends security headers', async () => {
    const response = await appWith().request('/');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers API calls with 503 while Kiln is still starting', async () => {
    const response = await appWith(undefined, () => undefined).request('/api/v1/conversations');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
  });

  it('describes the API version at /api/v1', async () => {
    expect(await (await appWith().request('/api/v1')).json()).toEqual({ name: 'kiln', version: '9.9.9', api: 'v1' });
  });
});

describe('the client', () => {
  it('serves index.html at / and for client-side routes (SPA fallback)', async () => {
    for (const route of ['/', '/c/123', '/settings/profile']) {
      const response = await appWith().request(route);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Kiln</title>');
    }
  });

  it('serves fingerprinted assets with a long cache, and 404s missing ones instead of returning the page', async () => {
    const asset = await appWith().request('/_app/immutable/entry.abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await appWith().request('/_app/immutable/missing.js')).status).toBe(404);
  });

  it('never serves files outside the client folder', async () => {
    for (const attempt of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const response = await appWith().request(attempt);
      expect(await response.text(), attempt).not.toMatch(/root:|"name":/);
    }
  });
});
