import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local stand-in for Slack: the Web API over HTTP (as `@slack/web-api`'s WebClient calls it) and a Socket Mode
 * WebSocket server (as `@slack/socket-mode`'s SocketModeClient expects it), keeping messages, streams and
 * reactions in memory the way Slack would show them.
 *
 *   const slack = await startSlackApiDouble();
 *   const web = new WebClient('xoxb-test', { slackApiUrl: slack.url });
 *   const socket = new SocketModeClient({ appToken: 'xapp-1-test', clientOptions: { slackApiUrl: slack.url } });
 *   await socket.start();
 *   const ack = await slack.socketMode.send('events_api', eventCallbackBody);
 *
 * Tokens are checked as Slack does: none → `not_authed`; an app token (`xapp-…`) is only good for
 * `apps.connections.open`, which needs one (else `invalid_auth`); any other token works for the other methods.
 * Answers are HTTP 200 with `{ ok, … }` unless a failure was queued with `failNext` or `failAlways`.
 */
export interface SlackCall {
  method: string;
  token: string | undefined;
  /** The arguments without `token`; form fields holding JSON arrays or objects (`blocks`, `chunks`) decoded. */
  args: Record<string, unknown>;
  at: number;
  /** The HTTP status answered; 0 when the connection was dropped. */
  answered: number;
  /** The Slack error code answered (`ok: false`), `ratelimited` for a 429, `connection_dropped`. */
  error?: string;
}

/** A scripted failure: `retryAfter` alone means a 429; `error` alone an HTTP 200 `{ ok: false, error }`. */
export interface SlackFailure {
  status?: number;
  /** Seconds, sent as `Retry-After` (a 429 without it gets 1). */
  retryAfter?: number;
  error?: string;
  /** Destroy the connection without answering, as a network failure would. */
  dropConnection?: boolean;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  /** For a stream, every `markdown_text` (and `markdown_text` chunk) so far, joined. */
  text: string;
  blocks?: unknown[];
  streaming: boolean;
}

export interface SlackReaction {
  channel: string;
  ts: string;
  name: string;
  removed: boolean;
}

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketModeDouble {
  /** The URL of the last ticket issued (each `apps.connections.open` issues one); a ticket is good for one connection. */
  readonly url: string;
  /** How many connections were opened so far. */
  readonly connections: number;
  /**
   * Sends an envelope to the connected client (waiting for one, within the timeout) and resolves with the client's
   * ack frame, which the SDK sends as `{ envelope_id, payload: {} }` (its `ack(response)` fills `payload`). Rejects
   * after `timeoutMs` (default 5 s), or when the connection closes before the ack. An `events_api` payload is
   * the whole `event_callback` body and must hold `event.type` (the SDK emits by it).
   */
  send(
    type: EnvelopeType,
    payload: unknown,
    options?: { retryAttempt?: number; envelopeId?: string; timeoutMs?: number },
  ): Promise<{ envelope_id: string; payload?: unknown }>;
  /**
   * Sends `{ type: 'disconnect', reason }` (default `refresh_requested`) to the current client, which closes and
   * reconnects through `apps.connections.open`; the socket is closed after 1 s if the client has not. No
   * envelope goes to that socket afterwards.
   */
  disconnect(reason?: string): void;
  /** Resolves once a client is connected (hello sent) and at least `count` connections were made (default 1). */
  whenConnected(count?: number, timeoutMs?: number): Promise<void>;
}

export interface SlackApiDouble {
  /** The Web API base for `slackApiUrl`, ending with '/'. */
  url: string;
  /** Every call in the order received, failed ones included. */
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** The next calls to `method` get these answers, one each, before any `failAlways`. */
  failNext(method: string, ...answers: SlackFailure[]): void;
  /** Every call to `method` (`'*'`: to any method) gets `answer` until cleared with `undefined`. */
  failAlways(method: string, answer: SlackFailure | undefined): void;
  /** Resolves once `predicate(calls)` holds; rejects after `timeoutMs` (default 10 s) listing the calls seen. */
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** The channel messages as Slack would now show them, oldest first (ephemeral messages are not kept). */
  messages(channel?: string): SlackMessage[];
  /** Every `reactions.add`, in order; `reactions.remove` marks the added one `removed`. */
  reactions: SlackReaction[];
  socketMode: SocketModeDouble;
  close(): Promise<void>;
}

type Answer = { ok: true; [field: string]: unknown } | { ok: false; error: string };

const pingIntervalMs = 5_000;
const disconnectGraceMs = 1_000;
/** Slack's limit on `markdown_text` per call. */
const markdownLimit = 12_000;

export async function startSlackApiDouble(
  options: { botUserId?: string; teamId?: string; botId?: string } = {},
): Promise<SlackApiDouble> {
  const botUserId = options.botUserId ?? 'U0KILNBOT';
  const teamId = options.teamId ?? 'T0KILN';
  const botId = options.botId ?? 'B0KILN';
  const calls: SlackCall[] = [];
  const listeners = new Set<() => void>();
  const notify = () => [...listeners].forEach((listener) => listener());
  const queued = new Map<string, SlackFailure[]>();
  const outages = new Map<string, SlackFailure>();
  const store = new Map<string, SlackMessage>();
  const reactions: SlackReaction[] = [];
  const nextTs = timestamps();
  const key = (channel: unknown, ts: unknown) => `${String(channel)} ${String(ts)}`;

  function messageOf(stored: SlackMessage) {
    return {
      type: 'message',
      user: botUserId,
      bot_id: botId,
      team: teamId,
      text: stored.text,
      ts: stored.ts,
      ...(stored.threadTs ? { thread_ts: stored.threadTs } : {}),
      ...(stored.blocks ? { blocks: stored.blocks } : {}),
    };
  }

  function openStream(args: Record<string, unknown>): SlackMessage | { ok: false; error: string } {
    const stored = store.get(key(args.channel, args.ts));
    if (!stored) return { ok: false, error: 'message_not_found' };
    if (!stored.streaming) return { ok: false, error: 'message_not_in_streaming_state' };
    return stored;
  }

  const methods: Record<string, (args: Record<string, unknown>) => Answer> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://kiln-test.slack.com/',
      team: 'Kiln Test',
      user: 'kiln',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (args) => {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (!hasContent(args)) return { ok: false, error: 'no_text' };
      const stored: SlackMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        text: String(args.text ?? args.markdown_text ?? ''),
        streaming: false,
      };
      if (args.thread_ts) stored.threadTs = String(args.thread_ts);
      if (Array.isArray(args.blocks)) stored.blocks = args.blocks;
      store.set(key(stored.channel, stored.ts), stored);
      return { ok: true, channel: stored.channel, ts: stored.ts, message: messageOf(stored) };
    },
    'chat.update': (args) => {
      const stored = store.get(key(args.channel, args.ts));
      if (!stored) return { ok: false, error: 'message_not_found' };
      if (!hasContent(args)) return { ok: false, error: 'no_text' };
      if ('text' in args || 'markdown_text' in args) stored.text = String(args.text ?? args.markdown_text);
      if (Array.isArray(args.blocks)) stored.blocks = args.blocks;
      return { ok: true, channel: stored.channel, ts: stored.ts, text: stored.text, message: messageOf(stored) };
    },
    'chat.delete': (args) => {
      if (!store.delete(key(args.channel, args.ts))) return { ok: false, error: 'message_not_found' };
      return { ok: true, channel: String(args.channel), ts: String(args.ts) };
    },
    'chat.postEphemeral': (args) => {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (!args.user) return { ok: false, error: 'user_not_in_channel' };
      if (!hasContent(args)) return { ok: false, error: 'no_text' };
      return { ok: true, message_ts: nextTs() };
    },
    'chat.startStream': (args) => {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      if (!args.thread_ts) return { ok: false, error: 'invalid_arguments' };
      const text = streamedText(args);
      if (text.length > markdownLimit) return { ok: false, error: 'msg_too_long' };
      const stored: SlackMessage = {
        channel: String(args.channel),
        ts: nextTs(),
        threadTs: String(args.thread_ts),
        text,
        streaming: true,
      };
      store.set(key(stored.channel, stored.ts), stored);
      return { ok: true, channel: stored.channel, ts: stored.ts };
    },
    'chat.appendStream': (args) => {
      const stored = openStream(args);
      if ('ok' in stored) return stored;
      if (args.markdown_text === undefined && args.chunks === undefined)
        return { ok: false, error: 'invalid_arguments' };
      const text = streamedText(args);
      if (text.length > markdownLimit) return { ok: false, error: 'msg_too_long' };
      stored.text += text;
      return { ok: true, channel: stored.channel, ts: stored.ts };
    },
    'chat.stopStream': (args) => {
      const stored = openStream(args);
      if ('ok' in stored) return stored;
      const text = streamedText(args);
      if (text.length > markdownLimit) return { ok: false, error: 'msg_too_long' };
      stored.text += text;
      if (Array.isArray(args.blocks)) stored.blocks = args.blocks;
      stored.streaming = false;
      return { ok: true, channel: stored.channel, ts: stored.ts, message: messageOf(stored) };
    },
    'assistant.threads.setStatus': (args) => {
      if (!args.channel_id) return { ok: false, error: 'channel_not_found' };
      if (!args.thread_ts || args.status === undefined) return { ok: false, error: 'invalid_arguments' };
      return { ok: true };
    },
    'reactions.add': (args) => {
      if (!args.name) return { ok: false, error: 'invalid_name' };
      if (activeReaction(args)) return { ok: false, error: 'already_reacted' };
      reactions.push({
        channel: String(args.channel),
        ts: String(args.timestamp),
        name: String(args.name),
        removed: false,
      });
      return { ok: true };
    },
    'reactions.remove': (args) => {
      const reaction = activeReaction(args);
      if (!reaction) return { ok: false, error: 'no_reaction' };
      reaction.removed = true;
      return { ok: true };
    },
    'users.info': (args) => {
      if (!args.user) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: userOf(String(args.user), teamId, botUserId) };
    },
    'conversations.info': (args) => {
      if (!args.channel) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: conversationOf(String(args.channel)) };
    },
    'apps.connections.open': () => ({ ok: true, url: socketMode.issueUrl() }),
  };

  function activeReaction(args: Record<string, unknown>) {
    return reactions.find(
      (reaction) =>
        !reaction.removed &&
        reaction.channel === String(args.channel) &&
        reaction.ts === String(args.timestamp) &&
        reaction.name === String(args.name),
    );
  }

  function answerOf(method: string, token: string | undefined, args: Record<string, unknown>): Answer {
    const handler = methods[method];
    if (!handler) return { ok: false, error: 'unknown_method' };
    if (!token) return { ok: false, error: 'not_authed' };
    const appToken = token.startsWith('xapp-');
    if (method === 'apps.connections.open' && !appToken) return { ok: false, error: 'invalid_auth' };
    if (method !== 'apps.connections.open' && appToken) return { ok: false, error: 'not_allowed_token_type' };
    return handler(args);
  }

  function scriptedFailure(method: string): SlackFailure | undefined {
    const queue = queued.get(method);
    if (queue?.length) return queue.shift();
    return outages.get(method) ?? outages.get('*');
  }

  const server = http.createServer(async (request, response) => {
    let body = '';
    try {
      for await (const chunk of request) body += chunk;
    } catch {
      return; // the client went away mid-request
    }
    const requestUrl = new URL(request.url ?? '/', 'http://localhost');
    if (!requestUrl.pathname.startsWith('/api/')) {
      response.writeHead(404).end();
      return;
    }
    const method = requestUrl.pathname.slice('/api/'.length);
    const args = { ...decodeFields(requestUrl.searchParams), ...parseBody(request.headers['content-type'], body) };
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const call: SlackCall = { method, token, args, at: Date.now(), answered: 0 };
    calls.push(call);
    const failure = scriptedFailure(method);
    if (failure?.dropConnection) {
      call.error = 'connection_dropped';
      request.socket.destroy();
    } else if (failure) {
      const status = failure.status ?? (failure.retryAfter !== undefined ? 429 : 200);
      const error = failure.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (status === 429) headers['retry-after'] = String(failure.retryAfter ?? 1);
      Object.assign(call, { answered: status, error });
      response.writeHead(status, headers).end(JSON.stringify({ ok: false, error }));
    } else {
      const answer = answerOf(method, token, args);
      call.answered = 200;
      if (!answer.ok) call.error = answer.error;
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
    }
    notify();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const socketMode = startSocketMode(server, port);

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failNext: (method, ...answers) => queued.set(method, [...(queued.get(method) ?? []), ...answers]),
    failAlways: (method, answer) => (answer ? outages.set(method, answer) : outages.delete(method)),
    waitFor: (predicate, timeoutMs = 10_000) =>
      until(
        listeners,
        () => predicate(calls),
        timeoutMs,
        () => `calls seen:\n${describeCalls(calls)}`,
      ),
    messages: (channel) =>
      [...store.values()]
        .filter((stored) => channel === undefined || stored.channel === channel)
        .sort((a, b) => compareTs(a.ts, b.ts))
        .map((stored) => ({ ...stored })),
    reactions,
    socketMode: socketMode.double,
    close: async () => {
      await socketMode.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `startSlackApiDouble`'s Socket Mode side on the same HTTP server, under `/link/`. */
function startSocketMode(server: http.Server, port: number) {
  const sockets = new WebSocketServer({ noServer: true });
  const tickets = new Set<string>();
  const open = new Set<WebSocket>();
  const leaving = new WeakSet<WebSocket>();
  const listeners = new Set<() => void>();
  const notify = () => [...listeners].forEach((listener) => listener());
  const acks = new Map<string, (frame: { envelope_id: string; payload?: unknown } | Error) => void>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';
  let connections = 0;
  let current: WebSocket | undefined;

  function issueUrl() {
    const ticket = randomUUID();
    tickets.add(ticket);
    url = `ws://127.0.0.1:${port}/link/?ticket=${ticket}`;
    return url;
  }
  issueUrl();

  server.on('upgrade', (request, socket, head) => {
    const requestUrl = new URL(request.url ?? '/', 'http://localhost');
    const ticket = requestUrl.searchParams.get('ticket') ?? '';
    if (requestUrl.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      connections += 1;
      open.add(websocket);
      current = websocket;
      // The client answers pings with pongs; it starts its own server-ping watchdog on the first ping.
      const pinger = setInterval(() => websocket.ping(), pingIntervalMs);
      websocket.on('message', (data) => {
        let frame: { envelope_id?: string; payload?: unknown };
        try {
          frame = JSON.parse(String(data));
        } catch {
          return; // Slack ignores frames that are not JSON
        }
        if (frame.envelope_id) acks.get(frame.envelope_id)?.(frame as { envelope_id: string });
      });
      websocket.on('close', () => {
        clearInterval(pinger);
        open.delete(websocket);
        if (current === websocket) current = [...open].filter((other) => !leaving.has(other)).at(-1);
      });
      websocket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: open.size,
          debug_info: { host: 'applink-double', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0KILN' },
        }),
      );
      notify();
    });
  });

  const whenConnected = (count = 1, timeoutMs = 5_000) =>
    until(
      listeners,
      () => current !== undefined && connections >= count,
      timeoutMs,
      () => `no Socket Mode client connected (${connections} connections so far, ${count} awaited)`,
    );

  const double: SocketModeDouble = {
    get url() {
      return url;
    },
    get connections() {
      return connections;
    },
    async send(type, payload, options = {}) {
      const timeoutMs = options.timeoutMs ?? 5_000;
      if (type === 'events_api' && typeof (payload as { event?: { type?: unknown } })?.event?.type !== 'string') {
        throw new TypeError('an events_api payload is an event_callback body with event.type');
      }
      const started = Date.now();
      await whenConnected(1, timeoutMs);
      const websocket = current!;
      const envelopeId = options.envelopeId ?? randomUUID();
      const retryAttempt = options.retryAttempt ?? 0;
      const envelope = {
        envelope_id: envelopeId,
        type,
        accepts_response_payload: acceptsResponsePayload(type, payload),
        payload,
        ...(type === 'events_api' ? { retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' } : {}),
      };
      return new Promise((resolve, reject) => {
        const settle = (frame: { envelope_id: string; payload?: unknown } | Error) => {
          clearTimeout(timer);
          timers.delete(timer);
          acks.delete(envelopeId);
          websocket.off('close', closed);
          if (frame instanceof Error) reject(frame);
          else resolve(frame);
        };
        const closed = () => settle(new Error(`the connection closed before envelope ${envelopeId} was acked`));
        const timer = setTimeout(
          () => settle(new Error(`no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms`)),
          Math.max(0, timeoutMs - (Date.now() - started)),
        );
        timers.add(timer);
        acks.set(envelopeId, settle);
        websocket.on('close', closed);
        websocket.send(JSON.stringify(envelope));
      });
    },
    disconnect(reason = 'refresh_requested') {
      const websocket = current;
      if (!websocket) return;
      leaving.add(websocket);
      current = [...open].filter((other) => !leaving.has(other)).at(-1);
      websocket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-double' } }));
      const timer = setTimeout(() => websocket.terminate(), disconnectGraceMs);
      timers.add(timer);
      websocket.on('close', () => clearTimeout(timer));
    },
    whenConnected,
  };

  return {
    double,
    issueUrl,
    close: async () => {
      for (const settle of acks.values()) settle(new Error('the Slack double was closed'));
      timers.forEach(clearTimeout);
      for (const websocket of open) websocket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}

/** Slack lets the ack carry a response for slash commands, option loads and view submissions. */
function acceptsResponsePayload(type: EnvelopeType, payload: unknown) {
  if (type === 'slash_commands') return true;
  const kind = (payload as { type?: unknown } | null)?.type;
  return type === 'interactive' && (kind === 'block_suggestion' || kind === 'view_submission');
}

/** Resolves once `condition()` holds, checked now and whenever a listener is notified. */
function until(listeners: Set<() => void>, condition: () => boolean, timeoutMs: number, explain: () => string) {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      listeners.delete(check);
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    };
    const check = () => {
      try {
        if (condition()) finish();
      } catch (error) {
        finish(error);
      }
    };
    const timer = setTimeout(() => finish(new Error(`not met within ${timeoutMs} ms; ${explain()}`)), timeoutMs);
    listeners.add(check);
    check();
  });
}

/** Message ts values as Slack makes them: `seconds.micros`, unique and increasing. */
function timestamps() {
  let last = 0;
  return () => {
    last = Math.max(Date.now() * 1000, last + 1);
    return `${Math.floor(last / 1e6)}.${String(last % 1e6).padStart(6, '0')}`;
  };
}

function compareTs(a: string, b: string) {
  const [aSeconds = 0, aMicros = 0] = a.split('.').map(Number);
  const [bSeconds = 0, bMicros = 0] = b.split('.').map(Number);
  return aSeconds - bSeconds || aMicros - bMicros;
}

function hasContent(args: Record<string, unknown>) {
  return Boolean(args.text || args.markdown_text || args.blocks || args.attachments);
}

/** `markdown_text`, then the text of `markdown_text` chunks (other chunk kinds show no text). */
function streamedText(args: Record<string, unknown>) {
  const chunks = Array.isArray(args.chunks) ? (args.chunks as Array<{ type?: unknown; text?: unknown }>) : [];
  const chunkText = chunks.filter((chunk) => chunk.type === 'markdown_text').map((chunk) => String(chunk.text ?? ''));
  return [typeof args.markdown_text === 'string' ? args.markdown_text : '', ...chunkText].join('');
}

function parseBody(contentType: string | undefined, body: string): Record<string, unknown> {
  if (!body) return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
    } catch {
      return {};
    }
  }
  return decodeFields(new URLSearchParams(body));
}

/** Form fields as strings, except those holding a JSON array or object (WebClient encodes `blocks` so). */
function decodeFields(fields: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    args[name] = value;
    if (/^\s*[[{]/.test(value)) {
      try {
        args[name] = JSON.parse(value);
      } catch {
        // Not JSON after all: keep the string, as Slack would see it.
      }
    }
  }
  return args;
}

function userOf(id: string, teamId: string, botUserId: string) {
  const name = `user-${id.toLowerCase()}`;
  const realName = id === botUserId ? 'Kiln' : `User ${id}`;
  return {
    id,
    team_id: teamId,
    name,
    real_name: realName,
    is_bot: id === botUserId,
    deleted: false,
    tz: 'Europe/London',
    profile: { display_name: name, real_name: realName, email: `${name}@example.com` },
  };
}

function conversationOf(id: string) {
  const direct = id.startsWith('D');
  return {
    id,
    name: direct ? undefined : `channel-${id.toLowerCase()}`,
    is_channel: id.startsWith('C'),
    is_group: id.startsWith('G'),
    is_im: direct,
    is_private: !id.startsWith('C'),
    is_archived: false,
    is_member: true,
    created: 1_700_000_000,
  };
}

function describeCalls(calls: SlackCall[]) {
  if (calls.length === 0) return '  (none)';
  return calls
    .map(
      (call) => `  ${call.method} → ${call.answered}${call.error ? ` ${call.error}` : ''} ${JSON.stringify(call.args)}`,
    )
    .join('\n');
}
