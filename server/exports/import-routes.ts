import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';

/** `POST /api/v1/imports`: a multipart upload (field `file`) → 200, what happened to each conversation. */
export function importRoutes() {
  return new Hono<ApiEnv>().post('/', async (c) => c.json(await c.var.services.imports.import(c.var.user, c.req.raw)));
}
