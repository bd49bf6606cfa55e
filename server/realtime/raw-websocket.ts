import type { WSContext, WSEvents } from 'hono/ws';
import { z } from 'zod';
import type { RawClientFrame, RawServerFrame } from '../../protocol/raw-websocket-frames.ts';
import type { AuthenticatedSession } from '../auth/auth-service.ts';
import { headerCredential } from '../auth/request-credential.ts';
import { assertScope } from '../auth/require-scope.ts';
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

/** Close code for a connection whose session ended (signed out, expired) or that never authenticated. */
export const unauthenticatedCloseCode = 4001;

/**
 * `/api/v1/ws`: the raw WebSocket for lightweight clients. One JSON object per
 * frame. Authenticate with an `Authorization: Bearer` header (or the session cookie) on the upgrade,
 * or with `{ "type": "auth", "token" }` as the first frame. Then send
 * `message.send` and receive `ack` followed by the turn's events, exactly the
 * TurnEvent objects of the other transports.
 *
 * Frames are handled one at a time, in order, after the header's authentication has settled. A failed `auth`
 * leaves the connection unauthenticated. The connection lives no longer than its session: signing out closes
 * it (4001, "signed out"), and each frame that acts re-checks the session, so a revocation this process did not
 * announce is caught at the next frame. A connection still unauthenticated after `authTimeoutMs` is closed (4001).
 */
export function rawWebSocketHandlers(options: {
  version: string;
  services: ApiServices;
  authorization: string | undefined;
  /** The upgrade's Cookie header: the browser session's cookie authenticates when no bearer token is sent. */
  cookie?: string;
  authTimeoutMs?: number;
}): WSEvents {
  const { services } = options;
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  let session: (AuthenticatedSession & { token: string }) | undefined;
  let stopHearingRevocation: (() => void) | undefined;
  let authTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  const unsubscribes: (() => void)[] = [];
  const send = (socket: WSContext, frame: RawServerFrame) => {
    if (!closed) socket.send(JSON.stringify(frame));
  };
  /** Streams the user's turn to the connection after `afterSeq`, wherever it runs; false for no such turn. */
  const follow = async (socket: WSContext, user: User, turnId: string, afterSeq: number) => {
    const followed = await services.turnDirectory.follow(user.id, turnId, afterSeq, (event) => send(socket, event));
    if (!followed) return false;
    // Signed out or closed while the turn was being found: nothing more goes to this connection.
    if (closed || session?.user.id !== user.id) followed.stop();
    else unsubscribes.push(followed.stop);
    return true;
  };
  const unfollowAll = () => {
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
  const awaitAuthentication = (socket: WSContext) => {
    clearTimeout(authTimer);
    if (closed) return;
    authTimer = setTimeout(() => socket.close(unauthenticatedCloseCode, 'authentication timed out'), authTimeoutMs);
  };
  /** Forgets who the connection speaks for; its turns stop streaming unless the same user authenticates again. */
  const forgetSession = () => {
    stopHearingRevocation?.();
    stopHearingRevocation = undefined;
    session = undefined;
  };
  const signOut = (socket: WSContext) => {
    forgetSession();
    unfollowAll();
    socket.close(unauthenticatedCloseCode, 'signed out');
  };

  const authenticate = async (socket: WSContext, token: string) => {
    const previousUserId = session?.user.id;
    forgetSession();
    let next: AuthenticatedSession;
    try {
      next = await services.auth.authenticateSession(token);
      // Every frame is chat: a key without that scope cannot use the socket.
      assertScope(next, 'chat');
    } catch (error) {
      unfollowAll();
      awaitAuthentication(socket);
      throw error;
    }
    if (closed) return;
    if (next.user.id !== previousUserId) unfollowAll();
    clearTimeout(authTimer);
    session = { ...next, token };
    stopHearingRevocation = services.auth.onSessionRevoked((sessionId) => {
      if (sessionId === session?.sessionId) signOut(socket);
    });
    send(socket, { type: 'authenticated', user: { id: next.user.id, email: next.user.email } });
  };

  /** The connection's user if its session is still live; otherwise says so, closes, and answers undefined. */
  const currentUser = async (socket: WSContext, requestId: string | undefined) => {
    if (!session)
      throw new UnauthenticatedError(
        'Authenticate first: send {"type":"auth","token":"…"} or an Authorization header.',
      );
    try {
      return (await services.auth.authenticateSession(session.token)).user;
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      send(socket, { type: 'error', requestId, ...describeError(error) });
      signOut(socket);
      return undefined;
    }
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
    if (frame.type === 'auth') return authenticate(socket, frame.token);
    const requestId = frame.requestId;
    const user = await currentUser(socket, requestId);
    if (!user) return;
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
        await follow(socket, user, handle.turnId, 0);
        return;
      }
      case 'turn.stop':
        return send(socket, {
          type: 'ack',
          requestId,
          stopping: await services.turnDirectory.stop(user.id, frame.turnId),
        });
      case 'turn.resume':
        if (!(await follow(socket, user, frame.turnId, frame.afterSeq))) {
          send(socket, {
            type: 'error',
            requestId,
            code: 'not_found',
            message: 'No such turn; reload the conversation.',
          });
        }
        return;
    }
  };

  /** Runs `step` after every earlier one, in order; its failure becomes an `error` frame. */
  const enqueue = (socket: WSContext, step: () => Promise<void>, requestId?: () => string | undefined) => {
    queue = queue.then(step).catch((error: unknown) => {
      send(socket, { type: 'error', requestId: requestId?.(), ...describeError(error) });
    });
  };

  return {
    onOpen(_event, socket) {
      send(socket, { type: 'hello', server: 'kiln', version: options.version });
      awaitAuthentication(socket);
      const token = headerCredential({ authorization: options.authorization, cookie: options.cookie })?.token;
      // Queued first: frames sent right after the upgrade wait for the header's authentication.
      if (token) enqueue(socket, () => authenticate(socket, token));
    },
    onMessage(event, socket) {
      const text = String(event.data);
      enqueue(
        socket,
        () => handle(socket, text),
        () => {
          try {
            return (JSON.parse(text) as { requestId?: string }).requestId;
          } catch {
            return undefined;
          }
        },
      );
    },
    onClose() {
      closed = true;
      clearTimeout(authTimer);
      forgetSession();
      unfollowAll();
    },
  };
}
