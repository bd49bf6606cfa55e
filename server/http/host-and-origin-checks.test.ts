import os from 'node:os';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config/config.ts';
import type { KilnMcpServices } from '../mcp/kiln-mcp-server.ts';
import type { ApiServices } from './api-env.ts';
import { createApp } from './app.ts';
import { HttpMetrics } from './http-metrics.ts';

function appWith(environment: Record<string, string> = {}) {
  return createApp({
    log: pino({ level: 'silent' }),
    metrics: new HttpMetrics(),
    readiness: async () => ({ ready: true, checks: {} }),
    clientDirectory: os.tmpdir(),
    version: '9.9.9',
    security: loadConfig(environment).security,
    // Still starting: a request that gets past the checks is a 503, one that does not is a 421 or 403.
    services: () => undefined as ApiServices | undefined,
    mcpServices: () => undefined as KilnMcpServices | undefined,
  }).app;
}

const post = (headers: Record<string, string>) => ({ method: 'POST', headers, body: '{}' });

describe('the Host check', () => {
  it('answers a request for another Host with 421 host_not_allowed, before any route', async () => {
    for (const path of ['/health', '/api/v1/conversations', '/mcp', '/']) {
      const response = await appWith().request(path, { headers: { Host: 'attacker.example' } });
      expect(response.status, path).toBe(421);
      const { error } = (await response.json()) as { error: Record<string, string> };
      expect(error).toMatchObject({ code: 'host_not_allowed', requestId: response.headers.get('x-request-id') });
      expect(error.message).toContain('Kiln is not served at attacker.example; set KILN_PUBLIC_URL');
    }
  });

  it('serves loopback and IP hosts, and the host of KILN_PUBLIC_URL once it is set', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '10.0.0.5'])
      expect((await appWith().request('/health', { headers: { Host: host } })).status, host).toBe(200);
    expect((await appWith().request('/health', { headers: { Host: 'kiln.example.com' } })).status).toBe(421);
    const configured = appWith({ KILN_PUBLIC_URL: 'https://kiln.example.com' });
    expect((await configured.request('/health', { headers: { Host: 'kiln.example.com' } })).status).toBe(200);
  });
});

describe('the Origin check', () => {
  it('refuses a POST, /mcp and a WebSocket upgrade from a foreign Origin with 403 origin_not_allowed', async () => {
    const foreign = { Host: 'localhost:3000', Origin: 'https://attacker.example' };
    const refused = [
      await appWith().request('/api/v1/auth/login', post(foreign)),
      await appWith().request('/mcp', post(foreign)),
      await appWith().request('/mcp', { headers: foreign }),
      await appWith().request('/api/v1/ws', { headers: { ...foreign, Upgrade: 'websocket' } }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    }
  });

  it('lets same-origin, KILN_PUBLIC_URL and Origin-less requests through, and GETs whatever their Origin', async () => {
    const passed = [
      await appWith().request('/api/v1/auth/login', post({ Host: 'localhost:3000', Origin: 'http://localhost:3000' })),
      await appWith().request('/api/v1/auth/login', post({ Host: 'localhost:3000' })),
      await appWith({ KILN_PUBLIC_URL: 'https://kiln.example.com' }).request(
        '/mcp',
        post({ Host: 'kiln.example.com', Origin: 'https://kiln.example.com' }),
      ),
    ];
    // 503: the request reached its route, which waits for Kiln to start.
    for (const response of passed) expect(response.status).toBe(503);
    const get = await appWith().request('/health', { headers: { Origin: 'https://attacker.example' } });
    expect(get.status).toBe(200);
  });
});
