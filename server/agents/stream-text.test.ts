import { describe, expect, it } from 'vitest';
import type { LlmProvider, LlmStreamPart } from '../llm/llm-provider.ts';
import type { AgentEvent } from './agent.ts';
import { relayModel } from './stream-text.ts';

const providerStreaming = (parts: LlmStreamPart[]): LlmProvider => ({
  engine: { provider: 'openai', model: 'test' },
  async *stream() {
    yield* parts;
  },
});

describe('relayModel', () => {
  it('relays the text, ignores a tool call, and ends a tool-calls finish as a stop', async () => {
    const usage = { inputTokens: 3, outputTokens: 4 };
    const relay = relayModel(
      providerStreaming([
        { type: 'text-delta', text: 'Hello' },
        { type: 'tool-call', id: 'call_1', name: 'read_file', arguments: {} },
        { type: 'finish', reason: 'tool-calls', usage },
      ]),
      { system: 's', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10 },
      new AbortController().signal,
    );
    const events: AgentEvent[] = [];
    for (let next = await relay.next(); ; next = await relay.next()) {
      if (next.done) {
        expect(next.value).toEqual({ finishReason: 'stop', usage });
        break;
      }
      events.push(next.value);
    }
    expect(events).toEqual([{ type: 'text.delta', delta: 'Hello' }]);
  });
});
