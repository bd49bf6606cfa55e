import { describe, it, expect } from 'vitest';
import { createCsrfToken, isAllowedOrigin, requiresCsrfCheck, verifyCsrfToken } from './pattern.ts';

const SECRET = 'server-side-csrf-secret-0123456789';

describe('CSRF tokens', () => {
  it('accepts a token issued for the same session', () => {
    const token = createCsrfToken(SECRET, 'session-a');
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyCsrfToken(SECRET, 'session-a', token)).toBe(true);
  });

  it('issues a different token each time, all valid', () => {
    const a = createCsrfToken(SECRET, 'session-a');
    const b = createCsrfToken(SECRET, 'session-a');
    expect(a).not.toBe(b);
    expect(verifyCsrfToken(SECRET, 'session-a', b)).toBe(true);
  });

  it("rejects a token from another session (e.g. the attacker's own)", () => {
    const attackers = createCsrfToken(SECRET, 'session-attacker');
    expect(verifyCsrfToken(SECRET, 'session-victim', attackers)).toBe(false);
  });

  it('rejects tampered, forged and missing tokens', () => {
    const token = createCsrfToken(SECRET, 's');
    const [nonce, signature] = token.split('.') as [string, string];
    expect(verifyCsrfToken(SECRET, 's', `x${nonce}.${signature}`)).toBe(false);
    expect(verifyCsrfToken(SECRET, 's', `${nonce}.${signature.slice(1)}`)).toBe(false);
    expect(verifyCsrfToken('another-secret', 's', token)).toBe(false);
    for (const bad of [undefined, null, '', '.', 'abc', `${token}.extra`, ['a.b']]) expect(verifyCsrfToken(SECRET, 's', bad)).toBe(false);
  });

  it('only requires the check for state-changing methods', () => {
    expect(requiresCsrfCheck('GET')).toBe(false);
    expect(requiresCsrfCheck('head')).toBe(false);
    for (const method of ['POST', 'put', 'PATCH', 'DELETE']) expect(requiresCsrfCheck(method)).toBe(true);
  });

  it('rejects foreign Origin headers', () => {
    const allowed = ['https://app.example.com'];
    expect(isAllowedOrigin('https://app.example.com', allowed)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', allowed)).toBe(false);
    expect(isAllowedOrigin('null', allowed)).toBe(false);
    expect(isAllowedOrigin(undefined, allowed)).toBe(true);
  });
});
