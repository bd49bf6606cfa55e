import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { HybridRetriever } from './hybrid-retriever.ts';

export interface KilnPatternMetadata {
  id: string;
  title: string;
  language: string;
  summary: string;
  tags: string[];
  score: number;
  sources: { vector?: number; text?: number; graph?: number };
  source: { kind: string; path?: string; line?: number; repository?: string; commit?: string };
  successes: number;
  failures: number;
}

/**
 * Kiln's hybrid pattern search as a LangChain retriever, so the store can feed
 * LangChain pipelines: each pattern becomes a `Document` whose content is its
 * code and whose metadata carries title, scores, provenance and proven success.
 * Built on `@langchain/core` alone: the community Chroma integration would bypass
 * the full-text, graph and success-prior parts that make the ranking.
 */
export class KilnPatternRetriever extends BaseRetriever<KilnPatternMetadata> {
  override lc_namespace = ['kiln', 'retrievers'];

  constructor(
    private readonly retriever: Pick<HybridRetriever, 'search'>,
    private readonly options: { k?: number; language?: string } & BaseRetrieverInput = {},
  ) {
    super(options);
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<KilnPatternMetadata>[]> {
    const { results } = await this.retriever.search(query, { k: this.options.k ?? 5, language: this.options.language });
    return results.map(
      ({ pattern, score, sources }) =>
        new Document<KilnPatternMetadata>({
          pageContent: pattern.code,
          id: pattern.id,
          metadata: {
            id: pattern.id,
            title: pattern.title,
            language: pattern.language,
            summary: pattern.summary,
            tags: pattern.tags,
            score,
            sources,
            source: pattern.source,
            successes: pattern.stats.successes,
            failures: pattern.stats.failures,
          },
        }),
    );
  }
}
