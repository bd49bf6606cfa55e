import type { LlmRequest } from './llm-provider.ts';

/** Told to a model when the store was searched and nothing in it is relevant (issue 19: no grounding, no citation). */
export const nothingRelevantNote =
  'Kiln searched its pattern store for this question and found nothing relevant, so no stored pattern is given. Answer from your own knowledge, and do not cite sources as [n].';

/**
 * The system prompt a hosted model gets: Kiln's instructions, then the retrieved patterns, numbered for citation,
 * or the note that the store has nothing relevant.
 */
export function systemPromptWithGrounding(request: LlmRequest): string {
  if (!request.grounding?.length)
    return request.nothingRelevant ? `${request.system}\n\n${nothingRelevantNote}` : request.system;
  const patterns = request.grounding
    .map(
      (pattern, index) =>
        `[${index + 1}] ${pattern.title} (${pattern.language}; ${pattern.source})\n${pattern.summary}\n\`\`\`${pattern.language}\n${pattern.code}\n\`\`\``,
    )
    .join('\n\n');
  return `${request.system}\n\nPatterns from Kiln's store that may help (cite them as [n] when you use them):\n\n${patterns}`;
}
