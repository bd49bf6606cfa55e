import { splitIdentifiers } from '../patterns/identifiers.ts';
import type { PatternInput } from '../patterns/pattern.ts';

/**
 * The text a pattern is embedded from: its title, tags, summary and example
 * questions (weighted like the summary), then, at
 * lower weight, what its code and tests say in words: comments and doc
 * strings, test names (which name the scenarios the pattern serves), and the
 * words of the code's identifiers.
 */
export function patternDocument(
  pattern: Pick<PatternInput, 'title' | 'summary' | 'tags' | 'code' | 'language'> & {
    tests?: string | null;
    questions?: string[];
  },
): string {
  return [
    `title: ${pattern.title}`,
    `tags: ${pattern.tags.join(' ')} ${pattern.language}`,
    `summary: ${pattern.summary}`,
    ...(pattern.questions ?? []).map((question) => `summary: ${question}`),
    ...codeLines(pattern).map((line) => `code: ${line}`),
  ].join('\n');
}

/** What a pattern's code and tests say in words: their comments, doc strings and test names; its identifiers. */
export function codeLines(pattern: Pick<PatternInput, 'code'> & { tests?: string | null }): [string, string] {
  return [
    `${proseOf(pattern.code)} ${proseOf(pattern.tests ?? '')}`,
    splitIdentifiers(pattern.code).slice(0, 80).join(' '),
  ];
}

/** Comments, doc strings and test names of source code, joined into one line. */
export function proseOf(source: string): string {
  const pieces: string[] = [];
  for (const match of source.matchAll(
    /\/\*\*?([\s\S]*?)\*\/|(?:\/\/|#|--)\s?(.*)$|"""([\s\S]*?)"""|\b(?:it|test|describe)\(\s*(['"`])(.*?)\4/gm,
  )) {
    const text = match[1] ?? match[2] ?? match[3] ?? match[5];
    if (text) pieces.push(text.replace(/^\s*\*\s?/gm, ' '));
  }
  return pieces.join(' ').replace(/\s+/g, ' ').slice(0, 2_000);
}
