import type { WSContext, WSEvents } from 'hono/ws';
import { z } from 'zod';
import type { RawClientFrame, RawServerFrame } from '../../protocol/raw-websocket-frames.ts';
import { bearerToken } from '../auth/auth-service.ts';
import type { User } from '../../protocol/user.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import type { ApiServices } from '../http/api-env.ts';
import { describeError } from './describe-error.ts';

const frameSchema: z.ZodType<RawClientFrame> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('auth'), token: z.string() }),
  z.object({
    type: z.literal('message.send'),
    requestId: z.string().optional(),
    conversationId: z.string(),
    content: z.string(),
    parentId: z.string().nullish(),
  }),
  z.object({
    type: z.literal('message.regenerate'),
    requestId: z.string().optional(),
    conversationId: z.string(),
    messageId: z.string(),
  }),
  z.object({ type: z.literal('turn.stop'), requestId: z.string().optional(), turnId: z.string() }),
  z.object({
    type: z.literal('turn.resume'),
    requestId: z.string().optional(),
    turnId: z.string(),
    afterSeq: z.number().int().min(0),
  }),
]);

/**
 * `/api/v1/ws`: the raw WebSocket for lightweight clients. One JSON object per
 * frame. Authenticate with an `Authorization: Bearer` header on the upgrade,
 * or with `{ "type": "auth", "token" }` as the first frame. Then send
 * `message.send` and receive `ack` followed by the turn's events, exactly the
 * TurnEvent objects of the other transports.
 */
export function rawWebSocketHandlers(options: {
  version: string;
  services: ApiServices;
  authorization: string | undefined;
}): WSEvents {
  const { services } = options;
  let user: User | undefined;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  const unsubscribes: (() => void)[] = [];
  const send = (socket: WSContext, frame: RawServerFrame) => {
    if (!closed) socket.send(JSON.stringify(frame));
  };
  const follow = (socket: WSContext, turnId: string, afterSeq: number) => {
    const turnLog = services.registry.find(turnId, user!.id);
    if (!turnLog) return false;
    unsubscribes.push(turnLog.subscribe(afterSeq, (event) => send(socket, event)));
    return true;
  };

  const handle = async (socket: WSContext, text: string) => {
    let frame: RawClientFrame;
    try {
      frame = frameSchema.parse(JSON.parse(text));
    } catch {
      send(socket, {
        type: 'error',
        code: 'invalid_frame',
        message:
          'Each frame must be one JSON object of a known type (ping, auth, message.send, message.regenerate, turn.stop, turn.resume).',
      });
      return;
    }
    if (frame.type === 'ping') return send(socket, { type: 'pong' });
    if (frame.type === 'auth') {
      user = await services.auth.authenticate(frame.token);
      return send(socket, { type: 'authenticated', user: { id: user.id, email: user.email } });
    }
    if (!user)
      throw new UnauthenticatedError(
        'Authenticate first: send {"type":"auth","token":"…"} or an Authorization header.',
      );
    const requestId = frame.requestId;
    switch (frame.type) {
      case 'message.send':
      case 'message.regenerate': {
        const handle =
          frame.type === 'message.send'
            ? await services.chat.send(user, frame)
            : await services.chat.regenerate(user, frame);
        send(socket, {
          type: 'ack',
          requestId,
          turnId: handle.turnId,
          userMessageId: handle.userMessageId,
          assistantMessageId: handle.assistantMessageId,
        });
        follow(socket, handle.turnId, 0);
        return;
      }
      case 'turn.stop':
        return send(socket, { type: 'ack', requestId, stopping: services.chat.stop(user, frame.turnId) });
      case 'turn.resume':
        if (!follow(socket, frame.turnId, frame.afterSeq)) {
          send(socket, {
            type: 'error',
            requestId,
            code: 'not_found',
            message: 'No such turn, or it ended too long ago; reload the conversation.',
          });
        }
        return;
    }
  };

  return {
    async onOpen(_event, socket) {
      send(socket, { type: 'hello', server: 'kiln', version: options.version });
      const token = bearerToken(options.authorization);
      if (!token) return;
      try {
        user = await services.auth.authenticate(token);
        send(socket, { type: 'authenticated', user: { id: user.id, email: user.email } });
      } catch (error) {
        send(socket, { type: 'error', ...describeError(error) });
      }
    },
    onMessage(event, socket) {
      // One frame at a time, in order: a message sent right after `auth` must see the user.
      queue = queue
        .then(() => handle(socket, String(event.data)))
        .catch((error: unknown) => {
          const requestId = (() => {
            try {
              return (JSON.parse(String(event.data)) as { requestId?: string }).requestId;
            } catch {
              return undefined;
            }
          })();
          send(socket, { type: 'error', requestId, ...describeError(error) });
        });
    },
    onClose() {
      closed = true;
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    },
  };
}
