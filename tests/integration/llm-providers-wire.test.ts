import { afterEach, describe, expect, it } from 'vitest';
import { AnthropicProvider } from '../../server/llm/anthropic-provider.ts';
import type { LlmProvider, LlmStreamPart } from '../../server/llm/llm-provider.ts';
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
