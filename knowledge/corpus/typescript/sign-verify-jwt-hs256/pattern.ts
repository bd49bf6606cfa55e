import { createHmac, timingSafeEqual } from 'node:crypto';

export interface JwtClaims {
  sub?: string;
  iss?: string;
  aud?: string | string[];
  iat?: number;
  nbf?: number;
  exp?: number;
  [claim: string]: unknown;
}

export class JwtError extends Error {
  override name = 'JwtError';
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const hmac = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest('base64url');

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  throw new JwtError(`malformed ${what}`);
}

/** Signs `claims` as an HS256 JWT that expires after `expiresInSeconds` (adds iat and exp). */
export function signJwt(claims: JwtClaims, secret: string, { expiresInSeconds = 900 } = {}): string {
  if (Buffer.byteLength(secret) < 32) throw new RangeError('use a random HS256 secret of at least 32 bytes');
  const now = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(JSON.stringify({ iat: now, exp: now + expiresInSeconds, ...claims })).toString('base64url');
  return `${HEADER}.${payload}.${hmac(`${HEADER}.${payload}`, secret)}`;
}

export interface VerifyOptions {
  issuer?: string;
  audience?: string;
  clockToleranceSeconds?: number;
}

/** Returns the claims of a valid token; throws JwtError otherwise. Tokens without `exp` are rejected. */
export function verifyJwt(token: string, secret: string, { issuer, audience, clockToleranceSeconds = 30 }: VerifyOptions = {}): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtError('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  // Pin the algorithm instead of trusting the token's `alg`: that is how "alg":"none" and
  // RS256/HS256 confusion tokens get accepted.
  if (decodeJson(header, 'header').alg !== 'HS256') throw new JwtError('unexpected algorithm');
  const expected = Buffer.from(hmac(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new JwtError('invalid signature');

  const claims = decodeJson(payload, 'payload') as JwtClaims;
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number') throw new JwtError('missing exp');
  if (now > claims.exp + clockToleranceSeconds) throw new JwtError('token expired');
  if (typeof claims.nbf === 'number' && now + clockToleranceSeconds < claims.nbf) throw new JwtError('token not yet valid');
  if (issuer !== undefined && claims.iss !== issuer) throw new JwtError('unexpected issuer');
  if (audience !== undefined) {
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(audience)) throw new JwtError('unexpected audience');
  }
  return claims;
}
