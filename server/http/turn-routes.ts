import { Hono } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { readJson } from './read-json.ts';
import { streamTurnAsSse } from './turn-sse.ts';

/**
 * `/api/v1/turns/:id`: resume a turn's event stream (SSE, from `Last-Event-ID`
 * or `?after=`), or stop it. Turns are kept for a while after they end.
 * `POST /:id/tool-calls/:callId/confirmation` `{ approve }` answers a tool call waiting for the user (200 `{}`;
 * 404 when no call of this user waits under that id).
 */
export function turnRoutes() {
  return new Hono<ApiEnv>()
    .get('/:id/events', (c) => {
      const turnLog = c.var.services.registry.find(c.req.param('id'), c.get('user').id);
      if (!turnLog) throw new NotFoundError('Turn');
      const after = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
      return streamTurnAsSse(c, turnLog, Number.isInteger(after) && after > 0 ? after : 0);
    })
    .post('/:id/stop', async (c) => {
      // Wherever the turn runs: this server, or another on the same database.
      if (!(await c.var.services.turnDirectory.stop(c.get('user').id, c.req.param('id')))) {
        throw new NotFoundError('Running turn');
      }
      return c.json({ stopping: true }, 202);
    })
    .post('/:id/tool-calls/:callId/confirmation', async (c) => {
      const body = await readJson(c);
      c.var.services.confirmations.answer(c.var.user.id, c.req.param('id'), c.req.param('callId'), body);
      return c.json({});
    });
}
