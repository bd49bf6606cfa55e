import type { Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { HttpCase } from './fuzz-http-cases.ts';
import { ackedSocketEvents, type RawFrame, type SocketIoCase } from './fuzz-socket-cases.ts';

/** What one case found wrong; undefined when the server answered as it may (any 2xx-4xx, a clean refusal). */
export type Finding = { problem: string; request: unknown; answer?: unknown } | undefined;

/** Fills in the ids and the token a case names symbolically (see `HttpCase`). */
export type Resolve = (text: string) => string;

const answerTimeoutMs = 15_000;

/**
 * 503 is how Kiln says "code execution is off" (the fuzz server runs with SANDBOX=off): a deliberate answer to
 * a well-formed run, not a failure. Every other 5xx is one.
 */
const isDeliberate503 = (request: HttpCase, status: number, text: string) =>
  status === 503 &&
  request.method === 'POST' &&
  request.path.startsWith('/api/v1/runs') &&
  /cannot run here/.test(text);

export async function sendHttpCase(baseUrl: string, testCase: HttpCase, resolve: Resolve): Promise<Finding> {
  const request: HttpCase = {
    ...testCase,
    path: resolve(testCase.path),
    headers: Object.fromEntries(Object.entries(testCase.headers).map(([name, value]) => [name, resolve(value)])),
    body: typeof testCase.body === 'string' ? resolve(testCase.body) : testCase.body,
  };
  const body =
    request.body === undefined || typeof request.body === 'string'
      ? request.body
      : Buffer.from(request.body.base64, 'base64');
  const send = () =>
    fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(answerTimeoutMs),
    });
  let response: Response;
  try {
    // Once more on a network failure: a keep-alive connection the server closed after an earlier answer (one
    // whose request body it did not read) fails the next request on it before it reaches the server.
    response = await send().catch((error: unknown) => {
      if (error instanceof TypeError && error.message === 'fetch failed') return send();
      throw error;
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      return { problem: `no answer in ${answerTimeoutMs} ms`, request };
    // "fetch failed" twice over is the server dropping the connection instead of answering.
    if (error instanceof TypeError && error.message === 'fetch failed')
      return { problem: `connection failed: ${String(error.cause)}`, request };
    return undefined; // fetch itself refused to send it (a method or header value it does not allow).
  }
  // A stream (SSE) answers with its status first; its body may go on for as long as the turn does.
  const streaming = response.headers.get('content-type')?.includes('text/event-stream');
  const text = streaming ? '' : await response.text().catch((error: unknown) => `<unreadable body: ${String(error)}>`);
  if (streaming) await response.body?.cancel();
  if (response.status >= 500 && !isDeliberate503(request, response.status, text))
    return { problem: `HTTP ${response.status}`, request, answer: text.slice(0, 2_000) };
  return undefined;
}

/** Emits one event; a known event must be acked, and never with `internal_error`. */
export async function runSocketIoCase(client: Socket, testCase: SocketIoCase, resolve: Resolve): Promise<Finding> {
  const known = (ackedSocketEvents as readonly string[]).includes(testCase.event);
  const args = JSON.parse(resolve(JSON.stringify(testCase.args, replaceBuffers)), reviveBuffers) as unknown[];
  const request = { socketIo: testCase.event, args: testCase.args, ack: testCase.ack };
  // The gateway takes the ack from the last argument, whatever number of payloads came before it.
  if (!testCase.ack || !known) {
    client.emit(testCase.event, ...args, ...(testCase.ack ? [() => {}] : []));
    return undefined;
  }
  const answer = await new Promise<{ error?: Error; ack?: any }>((settle) =>
    client
      .timeout(answerTimeoutMs)
      .emit(testCase.event, ...args, (error: Error | null, ack: unknown) => settle(error ? { error } : { ack })),
  );
  if (answer.error) return { problem: `no ack (${answer.error.message})`, request };
  if (answer.ack?.ok === false && answer.ack.error?.code === 'internal_error')
    return { problem: 'ack with internal_error', request, answer: answer.ack };
  return undefined;
}

/** Buffers survive the round trip through JSON that resolving the placeholders takes. */
const replaceBuffers = (_key: string, value: any) =>
  value?.type === 'Buffer' && Array.isArray(value.data)
    ? { buffer: Buffer.from(value.data).toString('base64') }
    : value;
const reviveBuffers = (_key: string, value: any) =>
  typeof value?.buffer === 'string' && Object.keys(value).length === 1 ? Buffer.from(value.buffer, 'base64') : value;

/**
 * Opens `/api/v1/ws`, sends the frames then a ping: the server must answer the ping (frames are handled in
 * order, so every earlier frame was handled), never send `internal_error`, and not close the connection.
 */
export async function runRawWebSocketCase(
  baseUrl: string,
  frames: RawFrame[],
  authorization: string | undefined,
  resolve: Resolve,
): Promise<Finding> {
  const request = { rawWebSocket: frames, authorization };
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/v1/ws`, {
    headers: authorization ? { authorization: resolve(authorization) } : {},
  });
  const received: any[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Finding>((settle) => {
      timer = setTimeout(
        () => settle({ problem: 'no pong after the frames', request, answer: received }),
        answerTimeoutMs,
      );
      socket.on('error', (error) => settle({ problem: `socket error: ${error.message}`, request }));
      socket.on('close', (code, reason) =>
        settle({ problem: `closed by the server (${code} ${String(reason)})`, request, answer: received }),
      );
      socket.on('message', (data) => {
        let frame: any;
        try {
          frame = JSON.parse(String(data));
        } catch {
          frame = { notJson: String(data) };
        }
        received.push(frame);
        if (frame.code === 'internal_error' || frame.notJson) settle({ problem: 'bad frame', request, answer: frame });
        if (frame.type === 'pong' && received.filter((each) => each.type === 'pong').length > pingsIn(frames)) {
          settle(undefined);
        }
      });
      socket.once('open', () => {
        for (const frame of frames)
          socket.send(typeof frame === 'string' ? resolve(frame) : Buffer.from(frame.base64, 'base64'));
        socket.send(JSON.stringify({ type: 'ping' }));
      });
    });
  } finally {
    clearTimeout(timer);
    socket.removeAllListeners('close');
    socket.on('error', () => {});
    socket.terminate();
  }
}

/** The well-formed pings among the frames (each is answered too, before the final one). */
function pingsIn(frames: RawFrame[]) {
  return frames.filter((frame) => {
    try {
      return typeof frame === 'string' && JSON.parse(frame)?.type === 'ping';
    } catch {
      return false;
    }
  }).length;
}
