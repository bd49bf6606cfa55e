import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { Sql } from './sql-query.ts';

/**
 * The knowledge layer's SQL handle on Kiln's DataSource, so that layer never imports TypeORM.
 * Statements go straight to the DataSource's own pg pool: retrieval runs several small queries per
 * question, and TypeORM's query runner costs more CPU per query than the queries themselves at that size.
 * Prepared statements are named after a hash of their text, so one name can never stand for two texts
 * (pg refuses that) and every pooled connection prepares each statement once.
 */
export function sqlHandle(dataSource: DataSource): Sql {
  const pool = poolOf(dataSource);
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `kiln_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
    return name;
  };
  return {
    query: async (sql, parameters, options) =>
      (
        await (options?.prepared
          ? pool.query({ name: nameOf(sql), text: sql, values: parameters })
          : pool.query(sql, parameters))
      ).rows,
    transaction: (work) =>
      dataSource.transaction((manager) => work((sql, parameters) => manager.query(sql, parameters))),
  };
}

/** The pg pool under a Postgres DataSource (TypeORM keeps it as its driver's `master`). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
