import { languageNamedIn } from '../../knowledge/retrieval/language-hint.ts';
import type { GroundingPattern, LlmProvider, LlmRequest } from '../llm/llm-provider.ts';
import type { StoreCoverage } from './store-coverage.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';
import { relayModel } from './stream-text.ts';
import { retrievePatterns, toGrounding, type PatternSearch } from './retrieve-patterns.ts';

const systemPrompt = `You are Kiln, a coding assistant. Answer the developer's question directly and correctly.
Prefer short explanations and complete, runnable code in fenced blocks with the language named.
Say so when you are unsure; never invent APIs.`;

/**
 * Questions and explanations: retrieve the relevant patterns (shown as
 * citations), then the model's answer grounded in them, streamed as it comes.
 * When nothing stored is relevant, no pattern is cited or given to the model,
 * which is told so (the offline engine says so, with what the store covers).
 * A failing retrieval is reported in the `retrieval` event and the answer goes on.
 */
export class AskAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly retriever: PatternSearch | undefined,
    private readonly options: { maxOutputTokens?: number; coverage?: Pick<StoreCoverage, 'describe'> } = {},
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    let grounding: GroundingPattern[] = [];
    let nothingRelevant: LlmRequest['nothingRelevant'];
    if (this.retriever) {
      const retrieved = await retrievePatterns(this.retriever, context.message, {
        k: 5,
        prefer: languageNamedIn(context.message),
        project: context.project,
      });
      yield retrieved.event;
      grounding = retrieved.grounding.map(toGrounding);
      if (retrieved.nothingRelevant) nothingRelevant = { storeCovers: await this.options.coverage?.describe() };
    }
    return yield* relayModel(
      this.provider,
      {
        system: systemPrompt,
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.options.maxOutputTokens ?? 4096,
        grounding,
        ...(nothingRelevant ? { nothingRelevant } : {}),
      },
      context.signal,
    );
  }
}
