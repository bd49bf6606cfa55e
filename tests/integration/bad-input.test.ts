import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer, turnEnded } from '../support/test-server.ts';

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  await kiln?.stop();
});

const nul = '\u0000';

/** The 400 every text field with a NUL character gets, naming the field. */
const refusedField = (field: string) => ({
  error: expect.objectContaining({
    code: 'invalid_request',
    details: expect.arrayContaining([expect.objectContaining({ field })]),
  }),
});

async function messagesOf(token: string, conversationId: string) {
  return (await kiln.api('GET', `/conversations/${conversationId}/messages`, { token })).json.messages as {
    content: string;
  }[];
}

/** A raw WebSocket client authenticated by its first frame, collecting every frame it receives. */
async function rawWebSocket(token: string) {
  const socket = new WebSocket(`${kiln.url.replace('http', 'ws')}/api/v1/ws`);
  const frames: any[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'auth', token }));
  await expect.poll(() => frames.some((frame) => frame.type === 'authenticated')).toBe(true);
  return { socket, frames };
}

describe('text with a NUL character', () => {
  it('is refused with a 400 naming the field in conversation titles and the title search', async () => {
    const { token } = await kiln.register();
    const created = await kiln.api('POST', '/conversations', { token, body: { title: `Hello${nul}world` } });
    expect(created.status).toBe(400);
    expect(created.json).toMatchObject(refusedField('title'));

    const conversation = await kiln.newConversation(token, 'Kept title');
    const renamed = await kiln.api('PATCH', `/conversations/${conversation.id}`, {
      token,
      body: { title: `Bad${nul}` },
    });
    expect(renamed.status).toBe(400);
    expect(renamed.json).toMatchObject(refusedField('title'));

    const searched = await kiln.api('GET', `/conversations?q=${encodeURIComponent(`Kept${nul}`)}`, { token });
    expect(searched.status).toBe(400);
    expect(searched.json).toMatchObject(refusedField('q'));

    const listed = await kiln.api('GET', '/conversations', { token });
    expect(listed.json.conversations.map((each: { title: string }) => each.title)).toEqual(['Kept title']);
  });

  it('is refused in message content over REST, Socket.IO and the raw WebSocket, and nothing is written', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);

    const rest = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: `over REST${nul}` },
    });
    expect(rest.status).toBe(400);
    expect(rest.json).toMatchObject(refusedField('content'));

    const socketIo = await kiln.socket(token);
    const ack = await socketIo.request('message:send', { conversationId: conversation.id, content: `${nul} over IO` });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(ack.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'content' })]));

    const raw = await rawWebSocket(token);
    raw.socket.send(
      JSON.stringify({ type: 'message.send', requestId: 'r1', conversationId: conversation.id, content: `ws${nul}` }),
    );
    await expect.poll(() => raw.frames.find((frame) => frame.requestId === 'r1')).toBeDefined();
    raw.socket.close();
    expect(raw.frames.find((frame) => frame.requestId === 'r1')).toMatchObject({
      type: 'error',
      code: 'invalid_request',
      details: expect.arrayContaining([expect.objectContaining({ field: 'content' })]),
    });

    expect(await messagesOf(token, conversation.id)).toEqual([]);
    // The conversation still works: the refusals left nothing half-done.
    const good = await kiln.api('POST', `/conversations/${conversation.id}/messages`, {
      token,
      body: { content: 'a clean message' },
    });
    expect(good.status).toBe(202);
  });

  it('is refused in the pattern search, its language filter and a pattern id', async () => {
    const { token } = await kiln.register();
    const search = await kiln.api('GET', `/patterns/search?q=${encodeURIComponent(`retry${nul}`)}`, { token });
    expect(search.status).toBe(400);
    expect(search.json).toMatchObject(refusedField('q'));

    const language = await kiln.api('GET', `/patterns/search?q=retry&language=${encodeURIComponent(`ts${nul}`)}`, {
      token,
    });
    expect(language.status).toBe(400);
    expect(language.json).toMatchObject(refusedField('language'));

    const listed = await kiln.api('GET', `/patterns?language=${encodeURIComponent(`${nul}`)}`, { token });
    expect(listed.status).toBe(400);
    expect(listed.json).toMatchObject(refusedField('language'));

    const pattern = await kiln.api('GET', `/patterns/${encodeURIComponent(`some-pattern${nul}`)}`, { token });
    expect(pattern.status).toBe(400);
    expect(pattern.json).toMatchObject(refusedField('id'));
  });

  it('is refused in the email of a sign-in and a sign-up, and no account is made', async () => {
    const login = await kiln.api('POST', '/auth/login', {
      body: { email: `someone${nul}@example.com`, password: 'correct horse battery' },
    });
    expect(login.status).toBe(400);
    expect(login.json).toMatchObject(refusedField('email'));

    const register = await kiln.api('POST', '/auth/register', {
      body: { email: `nul${nul}@example.com`, password: 'correct horse battery' },
    });
    expect(register.status).toBe(400);
    expect(register.json).toMatchObject(refusedField('email'));
    const withoutNul = await kiln.api('POST', '/auth/login', {
      body: { email: 'nul@example.com', password: 'correct horse battery' },
    });
    expect(withoutNul.status).toBe(401);
  });
});

describe('a conversation cursor', () => {
  const cursorOf = (updatedAt: unknown, id = '00000000-0000-4000-8000-000000000000') =>
    Buffer.from(JSON.stringify([updatedAt, id])).toString('base64url');

  it('with a date JavaScript accepts but Postgres does not is a 400, not a 500', async () => {
    const { token } = await kiln.register();
    await kiln.newConversation(token, 'One');
    const outOfRange = [
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '-004713-01-01T00:00:00.000Z',
      '-000001-06-01T00:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
      8.64e15,
    ];
    for (const date of outOfRange) {
      const response = await kiln.api('GET', `/conversations?cursor=${cursorOf(date)}`, { token });
      expect({ date, status: response.status }).toEqual({ date, status: 400 });
      expect(response.json).toMatchObject(refusedField('cursor'));
    }
    const fine = await kiln.api('GET', `/conversations?cursor=${cursorOf('2999-01-01T00:00:00.000Z')}`, { token });
    expect(fine.json.conversations.map((each: { title: string }) => each.title)).toEqual(['One']);
  });

  it('of messages (`before`) must be a message id', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    for (const before of ['+275760-09-13T00:00:00.000Z', `x${nul}`]) {
      const response = await kiln.api(
        'GET',
        `/conversations/${conversation.id}/messages?before=${encodeURIComponent(before)}`,
        { token },
      );
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject(refusedField('before'));
    }
  });
});

describe('deleting a conversation while a message is sent into it', () => {
  it('answers the send 404 (never 5xx) every time, and the server carries on', async () => {
    provider.tokens = ['A', ' short', ' answer.'];
    provider.delayMs = 1;
    const { token } = await kiln.register();
    const sends: { status: number; json: any }[] = [];
    const deletes: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const conversation = await kiln.newConversation(token);
      const [sent, deleted] = await Promise.all([
        kiln.api('POST', `/conversations/${conversation.id}/messages`, {
          token,
          body: { content: `race ${attempt}` },
        }),
        // Spread the delete across the send's steps (ownership check, routing, the insert).
        new Promise((resolve) => setTimeout(resolve, attempt % 5)).then(() =>
          kiln.api('DELETE', `/conversations/${conversation.id}`, { token }),
        ),
      ]);
      sends.push(sent);
      deletes.push(deleted.status);
      expect((await kiln.api('GET', `/conversations/${conversation.id}`, { token })).status).toBe(404);
    }
    expect(deletes.every((status) => status === 204)).toBe(true);
    for (const sent of sends) {
      expect([202, 404]).toContain(sent.status);
      if (sent.status === 404)
        expect(sent.json.error).toMatchObject({ code: 'not_found', message: 'Conversation not found' });
    }

    // Turns that began before the delete ended quietly; the server still answers.
    const conversation = await kiln.newConversation(token);
    const io = await kiln.socket(token);
    const ack = await io.request('message:send', { conversationId: conversation.id, content: 'still here?' });
    expect(ack).toMatchObject({ ok: true });
    await io.until(turnEnded(ack.turnId));
    expect(await messagesOf(token, conversation.id)).toHaveLength(2);
  });
});
