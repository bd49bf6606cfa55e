import pino from 'pino';
import { PgBossJobQueue } from '../../workers/queue/pg-boss-job-queue.ts';

// A worker process that takes one job of JOB_NAME, says `took <id>` and never finishes it: the test kills it to
// stand for a worker that died mid-job.
const queue = await PgBossJobQueue.start(process.env.DATABASE_URL!, pino({ level: 'silent' }));
await queue.work(process.env.JOB_NAME!, async ({ id }) => {
  process.stdout.write(`took ${id}\n`);
  await new Promise(() => undefined);
});
