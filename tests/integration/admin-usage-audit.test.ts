import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import type { AuditPage } from '../../protocol/audit.ts';
import type { MessageView } from '../../protocol/conversation.ts';
import type { UsageReport } from '../../protocol/usage-report.ts';
import { PostgresAuditLog } from '../../server/audit/postgres-audit-log.ts';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer } from '../support/test-server.ts';

// The admin's usage report and audit log against a real server: turns answered by a scripted model priced as
// gpt-4o-mini, sandbox runs in the real bubblewrap sandbox, audit entries in the real Postgres.
class PricedProvider extends ScriptedProvider {
  override readonly engine = { provider: 'openai' as const, model: 'gpt-4o-mini' };
}

const provider = new PricedProvider({ tokens: ['one', ' two', ' three'] });
let kiln: Awaited<ReturnType<typeof startTestServer>>;
let admin: Awaited<ReturnType<Awaited<ReturnType<typeof startTestServer>>['register']>>;
let member: typeof admin;

beforeAll(async () => {
  kiln = await startTestServer({ provider, environment: { KILN_WORKERS: 'in-process' } });
  admin = await kiln.register('admin@example.com');
  member = await kiln.register('member@example.com');
});
afterAll(async () => {
  await kiln?.stop();
});

async function send(token: string, conversationId: string, body: object) {
  const response = await kiln.api('POST', `/conversations/${conversationId}/messages`, {
    token,
    body,
    headers: { accept: 'text/event-stream' },
  });
  expect(response.status, response.text).toBe(200);
}

async function finishedRun(token: string, code: string) {
  const created = await kiln.api('POST', '/runs', { token, body: { language: 'shell', code } });
  expect(created.status, created.text).toBe(202);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { json } = await kiln.api('GET', `/runs/${created.json.runId}`, { token });
    if (!['queued', 'running'].includes(json.status)) return json.status as string;
    if (Date.now() > deadline) throw new Error(`run still ${json.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const today = () => new Date().toISOString().slice(0, 10);

describe('admin endpoints', () => {
  it('answer a member 403 and an anonymous caller 401', async () => {
    for (const path of ['/admin/usage', '/admin/audit']) {
      const asMember = await kiln.api('GET', path, { token: member.token });
      expect(asMember.status, path).toBe(403);
      expect(asMember.json.error.code).toBe('forbidden');
      expect((await kiln.api('GET', path)).status, path).toBe(401);
    }
  });
});

describe('GET /admin/usage', () => {
  it('counts tokens, cost and turns per user, day and intent, and sandbox runs with their pass rate', async () => {
    const adminConversation = await kiln.newConversation(admin.token);
    await send(admin.token, adminConversation.id, { content: 'hello there', intent: 'smalltalk' });
    await send(admin.token, adminConversation.id, { content: 'and again', intent: 'smalltalk' });
    await send(admin.token, adminConversation.id, { content: 'what is a closure?', intent: 'ask' });
    const memberConversation = await kiln.newConversation(member.token);
    await send(member.token, memberConversation.id, { content: 'hi', intent: 'smalltalk' });
    expect(await finishedRun(member.token, 'echo fine')).toBe('passed');
    expect(await finishedRun(member.token, 'exit 3')).toBe('failed');

    // What each turn itself recorded, as the conversation shows it.
    const turnsOf = async (token: string, conversationId: string) =>
      (
        (await kiln.api('GET', `/conversations/${conversationId}/messages`, { token })).json.messages as MessageView[]
      ).flatMap((message) => (message.turn ? [message.turn] : []));
    const adminTurns = await turnsOf(admin.token, adminConversation.id);
    const memberTurns = await turnsOf(member.token, memberConversation.id);
    const sum = (turns: typeof adminTurns, key: 'inputTokens' | 'outputTokens' | 'costUsd') =>
      turns.reduce((total, turn) => total + (turn.usage?.[key] ?? 0), 0);
    // Every answer came from the scripted model: 12 tokens in per request, its three tokens out.
    expect(sum([...adminTurns, ...memberTurns], 'inputTokens')).toBe(12 * provider.requests.length);
    expect(sum(adminTurns, 'outputTokens')).toBeGreaterThanOrEqual(9);

    const response = await kiln.api('GET', '/admin/usage?days=7', { token: admin.token });
    expect(response.status, response.text).toBe(200);
    const report = response.json as UsageReport;
    expect(report.window).toEqual({ days: 7, from: expect.any(String), to: today() });

    const adminRow = report.users.find((user) => user.email === 'admin@example.com')!;
    expect(adminRow).toMatchObject({
      userId: admin.user.id,
      turns: 3,
      runs: 0,
      inputTokens: sum(adminTurns, 'inputTokens'),
      outputTokens: sum(adminTurns, 'outputTokens'),
      unpricedTurns: 0,
    });
    expect(adminRow.costUsd).toBeGreaterThan(0);
    expect(adminRow.costUsd).toBeCloseTo(sum(adminTurns, 'costUsd'), 10);
    expect(report.users.find((user) => user.email === 'member@example.com')).toMatchObject({
      turns: 1,
      runs: 2,
      inputTokens: sum(memberTurns, 'inputTokens'),
    });
    expect(report.users[0]!.email).toBe('admin@example.com');
    expect(report.totals).toMatchObject({
      turns: 4,
      inputTokens: 12 * provider.requests.length,
      runs: { runs: 2, passed: 1, failed: 1, errors: 0, passRate: 0.5 },
    });

    expect(report.daily).toContainEqual(
      expect.objectContaining({ day: today(), userId: admin.user.id, turns: 3, outputTokens: adminRow.outputTokens }),
    );
    expect(report.dailyTotals).toEqual([
      expect.objectContaining({ day: today(), turns: 4, inputTokens: 12 * provider.requests.length }),
    ]);
    expect(report.intents.total).toEqual([
      { intent: 'smalltalk', turns: 3 },
      { intent: 'ask', turns: 1 },
    ]);
    expect(report.intents.daily).toEqual([
      { day: today(), intent: 'ask', turns: 1 },
      { day: today(), intent: 'smalltalk', turns: 3 },
    ]);
    expect(report.runs.daily).toEqual([{ day: today(), runs: 2, passed: 1, failed: 1, errors: 0, passRate: 0.5 }]);
  });

  it('leaves out turns before the window', async () => {
    const sql = sqlHandle(kiln.server.infrastructure.dataSource);
    await sql.query(`UPDATE turns SET started_at = now() - interval '3 days' WHERE owner_id = $1`, [member.user.id]);
    const report = (await kiln.api('GET', '/admin/usage?days=1', { token: admin.token })).json as UsageReport;
    expect(report.window).toEqual({ days: 1, from: today(), to: today() });
    expect(report.users.find((user) => user.email === 'member@example.com')).toMatchObject({ turns: 0, runs: 2 });
    expect(report.totals.turns).toBe(3);
    await sql.query(`UPDATE turns SET started_at = now() WHERE owner_id = $1`, [member.user.id]);
  });

  it.each(['0', '366', 'x', '%00'])('refuses days=%s with a 400', async (days) => {
    const response = await kiln.api('GET', `/admin/usage?days=${days}`, { token: admin.token });
    expect(response.status, response.text).toBe(400);
  });
});

describe('GET /admin/audit', () => {
  const goneUserId = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    const sql = sqlHandle(kiln.server.infrastructure.dataSource);
    const audit = new PostgresAuditLog(sql, pino({ level: 'silent' }));
    // Five entries with one timestamp: pages must split them by id without skipping or repeating any.
    await sql.query(
      `INSERT INTO audit_log (at, action, actor_id, address, detail)
       SELECT now() - interval '1 hour', 'sign-in-failed', NULL, '203.0.113.9', jsonb_build_object('n', n)
       FROM generate_series(1, 5) AS n`,
    );
    await audit.record({ action: 'sign-in', actorId: member.user.id, address: '198.51.100.7' });
    await audit.record({
      action: 'role-changed',
      actorId: admin.user.id,
      targetUserId: member.user.id,
      detail: { from: 'member', to: 'admin' },
    });
    await audit.record({ action: 'user-disabled', actorId: goneUserId, targetUserId: goneUserId });
  });

  it('lists entries newest first with the emails of the users they name (null for a user who is gone)', async () => {
    const response = await kiln.api('GET', '/admin/audit?limit=200', { token: admin.token });
    expect(response.status, response.text).toBe(200);
    const page = response.json as AuditPage;
    const ours = page.entries.filter((entry) => ['user-disabled', 'role-changed'].includes(entry.action));
    expect(ours).toEqual([
      expect.objectContaining({ action: 'user-disabled', actorEmail: null, targetEmail: null, actorId: goneUserId }),
      expect.objectContaining({
        action: 'role-changed',
        actorEmail: 'admin@example.com',
        targetEmail: 'member@example.com',
        detail: { from: 'member', to: 'admin' },
        address: null,
      }),
    ]);
    const times = page.entries.map((entry) => Date.parse(entry.at as unknown as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by action and by user', async () => {
    const signIns = (await kiln.api('GET', '/admin/audit?action=sign-in', { token: admin.token })).json as AuditPage;
    expect(signIns.entries.length).toBeGreaterThan(0);
    expect(signIns.entries.every((entry) => entry.action === 'sign-in')).toBe(true);
    expect(signIns.entries).toContainEqual(
      expect.objectContaining({ actorEmail: 'member@example.com', address: '198.51.100.7' }),
    );

    const aboutMember = (await kiln.api('GET', `/admin/audit?userId=${member.user.id}`, { token: admin.token }))
      .json as AuditPage;
    expect(aboutMember.entries.length).toBeGreaterThanOrEqual(2);
    expect(
      aboutMember.entries.every((entry) => entry.actorId === member.user.id || entry.targetUserId === member.user.id),
    ).toBe(true);
  });

  it('pages through entries sharing one timestamp without skipping or repeating any', async () => {
    const seen: number[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: string = `/admin/audit?action=sign-in-failed&limit=2${before ? `&before=${before}` : ''}`;
      const response = await kiln.api('GET', query, { token: admin.token });
      expect(response.status, response.text).toBe(200);
      const page = response.json as AuditPage;
      seen.push(...page.entries.filter((entry) => 'n' in entry.detail).map((entry) => entry.detail.n as number));
      before = page.nextBefore;
      pages += 1;
    } while (before && pages < 20);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it.each([
    ['a cursor that is no id', 'before=abc'],
    ['a cursor past bigint', `before=${'9'.repeat(30)}`],
    ['a date Postgres refuses', 'before=-271821-04-20T00%3A00%3A00.000Z'],
    ['a NUL byte', 'before=1%00'],
    ['an unknown action', 'action=reboot'],
    ['a user id that is no uuid', 'userId=admin'],
    ['a limit of 0', 'limit=0'],
  ])('refuses %s with a 400', async (_, query) => {
    const response = await kiln.api('GET', `/admin/audit?${query}`, { token: admin.token });
    expect(response.status, response.text).toBe(400);
    expect(response.json.error.code).toBe('invalid_request');
  });

  it('answers an empty page for a well-formed cursor naming no entry', async () => {
    const response = await kiln.api('GET', '/admin/audit?before=999999999999', { token: admin.token });
    expect(response.json).toEqual({ entries: [], nextBefore: null });
  });
});
