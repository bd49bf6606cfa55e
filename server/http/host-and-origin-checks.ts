import type { MiddlewareHandler } from 'hono';
import { KilnError } from '../errors/kiln-error.ts';
import { refusalFor } from './allowed-origins.ts';

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses, before any route runs, a request for a Host Kiln is not served at (421 `host_not_allowed`), and a
 * request from a foreign Origin (403 `origin_not_allowed`) when it could change something or reach a socket:
 * POST/PUT/PATCH/DELETE, anything on `/mcp` (the MCP spec asks servers to check Origin) and WebSocket
 * upgrades. Requests without an Origin header (curl, API clients) are not origin-checked.
 */
export function hostAndOriginChecks(publicOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    // `app.request()` in tests sends no Host header; its URL carries one.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const checksOrigin =
      stateChangingMethods.has(c.req.method) ||
      c.req.path === '/mcp' ||
      c.req.path.startsWith('/mcp/') ||
      c.req.header('upgrade')?.toLowerCase() === 'websocket';
    const refusal = refusalFor({ host, origin: checksOrigin ? c.req.header('origin') : undefined }, publicOrigins);
    if (refusal) throw new KilnError(refusal.code, refusal.status, refusal.message);
    await next();
  };
}
