import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { bearerToken } from './auth-service.ts';

/** Rejects requests without a valid bearer token (401); otherwise puts the user on the context. */
export const requireUser: MiddlewareHandler<ApiEnv> = async (c, next) => {
  c.set('user', await c.var.services.auth.authenticate(bearerToken(c.req.header('authorization'))));
  await next();
};
