/** Runs one SQL statement on Kiln's Postgres and returns its rows (the knowledge layer's only tie to the database). */
export type SqlQuery = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Statements, and transactions whose statements all run on one connection. */
export interface Sql {
  query: SqlQuery;
  transaction<T>(work: (query: SqlQuery) => Promise<T>): Promise<T>;
}
