import type { HybridRetriever, RetrievedPattern } from '../../knowledge/retrieval/hybrid-retriever.ts';
import type { Citation, TurnEventOf } from '../../protocol/turn-events.ts';
import type { GroundingPattern } from '../llm/llm-provider.ts';

export type PatternSearch = Pick<HybridRetriever, 'search'>;

/** How many retrieved patterns an answer may draw on, and how close to the best one's score they must be. */
const groundingSize = 3;
const groundingShareOfBest = 0.9;

export interface RetrievedForTurn {
  /** The `retrieval` event to show: the relevant hits as citations, and any notice. */
  event: Omit<TurnEventOf<'retrieval'>, 'turnId' | 'seq'>;
  relevant: RetrievedPattern[];
  /** The hits nearly as good as the best one: a weak third match is noise in an answer. */
  grounding: RetrievedPattern[];
}

/**
 * Searches the pattern store for a turn. A failing search is reported in the
 * event's notice and yields nothing, so the turn goes on without patterns.
 */
export async function retrievePatterns(
  retriever: PatternSearch,
  question: string,
  options: { k: number; prefer?: string },
): Promise<RetrievedForTurn> {
  try {
    const { results, notices } = await retriever.search(question, options);
    const relevant = results.filter(isRelevant);
    const best = relevant[0]?.score ?? 0;
    const grounding = relevant.filter((result) => result.score >= best * groundingShareOfBest).slice(0, groundingSize);
    return {
      event: {
        type: 'retrieval',
        citations: relevant.map(toCitation),
        ...(notices.length ? { notice: notices.join(' ') } : {}),
      },
      relevant,
      grounding,
    };
  } catch (error) {
    return {
      event: {
        type: 'retrieval',
        citations: [],
        notice: `The pattern store could not be searched: ${(error as Error).message}`,
      },
      relevant: [],
      grounding: [],
    };
  }
}

/**
 * A hit worth citing: close in meaning, or matched by more than one telling word (a single word scores about
 * 0.1–0.2 in full text, so “write” or “cards” alone do not make a pattern relevant).
 */
function isRelevant(result: RetrievedPattern): boolean {
  return (result.sources.vector ?? 0) >= 0.2 || (result.sources.text ?? 0) >= 0.25;
}

export function toCitation(result: RetrievedPattern): Citation {
  return {
    patternId: result.pattern.id,
    title: result.pattern.title,
    language: result.pattern.language,
    score: result.score,
    sources: result.sources,
  };
}

/** Where a pattern came from, as shown to users: `seed · knowledge/corpus/typescript/debounce/pattern.ts:1`. */
export function sourceOf({ pattern }: RetrievedPattern): string {
  const where = pattern.source.path
    ? `${pattern.source.path}${pattern.source.line ? `:${pattern.source.line}` : ''}`
    : pattern.source.kind;
  return `${pattern.source.kind} · ${where}`;
}

export function toGrounding(result: RetrievedPattern): GroundingPattern {
  const { pattern } = result;
  return {
    id: pattern.id,
    title: pattern.title,
    language: pattern.language,
    summary: pattern.summary,
    code: pattern.code,
    source: sourceOf(result),
  };
}
