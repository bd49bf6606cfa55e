import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * The address of the peer that opened the connection, as @hono/node-server exposes it.
 * `X-Forwarded-For` is deliberately ignored: any client can write it. Behind a reverse
 * proxy every request comes from the proxy until a trusted-proxy setting exists.
 */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}
