import type { LlmProvider, LlmRequest } from '../llm/llm-provider.ts';
import type { AgentEvent, AgentResult } from './agent.ts';

/**
 * A text Kiln composed itself (no model), streamed as word-sized deltas the
 * way a model streams tokens, yielding to the event loop between pieces so
 * Stop and other turns are served while it streams.
 */
export async function* streamText(text: string, signal: AbortSignal): AsyncGenerator<AgentEvent> {
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
    signal.throwIfAborted();
    yield { type: 'text.delta', delta: piece };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Output tokens of a composed text, estimated at 4 characters a token. */
export const estimatedTokens = (text: string) => Math.ceil(text.length / 4);

/** The model's answer as `text.delta` events, returning how it finished (every agent that asks a model ends so). */
export async function* relayModel(provider: LlmProvider, request: LlmRequest, signal: AbortSignal): AsyncGenerator<AgentEvent, AgentResult> {
  for await (const part of provider.stream(request, signal)) {
    if (part.type === 'text-delta') yield { type: 'text.delta', delta: part.text };
    else return { finishReason: part.reason, usage: part.usage };
  }
  throw new Error('the provider ended without a finish part');
}
