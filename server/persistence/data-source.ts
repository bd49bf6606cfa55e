import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuthSessionEntity } from './entities/auth-session-entity.ts';
import { ConversationEntity } from './entities/conversation-entity.ts';
import { MessageEntity } from './entities/message-entity.ts';
import { TurnEntity } from './entities/turn-entity.ts';
import { UserEntity } from './entities/user-entity.ts';
import { InitialSchema1795300000000 } from './migrations/1795300000000-initial-schema.ts';
import { GraphTables1795300000001 } from './migrations/1795300000001-graph-tables.ts';
import { SessionsAndTurns1795300000002 } from './migrations/1795300000002-sessions-and-turns.ts';
import { Patterns1795300000003 } from './migrations/1795300000003-patterns.ts';
import { IngestedFiles1795300000004 } from './migrations/1795300000004-ingested-files.ts';
import { AnswerDetailsAndFeedback1795300000005 } from './migrations/1795300000005-answer-details-and-feedback.ts';
import { PatternTerms1795300000006 } from './migrations/1795300000006-pattern-terms.ts';

export const entities = [UserEntity, AuthSessionEntity, ConversationEntity, MessageEntity, TurnEntity];
export const migrations = [
  InitialSchema1795300000000,
  GraphTables1795300000001,
  SessionsAndTurns1795300000002,
  Patterns1795300000003,
  IngestedFiles1795300000004,
  AnswerDetailsAndFeedback1795300000005,
  PatternTerms1795300000006,
];

/** Any constant shared by every Kiln process: the advisory lock that serialises migrations across processes. */
const migrationLockKey = 0x6b696c6e; // "kiln"

/**
 * Connects TypeORM to Postgres and brings the schema up to date with the
 * migrations (never `synchronize`). Several processes may start at once (the
 * server and a worker), so migrations run under a Postgres advisory lock held
 * on a separate connection: the second process waits, then finds nothing to do.
 */
export async function openDataSource(url: string, options: { poolSize?: number } = {}): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
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
