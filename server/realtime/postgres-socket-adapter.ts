import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import type { KilnSocketServer } from './chat-gateway.ts';

/**
 * Joins this server's Socket.IO to every other Kiln server on the database (KILN_CLUSTER=on): a room's events
 * reach its sockets on all of them, through LISTEN/NOTIFY; packets over NOTIFY's 8,000-byte limit go through the
 * `socket_io_attachments` table (created by a migration). Its own pool of two: one connection listens for good,
 * and the other sends every notification in turn, so a room's events reach other servers in the order they were
 * emitted (on a larger pool, two notifications could overtake each other). A packet over the limit is written
 * first and announced after, so one that follows it may arrive first; a client that sees a gap in a turn's
 * `seq` asks for the rest with `turn:resume`.
 * Set before any socket connects (the server refuses them until it is ready): setting an adapter empties rooms.
 */
export function attachPostgresSocketAdapter(io: KilnSocketServer, databaseUrl: string, log: Logger) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'kiln-sockets' });
  // A dropped connection is the adapter's to re-open; without a listener, pg would throw it at the process.
  pool.on('error', (error) => log.warn({ err: error }, 'the Socket.IO adapter lost a Postgres connection'));
  io.adapter(createAdapter(pool, { errorHandler: (error) => log.warn({ err: error }, 'Socket.IO adapter error') }));
  return {
    async close() {
      await pool.end();
    },
  };
}
