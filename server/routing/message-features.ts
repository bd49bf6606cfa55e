import { dissect, type Signal } from './message-anatomy.ts';

/** Named features of one message and their values; see `messageFeatures`. */
export type Features = Map<string, number>;

/** Only the start of a very long message is read: intent is stated early, and routing must stay fast. */
const readLimit = 6_000;
/** Words longer than this (hashes, minified code, base64) give no character n-grams. */
const longestWord = 24;
/** Character n-grams back up the words rather than outvote them (chosen by cross-validation on the training set). */
const characterWeight = 0.5;
/** Leading words that carry no intent, skipped to find the one that does ("can you please write" → write). */
const fillers = new Set(
  'please pls plz can could would will you u kindly kiln ok okay so now also just quickly hey yo i id im need want wanna to me help like lets let us we hmm um alright right'.split(
    ' ',
  ),
);

/**
 * The classifier's view of a message, in three groups: prose words and word
 * pairs (`w:`, `b:`, plus `lead:` for the first word that carries intent),
 * character n-grams of prose words (`c:`, robust to typos and inflection), and
 * structural signals (`s:`). The word and character groups are each scaled to
 * a fixed length, so a long message does not outvote a short one; signals count 1.
 */
export function messageFeatures(message: string): Features {
  const { prose, signals } = dissect(message.slice(0, readLimit));
  const words = wordsOf(prose);
  const features: Features = new Map();

  const lexical = new Set<string>();
  for (const [index, word] of words.entries()) {
    lexical.add(`w:${word}`);
    if (index > 0) lexical.add(`b:${words[index - 1]}_${word}`);
  }
  const lead = words.find((word) => !fillers.has(word));
  if (lead) lexical.add(`lead:${lead}`);
  addScaled(features, lexical, 1);

  const characters = new Set<string>();
  for (const word of words) {
    if (word.length > longestWord) continue;
    const padded = `<${word}>`;
    for (let size = 3; size <= 5; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1)
        characters.add(`c:${padded.slice(start, start + size)}`);
    }
  }
  addScaled(features, characters, characterWeight);

  for (const signal of signals) features.set(signalFeature(signal), 1);
  features.set(`s:length-${lengthBand(words.length)}`, 1);
  return features;
}

export const signalFeature = (signal: Signal) => `s:${signal}`;

/** Lower-case words of the prose; apostrophes dropped ("what's" → whats), so contractions stay one word. */
export function wordsOf(prose: string): string[] {
  return (
    prose
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}_]+/gu) ?? []
  );
}

function addScaled(features: Features, names: Set<string>, weight: number) {
  const value = weight / Math.sqrt(Math.max(names.size, 1));
  for (const name of names) features.set(name, value);
}

function lengthBand(wordCount: number) {
  // Nothing written around pasted output is not the same as a short "thanks".
  if (wordCount === 0) return 'none';
  if (wordCount <= 3) return 'tiny';
  if (wordCount <= 10) return 'short';
  if (wordCount <= 30) return 'medium';
  return 'long';
}
