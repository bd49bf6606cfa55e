import { Hono, type Context } from 'hono';
import type { TurnHandle } from '../chat/chat-service.ts';
import type { ApiEnv } from './api-env.ts';
import { readJson } from './read-json.ts';
import { streamTurnAsSse } from './turn-sse.ts';

/**
 * `/api/v1/conversations`: the user's conversations and their messages. Sending
 * a message with `Accept: text/event-stream` streams the turn's events; without
 * it the answer is 202 with the ids, and the events go to the Socket.IO room.
 */
export function conversationRoutes() {
  return new Hono<ApiEnv>()
    .post('/', async (c) =>
      c.json(await c.var.services.conversations.create(c.var.user, await readOptionalJson(c)), 201),
    )
    .get('/', async (c) => c.json(await c.var.services.conversations.list(c.var.user, c.req.query())))
    .get('/:id', async (c) => c.json(await c.var.services.conversations.get(c.var.user, c.req.param('id'))))
    .patch('/:id', async (c) =>
      c.json(await c.var.services.conversations.update(c.var.user, c.req.param('id'), await readJson(c))),
    )
    .delete('/:id', async (c) => {
      await c.var.services.conversations.delete(c.var.user, c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/:id/messages', async (c) =>
      c.json(await c.var.services.conversations.messagePage(c.var.user, c.req.param('id'), c.req.query())),
    )
    .post('/:id/messages', async (c) => {
      const conversationId = await ownedConversationId(c);
      const body = await readJson(c);
      const handle = await c.var.services.chat.send(c.var.user, { ...(body as object), conversationId });
      return answerTurn(c, handle);
    })
    .post('/:id/messages/:messageId/regenerate', async (c) => {
      const body = await readOptionalJson(c);
      const handle = await c.var.services.chat.regenerate(c.var.user, {
        ...(body as object),
        conversationId: await ownedConversationId(c),
        messageId: c.req.param('messageId'),
      });
      return answerTurn(c, handle);
    })
    .post('/:id/branch', async (c) =>
      c.json(await c.var.services.conversations.selectBranch(c.var.user, c.req.param('id'), await readJson(c))),
    );
}

/** The conversation id from the path, checked first: a malformed or foreign id is a 404 whatever the body says. */
async function ownedConversationId(c: Context<ApiEnv>) {
  return (await c.var.services.conversations.get(c.var.user, c.req.param('id')!)).id;
}

function answerTurn(c: Context<ApiEnv>, handle: TurnHandle) {
  if ((c.req.header('accept') ?? '').includes('text/event-stream')) return streamTurnAsSse(c, handle.log, 0);
  const { turnId, userMessageId, assistantMessageId } = handle;
  return c.json({ turnId, userMessageId, assistantMessageId }, 202);
}

async function readOptionalJson(c: Context) {
  return (await c.req.text()).trim() ? readJson(c) : {};
}
