import { Hono } from 'hono';
import type { ApiEnv } from './api-env.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { streamTurnAsSse } from './turn-sse.ts';

/**
 * `/api/v1/turns/:id`: resume a turn's event stream (SSE, from `Last-Event-ID`
 * or `?after=`), or stop it. Turns are kept for a while after they end.
 */
export function turnRoutes() {
  return new Hono<ApiEnv>()
    .get('/:id/events', (c) => {
      const turnLog = c.var.services.registry.find(c.req.param('id'), c.get('user').id);
      if (!turnLog) throw new NotFoundError('Turn');
      const after = Number(c.req.header('last-event-id') ?? c.req.query('after') ?? 0);
      return streamTurnAsSse(c, turnLog, Number.isInteger(after) && after > 0 ? after : 0);
    })
    .post('/:id/stop', (c) => {
      if (!c.var.services.chat.stop(c.get('user'), c.req.param('id'))) throw new NotFoundError('Running turn');
      return c.json({ stopping: true }, 202);
    });
}
