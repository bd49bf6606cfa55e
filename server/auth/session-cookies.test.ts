import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { proxyTrust } from '../http/client-address.ts';
import { csrfTokenFor, csrfTokenMatches, setSessionCookies } from './session-cookies.ts';

function appSettingCookies(trustProxy: boolean) {
  return new Hono().use(proxyTrust(trustProxy)).get('/', (c) => {
    setSessionCookies(c, 'kiln_token');
    return c.body(null, 204);
  });
}

const setCookies = async (response: Response | Promise<Response>) => (await response).headers.getSetCookie();

describe('the session cookies', () => {
  it('are Secure when the client reached Kiln over HTTPS, directly or through a trusted proxy', async () => {
    for (const line of await setCookies(appSettingCookies(false).request('https://kiln.example.com/')))
      expect(line).toMatch(/; Secure/);
    const proxied = appSettingCookies(true).request('http://kiln.internal/', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    for (const line of await setCookies(proxied)) expect(line).toMatch(/; Secure/);
  });

  it('are not Secure over plain HTTP, nor when an untrusted client claims HTTPS', async () => {
    const plain = await setCookies(appSettingCookies(false).request('http://localhost:3000/'));
    const claimed = await setCookies(
      appSettingCookies(false).request('http://localhost:3000/', { headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(plain).toHaveLength(2);
    for (const line of [...plain, ...claimed]) expect(line).not.toMatch(/Secure/);
  });

  it('carry a CSRF token that belongs to its session only', () => {
    const token = csrfTokenFor('kiln_one');
    expect(csrfTokenMatches(token, 'kiln_one')).toBe(true);
    expect(csrfTokenMatches(token, 'kiln_two')).toBe(false);
    expect(csrfTokenMatches(undefined, 'kiln_one')).toBe(false);
    expect(csrfTokenMatches(token.slice(1), 'kiln_one')).toBe(false);
  });
});
