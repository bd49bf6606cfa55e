import { io, type Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketAck,
  SocketPayload,
} from '$protocol/socket-events.ts';
import type { ImportProgress } from '$protocol/conversation-export.ts';
import type { ExportArchive } from '$protocol/export-archive.ts';
import type { ProjectSource } from '$protocol/project.ts';
import type { TurnEvent } from '$protocol/turn-events.ts';
import { ApiError } from '../api/api-error.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** What the gateway acks with for an event. */
type AckOf<Event extends keyof ClientToServerEvents> = Parameters<SocketAck<AckResult<Event>>>[0];

/** How long a request may wait for its ack (Socket.IO buffers requests made while offline until it reconnects). */
const requestTimeoutMs = 20_000;

/**
 * The Socket.IO connection to Kiln's chat gateway. Socket.IO reconnects by
 * itself after a network drop; `onReconnect` handlers then rejoin rooms and
 * resume running turns (`turn:resume` after the last seq they saw).
 */
export class ChatSocket {
  status = $state<ConnectionStatus>('connecting');
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly turnListeners = new Set<(event: TurnEvent) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly titleListeners = new Set<(update: { id: string; title: string }) => void>();
  private readonly projectSourceListeners = new Set<(source: ProjectSource) => void>();
  private readonly importProgressListeners = new Set<(progress: ImportProgress) => void>();
  private readonly exportArchiveListeners = new Set<(archive: ExportArchive) => void>();
  private connectedBefore = false;

  /** Authenticated by the session cookie, which the same-origin handshake carries (no token in `auth`). */
  constructor(onUnauthenticated: () => void) {
    this.socket = io({
      withCredentials: true,
      // WebSocket first; long polling when something in between refuses WebSockets.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 2_000,
    });
    this.socket.on('connect', () => {
      this.status = 'online';
      if (this.connectedBefore) for (const listener of this.reconnectListeners) listener();
      this.connectedBefore = true;
    });
    this.socket.on('disconnect', (reason) => {
      this.status = 'offline';
      // The server ended the connection (its session was signed out, or a message was too big): Socket.IO does
      // not come back by itself then. Connecting again finds out which: a signed-out session is refused as
      // unauthenticated (and the page signs out), anything else reconnects.
      if (reason === 'io server disconnect') this.socket.connect();
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      this.status = 'offline';
      if (error.data?.code === 'unauthenticated') onUnauthenticated();
    });
    this.socket.on('turn:event', (event) => {
      for (const listener of this.turnListeners) listener(event);
    });
    this.socket.on('conversation:updated', (update) => {
      for (const listener of this.titleListeners) listener(update);
    });
    this.socket.on('project:source', (source) => {
      for (const listener of this.projectSourceListeners) listener(source);
    });
    this.socket.on('import:progress', (progress) => {
      for (const listener of this.importProgressListeners) listener(progress);
    });
    this.socket.on('export:archive', (archive) => {
      for (const listener of this.exportArchiveListeners) listener(archive);
    });
  }

  onTurnEvent(listener: (event: TurnEvent) => void) {
    this.turnListeners.add(listener);
    return () => void this.turnListeners.delete(listener);
  }

  onReconnect(listener: () => void) {
    this.reconnectListeners.add(listener);
    return () => void this.reconnectListeners.delete(listener);
  }

  onTitle(listener: (update: { id: string; title: string }) => void) {
    this.titleListeners.add(listener);
    return () => void this.titleListeners.delete(listener);
  }

  /** A source of one of the user's projects changed status or ingest progress. */
  onProjectSource(listener: (source: ProjectSource) => void) {
    this.projectSourceListeners.add(listener);
    return () => void this.projectSourceListeners.delete(listener);
  }

  /** One of the user's background exports changed state or grew (sent to each of their tabs). */
  onExportArchive(listener: (archive: ExportArchive) => void) {
    this.exportArchiveListeners.add(listener);
    return () => void this.exportArchiveListeners.delete(listener);
  }

  /** How the user's running import is going (sent to each of their tabs, whichever one uploaded). */
  onImportProgress(listener: (progress: ImportProgress) => void) {
    this.importProgressListeners.add(listener);
    return () => void this.importProgressListeners.delete(listener);
  }

  /** Emits a client event and resolves with its ack, or rejects with the gateway's error. */
  async request<Event extends keyof ClientToServerEvents>(
    event: Event,
    payload: SocketPayload<Event>,
  ): Promise<AckResult<Event>> {
    let answer: AckOf<Event>;
    try {
      // Socket.IO's typed emitWithAck cannot relate a generic event name to its arguments; this cast is that step.
      const timed = this.socket.timeout(requestTimeoutMs);
      const emit = timed.emitWithAck as (name: Event, body: SocketPayload<Event>) => Promise<AckOf<Event>>;
      answer = await emit.call(timed, event, payload);
    } catch {
      throw new ApiError(0, 'timeout', 'Kiln did not answer in time; check your connection.');
    }
    if (!answer.ok) throw new ApiError(400, answer.error.code, answer.error.message);
    return answer;
  }

  close() {
    this.socket.close();
  }
}
