import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { LlmStreamPart } from './llm-provider.ts';
import { fromOpenAiChunks, toOpenAiRequest } from './openai-provider.ts';

type Delta = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta;

const chunk = (delta: Delta, finishReason: string | null = null) =>
  ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'm',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  }) as OpenAI.Chat.Completions.ChatCompletionChunk;

async function collect(chunks: OpenAI.Chat.Completions.ChatCompletionChunk[]) {
  const parts: LlmStreamPart[] = [];
  for await (const part of fromOpenAiChunks(
    (async function* () {
      yield* chunks;
    })(),
    40,
  ))
    parts.push(part);
  return parts;
}

describe('fromOpenAiChunks with tool calls', () => {
  it('assembles interleaved fragments by index, in the order the calls began', async () => {
    const parts = await collect([
      chunk({ tool_calls: [{ index: 1, id: 'call_b', function: { name: 'read_file', arguments: '{"pa' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'list_files', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: 'th":"b.ts"}' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"dir":"src"}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(parts.slice(0, 2)).toEqual([
      { type: 'tool-call', id: 'call_b', name: 'read_file', arguments: { path: 'b.ts' } },
      { type: 'tool-call', id: 'call_a', name: 'list_files', arguments: { dir: 'src' } },
    ]);
    expect(parts[2]).toMatchObject({ type: 'finish', reason: 'tool-calls' });
  });

  it('finishes with tool-calls when a server says stop after calls, and fills in what it left out', async () => {
    const parts = await collect([
      chunk({ tool_calls: [{ index: 0, function: { name: 'list_files' } }] }),
      chunk({}, 'stop'),
    ]);
    expect(parts).toEqual([
      { type: 'tool-call', id: 'call_0', name: 'list_files', arguments: {} },
      expect.objectContaining({ type: 'finish', reason: 'tool-calls' }),
    ]);
  });

  it('yields no call from a stream that breaks off before its finish reason', async () => {
    const parts: LlmStreamPart[] = [];
    const reading = (async () => {
      for await (const part of fromOpenAiChunks(
        (async function* () {
          yield chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'read_file', arguments: '{}' } }] });
        })(),
        40,
      ))
        parts.push(part);
    })();
    await expect(reading).rejects.toMatchObject({ code: 'llm_stream_broken' });
    expect(parts).toEqual([]);
  });
});

describe('toOpenAiRequest with tool calls', () => {
  it('sends arguments that were not JSON back exactly as the model wrote them', () => {
    const body = toOpenAiRequest(
      {
        system: 's',
        maxOutputTokens: 10,
        messages: [
          { role: 'user', content: 'read a.ts' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'call_a', name: 'read_file', arguments: '{"path": "a' }],
          },
          { role: 'tool', toolCallId: 'call_a', content: 'The arguments are not JSON.', isError: true },
        ],
      },
      'm',
    );
    expect(body.messages[2]).toMatchObject({
      tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'read_file', arguments: '{"path": "a' } }],
    });
  });
});
