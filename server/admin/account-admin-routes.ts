import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { readJson } from '../http/read-json.ts';
import { requireAdmin } from '../auth/require-admin.ts';
import { requireScope } from '../auth/require-scope.ts';
import { requireUser } from '../auth/require-user.ts';

/**
 * `/api/v1/admin/users` and `/api/v1/admin/invites`: admins list and change accounts, and invite people to sign
 * up. Anyone else gets 403; an API key needs the admin scope too.
 */
export function accountAdminRoutes() {
  const adminOnly = [requireUser, requireScope('admin'), requireAdmin] as const;
  return new Hono<ApiEnv>()
    .use('/users/*', ...adminOnly)
    .use('/users', ...adminOnly)
    .use('/invites/*', ...adminOnly)
    .use('/invites', ...adminOnly)
    .get('/users', async (c) => c.json({ users: await c.var.services.accounts.list() }))
    .patch('/users/:id', async (c) => {
      const user = await c.var.services.accounts.change(
        c.var.user,
        c.req.param('id'),
        await readJson(c),
        clientAddress(c),
      );
      return c.json({ user });
    })
    .post('/invites', async (c) => {
      // The body may be left out: an invite for anyone, valid for the default time.
      const body = (await c.req.text()).trim() ? await readJson(c) : {};
      const created = await c.var.services.accounts.createInvite(
        c.var.user,
        body,
        new URL(c.req.url).origin,
        clientAddress(c),
      );
      return c.json({ ...created, notice: 'This is the only time the link is shown; send it now.' }, 201);
    })
    .get('/invites', async (c) => c.json({ invites: await c.var.services.accounts.pendingInvites() }))
    .delete('/invites/:id', async (c) => {
      const invite = await c.var.services.accounts.revokeInvite(c.var.user, c.req.param('id'), clientAddress(c));
      return c.json({ invite });
    });
}
