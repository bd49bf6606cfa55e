import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

function mac(secret: string, sessionId: string, nonce: string): string {
  // Length-prefix the session id so (session, nonce) pairs cannot be shifted into each other.
  return createHmac('sha256', secret).update(`${sessionId.length}:${sessionId}:${nonce}`).digest('base64url');
}

/**
 * A CSRF token bound to the user's session (OWASP "signed double-submit"). Render it in forms or
 * hand it to the SPA, which sends it back in an `X-CSRF-Token` header: a cross-site page can make
 * the browser send cookies, but it cannot read this token.
 */
export function createCsrfToken(secret: string, sessionId: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, sessionId, nonce)}`;
}

/** True if `token` was issued for this session. Tokens from another session (e.g. the attacker's own) fail. */
export function verifyCsrfToken(secret: string, sessionId: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const [nonce, signature, ...rest] = token.split('.');
  if (!nonce || !signature || rest.length) return false;
  const expected = Buffer.from(mac(secret, sessionId, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/** Only state-changing methods need the check, which assumes GET handlers never change state. */
export function requiresCsrfCheck(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Defence in depth: browsers send `Origin` on cross-site POSTs. Reject a request whose Origin is
 * present and not ours; a missing header is left to the token check.
 */
export function isAllowedOrigin(originHeader: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (originHeader === undefined) return true;
  return allowedOrigins.includes(originHeader);
}
