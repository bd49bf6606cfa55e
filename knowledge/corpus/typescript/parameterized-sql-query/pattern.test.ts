import type pg from 'pg';
import { describe, it, expect } from 'vitest';
import { escapeLike, findUserByEmail, findUsersByIds, searchUsers, type Queryable } from './pattern.ts';

// Compile-time check that a real pg Pool satisfies Queryable.
export const poolFits = (pool: pg.Pool): Queryable => pool;

function fakeDb(rows: unknown[] = []) {
  const calls: { text: string; values: unknown[] | undefined }[] = [];
  const db = {
    calls,
    async query<R>(text: string, values?: unknown[]) {
      calls.push({ text, values });
      return { rows: rows as R[] };
    },
  };
  return db;
}

const EVIL = "x' OR '1'='1'; DROP TABLE users; --";

describe('parameterized queries', () => {
  it('passes the email as $1, never inside the SQL text', async () => {
    const db = fakeDb([{ id: 1, email: 'a@example.com', name: 'A' }]);
    await expect(findUserByEmail(db, 'a@example.com')).resolves.toEqual({ id: 1, email: 'a@example.com', name: 'A' });
    await findUserByEmail(db, EVIL);
    expect(db.calls[1]!.text).toBe('SELECT id, email, name FROM users WHERE email = $1');
    expect(db.calls[1]!.values).toEqual([EVIL]);
    expect(db.calls[1]!.text).not.toContain('DROP');
  });

  it('returns undefined when no row matches', async () => {
    await expect(findUserByEmail(fakeDb([]), 'nobody@example.com')).resolves.toBeUndefined();
  });

  it('sends an IN list as one array parameter', async () => {
    const db = fakeDb();
    await findUsersByIds(db, [3, 1, 2]);
    expect(db.calls[0]).toEqual({ text: 'SELECT id, email, name FROM users WHERE id = ANY($1::int[])', values: [[3, 1, 2]] });
    await expect(findUsersByIds(db, [])).resolves.toEqual([]);
    expect(db.calls).toHaveLength(1);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });

  it('builds dynamic filters with numbered placeholders and allowlisted sorting', async () => {
    const db = fakeDb();
    await searchUsers(db, { nameContains: `ann%${EVIL}`, sort: 'name', descending: true, limit: 500 });
    const { text, values } = db.calls[0]!;
    expect(text).toBe('SELECT id, email, name FROM users WHERE name ILIKE $1 ORDER BY name DESC, id LIMIT $2');
    expect(values).toEqual([`%ann\\%${EVIL}%`, 100]);
    await searchUsers(db, {});
    expect(db.calls[1]).toEqual({ text: 'SELECT id, email, name FROM users ORDER BY created_at ASC, id LIMIT $1', values: [20] });
  });

  it('refuses a sort column that is not on the allowlist', async () => {
    const db = fakeDb();
    await expect(searchUsers(db, { sort: 'name; DROP TABLE users' })).rejects.toThrow(RangeError);
    await expect(searchUsers(db, { sort: 'constructor' })).rejects.toThrow(RangeError);
    expect(db.calls).toHaveLength(0);
  });
});
