import { describe, expect, it } from 'vitest';
import { LlmError } from './llm-error.ts';
import type { LlmProvider, LlmStreamPart } from './llm-provider.ts';
import { resilientProvider } from './resilient-provider.ts';

const request = { system: 's', messages: [{ role: 'user' as const, content: 'hi' }], maxOutputTokens: 10 };
const finish: LlmStreamPart = { type: 'finish', reason: 'stop', usage: { inputTokens: 1, outputTokens: 2 } };

/** A provider whose attempts follow a script: each entry is what one call does. */
function scripted(attempts: ((signal: AbortSignal) => AsyncGenerator<LlmStreamPart>)[]) {
  let calls = 0;
  const provider: LlmProvider = {
    engine: { provider: 'openai', model: 'test' },
    stream: (_request, signal) => attempts[calls++]!(signal),
  };
  return { provider, calls: () => calls };
}

async function collect(stream: AsyncIterable<LlmStreamPart>) {
  const parts: LlmStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const rateLimited = (retryAfterMs?: number) =>
  // eslint-disable-next-line require-yield -- a provider that fails before its first part
  async function* (): AsyncGenerator<LlmStreamPart> {
    throw new LlmError('llm_rate_limited', 'slow down', { retryable: true, retryAfterMs });
  };

describe('resilientProvider', () => {
  it('retries before the first token, honouring retry-after, then streams', async () => {
    const delays: number[] = [];
    const { provider, calls } = scripted([
      rateLimited(2_000),
      rateLimited(),
      async function* () {
        yield { type: 'text-delta', text: 'hello' };
        yield finish;
      },
    ]);
    const resilient = resilientProvider(provider, {
      delay: async (ms) => void delays.push(ms),
      random: () => 1,
      baseDelayMs: 100,
    });
    expect(await collect(resilient.stream(request, new AbortController().signal))).toEqual([
      { type: 'text-delta', text: 'hello' },
      finish,
    ]);
    expect(calls()).toBe(3);
    expect(delays).toEqual([2_000, 200]);
  });

  it('never retries once text has been streamed: the error reaches the caller after the text', async () => {
    const { provider, calls } = scripted([
      async function* () {
        yield { type: 'text-delta', text: 'partial' };
        throw new LlmError('llm_unavailable', 'gone', { retryable: true });
      },
    ]);
    const parts: LlmStreamPart[] = [];
    const attempt = (async () => {
      for await (const part of resilientProvider(provider, { delay: async () => {} }).stream(
        request,
        new AbortController().signal,
      ))
        parts.push(part);
    })();
    await expect(attempt).rejects.toMatchObject({ code: 'llm_unavailable' });
    expect(parts).toEqual([{ type: 'text-delta', text: 'partial' }]);
    expect(calls()).toBe(1);
  });

  it('never retries once a tool call has been streamed: the caller may already be running it', async () => {
    const call: LlmStreamPart = { type: 'tool-call', id: 'call_1', name: 'read_file', arguments: { path: 'a.ts' } };
    const { provider, calls } = scripted([
      async function* () {
        yield call;
        throw new LlmError('llm_stream_broken', 'cut', { retryable: true });
      },
      async function* () {
        yield call;
        yield finish;
      },
    ]);
    const parts: LlmStreamPart[] = [];
    const attempt = (async () => {
      for await (const part of resilientProvider(provider, { delay: async () => {} }).stream(
        request,
        new AbortController().signal,
      ))
        parts.push(part);
    })();
    await expect(attempt).rejects.toMatchObject({ code: 'llm_stream_broken' });
    expect(parts).toEqual([call]);
    expect(calls()).toBe(1);
  });

  it('gives up after the attempts, and at once on errors that cannot succeed later', async () => {
    const retrying = scripted([rateLimited(), rateLimited(), rateLimited()]);
    await expect(
      collect(
        resilientProvider(retrying.provider, { delay: async () => {} }).stream(request, new AbortController().signal),
      ),
    ).rejects.toMatchObject({
      code: 'llm_rate_limited',
    });
    expect(retrying.calls()).toBe(3);

    const refused = scripted([
      // eslint-disable-next-line require-yield -- a provider that fails before its first part
      async function* () {
        throw new LlmError('llm_authentication', 'bad key', { retryable: false });
      },
    ]);
    await expect(
      collect(
        resilientProvider(refused.provider, { delay: async () => {} }).stream(request, new AbortController().signal),
      ),
    ).rejects.toMatchObject({
      code: 'llm_authentication',
    });
    expect(refused.calls()).toBe(1);
  });

  it('times out a provider that never starts, and one that goes quiet mid-answer', async () => {
    const silent = scripted([
      // eslint-disable-next-line require-yield -- a provider that never answers
      async function* (signal) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      },
    ]);
    await expect(
      collect(
        resilientProvider(silent.provider, { attempts: 1, firstPartTimeoutMs: 20 }).stream(
          request,
          new AbortController().signal,
        ),
      ),
    ).rejects.toMatchObject({ code: 'llm_timeout', retryable: true });

    const stalls = scripted([
      async function* (signal) {
        yield { type: 'text-delta', text: 'a' };
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
      },
    ]);
    await expect(
      collect(resilientProvider(stalls.provider, { idleTimeoutMs: 20 }).stream(request, new AbortController().signal)),
    ).rejects.toMatchObject({ code: 'llm_timeout', retryable: false });
  });

  it("stops with the caller's abort reason, without retrying", async () => {
    const controller = new AbortController();
    const { provider, calls } = scripted([
      async function* (signal) {
        yield { type: 'text-delta', text: 'a' };
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        signal.throwIfAborted();
      },
    ]);
    const reason = new Error('stopped by the user');
    const parts: LlmStreamPart[] = [];
    const attempt = (async () => {
      for await (const part of resilientProvider(provider).stream(request, controller.signal)) {
        parts.push(part);
        controller.abort(reason);
      }
    })();
    await expect(attempt).rejects.toBe(reason);
    expect(calls()).toBe(1);
  });
});
