import type { Pattern } from '../../knowledge/patterns/pattern.ts';
import type { RetrievedPattern } from '../../knowledge/retrieval/hybrid-retriever.ts';
import type { Citation } from '../chat/turn-events.ts';
import type { GroundingPattern } from '../llm/llm-provider.ts';

/** A hit worth citing: close in meaning, or matched by words (the ask agent's rule). */
export function isRelevant(result: RetrievedPattern): boolean {
  return (result.sources.vector ?? 0) >= 0.2 || (result.sources.text ?? 0) > 0;
}

export function citationOf(result: RetrievedPattern): Citation {
  return { patternId: result.pattern.id, title: result.pattern.title, language: result.pattern.language, score: result.score, sources: result.sources };
}

/** Where a pattern came from, as shown under its code: `seed · knowledge/corpus/…/pattern.ts:1`. */
export function sourceOf(pattern: Pattern): string {
  const where = pattern.source.path ? `${pattern.source.path}${pattern.source.line ? `:${pattern.source.line}` : ''}` : pattern.source.kind;
  return `${pattern.source.kind} · ${where}`;
}

export function groundingOf(pattern: Pattern): GroundingPattern {
  return { id: pattern.id, title: pattern.title, language: pattern.language, summary: pattern.summary, code: pattern.code, source: sourceOf(pattern) };
}
