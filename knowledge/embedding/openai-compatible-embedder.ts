import type { Embedder } from './embedder.ts';

/**
 * Any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, LM
 * Studio, llama.cpp's server). The dimension is learnt from the first answer
 * when not given, and the id names the endpoint's model so an index is
 * rebuilt when the model changes.
 */
export class OpenAiCompatibleEmbedder implements Embedder {
  readonly id: string;
  private knownDimension: number | undefined;

  constructor(
    private readonly options: {
      baseUrl: string;
      model: string;
      apiKey?: string;
      dimension?: number;
      batchSize?: number;
      fetch?: typeof fetch;
    },
  ) {
    this.id = `openai-compatible:${options.model}`;
    this.knownDimension = options.dimension;
  }

  get dimension(): number {
    if (this.knownDimension === undefined)
      throw new Error('the embedding dimension is known after the first embed() call');
    return this.knownDimension;
  }

  /** Asks for one vector, so `dimension` is known before an index is opened. */
  async probe(): Promise<number> {
    await this.embed(['dimension probe']);
    return this.dimension;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    const batchSize = this.options.batchSize ?? 64;
    for (let start = 0; start < texts.length; start += batchSize) {
      const response = await (this.options.fetch ?? fetch)(`${this.options.baseUrl.replace(/\/+$/, '')}/embeddings`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.options.model, input: texts.slice(start, start + batchSize) }),
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok) {
        throw new Error(
          `the embeddings endpoint answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`,
        );
      }
      const body = (await response.json()) as { data: { index: number; embedding: number[] }[] };
      vectors.push(...[...body.data].sort((a, b) => a.index - b.index).map((item) => item.embedding));
    }
    const dimension = vectors[0]?.length;
    if (dimension !== undefined) {
      if (this.knownDimension !== undefined && dimension !== this.knownDimension) {
        throw new Error(`the embeddings endpoint returned ${dimension} dimensions, expected ${this.knownDimension}`);
      }
      this.knownDimension = dimension;
    }
    return vectors;
  }
}
