/**
 * Minimum number of single-character insertions, deletions and substitutions that
 * turn `a` into `b`. O(len(a) * len(b)) time and O(min) memory. Works on code points,
 * so an emoji counts as one character; it does not normalise case or accents.
 * Pass `max` to stop early: the result is then capped at max + 1 ("too far").
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  let source = Array.from(a);
  let target = Array.from(b);
  if (source.length < target.length) [source, target] = [target, source]; // keep the row short
  if (source.length - target.length > max) return max + 1;

  let previous = Array.from({ length: target.length + 1 }, (_, j) => j);
  let current = new Array<number>(target.length + 1);
  for (let i = 1; i <= source.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= target.length; j++) {
      const substitution = previous[j - 1]! + (source[i - 1] === target[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > max) return max + 1; // every later row is at least this far
    [previous, current] = [current, previous];
  }
  return Math.min(previous[target.length]!, max + 1);
}

/**
 * The candidate closest to `input` ("did you mean …?"), compared case-insensitively,
 * or undefined when none is within `maxDistance`. Ties go to the earlier candidate.
 */
export function closestMatch(input: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const needle = input.toLowerCase();
  for (const candidate of candidates) {
    const distance = levenshtein(needle, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
