/**
 * Turns texts into vectors, all of the same dimension. `id` names the model
 * and its settings: vectors from different ids must never be compared, so a
 * vector index built by one embedder is rebuilt when the id changes.
 */
export interface Embedder {
  readonly id: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<number[][]>;
}
