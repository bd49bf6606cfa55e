import { type IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { refusalFor, type Refusal } from '../http/allowed-origins.ts';

/**
 * The refusal for a Socket.IO or raw WebSocket request with a Host Kiln is not served at, or (when it sends
 * one) a foreign Origin: the rules of `allowed-origins.ts`, applied to every request and upgrade since a
 * WebSocket is not bound by the same-origin policy.
 */
export function realtimeRefusal(request: IncomingMessage, publicOrigins: readonly string[]): Refusal | undefined {
  return refusalFor({ host: request.headers.host, origin: request.headers.origin }, publicOrigins);
}

/** Answers a refused request with the API's JSON error: on the socket before the WebSocket handshake, or as an HTTP response. */
export function answerRefusal(target: Duplex | ServerResponse, refusal: Refusal) {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  if (target instanceof ServerResponse) {
    target.writeHead(refusal.status, { 'Content-Type': 'application/json', Connection: 'close' }).end(body);
    return;
  }
  target.on('error', () => undefined);
  if (!target.writable) return void target.destroy();
  target.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nConnection: close\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => target.destroy(),
  );
}
