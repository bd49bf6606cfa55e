import pg from 'pg';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';

/** What a process's DataSource knows: the entity classes its repositories use and the migrations, in order. */
export interface DatabaseSchema {
  // TypeORM's own type for an entity list (classes, schemas or names); repositories never let it out.
  entities: (Function | EntitySchema)[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  migrations: (new () => MigrationInterface)[];
}

/**
 * One migration list from several modules' lists (server, knowledge, workers), ordered by the timestamp each
 * class name ends with, as TypeORM orders them; two migrations with one timestamp are a programming error.
 */
export function orderedMigrations(...lists: (new () => MigrationInterface)[][]): (new () => MigrationInterface)[] {
  const timestampOf = (migration: new () => MigrationInterface) => {
    const match = /(\d{13})$/.exec(migration.name);
    if (!match) throw new Error(`Migration ${migration.name}: its class name must end with a 13-digit timestamp`);
    return Number(match[1]);
  };
  const all = lists.flat().sort((a, b) => timestampOf(a) - timestampOf(b));
  all.forEach((migration, index) => {
    const previous = all[index - 1];
    if (previous && timestampOf(previous) === timestampOf(migration)) {
      throw new Error(`Migrations ${previous.name} and ${migration.name} share a timestamp`);
    }
  });
  return all;
}

/** Any constant shared by every Kiln process: the advisory lock that serialises migrations across processes. */
const migrationLockKey = 0x6b696c6e; // "kiln"

/**
 * Connects TypeORM to Postgres and brings the schema up to date with the
 * migrations (never `synchronize`). Several processes may start at once (the
 * server and a worker), so migrations run under a Postgres advisory lock held
 * on a separate connection: the second process waits, then finds nothing to do.
 */
export async function openDataSource(
  url: string,
  schema: DatabaseSchema,
  options: { poolSize?: number } = {},
): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    extra: { max: options.poolSize ?? 10, application_name: 'kiln' },
  });
  await dataSource.initialize();
  try {
    await runMigrationsExclusively(url, dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function runMigrationsExclusively(url: string, dataSource: DataSource) {
  const lockClient = new pg.Client({ connectionString: url, application_name: 'kiln-migrations' });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockClient.end();
  }
}
