import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** KILN_TRUST_PROXY: whether X-Forwarded-For / X-Forwarded-Proto come from a proxy Kiln trusts. */
    trustProxy: boolean;
  }
}

/** Records KILN_TRUST_PROXY on each request for `clientAddress` and `requestIsHttps`. */
export function proxyTrust(trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    c.set('trustProxy', trustProxy);
    await next();
  };
}

/**
 * The client's address. Without KILN_TRUST_PROXY it is the peer that opened the connection, and
 * `X-Forwarded-For` is ignored: any client can write it. With it, it is the last address of
 * `X-Forwarded-For`: the one the proxy itself added (a client can only write the ones before it).
 */
export function clientAddress(c: Context): string {
  const forwarded = c.get('trustProxy') ? lastListed(c.req.header('x-forwarded-for')) : undefined;
  return forwarded ?? peerAddress(c) ?? 'unknown';
}

/** Whether the client reached Kiln over HTTPS: the URL's scheme, or (trusted proxy only) X-Forwarded-Proto. */
export function requestIsHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.get('trustProxy') === true && lastListed(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https';
}

/** The address of the peer that opened the connection (the proxy, behind one), as @hono/node-server exposes it. */
export function peerAddress(c: Context): string | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
}

function lastListed(header: string | undefined): string | undefined {
  const last = header?.split(',').at(-1)?.trim();
  return last || undefined;
}
