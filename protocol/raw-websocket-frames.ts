import type { TurnEvent } from './turn-events.ts';

/**
 * `/api/v1/ws`, the raw WebSocket for lightweight clients: one JSON object per frame. Authenticate with an
 * `Authorization: Bearer` header on the upgrade or an `auth` frame first; `message.send` is answered by an
 * `ack` and then the turn's events, the same `TurnEvent` objects the other transports carry.
 */
export type RawClientFrame =
  | { type: 'ping' }
  | { type: 'auth'; token: string }
  | {
      type: 'message.send';
      requestId?: string;
      conversationId: string;
      content: string;
      parentId?: string | null;
    }
  | { type: 'message.regenerate'; requestId?: string; conversationId: string; messageId: string }
  | { type: 'turn.stop'; requestId?: string; turnId: string }
  | { type: 'turn.resume'; requestId?: string; turnId: string; afterSeq: number };

export type RawServerFrame =
  | { type: 'hello'; server: 'kiln'; version: string }
  | { type: 'pong' }
  | { type: 'authenticated'; user: { id: string; email: string } }
  | {
      type: 'ack';
      requestId: string | undefined;
      turnId: string;
      userMessageId: string;
      assistantMessageId: string;
    }
  | { type: 'ack'; requestId: string | undefined; stopping: boolean }
  | { type: 'error'; requestId?: string | undefined; code: string; message: string; details?: unknown }
  | TurnEvent;
