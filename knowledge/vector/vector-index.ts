/** One pattern's vector, with the metadata queries may filter on. */
export interface VectorRecord {
  id: string;
  embedding: number[];
  /** `project`: the project a pattern belongs to (project patterns live in an index of their own). */
  metadata: { language: string; project?: string };
}

export interface VectorMatch {
  id: string;
  /** Cosine similarity, from -1 to 1 (1: same direction). */
  score: number;
}

export interface VectorQueryOptions {
  k: number;
  language?: string;
  project?: string;
}

/**
 * Nearest-neighbour search over pattern vectors. Implementations normalise
 * vectors themselves, so scores are cosine similarities whatever the embedder.
 * Every method throws when the index is unreachable (callers degrade).
 */
export interface VectorIndex {
  upsert(records: VectorRecord[]): Promise<void>;
  /** Only records of `language`, and of `project`, when given. */
  query(embedding: number[], options: VectorQueryOptions): Promise<VectorMatch[]>;
  delete(ids: string[]): Promise<void>;
  count(): Promise<number>;
  /** Every vector of one project (normalised), for a project's search to hold in memory (ProjectVectors). */
  vectorsOf(project: string): Promise<Pick<VectorRecord, 'id' | 'embedding'>[]>;
}

export function normalise(vector: number[]): number[] {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
