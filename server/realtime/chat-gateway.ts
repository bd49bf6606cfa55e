import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import type {
  AckResult,
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketAck,
} from '../../protocol/socket-events.ts';
import { z } from 'zod';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { headerCredential } from '../auth/request-credential.ts';
import { assertScope } from '../auth/require-scope.ts';
import type { User } from '../../protocol/user.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { KilnError } from '../errors/kiln-error.ts';
import { UnauthenticatedError } from '../errors/unauthenticated-error.ts';
import type { ApiServices } from '../http/api-env.ts';
import { parseInput } from '../validation/parse-input.ts';
import { describeError } from './describe-error.ts';

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** Every socket opened with one sign-in session: revoking the session disconnects the room. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

const joinSchema = z.object({ conversationId: z.string() });
const resumeSchema = z.object({ turnId: z.string(), afterSeq: z.number().int().min(0) });
const stopSchema = z.object({ turnId: z.string() });
const approvalSchema = z.object({ conversationId: z.string(), messageId: z.string() }).passthrough();
const confirmSchema = z.object({ turnId: z.string(), callId: z.string() }).passthrough();
const sendSchema = z.object({ conversationId: z.string() }).passthrough();

/** What each socket carries once authenticated. */
export interface SocketData {
  user: User;
  sessionId: string;
}

export type KilnSocketServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type KilnSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * The chat over Socket.IO. The handshake carries `auth: { token }` (API clients) or the session cookie (the web
 * client). Each
 * conversation is a room: every event of every turn goes to its room, so all
 * open tabs see it.
 *
 * Client → server (each with an ack `{ ok, … }` or `{ ok: false, error }`):
 * `conversation:join`, `conversation:leave`, `message:send`,
 * `message:regenerate`, `turn:stop`, and `turn:resume` `{ turnId, afterSeq }`,
 * which joins the room and replays the events after `afterSeq` in the same
 * tick, so the events that follow arrive with no gap and no duplicate.
 * Server → client: `turn:event` (one TurnEvent), `conversation:updated`.
 *
 * A socket lives no longer than its session: signing out disconnects it at once, and every event re-checks the
 * session first (one indexed lookup), so a revocation this process did not announce is caught at the next event.
 */
export function attachChatGateway(io: KilnSocketServer, services: () => ApiServices | undefined, log: Logger) {
  let subscribed = false;
  /**
   * Every turn of this server goes to its conversation's room, and every revoked session's sockets end. At
   * readiness, not at the first socket: with other servers on the database, watchers of this server's turns may
   * all be connected elsewhere.
   */
  const subscribe = (
    ready: ApiServices,
    emit: (conversationId: string, event: TurnEvent) => void = (conversationId, event) => {
      io.to(conversationRoom(conversationId)).emit('turn:event', event);
    },
  ) => {
    if (subscribed) return;
    subscribed = true;
    ready.registry.onEvent((event, turnLog) => emit(turnLog.conversationId, event));
    // Through the adapter, a disconnect reaches every server's sockets: a revocation passed on from another
    // server has done that already, and only needs this server's raw WebSockets (which listen for themselves).
    ready.auth.onSessionRevoked((sessionId, from) => {
      if (from === 'here') io.in(sessionRoom(sessionId)).disconnectSockets(true);
    });
  };

  io.use((socket, next) => {
    const ready = services();
    if (!ready) return next(socketError('unavailable', 'Kiln is still starting; try again in a few seconds.'));
    subscribe(ready);
    ready.auth
      .authenticateSession(handshakeToken(socket))
      .then((session) => {
        // Every socket event is chat: a key without that scope cannot connect.
        assertScope(session, 'chat');
        socket.data.user = session.user;
        socket.data.sessionId = session.sessionId;
        next();
      })
      .catch((error: unknown) => {
        const code = error instanceof ForbiddenError ? error.code : 'unauthenticated';
        next(socketError(code, describeError(error).message));
      });
  });

  io.on('connection', (socket: KilnSocket) => {
    const ready = services()!;
    void socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
    /**
     * Registers a handler whose payload is validated (clients are untrusted, whatever their typings say) and
     * whose result or error becomes the ack. A client that sends no ack callback gets nothing back. The handler
     * runs only while the socket's session is live; once it is not, the event is refused and the socket ends.
     */
    const on = <Event extends keyof ClientToServerEvents>(
      event: Event,
      handler: (payload: unknown, user: User) => Promise<AckResult<Event>> | AckResult<Event>,
    ) => {
      // The ack is the last argument whatever came before it (clients may send none, or several, payloads).
      const listener = async (...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as SocketAck<AckResult<Event>>) : undefined;
        const payload = args[0];
        let user: User;
        try {
          ({ user } = await ready.auth.authenticateSession(handshakeToken(socket)));
        } catch (error) {
          if (typeof ack === 'function') ack({ ok: false, error: describeError(error) });
          if (error instanceof UnauthenticatedError) socket.disconnect(true);
          else log.error({ err: error, event }, 'socket session check failed');
          return;
        }
        try {
          ready.quotas.admitRequest(user.id);
          const result = await handler(payload, user);
          if (typeof ack === 'function') ack({ ok: true, ...result });
        } catch (error) {
          if (!(error instanceof KilnError)) log.error({ err: error, event }, 'socket handler failed');
          if (typeof ack === 'function') ack({ ok: false, error: describeError(error) });
        }
      };
      // Socket.IO's typed `on` cannot relate a generic event name to its listener type; this cast is that one step.
      (socket.on as (name: Event, handler: typeof listener) => void).call(socket, event, listener);
    };

    on('conversation:join', async (payload, user) => {
      const { conversationId } = parseInput(joinSchema, payload, 'payload');
      const conversation = await ready.conversations.get(user, conversationId);
      await socket.join(conversationRoom(conversation.id));
      return {};
    });
    on('conversation:leave', async (payload) => {
      const { conversationId } = parseInput(joinSchema, payload, 'payload');
      await socket.leave(conversationRoom(conversationId));
      return {};
    });
    const startTurn = (kind: 'send' | 'regenerate') => async (payload: unknown, user: User) => {
      parseInput(sendSchema, payload, 'payload');
      const handle =
        kind === 'send' ? await ready.chat.send(user, payload) : await ready.chat.regenerate(user, payload);
      // The turn may have emitted to its room before this tab joined: join and replay in one tick (no gap, no
      // duplicate). A tab already in the room received everything.
      const room = conversationRoom(handle.conversationId);
      if (!socket.rooms.has(room)) {
        void socket.join(room);
        for (const event of handle.log.events) socket.emit('turn:event', event);
      }
      return {
        turnId: handle.turnId,
        userMessageId: handle.userMessageId,
        assistantMessageId: handle.assistantMessageId,
      };
    };
    on('message:send', startTurn('send'));
    on('message:regenerate', startTurn('regenerate'));
    on('turn:stop', async (payload, user) => {
      const { turnId } = parseInput(stopSchema, payload, 'payload');
      return { stopping: await ready.turnDirectory.stop(user.id, turnId) };
    });
    on('session:approve', async (payload, user) => {
      const { conversationId, messageId, ...decision } = parseInput(approvalSchema, payload, 'payload');
      return { approval: await ready.approvals.decide(user, conversationId, messageId, decision) };
    });
    on('tool:confirm', (payload, user) => {
      const { turnId, callId, ...answer } = parseInput(confirmSchema, payload, 'payload');
      ready.confirmations.answer(user.id, turnId, callId, answer);
      return {};
    });
    on('turn:resume', async (payload, user) => {
      const { turnId, afterSeq } = parseInput(resumeSchema, payload, 'payload');
      const turnLog = ready.registry.find(turnId, user.id);
      if (turnLog) {
        // Synchronous from here: join, then replay. No event of the turn can be appended in between.
        void socket.join(conversationRoom(turnLog.conversationId));
        const missed = turnLog.events.slice(afterSeq);
        for (const event of missed) socket.emit('turn:event', event);
        return { replayed: missed.length, finished: turnLog.finished };
      }
      // Run by another server, or over: the room is joined before the events are fetched, so none is missed.
      const elsewhere = await ready.turnDirectory.replay(user.id, turnId, afterSeq, (conversationId) => {
        void socket.join(conversationRoom(conversationId));
      });
      if (!elsewhere) throw new KilnError('not_found', 404, 'No such turn; reload the conversation.');
      for (const event of elsewhere.events) socket.emit('turn:event', event);
      return { replayed: elsewhere.events.length, finished: elsewhere.finished };
    });
  });
  return { subscribe };
}

/** The bearer token of the handshake: `auth: { token }`, else an `Authorization` header. */
function handshakeToken(socket: KilnSocket): string | undefined {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  // Else the Authorization header, else the browser's session cookie (same origin, sent with the handshake).
  return typeof token === 'string' ? token : headerCredential(socket.handshake.headers)?.token;
}

function socketError(code: string, message: string) {
  return Object.assign(new Error(message), { data: { code, message } });
}
