import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { fromAnthropicEvents, toAnthropicRequest } from './anthropic-provider.ts';
import type { LlmStreamPart } from './llm-provider.ts';

type StreamEvent = Anthropic.Messages.RawMessageStreamEvent;

async function collect(events: object[]) {
  const parts: LlmStreamPart[] = [];
  for await (const part of fromAnthropicEvents(
    (async function* () {
      yield* events as StreamEvent[];
    })(),
  ))
    parts.push(part);
  return parts;
}

const messageStart = { type: 'message_start', message: { usage: { input_tokens: 9, output_tokens: 1 } } };
const toolUseStart = (index: number, id: string) => ({
  type: 'content_block_start',
  index,
  content_block: { type: 'tool_use', id, name: 'read_file', input: {} },
});
const json = (index: number, partial_json: string) => ({
  type: 'content_block_delta',
  index,
  delta: { type: 'input_json_delta', partial_json },
});
const end = (stopReason: string) => [
  { type: 'message_delta', delta: { stop_reason: stopReason }, usage: { output_tokens: 5 } },
  { type: 'message_stop' },
];

describe('fromAnthropicEvents with tool calls', () => {
  it('gives {} for a call streamed without input fragments', async () => {
    const parts = await collect([
      messageStart,
      toolUseStart(0, 'toolu_1'),
      { type: 'content_block_stop', index: 0 },
      ...end('tool_use'),
    ]);
    expect(parts).toEqual([
      { type: 'tool-call', id: 'toolu_1', name: 'read_file', arguments: {} },
      { type: 'finish', reason: 'tool-calls', usage: { inputTokens: 9, outputTokens: 5 } },
    ]);
  });

  it('passes a call cut by the token limit on as its text, and finishes with length', async () => {
    const parts = await collect([
      messageStart,
      toolUseStart(0, 'toolu_1'),
      json(0, '{"path": "src/'),
      { type: 'content_block_stop', index: 0 },
      ...end('max_tokens'),
    ]);
    expect(parts).toEqual([
      { type: 'tool-call', id: 'toolu_1', name: 'read_file', arguments: '{"path": "src/' },
      expect.objectContaining({ type: 'finish', reason: 'length' }),
    ]);
  });
});

describe('toAnthropicRequest with tool calls', () => {
  it('sends calls without text as tool_use blocks only, and arguments that are not an object as {}', () => {
    const body = toAnthropicRequest(
      {
        system: 's',
        maxOutputTokens: 10,
        messages: [
          { role: 'user', content: 'read a.ts' },
          {
            role: 'assistant',
            content: '',
            toolCalls: [{ id: 'toolu_1', name: 'read_file', arguments: '{"path": "a' }],
          },
        ],
      },
      'm',
    );
    expect(body.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'toolu_1', name: 'read_file', input: {} }],
    });
  });

  it('gives each turn of tool results its own user message', () => {
    const call = (id: string) => ({
      role: 'assistant' as const,
      content: '',
      toolCalls: [{ id, name: 'read_file', arguments: {} }],
    });
    const body = toAnthropicRequest(
      {
        system: 's',
        maxOutputTokens: 10,
        messages: [
          { role: 'user', content: 'read a.ts, then b.ts' },
          call('toolu_1'),
          { role: 'tool', toolCallId: 'toolu_1', content: 'a' },
          call('toolu_2'),
          { role: 'tool', toolCallId: 'toolu_2', content: 'b' },
        ],
      },
      'm',
    );
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(body.messages[4]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'b', is_error: false }],
    });
  });
});
