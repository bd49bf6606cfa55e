import type { Logger } from 'pino';
import type { Embedder } from '../embedding/embedder.ts';
import { conceptWordsOf } from '../embedding/local-embedder.ts';
import { patternIdOfNode, patternNodeId, type GraphStore } from '../graph/graph-store.ts';
import { successPrior } from '../learning/success-prior.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import { relevanceModel } from './relevance-model.ts';
import { RelevanceScorer } from './relevance-scorer.ts';

export interface RetrievedPattern {
  pattern: Pattern;
  /** The fused score the results are ordered by (higher is better). */
  score: number;
  /** Each source's own score for this pattern: cosine similarity, text rank, graph weight. */
  sources: { vector?: number; text?: number; graph?: number };
  /** Roughly the probability that the pattern answers the question (0–1; `RelevanceScorer`). Does not rank. */
  relevance: number;
}

export interface RetrievalResult {
  results: RetrievedPattern[];
  /** Plain-language notes on degraded sources ("vector search unavailable: …"). */
  notices: string[];
}

export interface RetrieverOptions {
  /** Candidates taken from each of vector and text search before fusion. */
  candidates?: number;
  /** How many top hits the graph is expanded from. */
  expandFrom?: number;
  /** Reciprocal-rank fusion constant (60 in the original paper; smaller makes the top ranks count more). */
  fusionConstant?: number;
  /** Weight of the full-text list in the fusion (the vector list weighs 1). */
  textWeight?: number;
  /** Weight of a vector hit's cosine and of a text hit's score (against the best), added to its rank's share. */
  vectorScoreWeight?: number;
  textScoreWeight?: number;
  /** Share of a hit's score its graph neighbours receive. */
  graphShare?: number;
  /** Weight of the synonym-expanded full-text list. */
  expandedWeight?: number;
  /** How long a source may take before it is left out, in ms. */
  sourceTimeoutMs?: number;
  /** How many results may come from one source file. */
  perFile?: number;
}

/**
 * Hybrid retrieval: vector search, full-text search and full-text search
 * widened with the concept lexicon's synonyms, in parallel, fused by weighted
 * reciprocal rank (each list contributes weight / (c + rank), plus a share of
 * the hit's own score); then one hop in
 * the graph from the top hits (directly related, superseding or derived
 * patterns join with a share of the hit they hang off); then a prior from
 * proven success (`successPrior`: runs, and thumbs at a quarter of a run's
 * weight, move a score by at most ±25 %; a pattern that keeps failing sinks
 * to about a third). Retired patterns take no part: they are left out of
 * every list before fusion and are not expanded from. A failing source is
 * left out and said so in `notices`; only when both search sources fail does
 * retrieval throw. Each result carries its calibrated `relevance`, which does
 * not change the order.
 */
export class HybridRetriever {
  private readonly candidates: number;
  private readonly expandFrom: number;
  private readonly fusionConstant: number;
  private readonly sourceTimeoutMs: number;
  private readonly textWeight: number;
  private readonly graphShare: number;
  private readonly expandedWeight: number;
  private readonly perFile: number;
  private readonly vectorScoreWeight: number;
  private readonly textScoreWeight: number;
  private readonly relevance: RelevanceScorer;

  constructor(
    private readonly dependencies: {
      patterns: Pick<PatternRepository, 'searchText' | 'findByIds' | 'retiredIds'>;
      /** How many documents hold a word (fewer: rarer, more telling); words never seen count as rarest. */
      documentFrequency?: (word: string) => number;
      embedder: Embedder;
      vectors: () => Promise<VectorIndex>;
      graph: GraphStore;
      log: Logger;
      /** Scores each hit's relevance; without one, every word of a question weighs the same. */
      relevance?: RelevanceScorer;
      /** Searches within a project (for `search`'s `projectId`; `ProjectSearch`). */
      projects?: { search(question: string, options: { projectId: string; k: number }): Promise<RetrievalResult> };
    },
    options: RetrieverOptions = {},
  ) {
    this.candidates = options.candidates ?? 30;
    this.expandFrom = options.expandFrom ?? 3;
    // Tuned on the evaluation set (knowledge/evaluation): see docs/benchmarks.md.
    this.fusionConstant = options.fusionConstant ?? 40;
    this.sourceTimeoutMs = options.sourceTimeoutMs ?? 2_000;
    this.textWeight = options.textWeight ?? 0.7;
    this.graphShare = options.graphShare ?? 0.1;
    this.expandedWeight = options.expandedWeight ?? 0.25;
    this.vectorScoreWeight = options.vectorScoreWeight ?? 0.2;
    this.textScoreWeight = options.textScoreWeight ?? 0.05;
    this.perFile = options.perFile ?? 2;
    this.relevance = dependencies.relevance ?? new RelevanceScorer();
  }

  /**
   * `language` keeps only that language; `prefer` ranks it 25 % higher (a question that names a language).
   * `projectId` searches that project first (the caller has checked the user is a member): its hits come first,
   * then the global store's (seed, learned and unscoped ingested patterns); when no project hit is citable, the
   * global store's citable hits lead.
   */
  async search(
    question: string,
    options: { k?: number; language?: string; prefer?: string; projectId?: string } = {},
  ): Promise<RetrievalResult> {
    if (options.projectId && this.dependencies.projects) {
      const k = options.k ?? 5;
      const [project, global] = await Promise.all([
        this.dependencies.projects.search(question, { projectId: options.projectId, k }).catch((error: unknown) => ({
          results: [] as RetrievedPattern[],
          notices: [`The project could not be searched (${(error as Error).message}).`],
        })),
        this.searchGlobal(question, options),
      ]);
      // The project's hits first, in their order; the global store's citable hits go ahead of them only when no
      // project hit is citable (a question on something the project does not hold, asked in its chat).
      const citable = (hit: RetrievedPattern) => hit.relevance >= relevanceModel.threshold;
      const projectCitable = project.results.some(citable);
      const ahead = (hit: RetrievedPattern) => !projectCitable && citable(hit);
      const results = [
        ...global.results.filter(ahead),
        ...project.results,
        ...global.results.filter((hit) => !ahead(hit)),
      ].slice(0, k);
      return { results, notices: [...project.notices, ...global.notices] };
    }
    return this.searchGlobal(question, options);
  }

  private async searchGlobal(
    question: string,
    options: { k?: number; language?: string; prefer?: string },
  ): Promise<RetrievalResult> {
    const k = options.k ?? 5;
    // Relevance compares a hit with the others of its search, so it is scored over the same window whatever `k`.
    const window = Math.max(k, relevanceWindow);
    const notices: string[] = [];
    // The vector query is the slowest source, so it leaves first: the local embedder answers at once, and full
    // text is prepared on the event loop's next turn, after the query is on the wire (a remote embedder's wait
    // delays nothing but the vector query itself).
    const vectorSearch = this.timed('vector search', async () => {
      const [embedding] = await this.dependencies.embedder.embed([question]);
      return (await this.dependencies.vectors()).query(embedding!, { k: this.candidates, language: options.language });
    }).catch((error: unknown) => {
      notices.push(
        `Vector search is unavailable (${(error as Error).message}); results come from full-text search and the graph.`,
      );
      return undefined;
    });
    await new Promise((resolve) => setImmediate(resolve));
    // Six of each: measured as the balance of recall and latency (full-text cost grows with the rows matched).
    const terms = this.rarest(wordsOf(question), 6);
    const expansions = this.rarest(
      conceptWordsOf(question).filter((word) => !terms.includes(word)),
      6,
    );
    // The widened list (the lexicon's synonyms) finds more and ranks less sharply, so it weighs less in the fusion.
    const textSearch = this.timed('full-text search', () =>
      this.dependencies.patterns.searchText(
        { terms, widened: expansions.length ? [...terms.slice(0, 3), ...expansions] : undefined },
        { k: this.candidates, language: options.language },
      ),
    ).catch((error: unknown) => {
      notices.push(`Full-text search is unavailable (${(error as Error).message}).`);
      return undefined;
    });
    // Few ids, read while the searches run; should it fail, results are still checked one by one below.
    const retiredIds = this.timed('reading retired patterns', () => this.dependencies.patterns.retiredIds()).catch(
      () => new Set<string>(),
    );
    const [vectorResult, text, retired] = await Promise.all([vectorSearch, textSearch, retiredIds]);
    if (!vectorResult && !text) throw new Error(`pattern search is unavailable: ${notices.join(' ')}`);
    const live = <T extends { id: string }>(hits: T[] | undefined) => hits?.filter((hit) => !retired.has(hit.id));
    const vectorHits = live(vectorResult);
    const textHits = live(text?.hits);
    const expandedHits = live(text?.widened);

    const fused = new Map<string, { score: number; sources: RetrievedPattern['sources'] }>();
    const entry = (id: string) => fused.get(id) ?? fused.set(id, { score: 0, sources: {} }).get(id)!;
    // Rank alone flattens a clear winner (first and second differ by 1/(c+1) - 1/(c+2) however far apart their
    // scores are), so each list also adds a share of the score itself: the cosine, and the text rank against the
    // best one (text ranks are unbounded; a best under 1 is kept as it is, a weak list stays weak).
    const bestText = Math.max(1, ...(textHits ?? []).map((hit) => hit.score));
    (vectorHits ?? []).forEach((hit, rank) => {
      const item = entry(hit.id);
      item.score += 1 / (this.fusionConstant + rank + 1) + this.vectorScoreWeight * Math.max(0, hit.score);
      item.sources.vector = round(hit.score);
    });
    (textHits ?? []).forEach((hit, rank) => {
      const item = entry(hit.id);
      item.score += this.textWeight / (this.fusionConstant + rank + 1) + (this.textScoreWeight * hit.score) / bestText;
      item.sources.text = round(hit.score);
    });
    (expandedHits ?? []).forEach((hit, rank) => {
      const item = entry(hit.id);
      item.score += this.expandedWeight / (this.fusionConstant + rank + 1);
      item.sources.text ??= round(hit.score);
    });

    // The graph hop and the rows of the fused hits are fetched together; rows of neighbours that make the cut
    // are fetched afterwards, which is rarely needed (a neighbour gets only a share of its origin's score).
    const sorted = [...fused.entries()].sort((a, b) => b[1].score - a[1].score);
    const top = sorted.slice(0, this.expandFrom);
    const [neighbours, fetched] = await Promise.all([
      this.timed('graph expansion', () =>
        this.dependencies.graph.neighbours(
          top.map(([id]) => patternNodeId(id)),
          { edges: ['RELATED_TO', 'SUPERSEDES', 'DERIVED_FROM'] },
        ),
      ).catch((error: unknown) => {
        notices.push(
          `The knowledge graph is unavailable (${(error as Error).message}); results come without related patterns.`,
        );
        return [];
      }),
      this.dependencies.patterns.findByIds(sorted.slice(0, window * 2).map(([id]) => id)),
    ]);
    for (const neighbour of neighbours) {
      const id = patternIdOfNode(neighbour.node.id);
      const origin = patternIdOfNode(neighbour.origin);
      if (!id || !origin || id === origin || retired.has(id)) continue;
      const weight = (fused.get(origin)?.score ?? 0) * this.graphShare;
      const item = entry(id);
      if (weight > (item.sources.graph ?? 0)) {
        item.score += weight - (item.sources.graph ?? 0);
        item.sources.graph = round(weight);
      }
    }

    const ranked = [...fused.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, window * 2);
    const byId = new Map(fetched.map((pattern) => [pattern.id, pattern]));
    const missing = ranked.map(([id]) => id).filter((id) => !byId.has(id));
    if (missing.length)
      for (const pattern of await this.dependencies.patterns.findByIds(missing)) byId.set(pattern.id, pattern);
    const candidates = ranked
      .flatMap(([id, { score, sources }]) => {
        const pattern = byId.get(id);
        if (!pattern || pattern.status === 'retired' || (options.language && pattern.language !== options.language))
          return [];
        const prior = successPrior(pattern.stats);
        const preference = options.prefer && pattern.language === options.prefer ? 1.25 : 1;
        return [{ pattern, score: round(score * prior * preference * 100), sources }];
      })
      .sort((a, b) => b.score - a.score || a.pattern.id.localeCompare(b.pattern.id))
      .filter(this.fewPerFile())
      .slice(0, window);
    const relevance = this.relevance.relevanceOf(question, candidates, k);
    const results = candidates.slice(0, k).map((hit, index) => ({ ...hit, relevance: relevance[index]! }));
    return { results, notices };
  }

  /**
   * A filter that keeps at most `perFile` results from one source file: a file whose many functions are richly
   * commented matches almost any question in its domain, and would otherwise fill the list with its chunks
   * (seen on an ingested library, where one internal file took all top five places).
   */
  private fewPerFile() {
    const seen = new Map<string, number>();
    return ({ pattern }: Pick<RetrievedPattern, 'pattern'>) => {
      if (!pattern.source.path) return true;
      const file = `${pattern.source.kind} ${pattern.source.repository ?? ''} ${pattern.source.path}`;
      const count = (seen.get(file) ?? 0) + 1;
      seen.set(file, count);
      return count <= this.perFile;
    };
  }

  /**
   * The `count` rarest words the store knows: they tell patterns apart and keep full-text matches few. Words
   * no document holds cannot match and come last.
   */
  private rarest(words: string[], count: number): string[] {
    const frequency = this.dependencies.documentFrequency;
    if (!frequency) return [...new Set(words)].slice(0, count);
    const rank = (word: string) => frequency(word) || Number.MAX_SAFE_INTEGER;
    return [...new Set(words)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, count);
  }

  private async timed<T>(what: string, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${what} took longer than ${this.sourceTimeoutMs} ms`)),
            this.sourceTimeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** How many of a search's best hits each hit's relevance is judged against. */
const relevanceWindow = 10;

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The question's words worth searching for: letters and digits, three or more, lower-cased. */
function wordsOf(question: string): string[] {
  return (question.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => word.length >= 3);
}
