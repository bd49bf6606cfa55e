import type { HybridRetriever, RetrievedPattern } from '../../../knowledge/retrieval/hybrid-retriever.ts';
import type { Citation, ReviewFinding } from '../../../protocol/turn-events.ts';
import type { GroundingPattern } from '../../llm/llm-provider.ts';
import { rulesById } from './rule-registry.ts';

/** How many different rules get a pattern looked up: the top of the list is what the user fixes first. */
const citedRules = 3;
const storeLanguages = new Set(['typescript', 'javascript', 'python', 'sql', 'shell']);

export interface PatternCitations {
  citations: Citation[];
  /** The 1-based citation for a rule id. */
  citationFor: Map<string, number>;
  grounding: GroundingPattern[];
  notice?: string;
}

/**
 * For the most important findings whose rule names a fix pattern, the best
 * matching pattern from the store (preferring the code's language), each cited
 * once. A store that cannot be searched gives no citations and a notice.
 * Undefined when no finding names a pattern (nothing was searched).
 */
export async function citePatterns(
  retriever: Pick<HybridRetriever, 'search'>,
  findings: readonly ReviewFinding[],
  language: string,
): Promise<PatternCitations | undefined> {
  const queries = new Map<string, string>();
  for (const finding of findings) {
    const query = rulesById.get(finding.rule)?.patternQuery;
    if (query && !queries.has(finding.rule) && queries.size < citedRules) queries.set(finding.rule, query);
  }
  if (queries.size === 0) return undefined;
  const result: PatternCitations = { citations: [], citationFor: new Map(), grounding: [] };
  const prefer = storeLanguages.has(language) ? language : undefined;
  try {
    const searches = await Promise.all(
      [...queries].map(async ([rule, query]) => [rule, await retriever.search(query, { k: 3, prefer })] as const),
    );
    const notices = new Set<string>();
    for (const [rule, { results, notices: searchNotices }] of searches) {
      searchNotices.forEach((notice) => notices.add(notice));
      const best = results.find(isRelevant);
      if (!best) continue;
      let index = result.citations.findIndex((citation) => citation.patternId === best.pattern.id);
      if (index < 0) {
        result.citations.push(toCitation(best));
        result.grounding.push(toGrounding(best));
        index = result.citations.length - 1;
      }
      result.citationFor.set(rule, index + 1);
    }
    if (notices.size > 0) result.notice = [...notices].join(' ');
  } catch (error) {
    result.notice = `The pattern store could not be searched: ${(error as Error).message}`;
  }
  return result;
}

/** A hit worth citing: close in meaning, or matched by words (as the ask agent judges it). */
function isRelevant(result: RetrievedPattern): boolean {
  return (result.sources.vector ?? 0) >= 0.2 || (result.sources.text ?? 0) > 0;
}

function toCitation(result: RetrievedPattern): Citation {
  return {
    patternId: result.pattern.id,
    title: result.pattern.title,
    language: result.pattern.language,
    score: result.score,
    sources: result.sources,
  };
}

function toGrounding({ pattern }: RetrievedPattern): GroundingPattern {
  return {
    id: pattern.id,
    title: pattern.title,
    language: pattern.language,
    summary: pattern.summary,
    code: pattern.code,
    source: pattern.source.kind,
  };
}
