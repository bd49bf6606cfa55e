import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportArchive } from '../../protocol/export-archive.ts';
import { WebSocket } from 'ws';
import type { RunEvent } from '../../protocol/runs.ts';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { connectKilnSocket } from '../support/kiln-socket.ts';
import { KilnProcess } from '../support/kiln-process.ts';
import { parseSse } from '../support/parse-sse.ts';
import { startReplayLlmServer } from '../support/replay-llm-server.ts';
import { numberedTokens } from '../support/scripted-provider.ts';
import { textOf, turnEnded } from '../support/test-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';

/**
 * Two Kiln servers and one worker on one Postgres, as `docker compose up --scale app=2` runs them: A starts the
 * embedded Postgres and Chroma; B and the worker attach to them through DATABASE_URL and CHROMA_URL. Both servers
 * have KILN_CLUSTER=on and leave jobs to the worker (KILN_WORKERS=off). The model (the real OpenAI adapter against
 * a local replay server) streams 60 words over about 3 seconds.
 */
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

const pieces = numberedTokens(60);
const fullAnswer = pieces.join('');
let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;
let worker: KilnProcess;
let token: string;
let databaseUrl: string;

async function startServer(environment: Record<string, string>) {
  const dataDir = await temporaryDirectory('kiln-scale-out');
  cleanups.push(dataDir.remove);
  const server = KilnProcess.start('server', {
    KILN_DATA_DIR: dataDir.path,
    PORT: '0',
    KILN_CLUSTER: 'on',
    KILN_WORKERS: 'off',
    ...environment,
  });
  cleanups.push(() => server.stop('SIGKILL'));
  const url = await server.url();
  const ready = await server.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'), 120_000);
  const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/api/v1${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
  };
  return { server, url, dataDir: dataDir.path, ready, call };
}

beforeAll(async () => {
  const model = await startReplayLlmServer();
  model.always({ kind: 'openai', pieces, pieceDelayMs: 50 });
  cleanups.push(model.close);
  const modelEnvironment = { OPENAI_BASE_URL: `${model.url}/v1`, LLM_MODEL: 'slow-model' };
  a = await startServer(modelEnvironment);
  const credentials = JSON.parse(await readFile(path.join(a.dataDir, 'run', 'postgres-credentials.json'), 'utf8'));
  const shared = {
    DATABASE_URL: `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${(a.ready.postgres as { port: number }).port}/${credentials.database}`,
    CHROMA_URL: `http://127.0.0.1:${(a.ready.chroma as { port: number }).port}`,
  };
  databaseUrl = shared.DATABASE_URL;
  const workerDir = await temporaryDirectory('kiln-scale-out-worker');
  cleanups.push(workerDir.remove);
  worker = KilnProcess.start('worker', { KILN_DATA_DIR: workerDir.path, ...shared });
  cleanups.push(() => worker.stop('SIGKILL'));
  [b] = await Promise.all([
    startServer({ ...modelEnvironment, ...shared }),
    worker.waitForLog((line) => line.msg === 'worker ready', 120_000),
  ]);
  const registered = await fetch(`${a.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'scale@example.com', password: 'correct horse battery' }),
  });
  token = ((await registered.json()) as { token: string }).token;
}, 240_000);

/**
 * Starts a turn on `server` through REST, in a new conversation; resolves with both ids. `before` runs once the
 * conversation exists and before the message is sent (a watcher joins its room there, so it sees the whole turn).
 */
async function turnOn(server: typeof a, before: (conversationId: string) => Promise<unknown> = async () => {}) {
  const conversation = (await server.call('POST', '/conversations', {})).json as { id: string };
  await before(conversation.id);
  const sent = await server.call('POST', `/conversations/${conversation.id}/messages`, {
    content: 'Tell me a story about servers',
  });
  expect(sent.status).toBe(202);
  return { conversationId: conversation.id, turnId: sent.json.turnId as string };
}

async function watch(server: typeof a, conversationId: string) {
  const socket = await connectKilnSocket(server.url, token);
  cleanups.push(async () => socket.client.close());
  expect(await socket.request('conversation:join', { conversationId })).toMatchObject({ ok: true });
  return socket;
}

const ofTurn = (events: TurnEvent[], turnId: string) => events.filter((event) => event.turnId === turnId);
/** The events in seq order, each seq once (a socket that resumed may have seen some twice). */
const bySeq = (events: TurnEvent[]) =>
  [...new Map(events.map((event) => [event.seq, event])).values()].sort((x, y) => x.seq - y.seq);

describe('two servers and a worker on one database', () => {
  it('shows a socket on A the whole of a turn started through REST on B, in order', async () => {
    const conversation = (await b.call('POST', '/conversations', {})).json as { id: string };
    const socket = await watch(a, conversation.id);
    const titles: { id: string; title: string }[] = [];
    socket.client.on('conversation:updated', (update: { id: string; title: string }) => titles.push(update));
    const sent = await b.call('POST', `/conversations/${conversation.id}/messages`, { content: 'Hello from B' });
    const turnId = sent.json.turnId as string;
    const events = ofTurn(await socket.until(turnEnded(turnId)), turnId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]).toMatchObject({ type: 'turn.start', conversationId: conversation.id });
    expect(textOf(events)).toBe(fullAnswer);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });

    // A fresh tab on A, after the turn ended on B: the same events, replayed whole from Postgres.
    const later = await connectKilnSocket(a.url, token);
    cleanups.push(async () => later.client.close());
    const resumed = await later.request('turn:resume', { turnId, afterSeq: 0 });
    expect(resumed).toMatchObject({ ok: true, replayed: events.length, finished: true });
    expect(ofTurn(await later.until(turnEnded(turnId)), turnId)).toEqual(events);

    // The model's title for the new conversation was written by a job, which either server could take; the tab
    // on A hears both names.
    await expect.poll(() => titles.length, { timeout: 10_000 }).toBe(2);
    expect(titles[0]).toEqual({ id: conversation.id, title: 'Hello from B' });
    expect(titles[1]!.title).toBe(fullAnswer.trim().slice(0, 80).trim());
    const database = new pg.Client(databaseUrl);
    await database.connect();
    const jobs = await database
      .query(
        `SELECT state, output FROM pgboss.job WHERE name = 'kiln.conversation-title' AND data->>'conversationId' = $1`,
        [conversation.id],
      )
      .finally(() => database.end());
    expect(jobs.rows).toEqual([{ state: 'completed', output: { conversationId: conversation.id, retitled: true } }]);
  });

  it('resumes on A a turn still running on B: what B streamed so far, then the rest live', async () => {
    const { turnId } = await turnOn(b);
    const tab = await connectKilnSocket(a.url, token);
    cleanups.push(async () => tab.client.close());
    // Some of the answer has streamed on B by now.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const resumed = await tab.request('turn:resume', { turnId, afterSeq: 0 });
    expect(resumed).toMatchObject({ ok: true, finished: false });
    expect(resumed.replayed).toBeGreaterThan(2);
    const events = bySeq(ofTurn(await tab.until(turnEnded(turnId)), turnId));
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(textOf(events)).toBe(fullAnswer);
  });

  it('streams a turn running on B to an SSE stream and a raw WebSocket on A, whole and in order', async () => {
    const { turnId } = await turnOn(b);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const raw = new WebSocket(`${a.url.replace('http', 'ws')}/api/v1/ws`, {
      headers: { authorization: `Bearer ${token}` },
    });
    cleanups.push(async () => raw.close());
    const frames: { type: string; seq?: number }[] = [];
    raw.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ type: 'turn.resume', requestId: 'r1', turnId, afterSeq: 0 }));
    // SSE resumes after the first event, as a browser reconnecting with Last-Event-ID: 1 would.
    const sse = await a.call('GET', `/turns/${turnId}/events`, undefined, {
      accept: 'text/event-stream',
      'last-event-id': '1',
    });
    expect(sse.status).toBe(200);
    const streamed = parseSse<TurnEvent>(sse.text);
    expect(streamed.map((event) => event.seq)).toEqual(streamed.map((_, index) => index + 2));
    expect(streamed.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stop' });
    expect(textOf(streamed)).toBe(fullAnswer);
    await expect.poll(() => frames.some((frame) => frame.type === 'turn.end'), { timeout: 10_000 }).toBe(true);
    const overSocket = frames.filter((frame) => frame.seq !== undefined) as TurnEvent[];
    expect(overSocket.map((event) => event.seq)).toEqual(overSocket.map((_, index) => index + 1));
    expect(overSocket.slice(1)).toEqual(streamed);
    // Over, the turn is replayed from Postgres on either server; an unknown one is 404.
    const again = await b.call('GET', `/turns/${turnId}/events`, undefined, { accept: 'text/event-stream' });
    expect(parseSse<TurnEvent>(again.text)).toEqual(overSocket);
    expect((await a.call('GET', '/turns/8d7c6b5a-4938-4276-a5f4-4b3c2d1e0f9a/events')).status).toBe(404);
    expect((await a.call('GET', '/turns/not-a-turn/events')).status).toBe(404);
  });

  it('ends connections on B holding a session signed out on A, at once', async () => {
    const login = await a.call('POST', '/auth/login', {
      email: 'scale@example.com',
      password: 'correct horse battery',
    });
    const session = login.json.token as string;
    const raw = new WebSocket(`${b.url.replace('http', 'ws')}/api/v1/ws`, {
      headers: { authorization: `Bearer ${session}` },
    });
    cleanups.push(async () => raw.close());
    const frames: { type: string }[] = [];
    raw.on('message', (data) => frames.push(JSON.parse(String(data))));
    const closed = new Promise<number>((resolve) => raw.once('close', resolve));
    await expect.poll(() => frames.some((frame) => frame.type === 'authenticated')).toBe(true);
    const tab = await connectKilnSocket(b.url, session);
    const disconnected = new Promise<string>((resolve) => tab.client.once('disconnect', resolve));
    expect((await a.call('POST', '/auth/logout', undefined, { authorization: `Bearer ${session}` })).status).toBe(204);
    const signedOutAt = Date.now();
    expect(await closed).toBe(4001);
    await disconnected;
    expect(Date.now() - signedOutAt).toBeLessThan(2_000);
    // The other session (the tests' token) is untouched.
    expect((await b.call('GET', '/auth/me')).status).toBe(200);
  });

  it('stops a turn running on B with turn:stop on A; the partial answer is saved as stopped', async () => {
    let socket!: Awaited<ReturnType<typeof watch>>;
    const { conversationId, turnId } = await turnOn(b, async (id) => (socket = await watch(a, id)));
    await socket.until((events) => ofTurn(events, turnId).some((event) => event.type === 'text.delta'));
    expect(await socket.request('turn:stop', { turnId })).toEqual({ ok: true, stopping: true });
    const events = ofTurn(await socket.until(turnEnded(turnId)), turnId);
    expect(events.at(-1)).toMatchObject({ type: 'turn.end', finishReason: 'stopped' });
    const messages = (await a.call('GET', `/conversations/${conversationId}/messages`)).json.messages;
    expect(messages[1]).toMatchObject({ role: 'assistant', status: 'stopped', content: textOf(events) });
    expect(textOf(events).length).toBeLessThan(fullAnswer.length);
    // Nothing runs under that id any more, on either server.
    expect(await socket.request('turn:stop', { turnId })).toEqual({ ok: true, stopping: false });
    expect((await a.call('POST', `/turns/${turnId}/stop`)).status).toBe(404);
  });

  it('runs a sandbox run queued on A on the worker, streaming its output back to A', async () => {
    const response = await a.call(
      'POST',
      '/runs',
      { language: 'shell', code: 'echo "hello from the worker"' },
      { accept: 'text/event-stream' },
    );
    expect(response.status).toBe(200);
    const events = parseSse<RunEvent>(response.text);
    const stdout = events.map((event) => (event.type === 'sandbox.output' ? event.chunk : '')).join('');
    expect(stdout).toBe('hello from the worker\n');
    expect(events.at(-1)).toMatchObject({ type: 'sandbox.result', passed: true });
    // Neither server takes jobs (KILN_WORKERS=off): the worker ran it.
    const runId = events[0]!.runId;
    await worker.waitForLog((line) => line.msg === 'run executed' && line.runId === runId, 10_000);
  }, 60_000);

  it('builds an export asked for on A on whichever server takes the job, tells A’s tab, and serves it from B', async () => {
    const socket = await connectKilnSocket(a.url, token);
    cleanups.push(async () => socket.client.close());
    const heard: ExportArchive[] = [];
    socket.client.on('export:archive', (archive) => heard.push(archive));
    const asked = await a.call('POST', '/exports/archives');
    expect(asked.status).toBe(202);
    const id = (asked.json.archive as ExportArchive).id;
    await expect.poll(() => heard.at(-1)?.status, { timeout: 30_000 }).toBe('ready');
    const response = await fetch(`${b.url}/api/v1/exports/archives/${id}/download`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(heard.at(-1)!.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
  }, 60_000);

  it('closes a turn of B as interrupted from A within 30 s of B being killed, keeping what was saved', async () => {
    let socket!: Awaited<ReturnType<typeof watch>>;
    const { conversationId, turnId } = await turnOn(b, async (id) => (socket = await watch(a, id)));
    // B saves the answer at most once a second: wait until part of it is in Postgres, and the answer still runs.
    const saved = async () =>
      (await a.call('GET', `/conversations/${conversationId}/messages`)).json.messages[1]?.content.length ?? 0;
    await expect.poll(saved, { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
    expect(turnEnded(turnId)(socket.events)).toBe(false);
    // An SSE stream on A follows it too, and must end when the survivor closes the turn.
    const following = a.call('GET', `/turns/${turnId}/events`, undefined, { accept: 'text/event-stream' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    b.server.child.kill('SIGKILL');
    const killedAt = Date.now();
    const arrived = ofTurn(await socket.until(turnEnded(turnId), 35_000), turnId);
    expect(Date.now() - killedAt).toBeLessThanOrEqual(30_000);
    // The survivor numbers its end after the last event B saved, which this tab may have seen later ones than.
    const end = arrived.at(-1)!;
    expect(end).toMatchObject({ type: 'turn.error', code: 'interrupted', retryable: true });
    const streamed = textOf(bySeq(arrived.filter((event) => event.type === 'text.delta')));
    const messages = (await a.call('GET', `/conversations/${conversationId}/messages`)).json.messages;
    expect(messages[0]).toMatchObject({ role: 'user', content: 'Tell me a story about servers', status: 'complete' });
    expect(messages[1]).toMatchObject({ role: 'assistant', status: 'interrupted' });
    expect(messages[1].content.length).toBeGreaterThan(0);
    expect(fullAnswer.startsWith(messages[1].content)).toBe(true);
    expect(streamed.startsWith(messages[1].content)).toBe(true);
    // A tab that asks afterwards gets the saved part and the same end.
    const later = await connectKilnSocket(a.url, token);
    cleanups.push(async () => later.client.close());
    expect(await later.request('turn:resume', { turnId, afterSeq: 0 })).toMatchObject({ ok: true, finished: true });
    const replayed = ofTurn(await later.until(turnEnded(turnId)), turnId);
    expect(textOf(replayed)).toBe(messages[1].content);
    expect(replayed.at(-1)).toEqual(end);
    const followed = parseSse<TurnEvent>((await following).text);
    expect(followed.at(-1)).toEqual(end);
    expect(textOf(followed.filter((event) => event.type === 'text.delta'))).toBe(streamed);
  }, 60_000);
});
