import type { HybridRetriever, RetrievedPattern } from '../../knowledge/retrieval/hybrid-retriever.ts';
import { languageNamedIn } from '../../knowledge/retrieval/language-hint.ts';
import type { Citation } from '../chat/turn-events.ts';
import type { GroundingPattern, LlmProvider } from '../llm/llm-provider.ts';
import type { Agent, AgentContext, AgentEvent, AgentResult } from './agent.ts';

const systemPrompt = `You are Kiln, a coding assistant. Answer the developer's question directly and correctly.
Prefer short explanations and complete, runnable code in fenced blocks with the language named.
Say so when you are unsure; never invent APIs.`;

/** How many retrieved patterns the answer may draw on, and how close to the best one's score they must be. */
const groundingSize = 3;
const groundingShareOfBest = 0.9;

/**
 * Questions and explanations: retrieve the closest patterns (shown as
 * citations), then the model's answer grounded in them, streamed as it comes.
 * A failing retrieval is reported in the `retrieval` event and the answer goes on.
 */
export class AskAgent implements Agent {
  constructor(
    private readonly provider: LlmProvider,
    private readonly retriever: Pick<HybridRetriever, 'search'> | undefined,
    private readonly maxOutputTokens = 4096,
  ) {}

  async *run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult> {
    let grounding: GroundingPattern[] = [];
    if (this.retriever) {
      try {
        const { results, notices } = await this.retriever.search(context.message, { k: 5, prefer: languageNamedIn(context.message) });
        const relevant = results.filter(isRelevant);
        yield { type: 'retrieval', citations: relevant.map(toCitation), ...(notices.length ? { notice: notices.join(' ') } : {}) };
        // Ground only on patterns nearly as good as the best one: a weak third match is noise in an answer.
        const best = relevant[0]?.score ?? 0;
        grounding = relevant.filter((result) => result.score >= best * groundingShareOfBest).slice(0, groundingSize).map(toGrounding);
      } catch (error) {
        yield { type: 'retrieval', citations: [], notice: `The pattern store could not be searched: ${(error as Error).message}` };
      }
    }
    const parts = this.provider.stream(
      {
        system: systemPrompt,
        messages: [...context.history, { role: 'user', content: context.message }],
        maxOutputTokens: this.maxOutputTokens,
        grounding,
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

/** A hit worth citing: close in meaning, or matched by words. */
function isRelevant(result: RetrievedPattern): boolean {
  return (result.sources.vector ?? 0) >= 0.2 || (result.sources.text ?? 0) > 0;
}

function toCitation(result: RetrievedPattern): Citation {
  return { patternId: result.pattern.id, title: result.pattern.title, language: result.pattern.language, score: result.score, sources: result.sources };
}

function toGrounding({ pattern }: RetrievedPattern): GroundingPattern {
  const where = pattern.source.path ? `${pattern.source.path}${pattern.source.line ? `:${pattern.source.line}` : ''}` : pattern.source.kind;
  return { id: pattern.id, title: pattern.title, language: pattern.language, summary: pattern.summary, code: pattern.code, source: `${pattern.source.kind} · ${where}` };
}
