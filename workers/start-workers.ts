import type { Logger } from 'pino';
import { registerPingJob } from './jobs/ping-job.ts';
import { PgBossJobQueue } from './queue/pg-boss-job-queue.ts';

/**
 * Starts the job queue on Kiln's Postgres and registers every job handler.
 * Used in-process by the server (KILN_WORKERS=in-process) and by `npm run worker`.
 */
export async function startWorkers(databaseUrl: string, log: Logger, options: { stopTimeoutMs?: number } = {}) {
  const queue = await PgBossJobQueue.start(databaseUrl, log.child({ component: 'jobs' }), options);
  await registerPingJob(queue);
  return queue;
}
