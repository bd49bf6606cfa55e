import type { MiddlewareHandler } from 'hono';
import type { ApiKeyScope } from '../../protocol/api-key.ts';
import type { AuthenticatedSession } from './auth-service.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';

/** Whether a credential may act within `scope`: a browser session may do anything its user may, a key only its scopes. */
export function hasScope(session: Pick<AuthenticatedSession, 'scopes'>, scope: ApiKeyScope): boolean {
  return session.scopes === 'all' || session.scopes.includes(scope);
}

/** Throws a 403 naming the scope when the credential lacks it. */
export function assertScope(session: Pick<AuthenticatedSession, 'scopes'>, scope: ApiKeyScope): void {
  if (!hasScope(session, scope)) {
    throw new ForbiddenError(`This API key lacks the "${scope}" scope; create a key with it to do this.`);
  }
}

/**
 * Behind requireUser: the credential must hold `scope` (403 naming it otherwise). `readScope` applies instead to
 * GET and HEAD requests, for routes that read with one scope and write with another.
 */
export function requireScope(scope: ApiKeyScope, readScope: ApiKeyScope = scope): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    assertScope(c.var.session, c.req.method === 'GET' || c.req.method === 'HEAD' ? readScope : scope);
    await next();
  };
}
