import {
  normalise,
  type VectorIndex,
  type VectorMatch,
  type VectorQueryOptions,
  type VectorRecord,
} from './vector-index.ts';

/** The in-memory twin of the Chroma index for unit tests: exact brute-force cosine search. */
export class InMemoryVectorIndex implements VectorIndex {
  private readonly records = new Map<string, VectorRecord>();

  async upsert(records: VectorRecord[]): Promise<void> {
    for (const record of records) this.records.set(record.id, { ...record, embedding: normalise(record.embedding) });
  }

  async query(embedding: number[], options: VectorQueryOptions): Promise<VectorMatch[]> {
    const query = normalise(embedding);
    return [...this.records.values()]
      .filter((record) => !options.language || record.metadata.language === options.language)
      .filter((record) => !options.project || record.metadata.project === options.project)
      .map((record) => ({
        id: record.id,
        score: record.embedding.reduce((sum, value, index) => sum + value * query[index]!, 0),
      }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, options.k);
  }

  async delete(ids: string[]): Promise<void> {
    for (const id of ids) this.records.delete(id);
  }

  async count(): Promise<number> {
    return this.records.size;
  }

  async vectorsOf(project: string): Promise<Pick<VectorRecord, 'id' | 'embedding'>[]> {
    return [...this.records.values()]
      .filter((record) => record.metadata.project === project)
      .map(({ id, embedding }) => ({ id, embedding }));
  }
}
