import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { io as connectSocketIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

// Scoped API keys (issue 17): created once and shown once, scoped on REST, Socket.IO, the raw WebSocket and /mcp,
// revoked or expired → 401 at once (open sockets included), and never a way into another user's data.

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  provider.tokens = numberedTokens(3);
  provider.delayMs = 0;
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  await kiln?.stop();
});

async function createKey(token: string, body: Record<string, unknown>) {
  const response = await kiln.api('POST', '/api-keys', { token, body });
  expect(response.status, response.text).toBe(201);
  return response.json as { key: { id: string; prefix: string; scopes: string[] }; secret: string };
}

/** A Socket.IO connection attempt: connected, or the error the server refused it with. */
async function socketWith(token: string) {
  const client = connectSocketIo(kiln.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  const outcome = await new Promise<{ connected: true } | { connected: false; error: any }>((resolve) => {
    client.once('connect', () => resolve({ connected: true }));
    client.once('connect_error', (error: any) => resolve({ connected: false, error }));
  });
  return { client, outcome };
}

function rawSocket(token: string) {
  const socket = new WebSocket(`${kiln.url.replace('http', 'ws')}/api/v1/ws`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const frames: any[] = [];
  const closed: { code?: number } = {};
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  socket.on('close', (code) => (closed.code = code));
  socket.on('error', () => {});
  return { socket, frames, closed };
}

async function mcpTools(token: string) {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${kiln.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  const { tools } = await client.listTools();
  await client.close();
  return tools.map((tool) => tool.name).sort();
}

describe('API keys', () => {
  it('are shown once at creation, listed by prefix only, and work in place of a session', async () => {
    const { token } = await kiln.register();
    const created = await createKey(token, { name: 'CI bot', scopes: ['chat', 'patterns:read'] });
    expect(created.secret).toMatch(/^kiln_key_[\w-]{43}$/);
    expect(created.secret.startsWith(created.key.prefix)).toBe(true);

    const listed = await kiln.api('GET', '/api-keys', { token });
    expect(listed.json.keys).toEqual([
      expect.objectContaining({
        id: created.key.id,
        name: 'CI bot',
        scopes: ['chat', 'patterns:read'],
        revokedAt: null,
      }),
    ]);
    expect(listed.text).not.toContain(created.secret);
    const stored = await kiln.server.infrastructure.dataSource.query(`SELECT token_hash FROM api_keys WHERE id = $1`, [
      created.key.id,
    ]);
    expect(stored[0].token_hash).not.toContain(created.secret.slice(9));

    const conversation = await kiln.api('POST', '/conversations', { token: created.secret, body: { title: 'by key' } });
    expect(conversation.status).toBe(201);
    expect((await kiln.api('GET', '/conversations', { token })).json.conversations.map((c: any) => c.title)).toContain(
      'by key',
    );
    expect((await kiln.api('GET', '/patterns/search?q=debounce', { token: created.secret })).status).toBe(200);
    // Used just now: the owner sees when.
    const after = await kiln.api('GET', '/api-keys', { token });
    expect(after.json.keys[0].lastUsedAt).not.toBeNull();
  });

  it('answer 403 naming the missing scope, on REST, Socket.IO, the raw WebSocket and /mcp', async () => {
    const { token } = await kiln.register();
    const patternsOnly = await createKey(token, { name: 'search only', scopes: ['patterns:read'] });
    const runsOnly = await createKey(token, { name: 'runs only', scopes: ['runs'] });

    const chat = await kiln.api('GET', '/conversations', { token: patternsOnly.secret });
    expect(chat.status).toBe(403);
    expect(chat.json.error.message).toContain('"chat" scope');
    const patterns = await kiln.api('GET', '/patterns/search?q=debounce', { token: runsOnly.secret });
    expect(patterns.status).toBe(403);
    expect(patterns.json.error.message).toContain('"patterns:read" scope');
    const run = await kiln.api('POST', '/runs', {
      token: patternsOnly.secret,
      body: { language: 'python', code: '1' },
    });
    expect(run.status).toBe(403);
    expect(run.json.error.message).toContain('"runs" scope');
    // Managing keys needs a signed-in session (or the admin scope): a leaked key cannot mint a wider one.
    const mint = await kiln.api('POST', '/api-keys', {
      token: patternsOnly.secret,
      body: { name: 'wider', scopes: ['chat'] },
    });
    expect(mint.status).toBe(403);
    expect(mint.json.error.message).toContain('"admin" scope');

    const { client, outcome } = await socketWith(patternsOnly.secret);
    client.close();
    expect(outcome.connected).toBe(false);
    expect((outcome as any).error.message).toContain('"chat" scope');

    const raw = rawSocket(patternsOnly.secret);
    await waitFor(() => raw.frames.some((frame) => frame.type === 'error') || raw.closed.code !== undefined);
    expect(JSON.stringify(raw.frames)).toContain('"chat\\" scope');
    expect(raw.frames.some((frame) => frame.type === 'authenticated')).toBe(false);
    raw.socket.terminate();

    expect(await mcpTools(patternsOnly.secret)).toEqual(['search_patterns']);
    const mcp = await fetch(`${kiln.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${runsOnly.secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mcp.status).toBe(403);
  });

  it('revoked: 401 at once everywhere, and the key’s open Socket.IO and raw WebSocket connections end', async () => {
    const { token } = await kiln.register();
    const { key, secret } = await createKey(token, { name: 'to revoke', scopes: ['chat', 'patterns:read'] });
    const { client, outcome } = await socketWith(secret);
    expect(outcome.connected).toBe(true);
    let disconnected = false;
    client.on('disconnect', () => (disconnected = true));
    const raw = rawSocket(secret);
    await waitFor(() => raw.frames.some((frame) => frame.type === 'authenticated'));
    expect(await mcpTools(secret)).toEqual(['ask', 'search_patterns']);

    const revoked = await kiln.api('DELETE', `/api-keys/${key.id}`, { token });
    expect(revoked.status).toBe(200);
    expect(revoked.json.key.revokedAt).not.toBeNull();

    await waitFor(() => disconnected && raw.closed.code !== undefined, 2_000);
    expect(raw.closed.code).toBe(4001);
    const rest = await kiln.api('GET', '/conversations', { token: secret });
    expect(rest.status).toBe(401);
    expect(rest.json.error.message).toMatch(/revoked/);
    const mcp = await fetch(`${kiln.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mcp.status).toBe(401);
    expect((await socketWith(secret)).outcome.connected).toBe(false);
    client.close();
  });

  it('expired: 401 saying so', async () => {
    const { token } = await kiln.register();
    const { key, secret } = await createKey(token, {
      name: 'short-lived',
      scopes: ['chat'],
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await kiln.api('GET', '/conversations', { token: secret })).status).toBe(200);
    await kiln.server.infrastructure.dataSource.query(
      `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [key.id],
    );
    const expired = await kiln.api('GET', '/conversations', { token: secret });
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toMatch(/expired/);
  });

  it('reach only their own user’s data, on every route and socket, and only their owner lists or revokes them', async () => {
    const alice = await kiln.register();
    const bob = await kiln.register();
    const aliceKey = await createKey(alice.token, { name: 'alice', scopes: ['chat', 'patterns:read', 'runs'] });
    const bobConversation = await kiln.newConversation(bob.token, 'bob only');
    const bobSocket = await kiln.socket(bob.token);
    await bobSocket.request('conversation:join', { conversationId: bobConversation.id });
    const sent = await bobSocket.request('message:send', {
      conversationId: bobConversation.id,
      content: 'secret plan',
    });
    expect(sent.ok).toBe(true);
    await bobSocket.until((events) => events.some((event) => event.type === 'turn.end'));
    const bobRun = await kiln.api('POST', '/runs', {
      token: bob.token,
      body: { language: 'python', code: 'print(1)' },
    });
    const c = `/conversations/${bobConversation.id}`;
    const m = `${c}/messages/${sent.assistantMessageId}`;
    const attempts: [string, string, unknown?][] = [
      ['GET', c],
      ['PATCH', c, { title: 'mine now' }],
      ['DELETE', c],
      ['GET', `${c}/messages`],
      ['POST', `${c}/messages`, { content: 'hello' }],
      ['POST', `${m}/regenerate`, {}],
      ['POST', `${c}/branch`, { messageId: sent.assistantMessageId }],
      ['PUT', `${m}/feedback`, { rating: 'down' }],
      ['POST', `${m}/approval`, { decision: 'approve' }],
      ['GET', `/turns/${sent.turnId}/events`],
      ['POST', `/turns/${sent.turnId}/stop`],
      ...(bobRun.status === 202 ? ([['GET', `/runs/${bobRun.json.runId}`]] as [string, string][]) : []),
    ];
    for (const [method, path, body] of attempts) {
      const response = await kiln.api(method, path, { token: aliceKey.secret, body });
      expect(response.status, `${method} ${path}: ${response.text}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${method} ${path}`).toBeLessThan(500);
      expect(response.text, `${method} ${path}`).not.toContain('secret plan');
    }
    expect(
      (await kiln.api('GET', '/conversations', { token: aliceKey.secret })).json.conversations.map((c: any) => c.id),
    ).not.toContain(bobConversation.id);
    const bobMessages = await kiln.api('GET', `${c}/messages`, { token: bob.token });
    expect(bobMessages.json.messages.map((message: any) => message.content)[0]).toBe('secret plan');
    expect((await kiln.api('GET', c, { token: bob.token })).json.title).toBe('bob only');

    const aliceSocket = await kiln.socket(aliceKey.secret);
    const join = await aliceSocket.request('conversation:join', { conversationId: bobConversation.id });
    expect(join.ok).toBe(false);
    const send = await aliceSocket.request('message:send', { conversationId: bobConversation.id, content: 'x' });
    expect(send.ok).toBe(false);
    const resume = await aliceSocket.request('turn:resume', { turnId: sent.turnId, afterSeq: 0 });
    expect(JSON.stringify(resume)).not.toContain('secret plan');
    expect(aliceSocket.events).toEqual([]);

    const raw = rawSocket(aliceKey.secret);
    await waitFor(() => raw.frames.some((frame) => frame.type === 'authenticated'));
    raw.socket.send(
      JSON.stringify({ type: 'message.send', requestId: 'r1', conversationId: bobConversation.id, content: 'x' }),
    );
    await waitFor(() => raw.frames.some((frame) => frame.requestId === 'r1'));
    expect(raw.frames.find((frame) => frame.requestId === 'r1').type).toBe('error');
    expect(JSON.stringify(raw.frames)).not.toContain('secret plan');
    raw.socket.terminate();

    expect((await kiln.api('GET', '/api-keys', { token: bob.token })).json.keys).toEqual([]);
    expect((await kiln.api('DELETE', `/api-keys/${aliceKey.key.id}`, { token: bob.token })).status).toBe(404);
    expect((await kiln.api('GET', '/conversations', { token: aliceKey.secret })).status).toBe(200);
  });

  it('refuse bad requests with a 400 naming the field, and a member asking for the admin scope with a 403', async () => {
    await kiln.register(); // not the first account: a member
    const member = await kiln.register();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: '', scopes: ['chat'] }, /name/],
      [{ name: 'x', scopes: [] }, /scopes/],
      [{ name: 'x', scopes: ['everything'] }, /scopes/],
      [{ name: 'x\u0000y', scopes: ['chat'] }, /NUL/],
      [{ name: 'x', scopes: ['chat'], expiresAt: 'tomorrow' }, /expiresAt/],
      [{ name: 'x', scopes: ['chat'], expiresAt: '2001-01-01T00:00:00Z' }, /future/],
    ];
    for (const [body, problem] of cases) {
      const response = await kiln.api('POST', '/api-keys', { token: member.token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.error.message).toMatch(problem);
    }
    const admin = await kiln.api('POST', '/api-keys', {
      token: member.token,
      body: { name: 'x', scopes: ['admin'] },
    });
    expect(admin.status).toBe(403);
    expect((await kiln.api('GET', '/api-keys', { token: member.token })).json.keys).toEqual([]);
    expect((await kiln.api('DELETE', '/api-keys/not-a-uuid', { token: member.token })).status).toBe(404);
  });

  it('leave an audit trail with sign-ins, failed sign-ins, sign-outs and keys created and revoked, never a secret', async () => {
    const { user } = await kiln.register();
    const login = (password: string) => kiln.api('POST', '/auth/login', { body: { email: user.email, password } });
    expect((await login('not the password')).status).toBe(401);
    const signedIn = await login('correct horse battery');
    expect(signedIn.status).toBe(200);
    const { key, secret } = await createKey(signedIn.json.token, { name: 'audited', scopes: ['chat'] });
    await kiln.api('DELETE', `/api-keys/${key.id}`, { token: signedIn.json.token });
    await kiln.api('POST', '/auth/logout', { token: signedIn.json.token });

    const rows = (await kiln.server.infrastructure.dataSource.query(
      `SELECT action, actor_id, detail FROM audit_log WHERE actor_id = $1 OR detail->>'email' = $2 ORDER BY id`,
      [user.id, user.email],
    )) as { action: string; actor_id: string | null; detail: Record<string, unknown> }[];
    expect(rows.map((row) => row.action)).toEqual([
      'sign-up',
      'sign-in-failed',
      'sign-in',
      'api-key-created',
      'api-key-revoked',
      'sign-out',
    ]);
    expect(rows[1]).toMatchObject({ actor_id: null, detail: { email: user.email, reason: 'unauthenticated' } });
    const logged = JSON.stringify(rows);
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain('correct horse battery');
    expect(logged).not.toContain('not the password');
  });
});
