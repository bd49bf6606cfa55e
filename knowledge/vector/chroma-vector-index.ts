import type { ChromaClient, Collection } from 'chromadb';
import { chromaQueryEndpoint } from './chroma-query-endpoint.ts';
import {
  normalise,
  type VectorIndex,
  type VectorMatch,
  type VectorQueryOptions,
  type VectorRecord,
} from './vector-index.ts';

const batchSize = 500;

/**
 * The vector index on a Chroma server. Embeddings are always passed in (the
 * collection has no embedding function). The collection records which
 * embedder and dimension built it; opening it with another one deletes and
 * recreates it, and `rebuilt` tells the caller to index everything again.
 *
 * Vectors are L2-normalised and Chroma's default squared-L2 distance d is
 * turned back into cosine similarity: for unit vectors, cos = 1 - d / 2.
 * Queries go to the server's query endpoint directly (see chromaQueryEndpoint);
 * writes go through the client.
 */
export class ChromaVectorIndex implements VectorIndex {
  private constructor(
    private readonly collection: Collection,
    private readonly queryEndpoint: ReturnType<typeof chromaQueryEndpoint>,
    readonly rebuilt: boolean,
  ) {}

  /** `url`: the server the client talks to (CHROMA_URL or the embedded server's). */
  static async open(
    client: ChromaClient,
    options: { url: string; name: string; embedderId: string; dimension: number },
  ): Promise<ChromaVectorIndex> {
    const metadata = { embedder: options.embedderId, dimension: options.dimension };
    let collection = await client.getOrCreateCollection({ name: options.name, metadata, embeddingFunction: null });
    let rebuilt = false;
    if (collection.metadata?.embedder !== metadata.embedder || collection.metadata?.dimension !== metadata.dimension) {
      await client.deleteCollection({ name: options.name });
      collection = await client.createCollection({ name: options.name, metadata, embeddingFunction: null });
      rebuilt = true;
    }
    return new ChromaVectorIndex(
      collection,
      chromaQueryEndpoint(options.url),
      rebuilt || (await collection.count()) === 0,
    );
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      await this.collection.upsert({
        ids: batch.map((record) => record.id),
        embeddings: batch.map((record) => normalise(record.embedding)),
        metadatas: batch.map((record) => record.metadata),
      });
    }
  }

  async query(embedding: number[], options: VectorQueryOptions): Promise<VectorMatch[]> {
    const filters = [
      ...(options.language ? [{ language: options.language }] : []),
      ...(options.project ? [{ project: options.project }] : []),
    ];
    const result = await this.queryEndpoint(this.collection, {
      query_embeddings: [normalise(embedding)],
      n_results: options.k,
      ...(filters.length === 1 ? { where: filters[0] } : filters.length > 1 ? { where: { $and: filters } } : {}),
      include: ['distances'],
    });
    const ids = result.ids[0] ?? [];
    const distances = result.distances[0] ?? [];
    return ids.map((id, index) => ({ id, score: 1 - (distances[index] ?? 2) / 2 }));
  }

  async delete(ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += batchSize)
      await this.collection.delete({ ids: ids.slice(start, start + batchSize) });
  }

  async count(): Promise<number> {
    return this.collection.count();
  }

  async vectorsOf(project: string): Promise<Pick<VectorRecord, 'id' | 'embedding'>[]> {
    const records: Pick<VectorRecord, 'id' | 'embedding'>[] = [];
    for (let offset = 0; ; offset += batchSize) {
      const page = await this.collection.get({ where: { project }, include: ['embeddings'], limit: batchSize, offset });
      page.ids.forEach((id, index) => records.push({ id, embedding: page.embeddings[index] ?? [] }));
      if (page.ids.length < batchSize) return records;
    }
  }
}
