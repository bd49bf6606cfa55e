import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that answers model API calls the way the vendors'
 * documentation shows: Anthropic's Messages SSE events and OpenAI's
 * `chat.completion.chunk` lines ending in `[DONE]`. Each request takes the next
 * scripted reply; requests (JSON bodies parsed) and TCP connections are recorded.
 *
 * A reply streams its text `pieces`, then its `toolCalls` the way the vendor streams them, each call's arguments
 * split into `chunks` fragments (default 3):
 * - Anthropic: a `tool_use` block per call (`content_block_start`, `input_json_delta`s, `content_block_stop`),
 *   then stop reason `tool_use`;
 * - OpenAI: `delta.tool_calls` fragments with the call's `index`, id and name in the first, the arguments in the
 *   next ones, then finish reason `tool_calls`.
 *
 * A model that reads a file, then answers from it (its second request carries the call and the result):
 *
 *   const model = await startReplayLlmServer([
 *     { kind: 'openai', toolCalls: [{ id: 'call_1', name: 'read_file', input: { path: 'src/a.ts' } }] },
 *     { kind: 'openai', pieces: ['It exports ', 'one constant.'] },
 *   ]);
 *   // point the provider at `${model.url}/v1` (Anthropic: `model.url`), then read `model.requests[1].body.messages`
 *
 * `pieceDelayMs` waits after each event; `cutAfter: n` drops the connection after n events of the answer (text
 * pieces, tool-call events), so the client sees a stream broken mid-way.
 */
export type Reply =
  | ({ kind: 'anthropic'; inputTokens?: number; outputTokens?: number; stopReason?: string } & Streamed)
  | ({
      kind: 'openai';
      promptTokens?: number;
      completionTokens?: number;
      finishReason?: string;
      /** `false`: no usage chunk, like servers that ignore `stream_options`. */
      usage?: boolean;
    } & Streamed)
  | { kind: 'error'; status: number; body: object; headers?: Record<string, string> };

interface Streamed {
  /** Text, one event per piece (none by default). */
  pieces?: string[];
  toolCalls?: ScriptedToolCall[];
  pieceDelayMs?: number;
  cutAfter?: number;
}

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** The arguments: an object is sent as its JSON, a string as it is (to script arguments that are not JSON). */
  input: unknown;
  /** How many fragments the arguments are streamed in (default 3; fewer when the JSON is shorter). */
  chunks?: number;
}

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
    const { opening, answer } = reply.kind === 'anthropic' ? anthropicEvents(reply) : openAiEvents(reply);
    for (const [index, event] of [...opening, ...answer].entries()) {
      if (reply.cutAfter !== undefined && index === opening.length + reply.cutAfter) {
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

/** A call's arguments as the fragments the vendor streams them in. */
function argumentFragments(call: ScriptedToolCall): string[] {
  const text = typeof call.input === 'string' ? call.input : JSON.stringify(call.input);
  const size = Math.max(1, Math.ceil(text.length / (call.chunks ?? 3)));
  const fragments: string[] = [];
  for (let start = 0; start < text.length; start += size) fragments.push(text.slice(start, start + size));
  return fragments;
}

/** The events before the answer, and the answer's (where a scripted cut counts from). */
interface ReplyEvents {
  opening: string[];
  answer: string[];
}

function anthropicEvents(reply: Extract<Reply, { kind: 'anthropic' }>): ReplyEvents {
  const pieces = reply.pieces ?? [];
  const toolCalls = reply.toolCalls ?? [];
  // Like the API, no text block when the answer is only tool calls.
  const textBlocks = pieces.length > 0 || toolCalls.length === 0 ? 1 : 0;
  const toolEvents = toolCalls.flatMap((call, position) => {
    const index = textBlocks + position;
    return [
      sse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
      }),
      ...argumentFragments(call).map((partial_json) =>
        sse('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json },
        }),
      ),
      sse('content_block_stop', { type: 'content_block_stop', index }),
    ];
  });
  const generated = pieces.length + toolCalls.flatMap(argumentFragments).length;
  return {
    opening: [
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
      ...(textBlocks
        ? [
            sse('content_block_start', {
              type: 'content_block_start',
              index: 0,
              content_block: { type: 'text', text: '' },
            }),
          ]
        : []),
    ],
    answer: [
      ...pieces.map((text) =>
        sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
      ),
      ...(textBlocks ? [sse('content_block_stop', { type: 'content_block_stop', index: 0 })] : []),
      ...toolEvents,
      sse('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: reply.stopReason ?? (toolCalls.length ? 'tool_use' : 'end_turn'), stop_sequence: null },
        usage: { output_tokens: reply.outputTokens ?? generated },
      }),
      sse('message_stop', { type: 'message_stop' }),
    ],
  };
}

function openAiEvents(reply: Extract<Reply, { kind: 'openai' }>): ReplyEvents {
  const pieces = reply.pieces ?? [];
  const toolCalls = reply.toolCalls ?? [];
  const chunk = (delta: object, finishReason: string | null) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-replay',
      object: 'chat.completion.chunk',
      created: 1_795_300_000,
      model: 'gpt-4o-mini',
      system_fingerprint: 'fp_replay',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    })}\n\n`;
  const toolEvents = toolCalls.flatMap((call, index) => [
    chunk(
      { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
      null,
    ),
    ...argumentFragments(call).map((fragment) =>
      chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }, null),
    ),
  ]);
  const promptTokens = reply.promptTokens ?? 20;
  const completionTokens = reply.completionTokens ?? pieces.length + toolCalls.flatMap(argumentFragments).length;
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
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
            },
          })}\n\n`,
        ];
  return {
    opening: [chunk({ role: 'assistant', content: '' }, null)],
    answer: [
      ...pieces.map((content) => chunk({ content }, null)),
      ...toolEvents,
      chunk({}, reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop')),
      ...usage,
      'data: [DONE]\n\n',
    ],
  };
}
