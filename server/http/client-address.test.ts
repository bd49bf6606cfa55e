import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, proxyTrust, requestIsHttps } from './client-address.ts';

function appTrusting(trustProxy: boolean) {
  return new Hono()
    .use(proxyTrust(trustProxy))
    .get('/', (c) => c.json({ address: clientAddress(c), https: requestIsHttps(c) }));
}

async function seen(trustProxy: boolean, headers: Record<string, string>, url = 'http://localhost/') {
  const response = await appTrusting(trustProxy).request(
    url,
    { headers },
    {
      incoming: { socket: { remoteAddress: '10.0.0.2' } },
    },
  );
  return (await response.json()) as { address: string; https: boolean };
}

const forwarded = { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7', 'X-Forwarded-Proto': 'https' };

describe('clientAddress and requestIsHttps', () => {
  it('ignore X-Forwarded-For and X-Forwarded-Proto without KILN_TRUST_PROXY: any client can write them', async () => {
    expect(await seen(false, forwarded)).toEqual({ address: '10.0.0.2', https: false });
  });

  it('with KILN_TRUST_PROXY, take the address the proxy added (the last listed) and its scheme', async () => {
    expect(await seen(true, forwarded)).toEqual({ address: '198.51.100.7', https: true });
    expect(await seen(true, { 'X-Forwarded-For': '198.51.100.7' })).toEqual({ address: '198.51.100.7', https: false });
    expect(await seen(true, {})).toEqual({ address: '10.0.0.2', https: false });
  });

  it('count an https URL as HTTPS whatever the headers', async () => {
    expect((await seen(false, {}, 'https://localhost/')).https).toBe(true);
  });
});
