import pino, { type Logger } from 'pino';
import type { Socket } from 'socket.io-client';
import { connectKilnSocket } from './kiln-socket.ts';
import { loadConfig } from '../../platform/config/config.ts';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import type { LlmProvider } from '../../server/llm/llm-provider.ts';
import { startServer } from '../../server/start-server.ts';
import { temporaryDirectory } from './temporary-directory.ts';

/**
 * A real Kiln server in this process (real Postgres, Chroma, HTTP, Socket.IO)
 * on a fresh data dir, with helpers to call it as a client would.
 */
export async function startTestServer(
  options: {
    provider?: LlmProvider;
    environment?: Record<string, string>;
    log?: Logger;
    /** An existing data directory (a restart), kept when the server stops; by default a new one, removed. */
    dataDirectory?: string;
  } = {},
) {
  const dataDir = options.dataDirectory
    ? { path: options.dataDirectory, remove: async () => undefined }
    : await temporaryDirectory('kiln-chat');
  const config = loadConfig({ KILN_DATA_DIR: dataDir.path, PORT: '0', KILN_WORKERS: 'off', ...options.environment });
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await startServer(config, log, {
    provider: options.provider,
  });
  const sockets: Socket[] = [];

  const api = async (
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  };

  let registered = 0;
  const register = async (email = `user${(registered += 1)}@example.com`) => {
    const response = await api('POST', '/auth/register', { body: { email, password: 'correct horse battery' } });
    if (response.status !== 201) throw new Error(`register failed: ${response.status} ${response.text}`);
    return response.json as { token: string; user: { id: string; email: string; role: string } };
  };

  const newConversation = async (token: string, title?: string) =>
    (await api('POST', '/conversations', { token, body: title ? { title } : {} })).json as {
      id: string;
      title: string;
    };

  /** A connected Socket.IO client (WebSocket transport) collecting every `turn:event`. */
  const socket = async (token: string) => {
    const connected = await connectKilnSocket(server.url, token);
    sockets.push(connected.client);
    return connected;
  };

  return {
    url: server.url,
    server,
    /** The server's KILN_DATA_DIR. */
    dataDir: dataDir.path,
    knowledge: () => server.knowledge,
    api,
    register,
    newConversation,
    socket,
    async stop() {
      for (const client of sockets) client.close();
      await server.stop();
      await dataDir.remove();
    },
  };
}

export const turnEnded = (turnId: string) => (events: TurnEvent[]) =>
  events.some((event) => event.turnId === turnId && (event.type === 'turn.end' || event.type === 'turn.error'));

export const textOf = (events: TurnEvent[]) =>
  events.map((event) => (event.type === 'text.delta' ? event.delta : '')).join('');
