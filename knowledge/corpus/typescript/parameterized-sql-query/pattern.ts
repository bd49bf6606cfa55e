import type { QueryResultRow } from 'pg';

/** What these functions need from pg: a Pool, a Client or a PoolClient all fit. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface User {
  id: number;
  email: string;
  name: string;
}

// Values always go in `values` as $1, $2…: the driver sends them separately from the SQL text,
// so `'; DROP TABLE users; --` is just a strange email address.
export async function findUserByEmail(db: Queryable, email: string): Promise<User | undefined> {
  const { rows } = await db.query<User>('SELECT id, email, name FROM users WHERE email = $1', [email]);
  return rows[0];
}

/** A variable-length IN list is one array parameter, not a string of generated placeholders. */
export async function findUsersByIds(db: Queryable, ids: readonly number[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<User>('SELECT id, email, name FROM users WHERE id = ANY($1::int[])', [ids]);
  return rows;
}

/** Escapes LIKE wildcards, so a search for "50%" does not match everything starting with "50". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

// Identifiers (columns, sort direction) cannot be parameters: map user input through an allowlist.
const SORT_COLUMNS = { name: 'name', email: 'email', newest: 'created_at' } as const;
export type UserSort = keyof typeof SORT_COLUMNS;

export interface UserSearch {
  nameContains?: string;
  sort?: string;
  descending?: boolean;
  limit?: number;
}

export async function searchUsers(db: Queryable, search: UserSearch): Promise<User[]> {
  const values: unknown[] = [];
  const where: string[] = [];
  if (search.nameContains) {
    values.push(`%${escapeLike(search.nameContains)}%`);
    where.push(`name ILIKE $${values.length}`);
  }
  const sort = search.sort ?? 'newest';
  if (!Object.hasOwn(SORT_COLUMNS, sort)) throw new RangeError(`cannot sort by ${JSON.stringify(sort)}`);
  const column = SORT_COLUMNS[sort as UserSort];
  values.push(Math.min(Math.max(Math.trunc(search.limit ?? 20), 1), 100));
  const text =
    `SELECT id, email, name FROM users${where.length ? ` WHERE ${where.join(' AND ')}` : ''}` +
    ` ORDER BY ${column} ${search.descending ? 'DESC' : 'ASC'}, id LIMIT $${values.length}`;
  const { rows } = await db.query<User>(text, values);
  return rows;
}
