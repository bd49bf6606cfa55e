import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import type { Sql } from '../../platform/database/sql-query.ts';
import { PostgresRequestCounter } from '../../server/quotas/postgres-request-counter.ts';
import { postgresQuotaSources } from '../../server/quotas/user-quotas.ts';
import { startTestServer } from '../support/test-server.ts';

// Two servers' quota counters on one Postgres (the test server's), as two Kiln instances hold them.
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let sql: Sql;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  kiln = await startTestServer();
  sql = sqlHandle(kiln.server.infrastructure!.dataSource);
}, 120_000);

afterAll(async () => {
  await kiln?.stop();
});

describe('requests per minute across two servers', () => {
  it('refuses a user over the limit on one server once the other server’s requests are shared', async () => {
    const { user } = await kiln.register();
    const first = new PostgresRequestCounter(sql, log, 60_000);
    const second = new PostgresRequestCounter(sql, log, 60_000);
    const now = Date.now();
    for (let index = 0; index < 4; index += 1) expect(first.admit(user.id, 6, now)).toBe(0);
    for (let index = 0; index < 2; index += 1) expect(second.admit(user.id, 6, now)).toBe(0);
    // Neither has heard of the other yet: the first would admit two more.
    await first.flush();
    await second.flush();
    await first.flush();
    // After each has flushed since the other's requests, each sees all six: the seventh is refused on either, with the time until the window frees.
    const waitMs = first.admit(user.id, 6, now);
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(70_000);
    expect(second.admit(user.id, 6, now)).toBeGreaterThan(0);
    // Another user is not affected, and a minute later the window has moved on.
    const { user: other } = await kiln.register();
    expect(second.admit(other.id, 6, now)).toBe(0);
    expect(first.admit(user.id, 6, now + 71_000)).toBe(0);
  });

  it('keeps counts it could not share, and shares them at the next flush', async () => {
    const { user } = await kiln.register();
    const broken = new PostgresRequestCounter(
      { query: () => Promise.reject(new Error('connection lost')), transaction: () => Promise.reject(new Error('no')) },
      log,
      60_000,
    );
    const now = Date.now();
    for (let index = 0; index < 3; index += 1) expect(broken.admit(user.id, 3, now)).toBe(0);
    await broken.flush();
    expect(broken.admit(user.id, 3, now)).toBeGreaterThan(0);
  });
});

describe('concurrent turns across two servers', () => {
  it('counts a user’s running turns in Postgres, wherever they run, when servers share the database', async () => {
    const { token, user } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    // A live server's turn (its lease fresh), which this server's sweep leaves alone.
    await sql.query(`INSERT INTO kiln_instances (id) VALUES ('another server') ON CONFLICT DO NOTHING`);
    await sql.query(
      `WITH question AS (
         INSERT INTO messages (conversation_id, owner_id, role, content, status) VALUES ($1, $2, 'user', 'q', 'complete')
         RETURNING id
       ), answer AS (
         INSERT INTO messages (conversation_id, owner_id, parent_id, role, content, status)
         SELECT $1, $2, id, 'assistant', '', 'streaming' FROM question RETURNING id, parent_id
       )
       INSERT INTO turns (id, conversation_id, owner_id, user_message_id, assistant_message_id, status, engine, runner)
       SELECT gen_random_uuid(), $1, $2, parent_id, id, 'running', '{}'::jsonb, 'another server' FROM answer`,
      [conversation.id, user.id],
    );
    const shared = postgresQuotaSources(sql, () => 0, { shared: true, limit: 2 });
    const alone = postgresQuotaSources(sql, () => 0, { shared: false, limit: 2 });
    expect(await shared.runningTurns(user.id)).toBe(1);
    expect(await alone.runningTurns(user.id)).toBe(0);
  });
});
