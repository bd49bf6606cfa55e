import { describe, it, expect } from 'vitest';
import { buildCsp, createNonce, securityHeaders } from './pattern.ts';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('Content-Security-Policy', () => {
  it('creates a fresh base64 nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });

  it('allows scripts only by nonce and blocks plugins, base tags and framing', () => {
    const policy = directives(buildCsp('abc123'));
    expect(policy.get('script-src')).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(buildCsp('abc123')).not.toContain('unsafe-inline');
  });

  it('adds sources and value-less directives without duplicates', () => {
    const policy = buildCsp('n', { 'img-src': ['https://cdn.example.com', "'self'"], 'upgrade-insecure-requests': [] });
    const parsed = directives(policy);
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:', 'https://cdn.example.com']);
    expect(parsed.get('upgrade-insecure-requests')).toEqual([]);
    expect(policy.endsWith('; upgrade-insecure-requests')).toBe(true);
  });

  it('refuses sources that would inject directives', () => {
    expect(() => buildCsp('n', { 'img-src': ["https://a.com; script-src 'unsafe-inline'"] })).toThrow(TypeError);
    expect(() => buildCsp('n', { 'img-src': ['https://a.com,https://b.com'] })).toThrow(TypeError);
    expect(() => buildCsp('n', { 'Script-Src;': ['x'] })).toThrow(TypeError);
  });

  it('returns the companion security headers', () => {
    const headers = securityHeaders('n');
    expect(headers['Content-Security-Policy']).toContain("'nonce-n'");
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });
});
