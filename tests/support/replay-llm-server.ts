import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that answers model API calls the way the vendors'
 * documentation shows: Anthropic's Messages SSE events and OpenAI's
 * `chat.completion.chunk` lines ending in `[DONE]`. Each request takes the next
 * scripted reply; requests and TCP connections are recorded.
 */
export type Reply =
  | {
      kind: 'anthropic';
      pieces: string[];
      inputTokens?: number;
      outputTokens?: number;
      stopReason?: string;
      pieceDelayMs?: number;
      cutAfter?: number;
    }
  | {
      kind: 'openai';
      pieces: string[];
      promptTokens?: number;
      completionTokens?: number;
      finishReason?: string;
      pieceDelayMs?: number;
      cutAfter?: number;
      usage?: boolean;
    }
  | { kind: 'error'; status: number; body: object; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export async function startReplayLlmServer(initial: Reply[] = []) {
  const replies = [...initial];
  const requests: RecordedRequest[] = [];
  let connections = 0;
  let closedEarly = 0;
  const server = http.createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    requests.push({
      method: request.method!,
      url: request.url!,
      headers: request.headers,
      body: text ? JSON.parse(text) : {},
    });
    const reply = replies.shift() ?? (replies.length === 0 && fallback ? fallback : undefined);
    if (!reply) {
      response.writeHead(500).end('no scripted reply');
      return;
    }
    response.on('close', () => {
      if (!response.writableFinished) closedEarly += 1;
    });
    if (reply.kind === 'error') {
      response
        .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        .end(JSON.stringify(reply.body));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const events = reply.kind === 'anthropic' ? anthropicEvents(reply) : openAiEvents(reply);
    const bodyEvents = reply.kind === 'anthropic' ? 2 : 1; // events before the first text piece
    for (const [index, event] of events.entries()) {
      if (reply.cutAfter !== undefined && index === bodyEvents + reply.cutAfter) {
        response.socket?.destroy();
        return;
      }
      if (response.destroyed) return;
      // Wait for each write to reach the socket, so a scripted cut happens after the events before it.
      await new Promise<void>((resolve) => response.write(event, () => resolve()));
      if (reply.pieceDelayMs) await new Promise((resolve) => setTimeout(resolve, reply.pieceDelayMs));
    }
    response.end();
  });
  server.on('connection', () => (connections += 1));
  let fallback: Reply | undefined;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    closedEarly: () => closedEarly,
    script: (...more: Reply[]) => replies.push(...more),
    /** The reply given whenever the script is empty (for load). */
    always: (reply: Reply) => (fallback = reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sse = (event: string, data: object) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function anthropicEvents(reply: Extract<Reply, { kind: 'anthropic' }>): string[] {
  return [
    sse('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_01replay',
        type: 'message',
        role: 'assistant',
        content: [],
        model: 'claude-sonnet-4-5',
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: reply.inputTokens ?? 25, output_tokens: 1 },
      },
    }),
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ...reply.pieces.map((text) =>
      sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    ),
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
    sse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: reply.stopReason ?? 'end_turn', stop_sequence: null },
      usage: { output_tokens: reply.outputTokens ?? reply.pieces.length },
    }),
    sse('message_stop', { type: 'message_stop' }),
  ];
}

function openAiEvents(reply: Extract<Reply, { kind: 'openai' }>): string[] {
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-replay',
      object: 'chat.completion.chunk',
      created: 1_795_300_000,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_replay',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    })}\n\n`;
  const usage =
    reply.usage === false
      ? []
      : [
          `data: ${JSON.stringify({
            id: 'chatcmpl-replay',
            object: 'chat.completion.chunk',
            created: 1_795_300_000,
            model: 'gpt-4o-mini',
            choices: [],
            usage: {
              prompt_tokens: reply.promptTokens ?? 20,
              completion_tokens: reply.completionTokens ?? reply.pieces.length,
              total_tokens: (reply.promptTokens ?? 20) + (reply.completionTokens ?? reply.pieces.length),
            },
          })}\n\n`,
        ];
  return [
    chunk({ role: 'assistant', content: '' }, null),
    ...reply.pieces.map((content) => chunk({ content }, null)),
    chunk({}, reply.finishReason ?? 'stop'),
    ...usage,
    'data: [DONE]\n\n',
  ];
}
