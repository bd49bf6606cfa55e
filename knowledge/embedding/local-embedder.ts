import { splitIdentifier } from '../patterns/identifiers.ts';
import { conceptGroups } from './concept-lexicon.ts';
import type { Embedder } from './embedder.ts';
import { stem } from './stem.ts';

/**
 * Kiln's default embedder: local, deterministic, nothing to download. It is a
 * feature-hashing model, not a neural one. Each text becomes weighted features:
 *
 * - word stems (identifiers split at camelCase and snake_case; stop words dropped);
 * - concepts: a word from one of the lexicon's groups of synonyms also adds the
 *   group's shared feature, so different words for one idea meet;
 * - bigrams of consecutive stems (phrases such as "exponential backoff");
 * - character trigrams of each stem (spelling variants, compound words).
 *
 * Feature counts are damped (1 + log tf) and, when document frequencies are
 * given (`fitDocumentFrequencies` over the seed corpus), weighted by inverse
 * document frequency, so "debounce" outweighs "function". They are hashed
 * with FNV-1a into `dimension` signed buckets, and the vector is L2-normalised,
 * so the dot product of two vectors is their cosine similarity. Lines of the
 * form `title: …` and `tags: …` (as in `patternDocument`) weigh more than the
 * rest. The id names the dimension and the frequency table, so an index built
 * with other statistics is rebuilt.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  private readonly idf: Map<string, number> | undefined;
  private readonly unseenIdf: number;

  constructor(
    readonly dimension = 1024,
    frequencies?: DocumentFrequencies,
  ) {
    if (frequencies) {
      this.idf = new Map(
        [...frequencies.counts.keys()].map((feature) => [feature, inverseDocumentFrequency(frequencies, feature)]),
      );
      this.unseenIdf = inverseDocumentFrequency(frequencies, unseenFeature);
    } else {
      this.unseenIdf = 1;
    }
    this.id = `kiln-local-hash-v2-${dimension}${frequencies ? `-idf${frequencies.fingerprint}` : ''}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const features = new Map<string, number>();
    for (const [field, weight] of weightedFields(text)) addFeatures(features, field, weight);
    const vector = new Float64Array(this.dimension);
    for (const [feature, count] of features) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      // Trigrams and bigrams keep their plain weight: rare by nature, and too many to count.
      const idf = feature.startsWith('w:') || feature.startsWith('c:') ? (this.idf?.get(feature) ?? this.unseenIdf) : 1;
      vector[hash % this.dimension]! += sign * (1 + Math.log(count)) * idf;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (value) => value / norm);
  }
}

/** How many of a collection's documents contain each word and concept feature. */
export interface DocumentFrequencies {
  documents: number;
  counts: Map<string, number>;
  /** A short hash of the table: part of the embedder id. */
  fingerprint: string;
}

/** The inverse document frequency of a feature: log((N + 1) / (n + 1)) + 1, largest for one no document holds. */
export function inverseDocumentFrequency(frequencies: DocumentFrequencies, feature: string): number {
  return Math.log((frequencies.documents + 1) / ((frequencies.counts.get(feature) ?? 0) + 1)) + 1;
}

/** A feature no document holds (features are `w:` or `c:` prefixed). */
const unseenFeature = '';

/** Counts, over `documents`, the documents each word stem and concept appears in. */
export function fitDocumentFrequencies(documents: string[]): DocumentFrequencies {
  const counts = new Map<string, number>();
  for (const document of documents) {
    const seen = new Set<string>();
    for (const word of stemsOf(document)) {
      seen.add(`w:${word}`);
      for (const concept of conceptsOfStem.get(word) ?? []) seen.add(`c:${concept}`);
    }
    for (const feature of seen) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const table = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([feature, count]) => `${feature}=${count}`)
    .join(',');
  return { documents: documents.length, counts, fingerprint: fnv1a(`${documents.length};${table}`).toString(36) };
}

const stopWords = new Set(
  'a an and are as at be been but by can could do does doing for from get gets got had has have how i if in into is it its just me my of on one or our should so some than that the their them then there these they this those to too us use used using want was way we were what when where which while who why will with without would you your'.split(
    ' ',
  ),
);

/** stem → the concept groups it belongs to. */
const conceptsOfStem = (() => {
  const index = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(conceptGroups)) {
    for (const word of words) {
      const key = stem(word);
      index.set(key, [...(index.get(key) ?? []), concept]);
    }
  }
  return index;
})();

/** The words of the lexicon groups that the text's words belong to (for query expansion in full-text search). */
export function conceptWordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const word of stemsOf(text)) {
    for (const concept of conceptsOfStem.get(word) ?? [])
      for (const member of conceptGroups[concept] ?? []) words.add(member);
  }
  return [...words];
}

/** The stems of a text, in order: words split out of identifiers, lower-cased, stop words dropped. */
export function stemsOf(text: string): string[] {
  const stems: string[] = [];
  for (const token of text.match(/[A-Za-z][A-Za-z0-9]*|\d+/g) ?? []) {
    for (const part of splitIdentifier(token)) {
      if (part.length < 2 || stopWords.has(part)) continue;
      stems.push(stem(part));
    }
  }
  return stems;
}

function weightedFields(text: string): [string, number][] {
  const fields: [string, number][] = [];
  for (const line of text.split('\n')) {
    const match = /^(title|tags|summary|code):\s?(.*)$/.exec(line);
    const weight = match?.[1] === 'title' ? 3 : match?.[1] === 'tags' ? 2 : match?.[1] === 'code' ? 0.5 : 1;
    fields.push([match ? match[2]! : line, weight]);
  }
  return fields;
}

function addFeatures(features: Map<string, number>, text: string, weight: number) {
  const add = (feature: string, amount: number) => features.set(feature, (features.get(feature) ?? 0) + amount);
  const stems = stemsOf(text);
  stems.forEach((word, index) => {
    add(`w:${word}`, weight);
    for (const concept of conceptsOfStem.get(word) ?? []) add(`c:${concept}`, weight);
    const next = stems[index + 1];
    if (next) add(`b:${word}_${next}`, weight * 0.5);
    const padded = `^${word}$`;
    for (let position = 0; position + 3 <= padded.length; position += 1)
      add(`g:${padded.slice(position, position + 3)}`, (weight * 0.3) / padded.length);
  });
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
