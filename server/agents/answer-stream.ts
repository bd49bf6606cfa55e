import type { LlmProvider, LlmRequest } from '../llm/llm-provider.ts';
import type { AgentEvent, AgentResult } from './agent.ts';

/**
 * Streams an answer the agent composed itself (with the offline engine there is no model to write it) in
 * word-sized pieces, the way a model streams, yielding to the event loop between pieces so Stop is served.
 * Usage is estimated at four characters a token, as the offline engine does.
 */
export async function* streamComposedAnswer(answer: string, prompt: string, signal: AbortSignal): AsyncGenerator<AgentEvent, AgentResult> {
  for (const piece of answer.match(/\S+\s*|\s+/g) ?? []) {
    signal.throwIfAborted();
    yield { type: 'text.delta', delta: piece };
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { finishReason: 'stop', usage: { inputTokens: Math.ceil(prompt.length / 4), outputTokens: Math.ceil(answer.length / 4) } };
}

/** Streams a provider's answer as `text.delta` events and returns how it finished. */
export async function* streamProviderAnswer(provider: LlmProvider, request: LlmRequest, signal: AbortSignal): AsyncGenerator<AgentEvent, AgentResult> {
  for await (const part of provider.stream(request, signal)) {
    if (part.type === 'text-delta') yield { type: 'text.delta', delta: part.text };
    else return { finishReason: part.reason, usage: part.usage };
  }
  throw new Error('the provider ended without a finish part');
}

/** The banner every offline answer starts with: it is assembled, not generated, and how to change that. */
export function offlineBanner(assembledFrom: string): string {
  return `*Kiln offline engine: no language model is configured, so this answer is assembled from ${assembledFrom}, not generated.*`;
}

export const configureModelHint =
  'For a generated answer that reads your code, configure a model and restart Kiln: set `ANTHROPIC_API_KEY`, or `OPENAI_API_KEY`, ' +
  'or `OPENAI_BASE_URL` for an OpenAI-compatible server such as Ollama.';
