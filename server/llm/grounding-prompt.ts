import type { LlmRequest } from './llm-provider.ts';

/** The system prompt a hosted model gets: Kiln's instructions, then the retrieved patterns, numbered for citation. */
export function systemPromptWithGrounding(request: LlmRequest): string {
  if (!request.grounding?.length) return request.system;
  const patterns = request.grounding
    .map(
      (pattern, index) =>
        `[${index + 1}] ${pattern.title} (${pattern.language}; ${pattern.source})\n${pattern.summary}\n\`\`\`${pattern.language}\n${pattern.code}\n\`\`\``,
    )
    .join('\n\n');
  return `${request.system}\n\nPatterns from Kiln's store that may help (cite them as [n] when you use them):\n\n${patterns}`;
}
