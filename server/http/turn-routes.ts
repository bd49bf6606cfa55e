import { Hono } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { readJson } from './read-json.ts';
import { streamFollowedTurnAsSse, streamTurnAsSse } from './turn-sse.ts';

/**
 * `/api/v1/turns/:id`: resume a turn's event stream (SSE, from `Last-Event-ID`
 * or `?after=`), wherever it runs or after it ended (replayed from Postgres), or stop it.
 * `POST /:id/tool-calls/:callId/confirmation` `{ approve }` answers a tool call waiting for the user (200 `{}`;
 * 404 when no call of this user waits under that id).
 */
export function turnRoutes() {
  return new Hono<ApiEnv>()
    .get('/:id/events', async (c) => {
      const { registry, turnDirectory } = c.var.services;
      const [turnId, userId] = [c.req.param('id'), c.get('user').id];
      const requested = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
      const after = Number.isInteger(requested) && requested > 0 ? requested : 0;
      const turnLog = registry.find(turnId, userId);
      if (turnLog) return streamTurnAsSse(c, turnLog, after);
      // Running on another server, or over: from there (or Postgres), then live as it reaches this server.
      const response = await streamFollowedTurnAsSse(c, (listener) =>
        turnDirectory.follow(userId, turnId, after, listener),
      );
      if (!response) throw new NotFoundError('Turn');
      return response;
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
