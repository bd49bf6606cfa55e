import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { readJson } from '../http/read-json.ts';
import { requireScope } from './require-scope.ts';

/**
 * `/api/v1/api-keys`, behind requireUser: the signed-in user's own keys. A key may manage keys only with the
 * admin scope, so a leaked chat key cannot mint itself a wider one.
 */
export function apiKeyRoutes() {
  return new Hono<ApiEnv>()
    .use('*', requireScope('admin'))
    .post('/', async (c) => {
      const { key, secret } = await c.var.services.apiKeys.create(c.var.user, await readJson(c), clientAddress(c));
      return c.json({ key, secret, notice: 'This is the only time the key is shown; store it now.' }, 201);
    })
    .get('/', async (c) => c.json({ keys: await c.var.services.apiKeys.list(c.var.user) }))
    .delete('/:id', async (c) => {
      const key = await c.var.services.apiKeys.revoke(c.var.user, c.req.param('id'), clientAddress(c));
      return c.json({ key });
    });
}
