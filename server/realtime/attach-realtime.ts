import { EventEmitter } from 'node:events';
import { type IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { SecurityConfig } from '../../platform/config/config.ts';
import { Server as SocketIoServer } from 'socket.io';
import { maxMessageLength } from '../chat/chat-service.ts';
import type { ApiServices } from '../http/api-env.ts';
import { attachChatGateway, type KilnSocketServer } from './chat-gateway.ts';
import { answerRefusal, realtimeRefusal } from './refuse-upgrade.ts';

/**
 * The largest frame (raw WebSocket) or packet (Socket.IO) a client may send, in bytes: the longest valid
 * message in the worst JSON encoding (every character a control character, escaped to six bytes), plus room
 * for the rest of the frame. A larger one closes the connection (1009 on the raw WebSocket) before it is read.
 */
export const maxRealtimeFrameBytes = 6 * maxMessageLength + 64 * 1024;

/**
 * Puts Socket.IO and the raw WebSocket (`@hono/node-ws`) on one HTTP server.
 *
 * Surprise: `injectWebSocket(server)` answers *every* upgrade it does not
 * route with a 404, which kills Socket.IO's `/socket.io/` upgrades. So node-ws
 * gets its own emitter, and only upgrades outside `/socket.io/` are forwarded
 * to it; Socket.IO listens on the server itself.
 */
export function attachRealtime(
  server: Server,
  injectWebSocket: (target: Server) => void,
  rawWebSockets: { clients: Set<{ terminate(): void }>; options: { maxPayload?: number } },
  options: { log: Logger; version: string; security: SecurityConfig; services: () => ApiServices | undefined },
) {
  const io: KilnSocketServer = new SocketIoServer(server, {
    path: '/socket.io/',
    serveClient: false,
    // Leave other upgrades alone: the raw WebSocket answers them.
    destroyUpgrade: false,
    maxHttpBufferSize: maxRealtimeFrameBytes,
  });
  // node-ws builds its WebSocketServer with ws's default limit (100 MiB); ws reads the limit at each upgrade.
  rawWebSockets.options.maxPayload = maxRealtimeFrameBytes;
  // Every Engine.IO request (polling or upgrade) passes here before its handshake; a refused one gets no session.
  /** Answers `request` with its refusal (logged) on `target` when its Host or Origin is refused; false otherwise. */
  const refused = (request: IncomingMessage, target: Duplex | ServerResponse, what: string) => {
    const refusal = realtimeRefusal(request, options.security.publicOrigins);
    if (!refusal) return false;
    options.log.warn(
      { host: request.headers.host, origin: request.headers.origin, code: refusal.code },
      `${what} refused`,
    );
    answerRefusal(target, refusal);
    return true;
  };
  io.engine.use((request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
    // During an upgrade `response` only stands in for one (Engine.IO's WebSocketResponse): answer on the socket.
    const target = response instanceof ServerResponse ? response : request.socket;
    if (!refused(request, target, 'Socket.IO request')) next();
  });
  const gateway = attachChatGateway(io, options.services, options.log);
  io.on('connection', (socket) => {
    socket.emit('hello', { server: 'kiln', version: options.version });
  });

  const rawUpgrades = new EventEmitter();
  // node-ws only subscribes to 'upgrade' on what it is given, so an emitter stands in for the server.
  injectWebSocket(rawUpgrades as unknown as Server);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (request.url?.startsWith('/socket.io/')) return;
    if (!refused(request, socket, 'WebSocket upgrade')) rawUpgrades.emit('upgrade', request, socket, head);
  });

  return {
    io,
    /** Starts broadcasting this server's turns (once its services are ready). */
    subscribe: gateway.subscribe,
    /** Disconnects every realtime client (they reconnect to another instance or after restart). */
    async close() {
      io.disconnectSockets(true);
      // Upgraded sockets are no longer the HTTP server's: without this, close() would wait for them forever.
      for (const client of rawWebSockets.clients) client.terminate();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      options.log.debug('realtime connections closed');
    },
  };
}
