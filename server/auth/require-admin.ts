import type { MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import type { ApiEnv } from '../http/api-env.ts';

/** After `requireUser`: lets admins through, answers anyone else 403. */
export const requireAdmin: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.var.user.role !== 'admin') throw new ForbiddenError('Only an admin can do this; ask your Kiln admin.');
  await next();
};
