import { Hono } from 'hono';
import type { AuditPage } from '../../protocol/audit.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { parseAuditPageQuery } from './audit-page-query.ts';

/** `/api/v1/admin/audit` (admins only, checked where it is mounted): the audit log, newest first. */
export function auditRoutes() {
  return new Hono<ApiEnv>().get('/', async (c) =>
    c.json((await c.var.services.auditTrail.page(parseAuditPageQuery(c.req.query()))) satisfies AuditPage),
  );
}
