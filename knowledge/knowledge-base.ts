import type { ChromaClient } from 'chromadb';
import type { Logger } from 'pino';
import { readCorpus } from './corpus/load-corpus.ts';
import { fitDocumentFrequencies, LocalEmbedder } from './embedding/local-embedder.ts';
import { stem } from './embedding/stem.ts';
import { patternDocument } from './embedding/pattern-document.ts';
import { OpenAiCompatibleEmbedder } from './embedding/openai-compatible-embedder.ts';
import type { Embedder } from './embedding/embedder.ts';
import type { GraphConnection } from './graph/graph-connection.ts';
import type { GraphStore } from './graph/graph-store.ts';
import { Neo4jGraphStore } from './graph/neo4j-graph-store.ts';
import { PostgresGraphStore } from './graph/postgres-graph-store.ts';
import { PatternLearning } from './learning/pattern-learning.ts';
import { KnowledgeOverviewRepository } from './patterns/knowledge-overview-repository.ts';
import { PatternIndexer } from './patterns/pattern-indexer.ts';
import { PatternOutcomeRepository } from './patterns/pattern-outcome-repository.ts';
import { PatternRepository } from './patterns/pattern-repository.ts';
import type { Sql } from '../platform/database/sql-query.ts';
import { HybridRetriever } from './retrieval/hybrid-retriever.ts';
import { ProjectSearch } from './retrieval/project-search.ts';
import { RelevanceScorer } from './retrieval/relevance-scorer.ts';
import { loadSeedCorpus } from './seed/load-seed-corpus.ts';
import { ChromaVectorIndex } from './vector/chroma-vector-index.ts';
import type { VectorIndex } from './vector/vector-index.ts';

export interface KnowledgeBase {
  patterns: PatternRepository;
  graph: GraphStore;
  retriever: HybridRetriever;
  /** The retriever's relevance scorer (for fitting its model on labelled questions). */
  relevance: RelevanceScorer;
  /** Search within one project (the retriever uses it for `projectId`). */
  projects: ProjectSearch;
  indexer: PatternIndexer;
  embedder: Embedder;
  /** Where outcomes (sandbox verdicts, feedback, fixes) update stats and graph edges, and approved code is learned. */
  learning: PatternLearning;
  /** Loads the shipped corpus (idempotent; re-embeds everything when the vector index was rebuilt). */
  loadSeeds(): Promise<Awaited<ReturnType<typeof loadSeedCorpus>>>;
}

export const patternCollectionName = 'kiln_patterns';
/** Project patterns' vectors, apart from the global store's (each record's metadata names its project). */
export const projectCollectionName = 'kiln_project_patterns';

/**
 * The pattern store: Postgres (truth and full text), Chroma (vectors) and the
 * graph (Postgres tables or Neo4j). The Chroma collection is opened on first
 * use and again after a failure, so a Chroma that was down comes back by itself.
 */
export async function createKnowledgeBase(dependencies: {
  sql: Sql;
  chroma: ChromaClient;
  /** The server `chroma` talks to (queries go to it directly). */
  chromaUrl: string;
  graph: GraphConnection;
  log: Logger;
  embedder?: Embedder;
  /** An OpenAI-compatible embeddings endpoint instead of the local embedder. */
  embeddings?: { baseUrl: string; model: string; apiKey: string | undefined };
  /** For tests: a vector index instead of Chroma (for the global store and projects alike). */
  vectorIndex?: VectorIndex;
}): Promise<KnowledgeBase> {
  const log = dependencies.log.child({ component: 'knowledge' });
  // Read once: the shipped corpus gives both the word statistics and the seeds.
  const corpus = await readCorpus();
  const frequencies = fitDocumentFrequencies(
    corpus.patterns.map((seed) => patternDocument({ ...seed.manifest, code: seed.code, tests: seed.tests })),
  );
  const embedder =
    dependencies.embedder ??
    (dependencies.embeddings
      ? new OpenAiCompatibleEmbedder(dependencies.embeddings)
      : new LocalEmbedder(1024, frequencies));
  const patterns = new PatternRepository(dependencies.sql.query);
  const relevance = new RelevanceScorer(frequencies);
  const graph = graphStoreOn(dependencies.graph, dependencies.sql);
  let rebuiltPending = false;
  let projectsRebuilt = false;
  const collection = (name: string, onOpened: (index: ChromaVectorIndex) => void) => {
    let opening: Promise<ChromaVectorIndex> | undefined;
    return async (): Promise<VectorIndex> => {
      if (dependencies.vectorIndex) return dependencies.vectorIndex;
      // A remote embedder's dimension is known once it has answered: ask it first (a failure leaves vector search out).
      opening ??= (
        embedder instanceof OpenAiCompatibleEmbedder ? embedder.probe() : Promise.resolve(embedder.dimension)
      )
        .then((dimension) =>
          ChromaVectorIndex.open(dependencies.chroma, {
            url: dependencies.chromaUrl,
            name,
            embedderId: embedder.id,
            dimension,
          }),
        )
        .then(
          (index) => {
            onOpened(index);
            return index;
          },
          (error: unknown) => {
            opening = undefined;
            throw error;
          },
        );
      return opening;
    };
  };
  const vectors = collection(patternCollectionName, (index) => (rebuiltPending = index.rebuilt));
  const projectVectors = collection(projectCollectionName, (index) => (projectsRebuilt = index.rebuilt));
  const indexer = new PatternIndexer(patterns, embedder, vectors, graph, log, projectVectors);
  const projects = new ProjectSearch({ patterns, embedder, vectors: projectVectors, log });
  return {
    patterns,
    graph,
    embedder,
    indexer,
    learning: new PatternLearning({
      patterns,
      outcomes: new PatternOutcomeRepository(dependencies.sql.query),
      overview: new KnowledgeOverviewRepository(dependencies.sql.query),
      graph,
      indexer,
    }),
    relevance,
    projects,
    retriever: new HybridRetriever({
      patterns,
      embedder,
      vectors,
      graph,
      log,
      documentFrequency: (word) => frequencies.counts.get(`w:${stem(word)}`) ?? 0,
      relevance,
      projects,
    }),
    async loadSeeds() {
      const index = await vectors().catch(() => undefined);
      // Rebuilt, or missing vectors written while Chroma was down: embed everything again.
      const reindexAll =
        rebuiltPending || (index !== undefined && (await index.count().catch(() => 0)) < (await patterns.count()));
      const report = await loadSeedCorpus({ patterns, indexer, log }, { corpus });
      if (reindexAll && !report.vectorError) {
        const reembedded = await indexer.reembedAll();
        log.info({ patterns: reembedded, embedder: embedder.id }, 'vector index rebuilt');
        rebuiltPending = false;
        projectsRebuilt = false;
      } else if (index && !report.vectorError) {
        // The project collection was rebuilt (another embedder) or lost: its patterns are embedded again.
        await projectVectors().catch(() => undefined);
        if (projectsRebuilt) {
          const reembedded = await indexer.reembedProjects().catch(() => 0);
          if (reembedded) log.info({ patterns: reembedded }, 'project vector index rebuilt');
          projectsRebuilt = false;
        }
      }
      return report;
    },
  };
}

/** The graph store on a connection: Neo4j's, or the graph tables in Kiln's Postgres. */
export function graphStoreOn(connection: GraphConnection, sql: Sql): GraphStore {
  return connection.kind === 'neo4j' ? new Neo4jGraphStore(connection.driver) : new PostgresGraphStore(sql);
}
