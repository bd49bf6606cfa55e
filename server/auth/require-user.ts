import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { requestCredential } from './request-credential.ts';

/**
 * Rejects requests without a valid credential (401): a bearer token (session or API key) or the session cookie.
 * Otherwise puts the user and its session (with its scopes) on the context, once the user's requests-per-minute
 * quota allows the request (429 otherwise).
 */
export const requireUser: MiddlewareHandler<ApiEnv> = async (c, next) => {
  // Mounted on `/x` and `/x/*`, which both match `/x`: the second time, the request is already admitted.
  if (c.var.session) return next();
  const session = await c.var.services.auth.authenticateSession(requestCredential(c)?.token);
  c.set('session', session);
  c.set('user', session.user);
  c.var.services.quotas.admitRequest(session.user.id);
  await next();
};
