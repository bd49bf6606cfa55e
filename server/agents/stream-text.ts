import type { LlmProvider, LlmRequest } from '../llm/llm-provider.ts';
import type { AgentEvent, AgentResult } from './agent.ts';

/** The model's answer as `text.delta` events, returning how it finished (every agent that asks a model ends so). */
export async function* relayModel(
  provider: LlmProvider,
  request: LlmRequest,
  signal: AbortSignal,
): AsyncGenerator<AgentEvent, AgentResult> {
  for await (const part of provider.stream(request, signal)) {
    if (part.type === 'text-delta') yield { type: 'text.delta', delta: part.text };
    // Tool calls come only to agents that offer tools, which do not relay: one that arrives anyway is ignored, and
    // the answer ends as a plain stop.
    else if (part.type === 'finish') {
      return { finishReason: part.reason === 'length' ? 'length' : 'stop', usage: part.usage };
    }
  }
  throw new Error('the provider ended without a finish part');
}
