import {
  conceptWordsOf,
  inverseDocumentFrequency,
  stemsOf,
  type DocumentFrequencies,
} from '../embedding/local-embedder.ts';
import { codeLines, patternDocument } from '../embedding/pattern-document.ts';
import type { Pattern } from '../patterns/pattern.ts';
import { languageNamedIn } from './language-hint.ts';
import { relevanceModel } from './relevance-model.ts';
import { technologiesNamedIn } from './named-technologies.ts';

/** What the scorer needs of a ranked hit. */
export interface ScoredHit {
  pattern: Pick<
    Pattern,
    'id' | 'contentHash' | 'title' | 'summary' | 'tags' | 'questions' | 'code' | 'tests' | 'language'
  >;
  score: number;
  sources: { vector?: number; text?: number; graph?: number };
}

/**
 * The signals relevance is computed from, per hit, each named as in `relevance-model.ts`:
 *
 * - `vector`, `text`, `fused`: the hit's cosine similarity, log(1 + full-text rank) and log(fused score);
 * - `first`: the hit is the search's best;
 * - `lead`, `vectorLead`, `textLead`: how far the hit stands out from the best *other* hit of the same search, by
 *   fused score (log ratio), cosine and text rank (a right answer usually stands clear; a miss is one of a flat pack);
 * - `coverage`, `aboutCoverage`: the share of the question's words, weighted by rarity (inverse document
 *   frequency), that the pattern's whole text, or what it says it is about (title, tags, summary, questions), holds;
 * - `conceptCoverage`: the share of the question's concept words (the lexicon's synonyms) the pattern's text holds;
 * - `unknownWords`: the rarity-weighted share of the question's words that no document in the store holds;
 * - `technologyMissing`: the question names a technology (MySQL, React, Go…) the pattern's text never mentions;
 * - `technologyUnknown`: the question names a technology no document in the store mentions;
 * - `languageConflict`: the question names one of the store's languages and the pattern is in another.
 */
export const relevanceFeatureNames = [
  'vector',
  'text',
  'fused',
  'first',
  'lead',
  'vectorLead',
  'textLead',
  'coverage',
  'aboutCoverage',
  'conceptCoverage',
  'unknownWords',
  'technologyMissing',
  'technologyUnknown',
  'languageConflict',
] as const;

export type RelevanceFeatures = Record<(typeof relevanceFeatureNames)[number], number>;

interface PatternWords {
  all: Set<string>;
  about: Set<string>;
  /** Read only for a question that names a technology (few do), so worked out on first need. */
  technologies?: Set<string>;
}

/**
 * How many patterns' word sets are kept, least recently used first out: working them out costs about 0.5 ms a
 * pattern, and a search needs them for the hits it returns.
 */
const cacheLimit = 5_000;

/**
 * A calibrated relevance for each hit of a search: roughly the probability that the pattern answers the
 * question, from a logistic model over the signals above, fitted on labelled questions
 * (`npm run eval:abstain -- --fit`; see scripts/eval-abstain/sets). It never reorders results; chat turns cite
 * only hits at or above `relevanceModel.threshold`.
 */
export class RelevanceScorer {
  private readonly words = new Map<string, PatternWords>();
  private readonly idf: (stem: string) => number;
  private readonly known: (stem: string) => boolean;

  /** `frequencies`: the store's word statistics (`fitDocumentFrequencies`); without them every word weighs 1. */
  constructor(frequencies?: DocumentFrequencies) {
    if (frequencies) {
      this.idf = (stem) => inverseDocumentFrequency(frequencies, `w:${stem}`);
      this.known = (stem) => frequencies.counts.has(`w:${stem}`);
    } else {
      this.idf = () => 1;
      this.known = () => true;
    }
  }

  /**
   * The relevance of the first `count` hits, in order. `hits` are one search's best, best first: each hit is
   * judged against all of them, but only those scored need their words read.
   */
  relevanceOf(question: string, hits: ScoredHit[], count = hits.length): number[] {
    return this.features(question, hits, count).map(relevanceFromFeatures);
  }

  /** The signals of the first `count` hits (exposed for fitting the model). */
  features(question: string, hits: ScoredHit[], count = hits.length): RelevanceFeatures[] {
    const stems = [...new Set(stemsOf(question))];
    const weights = stems.map(this.idf);
    const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    const share = (holds: (stem: string) => boolean) =>
      stems.reduce((sum, stem, index) => sum + (holds(stem) ? weights[index]! : 0), 0) / total;
    const unknownWords = share((stem) => !this.known(stem));
    const concepts = [...new Set(conceptWordsOf(question).flatMap((word) => stemsOf(word).slice(0, 1)))];
    const named = technologiesNamedIn(question);
    const language = languageNamedIn(question);
    const technologyUnknown = named.some((name) => !stemsOf(name).some(this.known)) ? 1 : 0;
    const text = (hit: ScoredHit) => Math.log1p(Math.max(0, hit.sources.text ?? 0));
    const vector = (hit: ScoredHit) => Math.max(0, hit.sources.vector ?? 0);
    return hits.slice(0, count).map((hit, index) => {
      const others = hits.filter((_, other) => other !== index);
      const words = this.wordsOf(hit.pattern);
      const bestOther = Math.max(0, ...others.map((other) => other.score));
      return {
        vector: vector(hit),
        text: text(hit),
        fused: Math.log(Math.max(hit.score, 1e-3)),
        first: index === 0 ? 1 : 0,
        lead: bestOther > 0 ? clamp(Math.log(Math.max(hit.score, 1e-6) / bestOther), -3, 3) : 3,
        vectorLead: vector(hit) - Math.max(0, ...others.map(vector)),
        textLead: text(hit) - Math.max(0, ...others.map(text)),
        coverage: share((stem) => words.all.has(stem)),
        aboutCoverage: share((stem) => words.about.has(stem)),
        conceptCoverage: concepts.length ? concepts.filter((stem) => words.all.has(stem)).length / concepts.length : 0,
        unknownWords,
        technologyMissing:
          named.length && named.some((name) => !this.technologiesOf(hit.pattern, words).has(name)) ? 1 : 0,
        technologyUnknown,
        languageConflict: language && language !== hit.pattern.language ? 1 : 0,
      };
    });
  }

  private wordsOf(pattern: ScoredHit['pattern']): PatternWords {
    const key = `${pattern.id} ${pattern.contentHash}`;
    let words = this.words.get(key);
    if (words) {
      // Most recently used last: a Map iterates in insertion order, so the first key is the one to drop.
      this.words.delete(key);
    } else {
      if (this.words.size >= cacheLimit) this.words.delete(this.words.keys().next().value!);
      // What the pattern says it is about, then all its text: that, its language, and the words of its code.
      const about = stemsOf([pattern.title, pattern.tags.join(' '), pattern.summary, ...pattern.questions].join('\n'));
      words = {
        all: new Set([...about, ...stemsOf([pattern.language, ...codeLines(pattern)].join('\n'))]),
        about: new Set(about),
      };
    }
    this.words.set(key, words);
    return words;
  }

  private technologiesOf(pattern: ScoredHit['pattern'], words: PatternWords): Set<string> {
    words.technologies ??= new Set([
      ...technologiesNamedIn(`${patternDocument(pattern)} ${pattern.code}`),
      pattern.language,
    ]);
    return words.technologies;
  }
}

/** The model's probability for one hit's signals. */
export function relevanceFromFeatures(features: RelevanceFeatures): number {
  let sum = relevanceModel.intercept;
  for (const name of relevanceFeatureNames) sum += relevanceModel.weights[name] * features[name];
  return Math.round((1 / (1 + Math.exp(-sum))) * 1000) / 1000;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
