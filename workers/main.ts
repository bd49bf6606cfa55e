import type { Server } from 'node:http';
import { connectGraph } from '../knowledge/graph/graph-connection.ts';
import { graphStoreOn } from '../knowledge/knowledge-base.ts';
import { OutcomeRecorder } from '../knowledge/learning/outcome-recorder.ts';
import { PatternOutcomeRepository } from '../knowledge/patterns/pattern-outcome-repository.ts';
import { sqlHandle } from '../platform/database/sql-handle.ts';
import { startInfrastructure } from '../platform/infrastructure/infrastructure.ts';
import { loadConfigOrExit, stopOnSignal } from '../platform/lifecycle/entry-point.ts';
import { createLogger } from '../platform/logging/create-logger.ts';
import { chooseSandbox } from './sandbox/choose-sandbox.ts';
import { warmUpTypeChecks } from './sandbox/runners/type-check-thread.ts';
import { startWorkers } from './start-workers.ts';
import { startWorkerHealthServer } from './worker-health-server.ts';

// `npm run worker`: a worker-only process. It attaches to the same Postgres and Chroma as the server (the
// embedded ones when those are running for the same KILN_DATA_DIR) and works the shared job queue. The server
// runs the migrations; this process needs the job queue's own tables, which pg-boss makes, and the patterns'
// tables and the graph, where run verdicts credit or blame the patterns a run was built on.
const config = loadConfigOrExit(process.env);
const log = createLogger(config.logLevel, 'worker');
try {
  const infrastructure = await startInfrastructure(config, log, { poolSize: 4 });
  const sandbox = await chooseSandbox(config.sandbox);
  if (sandbox.sandbox) log.info({ sandbox: sandbox.detail }, 'sandbox ready');
  else log.warn({ reason: sandbox.reason }, 'no sandbox: runs given to this worker end with the reason');
  const sql = sqlHandle(infrastructure.dataSource);
  const graph = connectGraph(config.neo4j, sql.query);
  // Only outcomes are recorded here: learning new patterns (which needs the vector index) is the server's.
  const learning = new OutcomeRecorder({
    outcomes: new PatternOutcomeRepository(sql.query),
    graph: graphStoreOn(graph, sql),
  });
  const queue = await startWorkers(
    {
      databaseUrl: infrastructure.databaseUrl,
      sql,
      sandboxConfig: config.sandbox,
      sandbox: () => sandbox,
      learning,
    },
    log,
    { stopTimeoutMs: config.shutdownTimeoutMs },
  );
  let healthServer: Server | undefined;
  const signals = stopOnSignal(log, async () => {
    log.info('worker stopping: finishing running jobs');
    await queue.stop();
    await graph.close().catch((error: unknown) => log.warn({ err: error }, 'closing the graph connection failed'));
    await infrastructure.stop();
    healthServer?.close();
    log.info('worker stopped');
  });
  healthServer = config.workerHealthPort
    ? await startWorkerHealthServer(config.workerHealthPort, () => (signals.isStopping() ? 'stopping' : 'working'))
    : undefined;
  log.info({ ...infrastructure.summary, healthPort: config.workerHealthPort }, 'worker ready');
  // The first type check of a process parses TypeScript's libraries (seconds, on a thread): now, not on a first run.
  warmUpTypeChecks();
} catch (error) {
  log.fatal({ err: error }, `Kiln worker could not start: ${(error as Error).message}`);
  process.exit(1);
}
