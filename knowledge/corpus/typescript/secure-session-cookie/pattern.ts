export interface SessionCookieOptions {
  /** Lifetime; omit for a cookie that ends with the browser session. */
  maxAgeSeconds?: number;
  /** Lax (default) sends the cookie on top-level navigations from other sites; Strict never does. */
  sameSite?: 'Lax' | 'Strict';
  path?: string;
  domain?: string;
}

/** `__Host-` makes browsers insist on Secure, Path=/ and no Domain, so subdomains cannot overwrite it. */
export const SESSION_COOKIE = '__Host-session';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/; // RFC 9110 token: valid cookie names
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/; // no space, quote, comma, semicolon, backslash

/**
 * Builds the Set-Cookie header for a session id: HttpOnly (no access from page scripts, so XSS
 * cannot steal it), Secure (HTTPS only) and SameSite. Values that could inject extra attributes
 * or headers (`;`, CR/LF) are refused rather than encoded.
 */
export function serializeSessionCookie(name: string, value: string, options: SessionCookieOptions = {}): string {
  const { maxAgeSeconds, sameSite = 'Lax', path = '/', domain } = options;
  if (!TOKEN.test(name)) throw new TypeError(`invalid cookie name: ${JSON.stringify(name)}`);
  if (!COOKIE_OCTETS.test(value)) throw new TypeError('cookie value contains characters that are not allowed');
  if (name.startsWith('__Host-') && (domain !== undefined || path !== '/')) {
    throw new TypeError('__Host- cookies must have Path=/ and no Domain');
  }
  if (!path.startsWith('/') || !COOKIE_OCTETS.test(path)) throw new TypeError('invalid cookie path');
  if (domain !== undefined && !/^[A-Za-z0-9.-]+$/.test(domain)) throw new TypeError('invalid cookie domain');
  const parts = [`${name}=${value}`, `Path=${path}`, 'HttpOnly', 'Secure', `SameSite=${sameSite}`];
  if (domain !== undefined) parts.push(`Domain=${domain}`);
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`);
  return parts.join('; ');
}

/** Deletes the cookie on logout: same name, path and domain, empty value, Max-Age=0. */
export function clearSessionCookie(name: string, options: Omit<SessionCookieOptions, 'maxAgeSeconds'> = {}): string {
  return serializeSessionCookie(name, '', { ...options, maxAgeSeconds: 0 });
}

/** Parses a Cookie request header. The first value of a repeated name wins (the most specific path). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index <= 0) continue;
    const name = pair.slice(0, index).trim();
    let value = pair.slice(index + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}
