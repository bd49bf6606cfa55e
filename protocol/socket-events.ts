import type { ExportArchive } from './export-archive.ts';
import type { ApprovalRecord } from './turn-details.ts';
import type { ProjectSource } from './project.ts';
import type { Intent, TurnEvent } from './turn-events.ts';
import type { ImportProgress } from './conversation-export.ts';

/**
 * The Socket.IO contract, in the form Socket.IO's own typings take (`Server<ClientToServerEvents,
 * ServerToClientEvents, InterServerEvents, SocketData>` on the server, `Socket<ServerToClientEvents,
 * ClientToServerEvents>` on the client). The handshake carries `auth: { token }`; each conversation is a room.
 *
 * Every client → server event is acknowledged with `{ ok: true, …result }` or `{ ok: false, error }`.
 */

export interface SocketError {
  code: string;
  message: string;
  details?: unknown;
}

export type SocketAck<Result extends object> = (
  answer: ({ ok: true } & Result) | { ok: false; error: SocketError },
) => void;

export interface SendMessagePayload {
  conversationId: string;
  content: string;
  /** The message to answer after (an edit branches from there); the active leaf when absent. */
  parentId?: string | null;
  /** Overrules the router. */
  intent?: Intent;
}

export interface RegeneratePayload {
  conversationId: string;
  messageId: string;
  intent?: Intent;
}

/** What starting a turn answers: the ids to follow it by. */
export interface TurnStarted {
  turnId: string;
  userMessageId: string;
  assistantMessageId: string;
}

/** `POST /api/v1/conversations/:id/messages/:messageId/approval` and the socket's `session:approve`. */
export interface ApprovalRequest {
  decision: 'approve' | 'reject';
  /** Why (required by nothing; kept with the decision). */
  note?: string;
}

/** `POST /api/v1/turns/:turnId/tool-calls/:callId/confirmation` and the socket's `tool:confirm`. */
export interface ToolConfirmationRequest {
  approve: boolean;
}

export interface ClientToServerEvents {
  'conversation:join': (payload: { conversationId: string }, ack: SocketAck<object>) => void;
  'conversation:leave': (payload: { conversationId: string }, ack: SocketAck<object>) => void;
  'message:send': (payload: SendMessagePayload, ack: SocketAck<TurnStarted>) => void;
  'message:regenerate': (payload: RegeneratePayload, ack: SocketAck<TurnStarted>) => void;
  'turn:stop': (payload: { turnId: string }, ack: SocketAck<{ stopping: boolean }>) => void;
  /** Joins the turn's room and replays the events after `afterSeq` in the same tick: no gap, no duplicate. */
  'turn:resume': (
    payload: { turnId: string; afterSeq: number },
    ack: SocketAck<{ replayed: number; finished: boolean }>,
  ) => void;
  /** Approves (saves as a learned pattern) or rejects a code session's validated answer. */
  'session:approve': (
    payload: ApprovalRequest & { conversationId: string; messageId: string },
    ack: SocketAck<{ approval: ApprovalRecord }>,
  ) => void;
  /** Answers a tool call waiting for confirmation. */
  'tool:confirm': (
    payload: ToolConfirmationRequest & { turnId: string; callId: string },
    ack: SocketAck<object>,
  ) => void;
}

export interface ServerToClientEvents {
  hello: (greeting: { server: 'kiln'; version: string }) => void;
  'turn:event': (event: TurnEvent) => void;
  'conversation:updated': (update: { id: string; title: string }) => void;
  /** A project source's status or ingest progress changed (sent to every member of its project). */
  'project:source': (source: ProjectSource) => void;
  /** How the user's running conversation import is going (sent to their open tabs). */
  'import:progress': (progress: ImportProgress) => void;
  /** A background export of the user's changed state or grew (sent to their open tabs). */
  'export:archive': (archive: ExportArchive) => void;
}

/** Between server instances (none yet). */
/**
 * Between Kiln servers on one database (through the Socket.IO Postgres adapter): each server's turn events, in
 * batches; and questions, each asker waiting for every other server's answer: stop a turn, or send a turn's events
 * after `afterSeq`. Only the server running the turn answers with something other than `false` or `null`.
 */
export interface InterServerEvents {
  'turn:stop': (request: { turnId: string; ownerId: string }, answer: (stopped: boolean) => void) => void;
  /** A session or API key revoked on one server (its id as `AuthService` announces it), for the others. */
  'session:revoked': (sessionId: string) => void;
  /** A server's turn events of the last few ms, for the other servers' sockets in each conversation's room. */
  'turn:batch': (batch: { conversationId: string; event: TurnEvent }[]) => void;
  'turn:events': (
    request: { turnId: string; ownerId: string; afterSeq: number },
    answer: (found: { events: TurnEvent[]; finished: boolean } | null) => void,
  ) => void;
}

/** The ack results by event name, for clients that wrap `emitWithAck`. */
export type AckResult<Event extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[Event]>[1] extends SocketAck<infer Result> ? Result : never;

/** The payload of a client → server event. */
export type SocketPayload<Event extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[Event]>[0];
