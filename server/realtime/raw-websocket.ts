import type { WSEvents } from 'hono/ws';

/**
 * `/api/v1/ws`: the raw WebSocket for lightweight clients. Every frame is one
 * JSON object with a `type`. For now it greets and answers pings; the chat
 * turn events arrive here with the chat core.
 */
export function rawWebSocketHandlers(options: { version: string }): WSEvents {
  return {
    onOpen(_event, socket) {
      socket.send(JSON.stringify({ type: 'hello', server: 'kiln', version: options.version }));
    },
    onMessage(event, socket) {
      let message: { type?: unknown };
      try {
        message = JSON.parse(String(event.data)) as { type?: unknown };
      } catch {
        socket.send(JSON.stringify({ type: 'error', code: 'invalid_json', message: 'Each frame must be one JSON object.' }));
        return;
      }
      if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      socket.send(
        JSON.stringify({ type: 'error', code: 'unsupported', message: `Unknown message type: ${JSON.stringify(message.type)}` }),
      );
    },
  };
}
