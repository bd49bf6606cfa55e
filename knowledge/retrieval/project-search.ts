import type { Logger } from 'pino';
import type { Embedder } from '../embedding/embedder.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import type { RetrievedPattern } from './hybrid-retriever.ts';
import { defaultTextWeights, ProjectTextIndex, termsOf, type ProjectTextWeights } from './project-text-index.ts';
import { SynonymExpander, type QueryExpander } from './synonym-expander.ts';
import { WordNetSynonyms } from './wordnet-synonyms.ts';
import { ProjectVectors } from './project-vectors.ts';
import { projectRelevance, type ProjectRelevanceFeatures, type ProjectRelevanceModel } from './project-relevance.ts';

/** Tunables, measured on the fit split of knowledge/evaluation/projects (`npm run eval:projects`). */
export interface ProjectSearchTuning {
  weights: ProjectTextWeights;
  /** Weight of the vector list against the text list in the fusion (text weighs 1). */
  vectorWeight: number;
  /** Reciprocal-rank constant. */
  fusionConstant: number;
  /** Share of a file's other hits added to its best (a file many parts of which match is likely the one meant). */
  fileShare: number;
  /** Weight of a function, class or section hit against its file's own pattern (0: files alone rank). */
  chunkWeight: number;
  /** Extra reward for a pattern matching more of the question's words (see ProjectTextIndex). */
  coordination: number;
  /** Weight of a thesaurus synonym of a question's word against the word itself (0: no expansion). */
  expansionWeight: number;
  /** MiniSearch's BM25+ parameters (saturation k, length normalisation b, floor d), the same for every field. */
  bm25: { k: number; b: number; d: number };
  /** Relevance: logistic weights over the hit's features (project-relevance.ts). */
  relevance: ProjectRelevanceModel;
}

export const defaultProjectTuning: ProjectSearchTuning = {
  weights: defaultTextWeights,
  vectorWeight: 0.6,
  fusionConstant: 20,
  fileShare: 0.15,
  chunkWeight: 0.5,
  coordination: 1,
  expansionWeight: 0.15,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  // Fitted by `npm run eval:projects -- --fit-relevance` (L2 logistic regression of eval:abstain on the fit split's
  // project hits and out-of-scope questions, intercept moved so that at most 8 % of out-of-scope searches cite a hit).
  relevance: {
    weights: {
      coverage: 1.8865,
      aboutCoverage: 1.8967,
      vector: 6.0728,
      first: 0.855,
      lead: 1.0217,
      textLead: 0.9147,
      unknownWords: -1.6855,
    },
    intercept: -4.2819,
  },
};

interface CachedIndex {
  version: string;
  index: ProjectTextIndex;
  /** In how many of the project's files each term appears (for the rarity of a question's words). */
  fileFrequency: Map<string, number>;
  files: number;
  /** What each file says of itself (path, title, summary), by path, for `aboutCoverage`. */
  aboutTerms: Map<string, Set<string>>;
  /** Each file's distinct terms (its file pattern's), by path, for coverage. */
  terms: Map<string, Set<string>>;
  /** The project's vectors in memory, once every pattern's has been read (until then its searches ask Chroma). */
  vectors?: ProjectVectors;
  /** When the vectors may be read again (ms; they are not there yet, or were dropped), and the reading under way. */
  readVectorsAfter?: number;
  readingVectors?: Promise<void>;
}

/** How many projects' indexes are kept in memory, least recently used out first. */
const cachedProjects = 16;

/**
 * Memory for projects' vectors held in memory, all projects together: least recently searched projects' vectors
 * are dropped first (their searches then ask Chroma). The local embedder's vectors of a 2,000-file project take
 * about 8 MB.
 */
const vectorBudgetBytes = 192 * 2 ** 20;

/** How long after reading an incomplete set of vectors (an ingest was writing them) to read them again. */
const vectorRereadMs = 5_000;
/** How long a project whose vectors were dropped for room asks Chroma before its vectors are read again. */
const droppedVectorsMs = 10 * 60_000;

/**
 * Search within one project: its own BM25F index (`ProjectTextIndex`, built on first use and again whenever
 * the project's patterns change) and its vectors, fused by weighted reciprocal rank, then aggregated to files
 * (a question about a file's job is answered by the file, whichever of its parts matched best; each file
 * appears once, by its best pattern). The question's words are searched with their thesaurus synonyms too (at
 * `expansionWeight`), and each file with what the thesaurus says of its name (ProjectTextIndex's `meaning`),
 * because a user asks in their own words ("working days", "nearest") what the code names its own way. Each hit
 * carries a relevance from a logistic over the features in project-relevance.ts.
 */
export class ProjectSearch {
  private readonly cache = new Map<string, Promise<CachedIndex>>();
  /** The cached indexes holding their project's vectors, by project, least recently searched first. */
  private readonly holding = new Map<string, CachedIndex>();
  /** The thesaurus and expander in use: the ones given, else WordNet's, made on first need (it reads 6 MB). */
  private wordNet: WordNetSynonyms | undefined;
  private expanderInUse: QueryExpander | undefined;

  constructor(
    private readonly dependencies: {
      patterns: Pick<PatternRepository, 'listOfProject' | 'projectVersion' | 'findByIds'>;
      embedder: Embedder;
      vectors: () => Promise<VectorIndex>;
      log: Logger;
      /** Synonyms added to a question (a WordNet thesaurus unless told). */
      expander?: QueryExpander;
      /** Synonyms and definitions of the words of file and symbol names (WordNet unless told). */
      thesaurus?: Pick<WordNetSynonyms, 'synonyms' | 'glosses'>;
    },
    private readonly tuning: ProjectSearchTuning = defaultProjectTuning,
  ) {}

  async search(
    question: string,
    options: { projectId: string; k: number; explain?: boolean },
  ): Promise<{ results: RetrievedPattern[]; notices: string[]; features?: ProjectRelevanceFeatures[] }> {
    const notices: string[] = [];
    const candidates = Math.max(30, options.k * 6);
    const indexing = this.indexOf(options.projectId);
    const vectorSearch = (async () => {
      const [embedding] = await this.dependencies.embedder.embed([question]);
      const held = await indexing.then(
        (cached) => this.vectorsOf(options.projectId, cached),
        () => undefined,
      );
      if (held) return held.nearest(embedding!, candidates);
      return (await this.dependencies.vectors()).query(embedding!, { k: candidates, project: options.projectId });
    })().catch((error: unknown) => {
      notices.push(`Vector search of the project is unavailable (${(error as Error).message}).`);
      return [];
    });
    const [cached, vectorHits] = await Promise.all([indexing, vectorSearch]);
    if (cached.index.size === 0) return { results: [], notices };
    const expansion = this.tuning.expansionWeight > 0 ? this.expander.expand(question) : [];
    const textHits = cached.index
      .query(question, candidates * 3, expansion)
      .filter((hit) => this.tuning.chunkWeight > 0 || cached.index.pattern(hit.id)?.isFile)
      .slice(0, candidates);
    const weightOf = (id: string) => (cached.index.pattern(id)?.isFile ? 1 : this.tuning.chunkWeight);

    const { fusionConstant, vectorWeight, fileShare } = this.tuning;
    const fused = new Map<string, { score: number; sources: RetrievedPattern['sources'] }>();
    const entry = (id: string) => fused.get(id) ?? fused.set(id, { score: 0, sources: {} }).get(id)!;
    const bestText = Math.max(1e-9, ...textHits.map((hit) => hit.score));
    textHits.forEach((hit, rank) => {
      const item = entry(hit.id);
      item.score += weightOf(hit.id) * (1 / (fusionConstant + rank + 1) + (0.05 * hit.score) / bestText);
      item.sources.text = round(hit.score);
    });
    vectorHits.forEach((hit, rank) => {
      if (!cached.index.pattern(hit.id)) return;
      const item = entry(hit.id);
      item.score += vectorWeight / (fusionConstant + rank + 1) + 0.05 * Math.max(0, hit.score);
      item.sources.vector = round(hit.score);
    });

    // Files: the best hit of each, plus a share of its other hits.
    const files = new Map<string, { best: string; bestScore: number; score: number; vector: number }>();
    for (const [id, { score, sources }] of [...fused].sort((a, b) => b[1].score - a[1].score)) {
      const key = cached.index.pattern(id)?.path ?? id;
      const file = files.get(key);
      if (!file) files.set(key, { best: id, bestScore: score, score, vector: sources.vector ?? 0 });
      else {
        file.score += fileShare * score;
        file.vector = Math.max(file.vector, sources.vector ?? 0);
      }
    }
    const ranked = [...files.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, options.k);
    const patterns = new Map(
      (await this.dependencies.patterns.findByIds(ranked.map(([, file]) => file.best))).map((pattern) => [
        pattern.id,
        pattern,
      ]),
    );
    const questionTerms = [...new Set(termsOf(question))];
    const rarity = (term: string) => Math.log(1 + cached.files / (1 + (cached.fileFrequency.get(term) ?? 0)));
    const totalRarity = questionTerms.reduce((sum, term) => sum + rarity(term), 0) || 1;
    const share = (terms: Set<string>) =>
      questionTerms.reduce((sum, term) => sum + (terms.has(term) ? rarity(term) : 0), 0) / totalRarity;
    const unknownWords = share(new Set(questionTerms.filter((term) => !cached.fileFrequency.has(term))));
    const results: RetrievedPattern[] = [];
    const features: ProjectRelevanceFeatures[] = [];
    const bestScore = ranked[0]?.[1].score ?? 1;
    ranked.forEach(([path, file], index) => {
      const pattern = patterns.get(file.best);
      if (!pattern || pattern.status === 'retired') return;
      const next = ranked[index + 1]?.[1].score ?? 0;
      const hit: ProjectRelevanceFeatures = {
        coverage: share(this.fileTerms(cached, path, pattern)),
        aboutCoverage: share(cached.aboutTerms.get(path) ?? new Set()),
        vector: Math.max(0, file.vector),
        first: index === 0 ? 1 : 0,
        lead: index === 0 && next > 0 ? Math.min(2, Math.log(file.score / next)) : 0,
        textLead: file.score / bestScore,
        unknownWords,
      };
      features.push(hit);
      results.push({
        pattern,
        score: round(file.score * 100),
        sources: fused.get(file.best)!.sources,
        relevance: projectRelevance(hit, this.tuning.relevance),
      });
    });
    if (options.explain) return { results, notices, features };
    return { results, notices };
  }

  /**
   * The project's vectors in memory when every pattern's is there; otherwise undefined (the caller asks Chroma),
   * and they are read again in the background (no sooner than `readVectorsAfter`): an ingest writes a batch's
   * vectors just after its rows, so a search in between sees some missing.
   */
  private vectorsOf(projectId: string, cached: CachedIndex): ProjectVectors | undefined {
    if (cached.vectors) {
      // Most recently searched last.
      this.holding.delete(projectId);
      this.holding.set(projectId, cached);
      return cached.vectors;
    }
    if (!cached.readingVectors && Date.now() >= (cached.readVectorsAfter ?? 0))
      cached.readingVectors = this.readVectors(projectId, cached).finally(() => (cached.readingVectors = undefined));
    return undefined;
  }

  private async readVectors(projectId: string, cached: CachedIndex): Promise<void> {
    cached.readVectorsAfter = Date.now() + vectorRereadMs;
    const records = (await (await this.dependencies.vectors()).vectorsOf(projectId)).filter(
      (record) => cached.index.pattern(record.id) && record.embedding.length,
    );
    if (new Set(records.map((record) => record.id)).size < cached.index.size) return;
    const vectors = ProjectVectors.from(records);
    if (vectors.bytes > vectorBudgetBytes) {
      cached.readVectorsAfter = Infinity;
      return;
    }
    // Room for them: other projects' vectors go, least recently searched first.
    this.holding.delete(projectId);
    let used = vectors.bytes;
    for (const other of this.holding.values()) used += other.vectors!.bytes;
    for (const [otherId, other] of this.holding) {
      if (used <= vectorBudgetBytes) break;
      used -= other.vectors!.bytes;
      other.vectors = undefined;
      other.readVectorsAfter = Date.now() + droppedVectorsMs;
      this.holding.delete(otherId);
    }
    cached.vectors = vectors;
    this.holding.set(projectId, cached);
  }

  /** The terms of a file: those of its file pattern when it has one, else of the hit itself. */
  private fileTerms(cached: CachedIndex, path: string, hit: Pattern): Set<string> {
    return cached.terms.get(path) ?? patternTerms(hit);
  }

  private get expander(): QueryExpander {
    return (this.expanderInUse ??=
      this.dependencies.expander ?? new SynonymExpander((this.wordNet ??= new WordNetSynonyms())));
  }

  private get thesaurus(): Pick<WordNetSynonyms, 'synonyms' | 'glosses'> {
    return this.dependencies.thesaurus ?? (this.wordNet ??= new WordNetSynonyms());
  }

  /** The same search with other tunables, on the same store (to measure them; `npm run eval:projects -- --tune`). */
  withTuning(tuning: ProjectSearchTuning): ProjectSearch {
    return new ProjectSearch(this.dependencies, tuning);
  }

  private async indexOf(projectId: string): Promise<CachedIndex> {
    const version = await this.dependencies.patterns.projectVersion(projectId);
    const cached = this.cache.get(projectId);
    if (cached) {
      const current = await cached.catch(() => undefined);
      if (current?.version === version) {
        // Most recently used last.
        this.cache.delete(projectId);
        this.cache.set(projectId, cached);
        return current;
      }
    }
    this.holding.delete(projectId);
    const building = this.build(projectId, version);
    this.cache.set(projectId, building);
    building.catch(() => this.cache.get(projectId) === building && this.cache.delete(projectId));
    while (this.cache.size > cachedProjects) {
      const dropped = this.cache.keys().next().value!;
      this.cache.delete(dropped);
      this.holding.delete(dropped);
    }
    return building;
  }

  private async build(projectId: string, version: string): Promise<CachedIndex> {
    const started = Date.now();
    const index = new ProjectTextIndex(this.tuning.weights, {
      // The question's synonyms are passed to each query (`search`), so the index needs no expander of its own.
      expansionWeight: this.tuning.expansionWeight,
      bm25: this.tuning.bm25,
      coordination: this.tuning.coordination,
      thesaurus: this.tuning.weights.meaning > 0 ? this.thesaurus : undefined,
    });
    const fileFrequency = new Map<string, number>();
    const terms = new Map<string, Set<string>>();
    let files = 0;
    const aboutTerms = new Map<string, Set<string>>();
    for (let afterId: string | undefined; ;) {
      const page = await this.dependencies.patterns.listOfProject(projectId, { limit: 500, afterId });
      if (page.length === 0) break;
      index.add(page);
      // Term sets of files only: a file-less hit's (a Markdown section's) are worked out when it is returned.
      for (const pattern of page.filter((each) => index.pattern(each.id)?.isFile)) {
        const set = patternTerms(pattern);
        files += 1;
        for (const term of set) fileFrequency.set(term, (fileFrequency.get(term) ?? 0) + 1);
        terms.set(pattern.source.path!, set);
        aboutTerms.set(pattern.source.path!, new Set(termsOf(`${pattern.source.path} ${pattern.summary}`)));
      }
      afterId = page.at(-1)!.id;
      // A large project is indexed a page at a time without holding the event loop for long.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.dependencies.log.debug(
      { projectId, patterns: index.size, ms: Date.now() - started },
      'project search index built',
    );
    const cached: CachedIndex = { version, index, fileFrequency, files: Math.max(files, 1), terms, aboutTerms };
    // The first search of this version reads the vectors too; if that fails, searches ask Chroma (and try again).
    await this.readVectors(projectId, cached).catch((error: unknown) =>
      this.dependencies.log.warn({ err: error, projectId }, 'project vectors not read; searching them in Chroma'),
    );
    return cached;
  }
}

const patternTerms = (pattern: Pick<Pattern, 'title' | 'source' | 'summary' | 'code'>) =>
  new Set(termsOf(`${pattern.title} ${pattern.source.path ?? ''} ${pattern.summary} ${pattern.code}`));

const round = (value: number) => Math.round(value * 10_000) / 10_000;
