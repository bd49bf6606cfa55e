import type { MiddlewareHandler } from 'hono';
import { requestCredential } from '../auth/request-credential.ts';
import { csrfHeaderName, csrfTokenMatches } from '../auth/session-cookies.ts';
import { CsrfError } from '../errors/csrf-error.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (403 `csrf_failed`) a POST/PUT/PATCH/DELETE whose credential is the session cookie unless it carries
 * the session's CSRF token in `X-CSRF-Token`: a browser attaches the cookie to requests another site makes, but
 * only Kiln's own pages can read the `kiln_csrf` cookie to echo it. Bearer requests are exempt (a token is sent
 * on purpose), and so are requests without a credential (they are anonymous; the routes decide). The check runs
 * before the session is looked up: a wrong token is refused whether or not the session is live.
 */
export function csrfProtection(): MiddlewareHandler {
  return async (c, next) => {
    if (unsafeMethods.has(c.req.method)) {
      const credential = requestCredential(c);
      if (credential?.via === 'cookie' && !csrfTokenMatches(c.req.header(csrfHeaderName), credential.token)) {
        throw new CsrfError();
      }
    }
    await next();
  };
}
