import type { Logger } from 'pino';
import type { Embedder } from '../embedding/embedder.ts';
import type { PatternRepository } from '../patterns/pattern-repository.ts';
import type { VectorIndex } from '../vector/vector-index.ts';
import type { RetrievedPattern } from './hybrid-retriever.ts';
import { defaultTextWeights, ProjectTextIndex, termsOf, type ProjectTextWeights } from './project-text-index.ts';
import { SynonymExpander, type QueryExpander } from './synonym-expander.ts';
import { WordNetSynonyms } from './wordnet-synonyms.ts';

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
  /** A README's hits count for the one code file beside it (the folder holds one implementation it describes). */
  readmeToCode: boolean;
  /** Weight of a thesaurus synonym of a question's word against the word itself (0: no expansion). */
  expansionWeight: number;
  /** BM25 term-frequency saturation and length normalisation, per field. */
  bm25: { k: number; b: number; d: number };
  /** Relevance: logistic weights over coverage, cosine and lead, and the bias. */
  relevance: { coverage: number; vector: number; lead: number; bias: number };
}

export const defaultProjectTuning: ProjectSearchTuning = {
  weights: defaultTextWeights,
  vectorWeight: 0.6,
  fusionConstant: 20,
  fileShare: 0.15,
  chunkWeight: 1,
  readmeToCode: false,
  expansionWeight: 0,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  relevance: { coverage: 6, vector: 4, lead: 1, bias: -5.5 },
};

interface CachedIndex {
  version: string;
  index: ProjectTextIndex;
  /** In how many of the project's files each term appears (for the rarity of a question's words). */
  fileFrequency: Map<string, number>;
  files: number;
  /** A folder's Markdown file → the folder's one code file (a README describing one implementation). */
  codeBeside: Map<string, string>;
  /** Each code file's own (file) pattern, by path. */
  filePattern: Map<string, string>;
  /** Each pattern's distinct terms, for coverage. */
  terms: Map<string, Set<string>>;
}

/** How many projects' indexes are kept in memory, least recently used out first. */
const cachedProjects = 16;

/**
 * Search within one project: its own BM25F index (`ProjectTextIndex`, built on first use and again whenever
 * the project's patterns change) and its vectors, fused by weighted reciprocal rank, then aggregated to files
 * (a question about a file's job is answered by the file, whichever of its parts matched best; each file
 * appears once, by its best pattern). Each hit carries a relevance from the share of the question's rare words
 * its file holds, its cosine and how far it leads the next file.
 */
export class ProjectSearch {
  private readonly cache = new Map<string, Promise<CachedIndex>>();

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
    options: { projectId: string; k: number },
  ): Promise<{ results: RetrievedPattern[]; notices: string[] }> {
    const notices: string[] = [];
    const candidates = Math.max(30, options.k * 6);
    const vectorSearch = (async () => {
      const [embedding] = await this.dependencies.embedder.embed([question]);
      return (await this.dependencies.vectors()).query(embedding!, { k: candidates, project: options.projectId });
    })().catch((error: unknown) => {
      notices.push(`Vector search of the project is unavailable (${(error as Error).message}).`);
      return [];
    });
    const [cached, vectorHits] = await Promise.all([this.indexOf(options.projectId), vectorSearch]);
    if (cached.index.size === 0) return { results: [], notices };
    const textHits = cached.index
      .query(question, candidates * 3)
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
      const path = cached.index.pattern(id)?.path;
      const key = (this.tuning.readmeToCode && path && cached.codeBeside.get(path)) || path || id;
      const file = files.get(key);
      const best = key === path || key === id ? id : (cached.filePattern.get(key) ?? id);
      if (!file) files.set(key, { best, bestScore: score, score, vector: sources.vector ?? 0 });
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
    const totalRarity = questionTerms.reduce((sum, term) => sum + rarity(term), 0);
    const results: RetrievedPattern[] = [];
    ranked.forEach(([path, file], index) => {
      const pattern = patterns.get(file.best);
      if (!pattern || pattern.status === 'retired') return;
      const fileTerms = this.fileTerms(cached, path, file.best);
      const covered = questionTerms.reduce((sum, term) => sum + (fileTerms.has(term) ? rarity(term) : 0), 0);
      const coverage = totalRarity > 0 ? covered / totalRarity : 0;
      const next = ranked[index + 1]?.[1].score ?? 0;
      const lead = index === 0 && next > 0 ? Math.min(2, Math.log(file.score / next)) : 0;
      const weights = this.tuning.relevance;
      const logit =
        weights.coverage * coverage + weights.vector * Math.max(0, file.vector) + weights.lead * lead + weights.bias;
      results.push({
        pattern,
        score: round(file.score * 100),
        sources: fused.get(file.best)?.sources ?? {},
        relevance: round(1 / (1 + Math.exp(-logit))),
      });
    });
    return { results, notices };
  }

  /** The terms of a file: those of its file pattern when it has one, else of the hit itself. */
  private fileTerms(cached: CachedIndex, path: string, fallbackId: string): Set<string> {
    return cached.terms.get(`file:${path}`) ?? cached.terms.get(fallbackId) ?? new Set();
  }

  /** Forgets a project's index (its patterns changed in this process; other processes notice by version). */
  forget(projectId: string): void {
    this.cache.delete(projectId);
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
    const building = this.build(projectId, version);
    this.cache.set(projectId, building);
    building.catch(() => this.cache.get(projectId) === building && this.cache.delete(projectId));
    while (this.cache.size > cachedProjects) this.cache.delete(this.cache.keys().next().value!);
    return building;
  }

  private async build(projectId: string, version: string): Promise<CachedIndex> {
    const started = Date.now();
    const index = new ProjectTextIndex(this.tuning.weights, {
      expander: this.tuning.expansionWeight > 0 ? (this.dependencies.expander ??= new SynonymExpander()) : undefined,
      expansionWeight: this.tuning.expansionWeight,
      bm25: this.tuning.bm25,
      thesaurus: this.tuning.weights.meaning > 0 ? (this.dependencies.thesaurus ??= new WordNetSynonyms()) : undefined,
    });
    const fileFrequency = new Map<string, number>();
    const terms = new Map<string, Set<string>>();
    let files = 0;
    const markdownPaths = new Set<string>();
    const filePattern = new Map<string, string>();
    for (let afterId: string | undefined; ;) {
      const page = await this.dependencies.patterns.listOfProject(projectId, { limit: 500, afterId });
      if (page.length === 0) break;
      index.add(page);
      for (const pattern of page) {
        const set = new Set(
          termsOf(`${pattern.title} ${pattern.source.path ?? ''} ${pattern.summary} ${pattern.code}`),
        );
        const isFile = index.pattern(pattern.id)?.isFile;
        if (/\.(md|markdown)$/i.test(pattern.source.path ?? '')) markdownPaths.add(pattern.source.path!);
        if (isFile) {
          files += 1;
          for (const term of set) fileFrequency.set(term, (fileFrequency.get(term) ?? 0) + 1);
          terms.set(`file:${pattern.source.path}`, set);
          filePattern.set(pattern.source.path!, pattern.id);
        } else terms.set(pattern.id, set);
      }
      afterId = page.at(-1)!.id;
      // A large project is indexed a page at a time without holding the event loop for long.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.dependencies.log.debug(
      { projectId, patterns: index.size, ms: Date.now() - started },
      'project search index built',
    );
    const codeBeside = new Map<string, string>();
    const codeFiles = new Map<string, string[]>();
    for (const key of terms.keys()) {
      if (!key.startsWith('file:')) continue;
      const path = key.slice('file:'.length);
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      codeFiles.set(folder, [...(codeFiles.get(folder) ?? []), path]);
    }
    for (const pattern of markdownPaths) {
      const folder = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/')) : '';
      const code = codeFiles.get(folder);
      if (code?.length === 1) codeBeside.set(pattern, code[0]!);
    }
    return { version, index, fileFrequency, files: Math.max(files, 1), terms, codeBeside, filePattern };
  }
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
