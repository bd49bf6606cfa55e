import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { numberedTokens, ScriptedProvider } from '../support/scripted-provider.ts';
import { startTestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';

const provider = new ScriptedProvider();
let kiln: Awaited<ReturnType<typeof startTestServer>>;
const rawSockets: WebSocket[] = [];

beforeAll(async () => {
  provider.tokens = numberedTokens(3);
  provider.delayMs = 0;
  kiln = await startTestServer({ provider });
});
afterAll(async () => {
  for (const socket of rawSockets) socket.terminate();
  await kiln?.stop();
});

/** A raw WebSocket client on `/api/v1/ws`, collecting every frame and how it closed. */
function rawClient(token?: string, onOpen?: (socket: WebSocket) => void) {
  const socket = new WebSocket(`${kiln.url.replace('http', 'ws')}/api/v1/ws`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  rawSockets.push(socket);
  const frames: any[] = [];
  const closed: { code?: number; reason?: string } = {};
  socket.on('message', (data) => frames.push(JSON.parse(String(data))));
  socket.on('close', (code, reason) => Object.assign(closed, { code, reason: String(reason) }));
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      onOpen?.(socket);
      resolve();
    });
    socket.once('error', reject);
  });
  const send = (frame: unknown) => socket.send(JSON.stringify(frame));
  const reply = async (requestId: string) => {
    await waitFor(() => frames.some((frame) => frame.requestId === requestId));
    return frames.find((frame) => frame.requestId === requestId);
  };
  return { socket, frames, closed, opened, send, reply };
}

const stopUnknownTurn = (requestId: string) => ({
  type: 'turn.stop',
  requestId,
  turnId: '00000000-0000-4000-8000-000000000000',
});

async function login(email: string) {
  const response = await kiln.api('POST', '/auth/login', { body: { email, password: 'correct horse battery' } });
  return response.json.token as string;
}

describe('sockets end with the session they were opened with', () => {
  it('logout disconnects that session’s Socket.IO and raw WebSocket clients at once, not another session’s', async () => {
    const { token, user } = await kiln.register();
    const otherSessionToken = await login(user.email);
    const signedOutTab = await kiln.socket(token);
    const otherTab = await kiln.socket(otherSessionToken);
    const signedOutRaw = rawClient(token);
    const otherRaw = rawClient(otherSessionToken);
    await Promise.all([signedOutRaw.opened, otherRaw.opened]);
    await waitFor(() => [signedOutRaw, otherRaw].every((raw) => raw.frames.some((f) => f.type === 'authenticated')));
    let disconnectReason: string | undefined;
    signedOutTab.client.on('disconnect', (reason) => (disconnectReason = reason));

    expect((await kiln.api('POST', '/auth/logout', { token })).status).toBe(204);

    await waitFor(() => disconnectReason !== undefined && signedOutRaw.closed.code !== undefined, 1_000);
    expect(disconnectReason).toBe('io server disconnect');
    expect(signedOutRaw.closed).toEqual({ code: 4001, reason: 'signed out' });
    expect(otherTab.client.connected).toBe(true);
    expect(await otherTab.request('turn:stop', { turnId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: true,
      stopping: false,
    });
    otherRaw.send(stopUnknownTurn('other'));
    expect(await otherRaw.reply('other')).toMatchObject({ type: 'ack', stopping: false });
    expect(otherRaw.closed.code).toBeUndefined();
  });

  it('refuses message:send and message.send once the session is gone, even when no sign-out was announced', async () => {
    const { token, user } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const tab = await kiln.socket(token);
    const raw = rawClient(token);
    await raw.opened;
    await waitFor(() => raw.frames.some((frame) => frame.type === 'authenticated'));
    // As another Kiln process signing the user out would: the row goes, this process hears nothing.
    await kiln.server.infrastructure.dataSource.query(`DELETE FROM auth_sessions WHERE user_id = $1`, [user.id]);

    const ack = await tab.request('message:send', { conversationId: conversation.id, content: 'Still there?' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    raw.send({ type: 'message.send', requestId: 'late', conversationId: conversation.id, content: 'Still there?' });
    expect(await raw.reply('late')).toMatchObject({ type: 'error', code: 'unauthenticated' });
    await waitFor(() => !tab.client.connected && raw.closed.code !== undefined);
    expect(raw.closed).toEqual({ code: 4001, reason: 'signed out' });
    const messages = await kiln.api('GET', `/conversations/${conversation.id}/messages`, {
      token: await login(user.email),
    });
    expect(messages.json.messages).toEqual([]);
  });
});

describe('raw WebSocket authentication', () => {
  it('answers a frame sent right after open when the token came in the Authorization header, 20 times in 20', async () => {
    const { token } = await kiln.register();
    const clients = Array.from({ length: 20 }, (_, index) =>
      rawClient(token, (socket) => socket.send(JSON.stringify(stopUnknownTurn(`first-${index}`)))),
    );
    const replies = await Promise.all(clients.map((client, index) => client.reply(`first-${index}`)));
    expect(replies.map((reply) => reply.type)).toEqual(Array(20).fill('ack'));
  });

  it('forgets the identity when a later auth frame fails', async () => {
    const { token } = await kiln.register();
    const raw = rawClient();
    await raw.opened;
    raw.send({ type: 'auth', token });
    raw.send(stopUnknownTurn('as-user'));
    expect(await raw.reply('as-user')).toMatchObject({ type: 'ack' });
    raw.send({ type: 'auth', token: 'kiln_not-a-real-token' });
    raw.send(stopUnknownTurn('after-bad-auth'));
    expect(await raw.reply('after-bad-auth')).toMatchObject({ type: 'error', code: 'unauthenticated' });
    raw.send({ type: 'auth', token });
    raw.send(stopUnknownTurn('after-good-auth'));
    expect(await raw.reply('after-good-auth')).toMatchObject({ type: 'ack' });
  });
});

describe('realtime message sizes', () => {
  it('closes a raw WebSocket that sends an oversize frame with 1009, and keeps serving', async () => {
    const raw = rawClient();
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'ping', padding: 'x'.repeat(5_000_000) }));
    await waitFor(() => raw.closed.code !== undefined);
    expect(raw.closed.code).toBe(1009);
    expect(raw.frames.filter((frame) => frame.type === 'pong')).toEqual([]);

    expect((await fetch(`${kiln.url}/health`)).status).toBe(200);
    const next = rawClient();
    await next.opened;
    next.send({ type: 'ping' });
    await waitFor(() => next.frames.some((frame) => frame.type === 'pong'));
  });

  it('disconnects a Socket.IO client whose event is over the buffer size, and takes the longest valid message', async () => {
    const { token } = await kiln.register();
    const conversation = await kiln.newConversation(token);
    const tab = await kiln.socket(token);
    // The worst case a valid message encodes to: every character a control character, escaped to six bytes.
    const longest = '\u0001'.repeat(32_000);
    expect(await tab.request('message:send', { conversationId: conversation.id, content: longest })).toMatchObject({
      ok: true,
    });

    let disconnectReason: string | undefined;
    tab.client.on('disconnect', (reason) => (disconnectReason = reason));
    tab.client.emit('message:send', { conversationId: conversation.id, content: 'x'.repeat(600_000) }, () => {});
    await waitFor(() => disconnectReason !== undefined);
    expect(disconnectReason).toBe('transport close');
    expect((await kiln.socket(token)).client.connected).toBe(true);
  });
});
