import type { Context } from 'hono';

/** The browser session's cookie: HttpOnly, so page scripts never see the token. */
export const sessionCookieName = 'kiln_session';

export interface RequestCredential {
  token: string;
  /** Bearer tokens are sent on purpose by API clients; a cookie rides along with any request (CSRF applies). */
  via: 'bearer' | 'cookie';
}

/** The token in an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined | null): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** The value of one cookie in a raw `Cookie` header (sockets have no Hono context). */
export function cookieValue(header: string | undefined | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A request's credential from raw headers: the bearer token first (API clients), else the session cookie. */
export function headerCredential(headers: {
  authorization?: string | null;
  cookie?: string | null;
}): RequestCredential | undefined {
  const bearer = bearerToken(headers.authorization);
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = cookieValue(headers.cookie, sessionCookieName);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** A Hono request's credential (see headerCredential). */
export function requestCredential(c: Context): RequestCredential | undefined {
  return headerCredential({ authorization: c.req.header('authorization'), cookie: c.req.header('cookie') });
}
