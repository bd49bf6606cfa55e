import { describe, it, expect } from 'vitest';
import { SESSION_COOKIE, clearSessionCookie, parseCookies, serializeSessionCookie } from './pattern.ts';

describe('serializeSessionCookie', () => {
  it('sets HttpOnly, Secure, SameSite=Lax and Path=/ by default', () => {
    const header = serializeSessionCookie(SESSION_COOKIE, 'abc123_-', { maxAgeSeconds: 3600 });
    expect(header).toBe('__Host-session=abc123_-; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600');
  });

  it('supports Strict, a domain and a path for non-__Host- cookies', () => {
    const header = serializeSessionCookie('sid', 'v', { sameSite: 'Strict', domain: 'example.com', path: '/app' });
    expect(header.split('; ')).toEqual(['sid=v', 'Path=/app', 'HttpOnly', 'Secure', 'SameSite=Strict', 'Domain=example.com']);
  });

  it('enforces the __Host- prefix rules', () => {
    expect(() => serializeSessionCookie(SESSION_COOKIE, 'v', { domain: 'example.com' })).toThrow(/__Host-/);
    expect(() => serializeSessionCookie(SESSION_COOKIE, 'v', { path: '/admin' })).toThrow(/__Host-/);
  });

  it('refuses values and names that would inject attributes or headers', () => {
    for (const value of ['a; Domain=evil.com', 'a\r\nSet-Cookie: x=y', 'with space', 'a,b', '"q"']) {
      expect(() => serializeSessionCookie('sid', value)).toThrow(TypeError);
    }
    expect(() => serializeSessionCookie('bad name', 'v')).toThrow(TypeError);
    expect(() => serializeSessionCookie('sid', 'v', { domain: 'a.com; HttpOnly=0' })).toThrow(TypeError);
  });

  it('clears a cookie with Max-Age=0 and the same attributes', () => {
    expect(clearSessionCookie(SESSION_COOKIE)).toBe('__Host-session=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0');
  });
});

describe('parseCookies', () => {
  it('parses pairs, trims, unquotes and keeps the first duplicate', () => {
    const cookies = parseCookies(' __Host-session=abc ; theme="dark"; sid=first; sid=second; junk; =x');
    expect(cookies.get('__Host-session')).toBe('abc');
    expect(cookies.get('theme')).toBe('dark');
    expect(cookies.get('sid')).toBe('first');
    expect(cookies.size).toBe(3);
  });

  it('handles a missing header and does not touch prototypes', () => {
    expect(parseCookies(undefined).size).toBe(0);
    const cookies = parseCookies('__proto__=x; constructor=y');
    expect(cookies.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
