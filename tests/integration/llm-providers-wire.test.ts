import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../server/llm/anthropic-provider.ts';
import type { LlmProvider, LlmRequest, LlmStreamPart, LlmTool } from '../../server/llm/llm-provider.ts';
import { OpenAiProvider } from '../../server/llm/openai-provider.ts';
import { resilientProvider } from '../../server/llm/resilient-provider.ts';
import { startReplayLlmServer, type Reply } from '../support/replay-llm-server.ts';

const request = {
  system: 'You are Kiln.',
  messages: [
    { role: 'user' as const, content: 'What is a debounce?' },
    { role: 'assistant' as const, content: 'It delays a call.' },
    { role: 'user' as const, content: 'Show me one.' },
  ],
  maxOutputTokens: 256,
};

type Server = Awaited<ReturnType<typeof startReplayLlmServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(stream: AsyncIterable<LlmStreamPart>) {
  const parts: LlmStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const text = (parts: LlmStreamPart[]) => parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
const notText = (parts: LlmStreamPart[]) => parts.filter((part) => part.type !== 'text-delta');

const vendors = [
  {
    name: 'Anthropic',
    path: '/v1/messages',
    success: (pieces: string[], extra: Partial<Extract<Reply, { kind: 'anthropic' }>> = {}): Reply => ({
      kind: 'anthropic',
      pieces,
      ...extra,
    }),
    create: (url: string): LlmProvider =>
      new AnthropicProvider({ apiKey: 'test-key', model: 'claude-sonnet-4-5', baseUrl: url }),
    expectedUsage: { inputTokens: 25, outputTokens: 3 },
  },
  {
    name: 'OpenAI',
    path: '/v1/chat/completions',
    success: (pieces: string[], extra: Partial<Extract<Reply, { kind: 'openai' }>> = {}): Reply => ({
      kind: 'openai',
      pieces,
      ...extra,
    }),
    create: (url: string): LlmProvider =>
      new OpenAiProvider({ apiKey: 'test-key', model: 'gpt-4o-mini', baseUrl: `${url}/v1` }),
    expectedUsage: { inputTokens: 20, outputTokens: 3 },
  },
] as const;

describe.each(vendors)('$name adapter against its streaming wire format', (vendor) => {
  it('streams the text and reports usage, from the request the API documents', async () => {
    server = await startReplayLlmServer([vendor.success(['Here', ' is', ' one.'])]);
    const parts = await collect(vendor.create(server.url).stream(request, new AbortController().signal));
    expect(text(parts)).toBe('Here is one.');
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop', usage: vendor.expectedUsage });
    const [sent] = server.requests;
    expect(sent!.url).toBe(vendor.path);
    expect(sent!.body).toMatchObject({ stream: true, max_tokens: 256 });
    if (vendor.name === 'Anthropic') {
      // SDK 1.x sends the key as a bearer token, with the API version header.
      expect(sent!.headers.authorization).toBe('Bearer test-key');
      expect(sent!.headers['anthropic-version']).toBeTruthy();
      expect(sent!.body).toMatchObject({
        system: 'You are Kiln.',
        messages: request.messages,
        model: 'claude-sonnet-4-5',
      });
    } else {
      expect(sent!.headers.authorization).toBe('Bearer test-key');
      expect(sent!.body).toMatchObject({
        model: 'gpt-4o-mini',
        stream_options: { include_usage: true },
        messages: [{ role: 'system', content: 'You are Kiln.' }, ...request.messages],
      });
    }
  });

  it('maps a length stop', async () => {
    server = await startReplayLlmServer([
      vendor.name === 'Anthropic'
        ? vendor.success(['cut'], { stopReason: 'max_tokens' } as never)
        : vendor.success(['cut'], { finishReason: 'length' } as never),
    ]);
    const parts = await collect(vendor.create(server.url).stream(request, new AbortController().signal));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', reason: 'length' });
  });

  it('retries a 429 after the retry-after it sent, then a 500, then streams', async () => {
    server = await startReplayLlmServer([
      {
        kind: 'error',
        status: 429,
        headers: { 'retry-after': '2' },
        body: { error: { type: 'rate_limit_error', message: 'Rate limited' } },
      },
      { kind: 'error', status: 500, body: { error: { type: 'api_error', message: 'Internal' } } },
      vendor.success(['ok']),
    ]);
    const delays: number[] = [];
    const provider = resilientProvider(vendor.create(server.url), {
      delay: async (ms) => void delays.push(ms),
      baseDelayMs: 100,
      random: () => 1,
    });
    expect(text(await collect(provider.stream(request, new AbortController().signal)))).toBe('ok');
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([2_000, 200]);
  });

  it('fails at once, without retrying, on a rejected key', async () => {
    server = await startReplayLlmServer([
      { kind: 'error', status: 401, body: { error: { type: 'authentication_error', message: 'invalid x-api-key' } } },
    ]);
    const provider = resilientProvider(vendor.create(server.url), { delay: async () => {} });
    await expect(collect(provider.stream(request, new AbortController().signal))).rejects.toMatchObject({
      code: 'llm_authentication',
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a stream cut mid-way as broken, after the text that arrived, and does not retry it', async () => {
    server = await startReplayLlmServer([
      vendor.success(['one', ' two', ' three', ' four'], { cutAfter: 2 } as never),
      vendor.success(['should not be used']),
    ]);
    const provider = resilientProvider(vendor.create(server.url), { delay: async () => {} });
    const parts: LlmStreamPart[] = [];
    const reading = (async () => {
      for await (const part of provider.stream(request, new AbortController().signal)) parts.push(part);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'llm_stream_broken' });
    expect(text(parts)).toBe('one two');
    expect(server.requests).toHaveLength(1);
  });

  it('stops on abort mid-answer and closes the connection', async () => {
    server = await startReplayLlmServer([
      vendor.success(
        Array.from({ length: 50 }, (_, index) => ` w${index}`),
        { pieceDelayMs: 20 } as never,
      ),
    ]);
    const controller = new AbortController();
    const reason = new Error('stopped by the user');
    const parts: LlmStreamPart[] = [];
    const reading = (async () => {
      for await (const part of resilientProvider(vendor.create(server!.url)).stream(request, controller.signal)) {
        parts.push(part);
        if (parts.length === 3) controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    expect(parts).toHaveLength(3);
    await expect.poll(() => server!.closedEarly()).toBe(1);
  });

  it('reuses one keep-alive connection across requests', async () => {
    server = await startReplayLlmServer([vendor.success(['a']), vendor.success(['b']), vendor.success(['c'])]);
    const provider = vendor.create(server.url);
    for (let index = 0; index < 3; index += 1) {
      await collect(provider.stream(request, new AbortController().signal));
      // A finished response hands its socket back to the pool asynchronously; requests in real use are this far apart.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.requests).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });
});

describe('OpenAI-compatible servers that send no usage', () => {
  it('estimates usage from the text (4 characters a token)', async () => {
    server = await startReplayLlmServer([{ kind: 'openai', pieces: ['12345678'], usage: false }]);
    const parts = await collect(
      new OpenAiProvider({ apiKey: undefined, model: 'llama3.2', baseUrl: `${server.url}/v1` }).stream(
        request,
        new AbortController().signal,
      ),
    );
    expect(parts.at(-1)).toMatchObject({ type: 'finish', usage: { outputTokens: 2 } });
  });
});

const readFile: LlmTool = {
  name: 'read_file',
  description: 'Read a file of the workspace.',
  inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};
const toolRequest: LlmRequest = { ...request, tools: [readFile] };

/** The turn after the model asked for two files: its calls, then their results (the second one failed). */
const followUp: LlmRequest = {
  system: 'You are Kiln.',
  maxOutputTokens: 256,
  tools: [readFile],
  messages: [
    { role: 'user', content: 'Do a.ts and b.ts agree?' },
    {
      role: 'assistant',
      content: 'Reading both.',
      toolCalls: [
        { id: 'call_a', name: 'read_file', arguments: { path: 'a.ts' } },
        { id: 'call_b', name: 'read_file', arguments: { path: 'b.ts' } },
      ],
    },
    { role: 'tool', toolCallId: 'call_a', content: 'export const a = 1;' },
    { role: 'tool', toolCallId: 'call_b', content: 'ENOENT: no such file b.ts', isError: true },
  ],
};

describe.each(vendors)('$name adapter calling tools', (vendor) => {
  it('streams each call as one tool-call part with parsed arguments, then finishes with tool-calls', async () => {
    server = await startReplayLlmServer([
      vendor.success(['Reading both.'], {
        toolCalls: [
          { id: 'call_a', name: 'read_file', input: { path: 'src/a.ts', lines: [1, 20] }, chunks: 4 },
          { id: 'call_b', name: 'read_file', input: { path: 'src/b.ts' }, chunks: 3 },
        ],
      } as never),
    ]);
    const parts = await collect(vendor.create(server.url).stream(toolRequest, new AbortController().signal));
    expect(text(parts)).toBe('Reading both.');
    expect(notText(parts)).toEqual([
      { type: 'tool-call', id: 'call_a', name: 'read_file', arguments: { path: 'src/a.ts', lines: [1, 20] } },
      { type: 'tool-call', id: 'call_b', name: 'read_file', arguments: { path: 'src/b.ts' } },
      { type: 'finish', reason: 'tool-calls', usage: expect.objectContaining({ inputTokens: expect.any(Number) }) },
    ]);
  });

  it('passes on arguments that are not JSON as their text, without failing the answer', async () => {
    server = await startReplayLlmServer([
      vendor.success([], { toolCalls: [{ id: 'call_a', name: 'read_file', input: '{"path": "src/a.ts"' }] } as never),
    ]);
    const parts = await collect(vendor.create(server.url).stream(toolRequest, new AbortController().signal));
    expect(notText(parts)).toEqual([
      { type: 'tool-call', id: 'call_a', name: 'read_file', arguments: '{"path": "src/a.ts"' },
      expect.objectContaining({ type: 'finish', reason: 'tool-calls' }),
    ]);
  });

  it('yields no half call from a stream cut mid-call, so the retry gives the caller exactly one', async () => {
    const call = { id: 'call_a', name: 'read_file', input: { path: 'src/a.ts' }, chunks: 4 };
    server = await startReplayLlmServer([
      vendor.success([], { toolCalls: [call], cutAfter: 2 } as never),
      vendor.success([], { toolCalls: [call] } as never),
    ]);
    const provider = resilientProvider(vendor.create(server.url), { delay: async () => {} });
    const parts = await collect(provider.stream(toolRequest, new AbortController().signal));
    expect(server.requests).toHaveLength(2);
    expect(parts.filter((part) => part.type === 'tool-call')).toEqual([
      { type: 'tool-call', id: 'call_a', name: 'read_file', arguments: { path: 'src/a.ts' } },
    ]);
  });
});

describe('Anthropic tool calling on the wire', () => {
  const create = (url: string) =>
    new AnthropicProvider({ apiKey: 'test-key', model: 'claude-sonnet-4-5', baseUrl: url });

  it('sends the tools as name, description and input_schema, and no tools when there are none', async () => {
    server = await startReplayLlmServer([
      { kind: 'anthropic', pieces: ['ok'] },
      { kind: 'anthropic', pieces: ['ok'] },
    ]);
    await collect(create(server.url).stream(toolRequest, new AbortController().signal));
    await collect(create(server.url).stream(request, new AbortController().signal));
    expect(server.requests[0]!.body.tools).toEqual([
      {
        name: 'read_file',
        description: 'Read a file of the workspace.',
        input_schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
      },
    ]);
    expect(server.requests[1]!.body).not.toHaveProperty('tools');
  });

  it('sends the calls as tool_use blocks and their results in one user message of tool_result blocks', async () => {
    server = await startReplayLlmServer([{ kind: 'anthropic', pieces: ['They disagree: b.ts is missing.'] }]);
    const parts = await collect(create(server.url).stream(followUp, new AbortController().signal));
    expect(text(parts)).toBe('They disagree: b.ts is missing.');
    expect(server.requests[0]!.body.messages).toEqual([
      { role: 'user', content: 'Do a.ts and b.ts agree?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Reading both.' },
          { type: 'tool_use', id: 'call_a', name: 'read_file', input: { path: 'a.ts' } },
          { type: 'tool_use', id: 'call_b', name: 'read_file', input: { path: 'b.ts' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_a', content: 'export const a = 1;', is_error: false },
          { type: 'tool_result', tool_use_id: 'call_b', content: 'ENOENT: no such file b.ts', is_error: true },
        ],
      },
    ]);
  });
});

describe('OpenAI tool calling on the wire', () => {
  const create = (url: string) =>
    new OpenAiProvider({ apiKey: 'test-key', model: 'gpt-4o-mini', baseUrl: `${url}/v1` });

  it('sends the tools as functions with their parameters, and no tools when there are none', async () => {
    server = await startReplayLlmServer([
      { kind: 'openai', pieces: ['ok'] },
      { kind: 'openai', pieces: ['ok'] },
    ]);
    await collect(create(server.url).stream(toolRequest, new AbortController().signal));
    await collect(create(server.url).stream(request, new AbortController().signal));
    expect(server.requests[0]!.body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'read_file',
          description: 'Read a file of the workspace.',
          parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        },
      },
    ]);
    expect(server.requests[1]!.body).not.toHaveProperty('tools');
  });

  it('sends the calls as the assistant tool_calls and each result as a tool message', async () => {
    server = await startReplayLlmServer([{ kind: 'openai', pieces: ['They disagree: b.ts is missing.'] }]);
    const parts = await collect(create(server.url).stream(followUp, new AbortController().signal));
    expect(text(parts)).toBe('They disagree: b.ts is missing.');
    expect(server.requests[0]!.body.messages).toEqual([
      { role: 'system', content: 'You are Kiln.' },
      { role: 'user', content: 'Do a.ts and b.ts agree?' },
      {
        role: 'assistant',
        content: 'Reading both.',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } },
          { id: 'call_b', type: 'function', function: { name: 'read_file', arguments: '{"path":"b.ts"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'export const a = 1;' },
      { role: 'tool', tool_call_id: 'call_b', content: 'ENOENT: no such file b.ts' },
    ]);
  });
});
