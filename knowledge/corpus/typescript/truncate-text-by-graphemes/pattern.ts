const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters: "👨‍👩‍👧" is 1 (its .length is 8), "🇯🇵" is 1, "é" as e + accent is 1. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

export interface TruncateOptions {
  /** Appended when text is cut; counts toward `max`. Default "…". */
  ellipsis?: string;
  /** Cut at the last whitespace before the limit, if there is one, instead of mid-word. */
  wordBoundary?: boolean;
}

/** Returns `text` unchanged if it has at most `max` graphemes, else a prefix plus the ellipsis, `max` graphemes in all. */
export function truncate(text: string, max: number, { ellipsis = '…', wordBoundary = false }: TruncateOptions = {}): string {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`max must be a non-negative integer, got ${max}`);
  // Segment lazily and stop early: enough to know whether the text is longer than `max`.
  const head: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (head.length > max) break;
    head.push(segment);
  }
  if (head.length <= max) return text;

  const room = max - graphemeLength(ellipsis);
  if (room <= 0) return head.slice(0, max).join(''); // no space for the ellipsis
  let kept = head.slice(0, room);
  if (wordBoundary && !/\s/.test(head[room] ?? ' ')) {
    const lastSpace = kept.findLastIndex((segment) => /\s/.test(segment));
    if (lastSpace > 0) kept = kept.slice(0, lastSpace);
  }
  return kept.join('').trimEnd() + ellipsis;
}
