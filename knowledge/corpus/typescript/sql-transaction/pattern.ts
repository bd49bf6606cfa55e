import type { QueryResultRow } from 'pg';

export interface TransactionClient {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
/** A pg.Pool fits: `connect()` checks out one connection, `release()` returns it. */
export interface ConnectionPool {
  connect(): Promise<TransactionClient & { release(error?: Error | boolean): void }>;
}

export interface TransactionOptions {
  isolationLevel?: 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';
  /** Retries on serialization failures and deadlocks (40001, 40P01), which Postgres expects you to retry. */
  maxRetries?: number;
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` inside BEGIN/COMMIT on one checked-out connection and rolls back if it throws.
 * Every query of the transaction must go through the `client` passed to `work`: `pool.query()`
 * would run on another connection, outside the transaction. Keep `work` free of side effects
 * other than queries (emails, HTTP calls) because it may run more than once.
 */
export async function withTransaction<T>(
  pool: ConnectionPool,
  work: (client: TransactionClient) => Promise<T>,
  { isolationLevel, maxRetries = 0 }: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(isolationLevel ? `BEGIN ISOLATION LEVEL ${isolationLevel}` : 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is in an unknown state: release(error) destroys it instead of reusing it.
        broken = rollbackError as Error;
      }
      const code = (error as { code?: unknown }).code;
      if (!broken && attempt < maxRetries && typeof code === 'string' && RETRYABLE.has(code)) continue;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
