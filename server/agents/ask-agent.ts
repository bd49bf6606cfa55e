import { languageNamedIn } from '../../knowledge/retrieval/language-hint.ts';
import type { GroundingPattern, LlmProvider } from '../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';
import { relayModel } from './stream-text.ts';
import { retrievePatterns, toGrounding, type PatternSearch } from './retrieve-patterns.ts';

const systemPrompt = `You are Kiln, a coding assistant. Answer the developer's question directly and correctly.
Prefer short explanations and complete, runnable code in fenced blocks with the language named.
Say so when you are unsure; never invent APIs.`;

/**
 * Questions and explanations: retrieve the closest patterns (shown as
 * citations), then the model's answer grounded in them, streamed as it comes.
 * A failing retrieval is reported in the `retrieval` event and the answer goes on.
 */
export class AskAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly retriever: PatternSearch | undefined,
    private readonly maxOutputTokens = 4096,
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    let grounding: GroundingPattern[] = [];
    if (this.retriever) {
      const retrieved = await retrievePatterns(this.retriever, context.message, {
        k: 5,
        prefer: languageNamedIn(context.message),
      });
      yield retrieved.event;
      grounding = retrieved.grounding.map(toGrounding);
    }
    return yield* relayModel(
      this.provider,
      {
        system: systemPrompt,
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.maxOutputTokens,
        grounding,
      },
      context.signal,
    );
  }
}
