import { ConfigError, loadConfig } from '../server/config/config.ts';
import { startInfrastructure } from '../server/infrastructure/infrastructure.ts';
import { createLogger } from '../server/logging/create-logger.ts';
import { startWorkers } from './start-workers.ts';
import { startWorkerHealthServer } from './worker-health-server.ts';

// `npm run worker`: a worker-only process. It attaches to the same Postgres and Chroma as the server (the
// embedded ones when those are running for the same KILN_DATA_DIR) and works the shared job queue.
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const log = createLogger(config.logLevel, 'worker');
try {
  const infrastructure = await startInfrastructure(config, log, { poolSize: 4 });
  const queue = await startWorkers(infrastructure.databaseUrl, log, { stopTimeoutMs: config.shutdownTimeoutMs });
  let stopping = false;
  const healthServer = config.workerHealthPort
    ? await startWorkerHealthServer(config.workerHealthPort, () => (stopping ? 'stopping' : 'working'))
    : undefined;
  log.info({ ...infrastructure.summary, healthPort: config.workerHealthPort }, 'worker ready');
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'worker stopping: finishing running jobs');
    try {
      await queue.stop();
      await infrastructure.stop();
      healthServer?.close();
      log.info('worker stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'worker shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  log.fatal({ err: error }, `Kiln worker could not start: ${(error as Error).message}`);
  process.exit(1);
}
