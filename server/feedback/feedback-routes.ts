import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { readJson } from '../http/read-json.ts';

/**
 * `/api/v1/conversations/:id/messages/:messageId/feedback`: `PUT { rating: "up" | "down" }`
 * rates an answer (200 `{ messageId, rating }`), `DELETE` takes the rating back (204).
 */
export function feedbackRoutes() {
  return new Hono<ApiEnv>()
    .put('/:id/messages/:messageId/feedback', async (c) =>
      c.json(
        await c.var.services.feedback.rate(c.var.user, c.req.param('id'), c.req.param('messageId'), await readJson(c)),
      ),
    )
    .delete('/:id/messages/:messageId/feedback', async (c) => {
      await c.var.services.feedback.clear(c.var.user, c.req.param('id'), c.req.param('messageId'));
      return c.body(null, 204);
    });
}
