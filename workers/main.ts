import type { Server } from 'node:http';
import { startInfrastructure } from '../platform/infrastructure/infrastructure.ts';
import { loadConfigOrExit, stopOnSignal } from '../platform/lifecycle/entry-point.ts';
import { createLogger } from '../platform/logging/create-logger.ts';
import { startWorkers } from './start-workers.ts';
import { startWorkerHealthServer } from './worker-health-server.ts';

// `npm run worker`: a worker-only process. It attaches to the same Postgres and Chroma as the server (the
// embedded ones when those are running for the same KILN_DATA_DIR) and works the shared job queue.
const config = loadConfigOrExit(process.env);
const log = createLogger(config.logLevel, 'worker');
try {
  const infrastructure = await startInfrastructure(config, log, { poolSize: 4 });
  const queue = await startWorkers(infrastructure.databaseUrl, log, { stopTimeoutMs: config.shutdownTimeoutMs });
  let healthServer: Server | undefined;
  const signals = stopOnSignal(log, async () => {
    log.info('worker stopping: finishing running jobs');
    await queue.stop();
    await infrastructure.stop();
    healthServer?.close();
    log.info('worker stopped');
  });
  healthServer = config.workerHealthPort
    ? await startWorkerHealthServer(config.workerHealthPort, () => (signals.isStopping() ? 'stopping' : 'working'))
    : undefined;
  log.info({ ...infrastructure.summary, healthPort: config.workerHealthPort }, 'worker ready');
} catch (error) {
  log.fatal({ err: error }, `Kiln worker could not start: ${(error as Error).message}`);
  process.exit(1);
}
