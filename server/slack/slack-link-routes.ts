import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';

/**
 * `/api/v1/slack`: whether Slack is on and which Slack accounts are the caller's (`GET`), a one-time link code
 * (`POST /link-codes` → 201 `{ code, expiresAt, command }`), and unlinking (`DELETE /links/:teamId/:slackUserId`).
 */
export function slackLinkRoutes() {
  return new Hono<ApiEnv>()
    .get('/', async (c) => c.json(await c.var.services.slack.status(c.var.user)))
    .post('/link-codes', async (c) => c.json(await c.var.services.slack.newCode(c.var.user), 201))
    .delete('/links/:teamId/:slackUserId', async (c) => {
      await c.var.services.slack.unlink(c.var.user, c.req.param('teamId'), c.req.param('slackUserId'));
      return c.body(null, 204);
    });
}
