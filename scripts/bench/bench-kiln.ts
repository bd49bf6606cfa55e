import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KilnProcess } from '../../tests/support/kiln-process.ts';
import { temporaryDirectory } from '../../tests/support/temporary-directory.ts';

/**
 * A Kiln server of a measurement's own (`npm start`'s entry, on a free port, in a new temporary data dir), once it
 * says it is ready. `shared()` gives what another server or a database client needs to reach its embedded
 * Postgres and Chroma (only for a server that embeds them). `stop` ends it and removes the data dir.
 */
export async function startBenchKiln(name: string, environment: Record<string, string>) {
  const dataDir = await temporaryDirectory(name);
  const kiln = KilnProcess.start('server', {
    KILN_DATA_DIR: dataDir.path,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...environment,
  });
  try {
    const url = await kiln.url();
    const ready = await kiln.waitForLog((line) => String(line.msg).startsWith('Kiln is ready'), 120_000);
    const shared = async () => {
      const credentials = JSON.parse(
        await readFile(path.join(dataDir.path, 'run', 'postgres-credentials.json'), 'utf8'),
      ) as { user: string; password: string; database: string };
      const postgres = { ...credentials, host: '127.0.0.1', port: (ready.postgres as { port: number }).port };
      return {
        postgres,
        DATABASE_URL: `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${postgres.port}/${credentials.database}`,
        CHROMA_URL: `http://127.0.0.1:${(ready.chroma as { port: number }).port}`,
      };
    };
    return {
      kiln,
      url,
      shared,
      async stop() {
        await kiln.stop('SIGTERM');
        await dataDir.remove();
      },
    };
  } catch (error) {
    await kiln.stop('SIGKILL');
    await dataDir.remove();
    throw error;
  }
}
