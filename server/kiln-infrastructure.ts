import type { Logger } from 'pino';
import type { Config } from '../platform/config/config.ts';
import { startInfrastructure, type Infrastructure } from '../platform/infrastructure/infrastructure.ts';
import { connectKnowledgeStores, type KnowledgeStores } from '../knowledge/knowledge-stores.ts';
import { kilnSchema } from './persistence/kiln-schema.ts';

/** Postgres with Kiln's whole schema, Chroma and the graph: what the server, the CLIs and the tests stand on. */
export type KilnInfrastructure = Omit<Infrastructure, 'summary'> &
  Pick<KnowledgeStores, 'chroma' | 'graph'> & {
    summary: Infrastructure['summary'] & { graph: KnowledgeStores['graph']['kind'] };
  };

export async function startKilnInfrastructure(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'chromaUrl' | 'neo4j'>,
  log: Logger,
  options: { poolSize?: number } = {},
): Promise<KilnInfrastructure> {
  const infrastructure = await startInfrastructure(config, log, { ...options, schema: kilnSchema });
  const stores = connectKnowledgeStores({
    chromaUrl: infrastructure.chromaUrl,
    neo4j: config.neo4j,
    query: (sql, parameters) => infrastructure.dataSource.query(sql, parameters),
  });
  return {
    ...infrastructure,
    chroma: stores.chroma,
    graph: stores.graph,
    readinessChecks: [...infrastructure.readinessChecks, ...stores.readinessChecks],
    summary: { ...infrastructure.summary, graph: stores.graph.kind },
    async stop() {
      await stores.close().catch((error: unknown) => log.warn({ err: error }, 'closing the graph connection failed'));
      await infrastructure.stop();
    },
  };
}
