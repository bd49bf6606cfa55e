import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKilnInfrastructure, type KilnInfrastructure } from '../../server/kiln-infrastructure.ts';
import { isProcessAlive } from '../../platform/infrastructure/process-identity.ts';
import { evaluateReadiness } from '../../platform/infrastructure/readiness.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';
import { kilnSchema } from '../../server/persistence/kiln-schema.ts';

const log = pino({ level: 'silent' });
const alive = (pid: number | undefined) => pid !== undefined && isProcessAlive({ pid, startTime: undefined });

describe('embedded infrastructure (real Postgres and Chroma)', () => {
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let infrastructure: KilnInfrastructure;
  const config = () => ({ dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined });

  beforeAll(async () => {
    dataDir = await temporaryDirectory('kiln-infra');
    infrastructure = await startKilnInfrastructure(config(), log);
  });

  afterAll(async () => {
    await infrastructure?.stop();
    await dataDir.remove();
  });

  it('starts Postgres and Chroma under the data dir and reports them ready', async () => {
    expect(infrastructure.summary).toMatchObject({
      postgres: { embedded: true, startedHere: true },
      chroma: { embedded: true, startedHere: true },
      graph: 'postgres',
    });
    const report = await evaluateReadiness(infrastructure.readinessChecks);
    expect(report.ready).toBe(true);
    expect(report.checks.postgres?.detail).toMatch(/^PostgreSQL 17\.\d+ \(embedded\)$/);
    expect(report.checks.chroma?.detail).toMatch(/^Chroma \d+\.\d+\.\d+ at http:\/\/127\.0\.0\.1:\d+$/);
    expect(report.checks.graph).toEqual({ ok: true, detail: 'graph in Postgres tables' });
    const pidFile = await readFile(path.join(dataDir.path, 'postgres', 'postmaster.pid'), 'utf8');
    expect(Number(pidFile.split('\n')[0])).toBe(infrastructure.summary.postgres.pid);
  });

  it('migrates the schema, with owner columns and the indexes that serve the hot queries', async () => {
    const query = (sql: string) => infrastructure.dataSource.query(sql) as Promise<Record<string, string>[]>;
    const applied = await query('SELECT name FROM schema_migrations ORDER BY id');
    // Every migration, in order of its timestamp, and nothing else.
    expect(applied.map((row) => row.name)).toEqual(kilnSchema.migrations.map((migration) => new migration().name));
    expect(applied[0]!.name).toBe('InitialSchema1795300000000');
    const ownerColumns = await query(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'owner_id' ORDER BY table_name`,
    );
    expect(ownerColumns.map((row) => row.table_name)).toEqual([
      'conversations',
      'export_archives',
      'message_feedback',
      'messages',
      'runs',
      'session_approvals',
      'turns',
    ]);

    // With sequential scans ruled out, the planner must find an index that fits each query's order.
    await query('SET enable_seqscan = off');
    const latestConversations = await query(`EXPLAIN SELECT id FROM conversations
      WHERE owner_id = '00000000-0000-0000-0000-000000000001' ORDER BY updated_at DESC, id DESC LIMIT 20`);
    expect(JSON.stringify(latestConversations)).toContain('conversations_owner_latest');
    const messagePage =
      await query(`EXPLAIN SELECT id FROM messages WHERE conversation_id = '00000000-0000-0000-0000-000000000001'
      AND (created_at, id) < ('2026-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000002') ORDER BY created_at DESC, id DESC LIMIT 50`);
    expect(JSON.stringify(messagePage)).toContain('messages_conversation_page');
    expect(JSON.stringify(messagePage)).not.toContain('Sort');
    // A user's waiting runs, oldest first: what dispatching reads.
    const waitingRuns = await query(`EXPLAIN SELECT id FROM runs WHERE owner_id = '00000000-0000-0000-0000-000000000001'
      AND status = 'queued' AND dispatched_at IS NULL ORDER BY created_at, id LIMIT 2`);
    expect(JSON.stringify(waitingRuns)).toContain('runs_owner_unfinished');
    await query('RESET enable_seqscan');
  });

  it('has every entity column in the migrated schema, with the same type and nullability (entities and migrations agree)', async () => {
    const columns = (await infrastructure.dataSource.query(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    )) as { table_name: string; column_name: string; udt_name: string; is_nullable: string }[];
    const typeNames: Record<string, string> = {
      uuid: 'uuid',
      text: 'text',
      timestamptz: 'timestamptz',
      jsonb: 'jsonb',
    };
    for (const entity of infrastructure.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const found = columns.find(
          (row) => row.table_name === entity.tableName && row.column_name === column.databaseName,
        );
        expect(found, `${entity.tableName}.${column.databaseName}`).toBeDefined();
        expect(found!.udt_name, `${entity.tableName}.${column.databaseName} type`).toBe(typeNames[String(column.type)]);
        expect(found!.is_nullable === 'YES', `${entity.tableName}.${column.databaseName} nullable`).toBe(
          column.isNullable,
        );
      }
    }
    expect(infrastructure.dataSource.entityMetadatas.map((entity) => entity.tableName).sort()).toEqual([
      'auth_sessions',
      'conversations',
      'messages',
      'turns',
      'users',
    ]);
  });

  it('stores and finds vectors in the real Chroma server', async () => {
    const collection = await infrastructure.chroma.getOrCreateCollection({ name: 'probe', embeddingFunction: null });
    await collection.upsert({
      ids: ['debounce', 'retry'],
      embeddings: [
        [1, 0, 0],
        [0, 1, 0],
      ],
      documents: ['debounce a function', 'retry with backoff'],
    });
    const result = await collection.query({ queryEmbeddings: [[0.1, 0.9, 0]], nResults: 1 });
    expect(result.ids).toEqual([['retry']]);
  });

  it('stops both servers when the last process leaves, and keeps the data for the next start', async () => {
    await infrastructure.dataSource.query(
      `INSERT INTO users (email, password_hash, role) VALUES ('ada@example.com', 'x', 'admin')`,
    );
    const { postgres, chroma } = infrastructure.summary;
    await infrastructure.stop();
    expect(alive(postgres.pid)).toBe(false);
    expect(alive(chroma.pid)).toBe(false);

    infrastructure = await startKilnInfrastructure(config(), log);
    expect(infrastructure.summary.postgres).toMatchObject({ startedHere: true, port: postgres.port });
    const users = await infrastructure.dataSource.query(`SELECT email FROM users`);
    expect(users).toEqual([{ email: 'ada@example.com' }]);
    const collection = await infrastructure.chroma.getCollection({ name: 'probe' });
    expect(await collection.count()).toBe(2);
  });

  it('recovers by itself when both servers were killed and the pid file points at an unrelated live process', async () => {
    const { postgres, chroma } = infrastructure.summary;
    await infrastructure.dataSource.destroy();
    process.kill(chroma.pid!, 'SIGKILL');
    process.kill(postgres.pid!, 'SIGKILL');
    await waitUntil(() => !alive(postgres.pid) && !alive(chroma.pid));
    // A pid the kernel reused for another program (here: this test process) must not be mistaken for Postgres.
    const pidFile = path.join(dataDir.path, 'postgres', 'postmaster.pid');
    const lines = (await readFile(pidFile, 'utf8')).split('\n');
    lines[0] = String(process.pid);
    await writeFile(pidFile, lines.join('\n'));

    infrastructure = await startKilnInfrastructure(config(), log);
    expect(infrastructure.summary.postgres.startedHere).toBe(true);
    expect(await infrastructure.dataSource.query(`SELECT email FROM users`)).toEqual([{ email: 'ada@example.com' }]);
    expect((await evaluateReadiness(infrastructure.readinessChecks)).ready).toBe(true);
  });
});

describe.runIf(process.getuid?.() === 0)('embedded Postgres as root', () => {
  it('runs the cluster as the postgres user, outside a data dir that user cannot reach, and says where', async () => {
    const dataDir = await temporaryDirectory('kiln-private', 0o700);
    const infrastructure = await startKilnInfrastructure(
      { dataDir: dataDir.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
      log,
    );
    try {
      const note = await readFile(path.join(dataDir.path, 'postgres-location.txt'), 'utf8');
      const location = /lives in (\S+):/.exec(note)?.[1];
      expect(location).toMatch(/^\/var\/lib\/kiln\/[0-9a-f]{16}\/postgres$/);
      const [row] = await infrastructure.dataSource.query(`SELECT current_setting('data_directory') AS directory`);
      expect(row.directory).toBe(location);
      expect(await infrastructure.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await infrastructure.stop();
      const note = await readFile(path.join(dataDir.path, 'postgres-location.txt'), 'utf8').catch(() => '');
      const location = /lives in (\S+):/.exec(note)?.[1];
      if (location) await rm(path.dirname(location), { recursive: true, force: true });
      await dataDir.remove();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
