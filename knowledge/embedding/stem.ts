/**
 * A light suffix-stripping stemmer for English and code words: enough that
 * "caching", "cached" and "caches" meet "cache" (all become "cach"), and
 * "retries"/"retried" meet "retry". Deterministic and dependency-free.
 */
const suffixes: [string, string][] = [
  ['sses', 'ss'],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ational', 'at'],
  ['ization', 'iz'],
  ['ations', 'at'],
  ['ation', 'at'],
  ['ments', ''],
  ['ment', ''],
  ['ness', ''],
  ['ingly', ''],
  ['edly', ''],
  ['ing', ''],
  ['ers', ''],
  ['er', ''],
  ['ed', ''],
  ['ly', ''],
  ['s', ''],
];

/** Words already stemmed: retrieval stems each question word several times (embedding, rarity, concepts). */
const memo = new Map<string, string>();
const memoLimit = 50_000;

export function stem(word: string): string {
  let result = memo.get(word);
  if (result === undefined) {
    if (memo.size >= memoLimit) memo.clear();
    memo.set(word, (result = stemOnce(word)));
  }
  return result;
}

function stemOnce(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let result = word;
  for (const [suffix, replacement] of suffixes) {
    if (result.endsWith(suffix) && result.length - suffix.length >= 3 && !(suffix === 's' && result.endsWith('ss'))) {
      result = result.slice(0, -suffix.length) + replacement;
      // "stopped" → "stopp" → "stop"; "called" keeps its double l.
      if (/([^aeiouylsz])\1$/.test(result)) result = result.slice(0, -1);
      break;
    }
  }
  return result.length > 3 && result.endsWith('e') ? result.slice(0, -1) : result;
}
