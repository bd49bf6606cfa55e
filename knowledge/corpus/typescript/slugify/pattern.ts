// Letters that Unicode normalization does not decompose into a base letter plus accent.
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

export interface SlugifyOptions {
  /** Longest slug to return; cut at a word boundary. Default 80. */
  maxLength?: number;
  separator?: string;
}

/**
 * "Crème Brûlée: 10 Tips & Tricks!" → "creme-brulee-10-tips-and-tricks". Only a-z, 0-9 and the separator remain,
 * so the result may be "" (e.g. for "日本語" or "!!!"): callers need a fallback.
 */
export function slugify(input: string, { maxLength = 80, separator = '-' }: SlugifyOptions = {}): string {
  const words = input
    .normalize('NFKD') // "é" → "e" + combining accent, "ﬁ" → "fi", "①" → "1"
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '') // "don't" → "dont", not "don-t"
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}${separator}${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A first word longer than maxLength is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, maxLength);
}
