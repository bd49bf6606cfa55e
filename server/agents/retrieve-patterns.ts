import type { PatternProject } from '../../protocol/project.ts';
import type { HybridRetriever, RetrievedPattern } from '../../knowledge/retrieval/hybrid-retriever.ts';
import { relevanceModel } from '../../knowledge/retrieval/relevance-model.ts';
import type { Citation, TurnEventOf } from '../../protocol/turn-events.ts';
import type { GroundingPattern } from '../llm/llm-provider.ts';

export type PatternSearch = Pick<HybridRetriever, 'search'>;

/** How many retrieved patterns an answer may draw on, and how close to the best one's score they must be. */
const groundingSize = 3;
const groundingShareOfBest = 0.9;

export interface RetrievedForTurn {
  /** The `retrieval` event to show: the relevant hits as citations, and any notice. */
  event: Omit<TurnEventOf<'retrieval'>, 'turnId' | 'seq'>;
  /** The hits at or above the citation threshold, best first. */
  relevant: RetrievedPattern[];
  /** The store was searched and nothing in it is relevant enough to cite (false when the search failed). */
  nothingRelevant: boolean;
  /** The hits nearly as good as the best one: a weak third match is noise in an answer. */
  grounding: RetrievedPattern[];
}

/**
 * Searches the pattern store for a turn and keeps the hits whose calibrated relevance reaches the model's
 * threshold (`relevance-model.ts`, chosen by `npm run eval:abstain`): a weak closest match is not cited. When
 * nothing reaches it, the event has no citations and a notice saying so. A failing search is reported in the
 * event's notice and yields nothing, so the turn goes on without patterns.
 */
export async function retrievePatterns(
  retriever: PatternSearch,
  question: string,
  options: { k: number; prefer?: string; project?: PatternProject },
): Promise<RetrievedForTurn> {
  try {
    const { project, ...search } = options;
    const { results, notices } = await retriever.search(question, { ...search, projectId: project?.id });
    // Relevance judges a hit against the others, so of two near-equal siblings (throttle and debounce for a
    // question on throttling) only the leader may pass. A hit ranked after the first relevant one, with nearly
    // its score, is cited too: retrieval cannot tell them apart, and it changes nothing when nothing is relevant.
    const first = results.findIndex((result) => result.relevance >= relevanceModel.threshold);
    const relevant =
      first < 0
        ? []
        : results.filter(
            (result, index) =>
              result.relevance >= relevanceModel.threshold ||
              (index > first && result.score >= results[first]!.score * groundingShareOfBest),
          );
    const best = relevant[0]?.score ?? 0;
    const grounding = relevant.filter((result) => result.score >= best * groundingShareOfBest).slice(0, groundingSize);
    if (relevant.length === 0)
      notices.unshift(
        results.length
          ? `Nothing in the pattern store is relevant enough to cite (the closest, “${results[0]!.pattern.title}”, has relevance ${results[0]!.relevance.toFixed(2)}; citing needs ${relevanceModel.threshold}).`
          : 'Nothing in the pattern store matches this question.',
      );
    return {
      event: {
        type: 'retrieval',
        citations: relevant.map((result) => toCitation(result, project)),
        ...(notices.length ? { notice: notices.join(' ') } : {}),
      },
      relevant,
      nothingRelevant: relevant.length === 0,
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
      nothingRelevant: false,
      grounding: [],
    };
  }
}

/** A hit as cited; a hit from the conversation's project says so, and ingested code names its file. */
export function toCitation(result: RetrievedPattern, project?: PatternProject): Citation {
  const { pattern } = result;
  return {
    patternId: pattern.id,
    title: pattern.title,
    language: pattern.language,
    score: result.score,
    relevance: result.relevance,
    sources: result.sources,
    ...(project && pattern.projectId === project.id ? { project } : {}),
    ...(pattern.source.kind === 'ingest' && pattern.source.path ? { path: pattern.source.path } : {}),
  };
}

/** Where a pattern came from, as shown to users: `seed · knowledge/corpus/typescript/debounce/pattern.ts:1`. */
export function sourceOf({ pattern }: Pick<RetrievedPattern, 'pattern'>): string {
  const where = pattern.source.path
    ? `${pattern.source.path}${pattern.source.line ? `:${pattern.source.line}` : ''}`
    : pattern.source.kind;
  return `${pattern.source.kind} · ${where}`;
}

export function toGrounding(result: Pick<RetrievedPattern, 'pattern'>): GroundingPattern {
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
