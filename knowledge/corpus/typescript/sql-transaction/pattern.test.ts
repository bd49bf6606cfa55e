import type pg from 'pg';
import { describe, it, expect, vi } from 'vitest';
import { withTransaction, type ConnectionPool } from './pattern.ts';

// Compile-time check that a real pg Pool fits.
export const poolFits = (pool: pg.Pool): ConnectionPool => pool;

function fakePool(failOn: (text: string, log: string[]) => Error | undefined = () => undefined) {
  const log: string[] = [];
  const release = vi.fn((_error?: Error | boolean) => log.push('release'));
  const pool = {
    log,
    release,
    connects: 0,
    async connect() {
      pool.connects++;
      return {
        release,
        async query<R>(text: string, values?: unknown[]) {
          log.push(values ? `${text} ${JSON.stringify(values)}` : text);
          const error = failOn(text, log);
          if (error) throw error;
          return { rows: [] as R[] };
        },
      };
    },
  };
  return pool;
}

const pgError = (code: string) => Object.assign(new Error(`pg error ${code}`), { code });

describe('withTransaction', () => {
  it('commits, returns the result and releases the connection', async () => {
    const pool = fakePool();
    const result = await withTransaction(pool, async (client) => {
      await client.query('UPDATE accounts SET balance = balance - $1 WHERE id = $2', [100, 1]);
      await client.query('UPDATE accounts SET balance = balance + $1 WHERE id = $2', [100, 2]);
      return 'done';
    });
    expect(result).toBe('done');
    expect(pool.log).toEqual([
      'BEGIN',
      'UPDATE accounts SET balance = balance - $1 WHERE id = $2 [100,1]',
      'UPDATE accounts SET balance = balance + $1 WHERE id = $2 [100,2]',
      'COMMIT',
      'release',
    ]);
    expect(pool.release).toHaveBeenCalledWith(undefined);
  });

  it('rolls back and rethrows when the work fails', async () => {
    const pool = fakePool();
    const failure = new Error('insufficient funds');
    await expect(
      withTransaction(pool, async (client) => {
        await client.query('SELECT 1');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(pool.log).toEqual(['BEGIN', 'SELECT 1', 'ROLLBACK', 'release']);
  });

  it('destroys the connection if ROLLBACK itself fails', async () => {
    const pool = fakePool((text) => (text === 'COMMIT' ? new Error('connection lost') : text === 'ROLLBACK' ? new Error('still lost') : undefined));
    await expect(withTransaction(pool, async () => 1)).rejects.toThrow('connection lost');
    expect(pool.release).toHaveBeenCalledWith(expect.objectContaining({ message: 'still lost' }));
  });

  it('sets the isolation level and retries serialization failures', async () => {
    let commits = 0;
    const pool = fakePool((text) => (text === 'COMMIT' && ++commits < 3 ? pgError('40001') : undefined));
    const work = vi.fn(async () => 'ok');
    await expect(withTransaction(pool, work, { isolationLevel: 'SERIALIZABLE', maxRetries: 3 })).resolves.toBe('ok');
    expect(work).toHaveBeenCalledTimes(3);
    expect(pool.connects).toBe(3);
    expect(pool.log.filter((line) => line.startsWith('BEGIN'))).toEqual(Array(3).fill('BEGIN ISOLATION LEVEL SERIALIZABLE'));
    expect(pool.log.filter((line) => line === 'release')).toHaveLength(3);
  });

  it('does not retry other errors, or beyond maxRetries', async () => {
    const pool = fakePool((text) => (text === 'SELECT 1' ? pgError('23505') : undefined));
    await expect(withTransaction(pool, (client) => client.query('SELECT 1'), { maxRetries: 5 })).rejects.toThrow('23505');
    expect(pool.connects).toBe(1);
    const always = fakePool((text) => (text === 'COMMIT' ? pgError('40P01') : undefined));
    await expect(withTransaction(always, async () => 1, { maxRetries: 2 })).rejects.toThrow('40P01');
    expect(always.connects).toBe(3);
  });
});
