/**
 * Runs one SQL statement on Kiln's Postgres and returns its rows (the knowledge layer's only tie to the database).
 * `prepared`: the statement runs often (retrieval's hot path), so it is parsed and planned once per connection
 * and reused; leave it off for statements whose text varies with their input.
 */
export type SqlQuery = (sql: string, parameters?: unknown[], options?: { prepared?: boolean }) => Promise<Record<string, unknown>[]>;

/** Statements, and transactions whose statements all run on one connection. */
export interface Sql {
  query: SqlQuery;
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
}
