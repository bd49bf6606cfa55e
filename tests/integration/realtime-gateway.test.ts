import pino from 'pino';
import { io as connectSocketIo } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../platform/config/config.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { temporaryDirectory } from '../support/temporary-directory.ts';
import { waitFor } from '../support/wait-for.ts';

describe('Socket.IO and the raw WebSocket on one HTTP server', () => {
  let server: RunningServer;
  let dataDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let token: string;

  beforeAll(async () => {
    dataDir = await temporaryDirectory('kiln-gateway');
    server = await startServer(loadConfig({ KILN_DATA_DIR: dataDir.path, PORT: '0' }), pino({ level: 'silent' }));
    const response = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'gateway@example.com', password: 'correct horse battery' }),
    });
    token = ((await response.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  it('greets a Socket.IO client over a WebSocket upgrade', async () => {
    const socket = connectSocketIo(server.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    try {
      const hello = await new Promise((resolve, reject) => {
        socket.once('hello', resolve);
        socket.once('connect_error', reject);
      });
      expect(hello).toMatchObject({ server: 'kiln' });
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.close();
    }
  });

  it('greets a Socket.IO client that starts with long-polling and upgrades', async () => {
    const socket = connectSocketIo(server.url, {
      auth: { token },
      transports: ['polling', 'websocket'],
      reconnection: false,
    });
    try {
      await new Promise((resolve, reject) => {
        socket.once('hello', resolve);
        socket.once('connect_error', reject);
      });
      await new Promise<void>((resolve) => {
        if (socket.io.engine.transport.name === 'websocket') resolve();
        else socket.io.engine.once('upgrade', () => resolve());
      });
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.close();
    }
  });

  it('serves the raw WebSocket at /api/v1/ws alongside Socket.IO', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/ws`);
    const messages: unknown[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'ping' }));
    socket.send('not json');
    await waitFor(() => messages.length >= 3);
    socket.close();
    expect(messages).toEqual([
      expect.objectContaining({ type: 'hello', server: 'kiln' }),
      { type: 'pong' },
      expect.objectContaining({ type: 'error', code: 'invalid_frame' }),
    ]);
  });

  it('titles a conversation from its first message when only the offline engine is there', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/conversations`, { method: 'POST', headers, body: '{}' });
    const { id } = (await created.json()) as { id: string };
    const sent = await fetch(`${server.url}/api/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream' },
      body: JSON.stringify({ content: 'Retry a fetch with exponential backoff\nand jitter' }),
    });
    const stream = await sent.text();
    expect(stream).toContain('event: turn.end');
    // The answer's text, whichever way it was cut into deltas.
    const text = [...stream.matchAll(/^data: (.*)$/gm)]
      .map(([, data]) => JSON.parse(data!) as { type: string; delta?: string })
      .map((event) => (event.type === 'text.delta' ? event.delta : ''))
      .join('');
    expect(text).toContain('offline engine: no language model is configured');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const conversation = await fetch(`${server.url}/api/v1/conversations/${id}`, { headers });
    expect(((await conversation.json()) as { title: string }).title).toBe('Retry a fetch with exponential backoff');
  });

  it('refuses WebSocket upgrades on paths that have none', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/v1/elsewhere`);
    const status = await new Promise((resolve) => {
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.once('error', () => resolve('error'));
    });
    expect(status).toBe(404);
  });
});
