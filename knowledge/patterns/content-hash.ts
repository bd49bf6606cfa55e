import { createHash } from 'node:crypto';
import type { PatternInput } from './pattern.ts';

/** The hash of what a pattern says (not where it came from): equal patterns from two places are one pattern. */
export function contentHash(
  pattern: Pick<PatternInput, 'title' | 'summary' | 'language' | 'tags' | 'questions' | 'code' | 'tests' | 'libraries'>,
): string {
  const canonical = JSON.stringify([
    pattern.title,
    pattern.summary,
    pattern.language,
    [...pattern.tags].sort(),
    pattern.questions,
    pattern.code.replace(/\r\n/g, '\n').trimEnd(),
    pattern.tests?.replace(/\r\n/g, '\n').trimEnd() ?? null,
    pattern.libraries.map((library) => `${library.name}@${library.version}`).sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
