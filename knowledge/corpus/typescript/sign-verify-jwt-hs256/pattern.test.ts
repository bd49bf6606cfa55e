import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { JwtError, signJwt, verifyJwt } from './pattern.ts';

const SECRET = 'k'.repeat(32) + '-test-only-secret';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('signJwt / verifyJwt', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('round-trips claims and adds iat/exp', () => {
    const token = signJwt({ sub: 'user-42', role: 'admin' }, SECRET, { expiresInSeconds: 60 });
    expect(token.split('.')).toHaveLength(3);
    const claims = verifyJwt(token, SECRET);
    expect(claims).toMatchObject({ sub: 'user-42', role: 'admin' });
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it('rejects a token signed with another secret', () => {
    const token = signJwt({ sub: 'a' }, 'x'.repeat(40));
    expect(() => verifyJwt(token, SECRET)).toThrow(/invalid signature/);
  });

  it('rejects a tampered payload', () => {
    const [header, , signature] = signJwt({ sub: 'a', role: 'user' }, SECRET).split('.');
    const forged = `${header}.${b64({ sub: 'a', role: 'admin', exp: 2e9 })}.${signature}`;
    expect(() => verifyJwt(forged, SECRET)).toThrow(JwtError);
  });

  it('rejects alg "none" and other algorithms', () => {
    const payload = b64({ sub: 'a', exp: 2e9 });
    expect(() => verifyJwt(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, SECRET)).toThrow(/unexpected algorithm/);
    expect(() => verifyJwt(`${b64({ alg: 'RS256' })}.${payload}.abc`, SECRET)).toThrow(/unexpected algorithm/);
  });

  it('enforces expiry and not-before, with clock tolerance', () => {
    const token = signJwt({ sub: 'a' }, SECRET, { expiresInSeconds: 60 });
    vi.advanceTimersByTime(80_000);
    expect(verifyJwt(token, SECRET).sub).toBe('a'); // within the 30 s tolerance
    vi.advanceTimersByTime(20_000);
    expect(() => verifyJwt(token, SECRET)).toThrow(/expired/);
    const later = signJwt({ nbf: Math.floor(Date.now() / 1000) + 3600 }, SECRET);
    expect(() => verifyJwt(later, SECRET)).toThrow(/not yet valid/);
  });

  it('checks issuer and audience when asked', () => {
    const token = signJwt({ iss: 'auth.example.com', aud: ['api', 'web'] }, SECRET);
    expect(verifyJwt(token, SECRET, { issuer: 'auth.example.com', audience: 'api' }).iss).toBe('auth.example.com');
    expect(() => verifyJwt(token, SECRET, { issuer: 'evil.example.com' })).toThrow(/issuer/);
    expect(() => verifyJwt(token, SECRET, { audience: 'admin' })).toThrow(/audience/);
  });

  it('throws JwtError on garbage and refuses weak secrets', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', 'not-base64.x.y']) expect(() => verifyJwt(token, SECRET)).toThrow(JwtError);
    expect(() => signJwt({}, 'short')).toThrow(RangeError);
  });
});
