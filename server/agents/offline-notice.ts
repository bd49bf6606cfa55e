/** The line an answer composed without a model starts with: what it was assembled from, and that it was not generated. */
export function offlineBanner(assembledFrom: string): string {
  return `*Kiln offline engine: no language model is configured, so this answer is assembled from ${assembledFrom}, not generated.*`;
}

/** How to get a generated answer instead, ending an offline answer. */
export const configureModelHint =
  'For a generated answer that reads your code, configure a model and restart Kiln: set `ANTHROPIC_API_KEY`, or `OPENAI_API_KEY`, ' +
  'or `OPENAI_BASE_URL` for an OpenAI-compatible server such as Ollama.';
