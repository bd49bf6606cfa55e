import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { proxyTrust } from './client-address.ts';
import { errorHandler } from './error-handler.ts';
import { metricsAccess } from './metrics-access.ts';

function scrape(options: { token?: string; trustProxy?: boolean; from: string }, headers: Record<string, string> = {}) {
  const app = new Hono()
    .use(proxyTrust(options.trustProxy ?? false))
    .get('/metrics', metricsAccess(options.token), (c) => c.text('kiln_http_requests_total 1'));
  app.onError(errorHandler(pino({ level: 'silent' })));
  return app.request('/metrics', { headers }, { incoming: { socket: { remoteAddress: options.from } } });
}

describe('/metrics access', () => {
  it('without KILN_METRICS_TOKEN, answers loopback clients and refuses others with 403 naming the variable', async () => {
    for (const from of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect((await scrape({ from })).status, from).toBe(200);
    const refused = await scrape({ from: '192.168.1.9' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('KILN_METRICS_TOKEN');
  });

  it('does not take a request relayed by an untrusted proxy on loopback for a local one', async () => {
    expect((await scrape({ from: '127.0.0.1' }, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(403);
    expect((await scrape({ from: '127.0.0.1', trustProxy: true }, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(
      403,
    );
    expect((await scrape({ from: '127.0.0.1', trustProxy: true }, { 'X-Forwarded-For': '127.0.0.1' })).status).toBe(
      200,
    );
  });

  it('with KILN_METRICS_TOKEN, wants the bearer token from everyone (401 otherwise)', async () => {
    const token = 'scrape-secret-1';
    const ok = await scrape({ token, from: '192.168.1.9' }, { Authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('kiln_http_requests_total');
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`]) {
      const refused = await scrape({ token, from: '127.0.0.1' }, authorization ? { Authorization: authorization } : {});
      expect(refused.status, authorization).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    }
  });
});
