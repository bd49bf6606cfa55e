import type pg from 'pg';
import { describe, it, expect } from 'vitest';
import { batchInsert, buildInsert, MAX_PARAMETERS, quoteIdentifier, type Queryable } from './pattern.ts';

// Compile-time check that a real pg Pool fits.
export const poolFits = (pool: pg.Pool): Queryable => pool;

function fakeDb() {
  const calls: { text: string; values: unknown[] }[] = [];
  return {
    calls,
    async query<R>(text: string, values: unknown[] = []) {
      calls.push({ text, values });
      // Pretend every tuple was inserted.
      return { rows: [] as R[], rowCount: (text.match(/\(\$/g) ?? []).length };
    },
  };
}

const EVIL = "'); DROP TABLE users; --";

describe('batchInsert', () => {
  it('inserts all rows in one statement with numbered placeholders', async () => {
    const db = fakeDb();
    const rows = [
      { email: 'a@example.com', name: 'A' },
      { email: 'b@example.com', name: EVIL },
      { email: 'c@example.com', name: null },
    ];
    await expect(batchInsert(db, 'users', ['email', 'name'], rows)).resolves.toBe(3);
    expect(db.calls).toEqual([
      {
        text: 'INSERT INTO "users" ("email", "name") VALUES ($1, $2), ($3, $4), ($5, $6)',
        values: ['a@example.com', 'A', 'b@example.com', EVIL, 'c@example.com', null],
      },
    ]);
    expect(db.calls[0]!.text).not.toContain('DROP');
  });

  it('splits into chunks, restarting placeholders at $1', async () => {
    const db = fakeDb();
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: i }));
    await expect(batchInsert(db, 'events', ['id'], rows, { chunkSize: 2 })).resolves.toBe(5);
    expect(db.calls.map((call) => call.text)).toEqual([
      'INSERT INTO "events" ("id") VALUES ($1), ($2)',
      'INSERT INTO "events" ("id") VALUES ($1), ($2)',
      'INSERT INTO "events" ("id") VALUES ($1)',
    ]);
    expect(db.calls.map((call) => call.values)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('never exceeds the 65,535 parameter limit', async () => {
    const db = fakeDb();
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ a: i, b: i }));
    await batchInsert(db, 't', ['a', 'b'], rows, { chunkSize: 100_000 });
    expect(db.calls).toHaveLength(2);
    for (const call of db.calls) expect(call.values.length).toBeLessThanOrEqual(MAX_PARAMETERS);
    expect(db.calls.reduce((sum, call) => sum + call.values.length, 0)).toBe(80_000);
  });

  it('sends no query for no rows, and turns missing values into NULL', async () => {
    const db = fakeDb();
    await expect(batchInsert(db, 't', ['a'], [])).resolves.toBe(0);
    expect(db.calls).toHaveLength(0);
    const partial = [{ a: 1 }] as unknown as { a: number; b: number }[];
    expect(buildInsert('t', ['a', 'b'], partial).values).toEqual([1, null]);
  });

  it('quotes identifiers, supports schemas and ON CONFLICT DO NOTHING', () => {
    expect(quoteIdentifier('weird"name')).toBe('"weird""name"');
    const { text } = buildInsert(['audit', 'log'], ['Message', 'x" text); DROP TABLE t; --'], [{ Message: 1, 'x" text); DROP TABLE t; --': 2 }], true);
    expect(text).toBe('INSERT INTO "audit"."log" ("Message", "x"" text); DROP TABLE t; --") VALUES ($1, $2) ON CONFLICT DO NOTHING');
    expect(() => quoteIdentifier('')).toThrow(TypeError);
    expect(() => buildInsert('t', [], [{}])).toThrow(TypeError);
  });
});
