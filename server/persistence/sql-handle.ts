import type { DataSource } from 'typeorm';
import type { Sql } from '../../knowledge/patterns/sql-query.ts';

/** The knowledge layer's SQL handle on Kiln's DataSource, so that layer never imports TypeORM. */
export function sqlHandle(dataSource: DataSource): Sql {
  return {
    query: (sql, parameters) => dataSource.query(sql, parameters),
    transaction: (work) => dataSource.transaction((manager) => work((sql, parameters) => manager.query(sql, parameters))),
  };
}
