import { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import { NotFoundError } from '../errors/not-found-error.ts';
import { rawWebSocketHandlers } from '../realtime/raw-websocket.ts';

/** `/api/v1`: the versioned JSON API. Features mount their routers here. */
export function apiRoutes(options: { version: string; upgradeWebSocket: UpgradeWebSocket }) {
  return new Hono()
    .get('/', (c) => c.json({ name: 'kiln', version: options.version, api: 'v1' }))
    .get('/ws', options.upgradeWebSocket(() => rawWebSocketHandlers({ version: options.version })))
    .all('*', (c) => {
      throw new NotFoundError(`API route ${c.req.method} ${c.req.path}`);
    });
}
