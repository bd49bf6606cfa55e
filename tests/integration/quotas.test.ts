import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer, turnEnded } from '../support/test-server.ts';

// Per-user quotas (KILN_QUOTA_*): each is a 429 with Retry-After naming the limit, refuses the request whole, and
// touches no other user.

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  provider.tokens = numberedTokens(3);
  provider.delayMs = 0;
  kiln = await startTestServer({
    provider,
    environment: {
      KILN_QUOTA_REQUESTS_PER_MINUTE: '8',
      KILN_QUOTA_CONCURRENT_TURNS: '1',
      KILN_QUOTA_TOKENS_PER_DAY: '40',
      KILN_QUOTA_RUNS_PER_HOUR: '1',
    },
  });
});
afterAll(async () => {
  await kiln?.stop();
});

function expectRateLimited(response: { status: number; json: any; headers: Headers }, variable: string) {
  expect(response.status).toBe(429);
  expect(response.json.error.code).toBe('rate_limited');
  expect(response.json.error.message).toContain(variable);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  return retryAfter;
}

describe('per-user quotas', () => {
  it('requests per minute: the next request is a 429 with Retry-After, REST and socket alike; others are untouched', async () => {
    const { token } = await kiln.register();
    const other = await kiln.register();
    const socket = await kiln.socket(token);
    for (let request = 0; request < 8; request += 1) {
      expect((await kiln.api('GET', '/conversations', { token })).status).toBe(200);
    }
    const refused = await kiln.api('GET', '/conversations', { token });
    expect(expectRateLimited(refused, 'KILN_QUOTA_REQUESTS_PER_MINUTE')).toBeLessThanOrEqual(60);
    const ack = await socket.request('conversation:join', { conversationId: '00000000-0000-4000-8000-000000000000' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await kiln.api('GET', '/conversations', { token: other.token })).status).toBe(200);
  });

  it('concurrent turns: a second answer while one is being written is refused, and its message is not stored', async () => {
    const { token } = await kiln.register();
    const first = await kiln.newConversation(token);
    const second = await kiln.newConversation(token);
    provider.delayMs = 150;
    try {
      const socket = await kiln.socket(token);
      await socket.request('conversation:join', { conversationId: first.id });
      const running = await kiln.api('POST', `/conversations/${first.id}/messages`, {
        token,
        body: { content: 'hello there' },
      });
      expect(running.status).toBe(202);
      const refused = await kiln.api('POST', `/conversations/${second.id}/messages`, {
        token,
        body: { content: 'and another thing' },
      });
      expectRateLimited(refused, 'KILN_QUOTA_CONCURRENT_TURNS');
      expect((await kiln.api('GET', `/conversations/${second.id}/messages`, { token })).json.messages).toEqual([]);
      await socket.until(turnEnded(running.json.turnId));
    } finally {
      provider.delayMs = 0;
    }
  });

  it("tokens per day: once today's tokens are spent the next turn is refused until midnight UTC", async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const socket = await kiln.socket(token);
    await socket.request('conversation:join', { conversationId: conversation.id });
    // Each scripted answer uses 12 input + 3 output tokens: 45 after three, over the quota of 40.
    for (let turn = 0; turn < 3; turn += 1) {
      const sent = await socket.request('message:send', { conversationId: conversation.id, content: `hello ${turn}` });
      expect(sent.ok, JSON.stringify(sent)).toBe(true);
      await socket.until(turnEnded(sent.turnId));
    }
    const refused = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'one more' },
    });
    const retryAfter = expectRateLimited(refused, 'KILN_QUOTA_TOKENS_PER_DAY');
    expect(retryAfter).toBeLessThanOrEqual(24 * 60 * 60);
    const other = await kiln.register();
    const theirs = await kiln.newConversation(other.token);
    const allowed = await kiln.api('POST', `/conversations/${theirs.id}/messages`, {
      token: other.token,
      body: { content: 'hello' },
    });
    expect(allowed.status).toBe(202);
  });

  it('sandbox runs per hour: the next run is refused with the time until the oldest leaves the hour', async () => {
    const { token } = await kiln.register();
    const run = { language: 'python', code: 'print(1)' };
    const first = await kiln.api('POST', '/runs', { token, body: run });
    expect(first.status, first.text).toBe(202);
    const refused = await kiln.api('POST', '/runs', { token, body: run });
    const retryAfter = expectRateLimited(refused, 'KILN_QUOTA_RUNS_PER_HOUR');
    expect(retryAfter).toBeGreaterThan(3_500);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
  });
});
