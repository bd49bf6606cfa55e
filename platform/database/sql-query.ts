/**
 * Runs one SQL statement on Kiln's Postgres and returns its rows (the knowledge layer's only tie to the database).
 * `prepared`: the statement runs often (retrieval's hot path), so it is parsed once per connection and may be
 * planned once for all calls; only for statements whose best plan does not depend on their parameters (how
 * many ids an array holds, say), and never for text that varies with the input.
 */
export type SqlQuery = (
  sql: string,
  parameters?: unknown[],
  options?: { prepared?: boolean },
) => Promise<Record<string, unknown>[]>;

/** Statements, and transactions whose statements all run on one connection. */
export interface Sql {
  query: SqlQuery;
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
}
