import { Hono } from 'hono';
import type { UsageReport } from '../../protocol/usage-report.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { usageWindow } from './usage-window.ts';

/** `/api/v1/admin/usage?days=N` (admins only, checked where it is mounted): usage per user, day and intent. */
export function usageRoutes(now: () => Date = () => new Date()) {
  return new Hono<ApiEnv>().get('/', async (c) =>
    c.json((await c.var.services.usage.report(usageWindow(c.req.query(), now()))) satisfies UsageReport),
  );
}
