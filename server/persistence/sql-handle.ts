import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Sql } from '../../knowledge/patterns/sql-query.ts';

/**
 * The knowledge layer's SQL handle on Kiln's DataSource, so that layer never imports TypeORM.
 * Statements go straight to the DataSource's own pg pool: retrieval runs several small queries per
 * question, and TypeORM's query runner costs more CPU per query than the queries themselves at that size.
 */
export function sqlHandle(dataSource: DataSource): Sql {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return {
    query: async (sql, parameters) => (await pool.query(sql, parameters)).rows,
    transaction: (work) => dataSource.transaction((manager) => work((sql, parameters) => manager.query(sql, parameters))),
  };
}
