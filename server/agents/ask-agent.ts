import type { LlmProvider } from '../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';

const systemPrompt = `You are Kiln, a coding assistant. Answer the developer's question directly and correctly.
Prefer short explanations and complete, runnable code in fenced blocks with the language named.
Say so when you are unsure; never invent APIs.`;

/** Questions and explanations: the conversation so far, the question, the model's answer streamed as it comes. */
export class AskAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly maxOutputTokens = 4096,
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    const parts = this.provider.stream(
      {
        system: systemPrompt,
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.maxOutputTokens,
      },
      context.signal,
    );
    for await (const part of parts) {
      if (part.type === 'text-delta') yield { type: 'text.delta', delta: part.text };
      else return { finishReason: part.reason, usage: part.usage };
    }
    throw new Error('the provider ended without a finish part');
  }
}
