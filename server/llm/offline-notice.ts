/** The line an answer composed without a model starts with: what it was assembled from, and that it was not generated. */
export function offlineBanner(assembledFrom: string): string {
  return `*Kiln offline engine: no language model is configured, so this answer is assembled from ${assembledFrom}, not generated.*`;
}

/** How to get a generated answer instead, ending every offline answer; `purpose` says what a model would add. */
export function configureModelHint(purpose: string): string {
  return (
    `${purpose}, configure a model and restart Kiln: set \`ANTHROPIC_API_KEY\`, or \`OPENAI_API_KEY\`, ` +
    'or `OPENAI_BASE_URL` for an OpenAI-compatible server such as Ollama (`http://localhost:11434/v1`) with `LLM_MODEL`.'
  );
}
