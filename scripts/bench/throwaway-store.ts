import type { Logger } from 'pino';
import { createKnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { sqlHandle } from '../../platform/database/sql-handle.ts';
import { startKilnInfrastructure } from '../../server/kiln-infrastructure.ts';
import { temporaryDirectory } from '../../tests/support/temporary-directory.ts';

/**
 * A pattern store of a measurement's own: embedded Postgres and Chroma in a new temporary folder (or in `dataDir`,
 * kept between runs), with the seed corpus loaded, as on a fresh install. `stop` shuts the services down and
 * removes the temporary folder.
 */
export async function openThrowawayStore(options: { log: Logger; name: string; dataDir?: string }) {
  const folder = options.dataDir
    ? { path: options.dataDir, remove: async () => undefined }
    : await temporaryDirectory(options.name);
  const infrastructure = await startKilnInfrastructure(
    { dataDir: folder.path, databaseUrl: undefined, chromaUrl: undefined, neo4j: undefined },
    options.log,
  );
  try {
    const sql = sqlHandle(infrastructure.dataSource);
    const knowledge = await createKnowledgeBase({
      sql,
      chroma: infrastructure.chroma,
      chromaUrl: infrastructure.chromaUrl,
      graph: infrastructure.graph,
      log: options.log,
    });
    await knowledge.loadSeeds();
    return {
      sql,
      knowledge,
      infrastructure,
      dataDir: folder.path,
      async stop() {
        await infrastructure.stop();
        await folder.remove();
      },
    };
  } catch (error) {
    await infrastructure.stop();
    await folder.remove();
    throw error;
  }
}
