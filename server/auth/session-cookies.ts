import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { requestIsHttps } from '../http/client-address.ts';
import { sessionCookieName } from './request-credential.ts';

/** The CSRF token's cookie: readable by the page (not HttpOnly), which echoes it in `csrfHeaderName`. */
export const csrfCookieName = 'kiln_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/** As long as a session lives (AuthService): the browser keeps the cookie no longer than the server honours it. */
const cookieMaxAgeSeconds = 30 * 24 * 60 * 60;

/**
 * The CSRF token of a session: an HMAC keyed by the session token, so it is unguessable without the session, the
 * same on every tab and after a reload, and a cookie planted by a sibling site (cookie tossing) cannot match it.
 * It reveals nothing about the session token to the scripts that can read it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('kiln-csrf').digest('base64url');
}

/** Whether `candidate` (the X-CSRF-Token header) is the CSRF token of `sessionToken`, in constant time. */
export function csrfTokenMatches(candidate: string | undefined, sessionToken: string): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Starts the browser session: the token in an HttpOnly cookie (page scripts never see it), SameSite=Lax (not
 * sent with cross-site POSTs, fetches or frames), Secure when the client reached Kiln over HTTPS; and the CSRF
 * cookie beside it.
 */
export function setSessionCookies(c: Context, sessionToken: string) {
  setCookie(c, sessionCookieName, sessionToken, { ...cookieOptions(c), httpOnly: true });
  setCsrfCookie(c, sessionToken);
}

/** (Re)sets the CSRF cookie of a session, e.g. for a browser whose session cookie outlived its CSRF cookie. */
export function setCsrfCookie(c: Context, sessionToken: string) {
  setCookie(c, csrfCookieName, csrfTokenFor(sessionToken), cookieOptions(c));
}

/** Ends the browser session on the client: both cookies expire now. */
export function clearSessionCookies(c: Context) {
  deleteCookie(c, sessionCookieName, { ...cookieOptions(c), httpOnly: true });
  deleteCookie(c, csrfCookieName, cookieOptions(c));
}

function cookieOptions(c: Context) {
  return { path: '/', sameSite: 'Lax', secure: requestIsHttps(c), maxAge: cookieMaxAgeSeconds } as const;
}
