import {
  conceptWordsOf,
  inverseDocumentFrequency,
  stemsOf,
  type DocumentFrequencies,
} from '../embedding/local-embedder.ts';
import { patternDocument } from '../embedding/pattern-document.ts';
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
  technologies: Set<string>;
}

/** How many patterns' word sets are kept; a search touches ten, so this covers a large store's working set. */
const cacheLimit = 10_000;

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

  /** The relevance of each hit, in the hits' order; the hits are one search's results, best first. */
  relevanceOf(question: string, hits: ScoredHit[]): number[] {
    return this.features(question, hits).map(relevanceFromFeatures);
  }

  /** Each hit's signals (exposed for fitting the model). */
  features(question: string, hits: ScoredHit[]): RelevanceFeatures[] {
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
    return hits.map((hit, index) => {
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
        technologyMissing: named.some((name) => !words.technologies.has(name)) ? 1 : 0,
        technologyUnknown,
        languageConflict: language && language !== hit.pattern.language ? 1 : 0,
      };
    });
  }

  private wordsOf(pattern: ScoredHit['pattern']): PatternWords {
    const key = `${pattern.id} ${pattern.contentHash}`;
    let words = this.words.get(key);
    if (!words) {
      if (this.words.size >= cacheLimit) this.words.clear();
      const document = patternDocument(pattern);
      words = {
        all: new Set(stemsOf(document)),
        about: new Set(
          stemsOf([pattern.title, pattern.tags.join(' '), pattern.summary, ...pattern.questions].join('\n')),
        ),
        technologies: new Set([...technologiesNamedIn(`${document} ${pattern.code}`), pattern.language]),
      };
      this.words.set(key, words);
    }
    return words;
  }
}

/** The model's probability for one hit's signals. */
export function relevanceFromFeatures(features: RelevanceFeatures): number {
  let sum = relevanceModel.intercept;
  for (const name of relevanceFeatureNames) sum += relevanceModel.weights[name] * features[name];
  return Math.round((1 / (1 + Math.exp(-sum))) * 1000) / 1000;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
