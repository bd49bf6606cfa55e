import { Hono } from 'hono';
import type { ApiEnv } from '../http/api-env.ts';
import { readJson } from '../http/read-json.ts';

/**
 * `/api/v1/conversations/:id/messages/:messageId/feedback`: `PUT { rating: "up" | "down" }`
 * rates an answer (200 `{ messageId, rating }`), `DELETE` takes the rating back (204).
 * `…/messages/:messageId/approval`: `POST { decision: "approve" | "reject", note? }` decides a code session that
 * passed (200 `{ approval }`; approve saves a learned pattern); 409 when it was decided or cannot be.
 */
export function feedbackRoutes() {
  return new Hono<ApiEnv>()
    .put('/:id/messages/:messageId/feedback', async (c) =>
      c.json(
        await c.var.services.feedback.rate(c.var.user, c.req.param('id'), c.req.param('messageId'), await readJson(c)),
      ),
    )
    .post('/:id/messages/:messageId/approval', async (c) => {
      const body = await readJson(c);
      const approval = await c.var.services.approvals.decide(
        c.var.user,
        c.req.param('id'),
        c.req.param('messageId'),
        body,
      );
      return c.json({ approval });
    })
    .delete('/:id/messages/:messageId/feedback', async (c) => {
      await c.var.services.feedback.clear(c.var.user, c.req.param('id'), c.req.param('messageId'));
      return c.body(null, 204);
    });
}
