import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { LlmError } from '../../server/llm/llm-error.ts';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { parseSse } from '../support/parse-sse.ts';
import { startTestServer, textOf } from '../support/test-server.ts';

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  await kiln?.stop();
});

async function sendAndWait(token: string, conversationId: string, body: object) {
  const response = await kiln.api('POST', `/conversations/${conversationId}/messages`, {
    token,
    body,
    headers: { accept: 'text/event-stream' },
  });
  expect(response.status).toBe(200);
  return parseSse<TurnEvent>(response.text);
}

describe('accounts', () => {
  it('registers (first user admin), logs in, identifies, and logs out', async () => {
    const first = await kiln.register('Admin@Example.com');
    expect(first.user).toMatchObject({ email: 'admin@example.com', role: 'admin' });
    const second = await kiln.register('member@example.com');
    expect(second.user.role).toBe('member');

    const duplicate = await kiln.api('POST', '/auth/register', {
      body: { email: 'ADMIN@example.com', password: 'another password' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe('email_taken');

    const weak = await kiln.api('POST', '/auth/register', { body: { email: 'x@example.com', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.details).toEqual([{ field: 'password', message: 'must be at least 8 characters' }]);

    expect(
      (await kiln.api('POST', '/auth/login', { body: { email: 'admin@example.com', password: 'wrong password' } }))
        .status,
    ).toBe(401);
    const login = await kiln.api('POST', '/auth/login', {
      body: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    expect(login.status).toBe(200);
    const me = await kiln.api('GET', '/auth/me', { token: login.json.token });
    expect(me.json.user.email).toBe('admin@example.com');

    expect((await kiln.api('POST', '/auth/logout', { token: login.json.token })).status).toBe(204);
    expect((await kiln.api('GET', '/auth/me', { token: login.json.token })).status).toBe(401);
    expect((await kiln.api('GET', '/conversations')).status).toBe(401);
  });
});

describe('conversations', () => {
  it('creates, lists newest first with cursor pages, searches, renames and deletes', async () => {
    const { token } = await kiln.register();
    const created = [];
    for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'])
      created.push((await kiln.api('POST', '/conversations', { token, body: { title } })).json);
    const firstPage = await kiln.api('GET', '/conversations?limit=2', { token });
    expect(firstPage.json.conversations.map((conversation: { title: string }) => conversation.title)).toEqual([
      'Epsilon',
      'Delta',
    ]);
    const secondPage = await kiln.api('GET', `/conversations?limit=2&cursor=${firstPage.json.nextCursor}`, { token });
    expect(secondPage.json.conversations.map((conversation: { title: string }) => conversation.title)).toEqual([
      'Gamma',
      'Beta',
    ]);
    const lastPage = await kiln.api('GET', `/conversations?limit=2&cursor=${secondPage.json.nextCursor}`, { token });
    expect(lastPage.json).toMatchObject({ conversations: [{ title: 'Alpha' }], nextCursor: null });
    expect(
      (await kiln.api('GET', '/conversations?q=lph', { token })).json.conversations.map(
        (c: { title: string }) => c.title,
      ),
    ).toEqual(['Alpha']);
    expect((await kiln.api('GET', '/conversations?cursor=garbage', { token })).status).toBe(400);

    const renamed = await kiln.api('PATCH', `/conversations/${created[0].id}`, { token, body: { title: 'Renamed' } });
    expect(renamed.json.title).toBe('Renamed');
    expect((await kiln.api('PATCH', `/conversations/${created[0].id}`, { token, body: { title: '' } })).status).toBe(
      400,
    );
    expect((await kiln.api('DELETE', `/conversations/${created[1].id}`, { token })).status).toBe(204);
    expect((await kiln.api('GET', `/conversations/${created[1].id}`, { token })).status).toBe(404);
    expect((await kiln.api('GET', '/conversations/not-a-uuid', { token })).status).toBe(404);
  });

  it('names a new conversation after its first message, then lets the model write a better title', async () => {
    provider.tokens = ['ok'];
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    expect(conversation.title).toBe('New chat');
    const tab = await kiln.socket(token);
    const updates: { id: string; title: string }[] = [];
    tab.client.on('conversation:updated', (update: { id: string; title: string }) => updates.push(update));
    await sendAndWait(token, conversation.id, { content: 'How do I debounce a function in TypeScript?' });
    await expect
      .poll(() => updates)
      .toEqual([
        { id: conversation.id, title: 'How do I debounce a function in TypeScript?' },
        { id: conversation.id, title: 'Scripted Title' },
      ]);
    expect((await kiln.api('GET', `/conversations/${conversation.id}`, { token })).json.title).toBe('Scripted Title');
  });

  it('never overrides a title the user gave', async () => {
    provider.tokens = ['ok'];
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token, 'My own title');
    await sendAndWait(token, conversation.id, { content: 'Anything' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await kiln.api('GET', `/conversations/${conversation.id}`, { token })).json.title).toBe('My own title');
  });
});

describe('messages', () => {
  it('streams a turn as SSE, and resumes it from Last-Event-ID', async () => {
    provider.tokens = numberedTokens(30);
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const events = await sendAndWait(token, conversation.id, { content: 'Stream it' });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
    expect(textOf(events)).toBe(numberedTokens(30).join(''));

    const resumed = await kiln.api('GET', `/turns/${events[0]!.turnId}/events`, {
      token,
      headers: { 'last-event-id': '2' },
    });
    expect(parseSse<TurnEvent>(resumed.text)).toEqual(events.slice(2));

    // Resuming after the final event, or from an id the turn never reached, ends at once instead of hanging.
    for (const lastEventId of [String(events.at(-1)!.seq), '9007199254740993']) {
      const after = await kiln.api('GET', `/turns/${events[0]!.turnId}/events`, {
        token,
        headers: { 'last-event-id': lastEventId },
      });
      expect(after.status).toBe(200);
      expect(parseSse<TurnEvent>(after.text)).toEqual([]);
    }
  });

  it('answers 202 without an event-stream Accept, the turn still running to completion', async () => {
    provider.tokens = ['done'];
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const accepted = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'hi' },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({
      turnId: expect.any(String),
      userMessageId: expect.any(String),
      assistantMessageId: expect.any(String),
    });
    await expect
      .poll(async () =>
        (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages.at(-1),
      )
      .toMatchObject({ id: accepted.json.assistantMessageId, content: 'done', status: 'complete' });
  });

  it('rejects bad input with a clear 400 and stores nothing', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const path = `/conversations/${conversation.id}/messages`;
    const notJson = await kiln.api('POST', path, {
      token,
      body: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.message).toBe('The request body is not valid JSON.');
    const tooLong = await kiln.api('POST', path, { token, body: { content: 'y'.repeat(32_001) } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.details).toEqual([{ field: 'content', message: 'must be at most 32,000 characters' }]);
    const badParent = await kiln.api('POST', path, {
      token,
      body: { content: 'hi', parentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(badParent.status).toBe(400);
    expect((await kiln.api('GET', path, { token })).json.messages).toEqual([]);
  });

  it('pages a long conversation from the newest message back, with no overlap and nothing missed', async () => {
    provider.tokens = ['a'];
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    for (let index = 0; index < 12; index += 1)
      await sendAndWait(token, conversation.id, { content: `question ${index}` });
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: string = before ? `?limit=5&before=${before}` : '?limit=5';
      const page = await kiln.api('GET', `/conversations/${conversation.id}/messages${query}`, { token });
      seen.unshift(
        ...page.json.messages.map((message: { content: string; role: string }) => `${message.role}:${message.content}`),
      );
      before = page.json.nextBefore;
      pages += 1;
    } while (before);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, index) => [`user:question ${index}`, 'assistant:a']).flat());
  });

  it('edits into a new branch and regenerates beside the old answer, with sibling navigation', async () => {
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    provider.tokens = ['first answer'];
    const first = await sendAndWait(token, conversation.id, { content: 'one' });
    provider.tokens = ['second answer'];
    await sendAndWait(token, conversation.id, { content: 'two' });
    const firstAnswerId = (first[0] as Extract<TurnEvent, { type: 'turn.start' }>).assistantMessageId;

    provider.tokens = ['edited answer'];
    await sendAndWait(token, conversation.id, { content: 'two, edited', parentId: firstAnswerId });
    let page = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json;
    expect(page.messages.map((message: { content: string }) => message.content)).toEqual([
      'one',
      'first answer',
      'two, edited',
      'edited answer',
    ]);
    expect(page.messages[2].siblings).toMatchObject({ index: 1, count: 2 });
    // The history the model saw for the edit is the branch, without the replaced message.
    expect(provider.requests.at(-1)!.messages.map((message) => message.content)).toEqual([
      'one',
      'first answer',
      'two, edited',
    ]);

    const original = page.messages[2].siblings.ids[0];
    const switched = await kiln.api('POST', `/conversations/${conversation.id}/branch`, {
      token,
      body: { messageId: original },
    });
    page = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json;
    expect(page.activeLeafId).toBe(switched.json.activeLeafId);
    expect(page.messages.map((message: { content: string }) => message.content)).toEqual([
      'one',
      'first answer',
      'two',
      'second answer',
    ]);

    provider.tokens = ['regenerated answer'];
    const answerId = page.messages[3].id;
    const regenerated = await kiln.api('POST', `/conversations/${conversation.id}/messages/${answerId}/regenerate`, {
      token,
      headers: { accept: 'text/event-stream' },
    });
    expect(textOf(parseSse<TurnEvent>(regenerated.text))).toBe('regenerated answer');
    page = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json;
    expect(page.messages.map((message: { content: string }) => message.content)).toEqual([
      'one',
      'first answer',
      'two',
      'regenerated answer',
    ]);
    expect(page.messages[3].siblings).toMatchObject({ index: 1, count: 2 });
  });

  it('lets the user pick the agent on send and on regenerate, and rejects an unknown one', async () => {
    provider.delayMs = 0;
    provider.tokens = ['answer'];
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const events = await sendAndWait(token, conversation.id, { content: 'hello there', intent: 'review' });
    expect(events.find((event) => event.type === 'intent')).toMatchObject({
      intent: 'review',
      via: 'user',
      confidence: 1,
    });

    const answerId = (events[0] as Extract<TurnEvent, { type: 'turn.start' }>).assistantMessageId;
    const path = `/conversations/${conversation.id}/messages/${answerId}/regenerate`;
    const regenerated = await kiln.api('POST', path, {
      token,
      body: { intent: 'debug' },
      headers: { accept: 'text/event-stream' },
    });
    expect(parseSse<TurnEvent>(regenerated.text).find((event) => event.type === 'intent')).toMatchObject({
      intent: 'debug',
      via: 'user',
    });

    const unknown = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'hi', intent: 'poetry' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0].field).toBe('intent');
    expect((await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages).toHaveLength(
      2,
    );
  });

  it('reports a model failure as turn.error and keeps the message as failed', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    provider.failWith = new LlmError('llm_rate_limited', 'OpenAI is rate-limiting requests; try again shortly.', {
      retryable: true,
    });
    try {
      const events = await sendAndWait(token, conversation.id, { content: 'hello?' });
      expect(events.at(-1)).toMatchObject({ type: 'turn.error', code: 'llm_rate_limited', retryable: true });
    } finally {
      provider.failWith = undefined;
    }
    const page = (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json;
    await expect
      .poll(
        async () =>
          (await kiln.api('GET', `/conversations/${conversation.id}/messages`, { token })).json.messages.at(-1).status,
      )
      .toBe('failed');
    expect(page.messages[0]).toMatchObject({ role: 'user', content: 'hello?', status: 'complete' });
  });
});

describe('the raw WebSocket', () => {
  it('authenticates by frame, sends a message and streams the same events', async () => {
    provider.tokens = numberedTokens(20);
    provider.delayMs = 0;
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const socket = new WebSocket(`${kiln.url.replace('http', 'ws')}/api/v1/ws`);
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'message.send', conversationId: conversation.id, content: 'too early' }));
    socket.send(JSON.stringify({ type: 'auth', token }));
    socket.send(
      JSON.stringify({
        type: 'message.send',
        requestId: 'r1',
        conversationId: conversation.id,
        content: 'Hello over WS',
      }),
    );
    await expect.poll(() => frames.some((frame) => frame.type === 'turn.end'), { timeout: 10_000 }).toBe(true);
    socket.close();

    expect(frames[0]).toMatchObject({ type: 'hello' });
    expect(frames[1]).toMatchObject({ type: 'error', code: 'unauthenticated' });
    expect(frames[2]).toMatchObject({ type: 'authenticated' });
    expect(frames[3]).toMatchObject({ type: 'ack', requestId: 'r1', turnId: expect.any(String) });
    const events = frames.slice(4) as TurnEvent[];
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(textOf(events)).toBe(numberedTokens(20).join(''));
  });
});
