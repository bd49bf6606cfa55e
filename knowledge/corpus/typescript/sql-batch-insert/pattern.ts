import type { QueryResultRow } from 'pg';

/** A pg Pool, Client or PoolClient (use the transaction's client for all-or-nothing inserts). */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** PostgreSQL accepts at most 65,535 bind parameters in one statement. */
export const MAX_PARAMETERS = 65_535;

/** Quotes a table or column name. Identifiers cannot be $n parameters, so never splice them raw. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new TypeError(`invalid identifier: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

export type TableName = string | readonly [schema: string, table: string];

export interface BatchInsertOptions {
  /** Rows per statement; capped so that rows × columns stays within MAX_PARAMETERS. */
  chunkSize?: number;
  onConflictDoNothing?: boolean;
}

/** Builds one `INSERT … VALUES ($1, $2), ($3, $4)` statement; values stay out of the SQL text. */
export function buildInsert<C extends string>(
  table: TableName,
  columns: readonly C[],
  rows: readonly Readonly<Record<C, unknown>>[],
  onConflictDoNothing = false,
): { text: string; values: unknown[] } {
  if (columns.length === 0) throw new TypeError('at least one column is required');
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${values.push(row[column] ?? null)}`).join(', ')})`);
  const target = typeof table === 'string' ? quoteIdentifier(table) : table.map(quoteIdentifier).join('.');
  const text =
    `INSERT INTO ${target} (${columns.map(quoteIdentifier).join(', ')}) VALUES ${tuples.join(', ')}` +
    (onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : '');
  return { text, values };
}

/**
 * Inserts many rows with one round trip per chunk instead of one per row. Returns the number of rows
 * inserted. Chunks are separate statements: run this inside a transaction if a failure halfway must
 * undo the earlier chunks. For millions of rows, COPY is faster still.
 */
export async function batchInsert<C extends string>(
  db: Queryable,
  table: TableName,
  columns: readonly C[],
  rows: readonly Readonly<Record<C, unknown>>[],
  { chunkSize = 1000, onConflictDoNothing = false }: BatchInsertOptions = {},
): Promise<number> {
  const perStatement = Math.max(1, Math.min(Math.floor(chunkSize), Math.floor(MAX_PARAMETERS / Math.max(columns.length, 1))));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const { text, values } = buildInsert(table, columns, rows.slice(start, start + perStatement), onConflictDoNothing);
    const result = await db.query(text, values);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
