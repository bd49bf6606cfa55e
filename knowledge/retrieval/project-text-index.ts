import MiniSearch from 'minisearch';
import { stem } from '../embedding/stem.ts';
import { splitIdentifier } from '../patterns/identifiers.ts';
import type { Pattern } from '../patterns/pattern.ts';
import type { QueryExpander } from './synonym-expander.ts';
import type { WordNetSynonyms } from './wordnet-synonyms.ts';

/** What the index keeps of a pattern (the rest is read from the store for the hits returned). */
export interface IndexedPattern {
  id: string;
  path: string | undefined;
  /** A file pattern (the whole file) rather than one of its functions, classes or sections. */
  isFile: boolean;
}

/** Field weights, measured on the fit split of knowledge/evaluation/projects (`npm run eval:projects`). */
export interface ProjectTextWeights {
  title: number;
  path: number;
  summary: number;
  code: number;
  /** The thesaurus's synonyms and definitions of the words of the file's or symbol's name. */
  meaning: number;
}

export const defaultTextWeights: ProjectTextWeights = { title: 3, path: 2, summary: 2, code: 1, meaning: 2 };

const stopWords = new Set(
  'a an and are as at be by can do does for from get give gives have how i if in into is it its me my of on or should so that the then there this to use using want way what when where which while with without would you your we our one all any some'.split(
    ' ',
  ),
);

/**
 * Identifier-aware terms: words split at punctuation, and identifiers also at camelCase and snake_case
 * (`parseHttpResponse` gives parsehttpresponse, parse, http, response), lower-cased and stemmed; stop words and
 * one-letter terms dropped.
 */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const token of text.match(/[A-Za-z0-9_]+/g) ?? []) {
    const parts = splitIdentifier(token);
    const whole = token.toLowerCase().replace(/_/g, '');
    for (const part of parts.length > 1 ? [whole, ...parts] : parts) {
      if (part.length < 2 || stopWords.has(part)) continue;
      terms.push(stem(part));
    }
  }
  return terms;
}

/**
 * The words of a pattern's name: a file's file name (its folder's for `index`, `main`, `__init__`), a function's
 * or section's title; split at camelCase, snake_case and dashes, lower-cased, stop words and short words dropped.
 */
export function nameWordsOf(pattern: Pick<Pattern, 'title' | 'source' | 'tags'>): string[] {
  const segments = (pattern.source.path ?? '').replace(/\.[a-z]+$/i, '').split('/');
  const fileName = /^(index|main|__init__|mod)$/i.test(segments.at(-1) ?? '') ? segments.at(-2) : segments.at(-1);
  const name = pattern.tags.includes('file') ? (fileName ?? '') : pattern.title;
  const words = (name.match(/[A-Za-z0-9]+/g) ?? []).flatMap(splitIdentifier);
  return [...new Set(words.filter((word) => word.length > 2 && !stopWords.has(word)))];
}

/**
 * A project's patterns in an in-memory BM25F index (MiniSearch): the title, the path's folder and file names,
 * the summary (doc comments, README notes) and the code, each weighted. Postgres full text serves the global
 * store, where postings ordered by impact keep a search's cost flat at 100,000 patterns; a project is small
 * enough to score exactly, and BM25 with field weights and identifier splitting ranks files far better than
 * `ts_rank` on code Kiln has never seen (docs/benchmarks.md, eval:projects).
 */
export class ProjectTextIndex {
  private readonly search = new MiniSearch<{
    id: string;
    title: string;
    path: string;
    summary: string;
    code: string;
    meaning: string;
  }>({
    fields: ['title', 'path', 'summary', 'code', 'meaning'],
    tokenize: (text) => text.match(/[A-Za-z0-9_]+/g) ?? [],
    processTerm: (term) => {
      const parts = splitIdentifier(term);
      const whole = term.toLowerCase().replace(/_/g, '');
      const kept = (parts.length > 1 ? [whole, ...parts] : parts).filter(
        (part) => part.length >= 2 && !stopWords.has(part),
      );
      return kept.length ? kept.map(stem) : null;
    },
  });
  private readonly patterns = new Map<string, IndexedPattern>();

  constructor(
    private readonly weights: ProjectTextWeights = defaultTextWeights,
    private readonly options: {
      /** Words to search for too, each weighing `expansionWeight` of one of the question's own. */
      expander?: QueryExpander;
      expansionWeight?: number;
      bm25?: { k: number; b: number; d: number };
      /** Extra weight on matching more of the question's terms: scores are multiplied by (terms matched)^this. */
      coordination?: number;
      /** Where the `meaning` field's synonyms and definitions come from (none: the field stays empty). */
      thesaurus?: Pick<WordNetSynonyms, 'synonyms' | 'glosses'>;
    } = {},
  ) {}

  add(patterns: Pick<Pattern, 'id' | 'title' | 'summary' | 'code' | 'source' | 'tags'>[]): void {
    this.search.addAll(
      patterns.map((pattern) => ({
        id: pattern.id,
        title: pattern.title,
        path: (pattern.source.path ?? '').replace(/\.[a-z]+$/i, ''),
        summary: pattern.summary,
        code: pattern.code,
        meaning: this.meaningOf(pattern),
      })),
    );
    for (const pattern of patterns)
      this.patterns.set(pattern.id, {
        id: pattern.id,
        path: pattern.source.path,
        isFile: pattern.tags.includes('file') && pattern.title === pattern.source.path?.slice(-80),
      });
  }

  /** What the thesaurus says of the words of a pattern's name. */
  private meaningOf(pattern: Pick<Pattern, 'title' | 'source' | 'tags'>): string {
    const thesaurus = this.options.thesaurus;
    // Files only: a function's or section's name adds little to its file's, and costs index time.
    if (!thesaurus || !this.weights.meaning || !pattern.tags.includes('file')) return '';
    return nameWordsOf(pattern)
      .flatMap((word) => [...thesaurus.synonyms(word), ...thesaurus.glosses(word)])
      .join(' ')
      .replace(/_/g, ' ');
  }

  get size(): number {
    return this.patterns.size;
  }

  pattern(id: string): IndexedPattern | undefined {
    return this.patterns.get(id);
  }

  /** The best `k` patterns for the question by BM25F score, best first. */
  query(
    question: string,
    k: number,
    /** The question's synonyms, when the caller has them already. */
    expansion = this.options.expander?.expand(question) ?? [],
  ): { id: string; score: number }[] {
    const options = {
      boost: { ...this.weights },
      combineWith: 'OR',
      prefix: false,
      fuzzy: false,
      ...(this.options.bm25 ? { bm25: this.options.bm25 } : {}),
    } as const;
    const scores = new Map<string, number>();
    // MiniSearch already multiplies a document's score by how many of the question's terms it holds; `coordination`
    // raises that factor to a further power.
    const coordination = this.options.coordination ?? 0;
    for (const hit of this.search.search(question, options))
      scores.set(String(hit.id), hit.score * hit.queryTerms.length ** coordination);
    if (expansion.length) {
      const own = new Set(termsOf(question));
      const weight = this.options.expansionWeight ?? 0.3;
      const extra = expansion.filter((word) => termsOf(word).some((term) => !own.has(term)));
      for (const hit of this.search.search(extra.join(' '), {
        ...options,
        boostTerm: (term) => (own.has(term) ? 0 : 1),
      }))
        scores.set(String(hit.id), (scores.get(String(hit.id)) ?? 0) + weight * hit.score);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([id, score]) => ({ id, score }));
  }
}
