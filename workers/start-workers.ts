import type { Logger } from 'pino';
import type { SandboxConfig } from '../platform/config/config.ts';
import type { Sql } from '../platform/database/sql-query.ts';
import { registerPingJob } from './jobs/ping-job.ts';
import { registerSandboxRunJob } from './jobs/sandbox-run-job.ts';
import type { JobQueue } from './queue/job-queue.ts';
import { PgBossJobQueue } from './queue/pg-boss-job-queue.ts';
import type { RunLearning } from './runs/learn-from-run.ts';
import { PostgresRunStore } from './runs/postgres-run-store.ts';
import { runLimits } from './runs/run-limits.ts';
import type { SandboxChoice } from './sandbox/choose-sandbox.ts';

export interface WorkerDependencies {
  databaseUrl: string;
  sql: Sql;
  sandboxConfig: SandboxConfig;
  /** This process's sandbox (undefined until proven at start-up). */
  sandbox: () => SandboxChoice | undefined;
  /** Where a finished run's verdict credits or blames the patterns it was built on; a failure there is only logged. */
  learning?: RunLearning;
}

/** Starts the job queue on Kiln's Postgres and works every job in this process (`npm run worker`). */
export async function startWorkers(
  dependencies: WorkerDependencies,
  log: Logger,
  options: { stopTimeoutMs?: number } = {},
) {
  const queue = await PgBossJobQueue.start(dependencies.databaseUrl, log.child({ component: 'jobs' }), options);
  await registerJobs(queue, dependencies, log);
  return queue;
}

/**
 * Registers every job handler on `queue`: the ping job, and sandbox runs (`concurrency` at once in this
 * process). The server calls it on its own queue with KILN_WORKERS=in-process.
 */
export async function registerJobs(
  queue: JobQueue,
  dependencies: Omit<WorkerDependencies, 'databaseUrl'>,
  log: Logger,
) {
  await registerPingJob(queue);
  const runs = new PostgresRunStore(dependencies.sql);
  const config = dependencies.sandboxConfig;
  await registerSandboxRunJob(
    queue,
    {
      journal: runs,
      sandbox: dependencies.sandbox,
      limits: (spec) => runLimits(config, spec),
      log: log.child({ component: 'runs' }),
    },
    { runs, concurrency: config.concurrency, runsPerUser: config.runsPerUser, learning: dependencies.learning },
  );
}
