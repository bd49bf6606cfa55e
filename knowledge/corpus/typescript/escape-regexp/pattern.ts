/**
 * Escapes every character with a special meaning in a RegExp pattern, so user input matches
 * literally (and a pattern like `(a+)+$` cannot cause catastrophic backtracking). The result is
 * also valid with the `u` flag, which rejects needless escapes such as `\-`.
 * Node 24+ has the built-in `RegExp.escape`.
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A RegExp matching `text` literally, e.g. for case-insensitive search: `literalRegExp(q, 'gi')`. */
export function literalRegExp(text: string, flags = ''): RegExp {
  return new RegExp(escapeRegExp(text), flags);
}

/**
 * Escapes `$` in a replacement string: in `str.replace(re, replacement)` the sequences `$&`, `$1`
 * and `$$` are substituted, so user text like "$&" would be mangled.
 */
export function escapeReplacement(text: string): string {
  return text.replaceAll('$', '$$$$');
}

/**
 * Splits `text` around case-insensitive occurrences of `term`, for search highlighting. Render the
 * parts as text nodes (e.g. `<mark>` for matches) instead of building HTML strings from user text.
 */
export function splitMatches(text: string, term: string): { text: string; match: boolean }[] {
  if (!term) return text ? [{ text, match: false }] : [];
  // A capturing group makes split() keep the separators: odd indexes are the matches.
  return text
    .split(new RegExp(`(${escapeRegExp(term)})`, 'i'))
    .map((part, index) => ({ text: part, match: index % 2 === 1 }))
    .filter((part) => part.text !== '');
}
