import { hostname } from 'node:os';
import type { JobQueue } from '../queue/job-queue.ts';

/**
 * A diagnostic job: whichever worker takes it answers with its process id and
 * host, so an operator (or a test) can see which processes are really working
 * the shared queue.
 */
export const pingJobName = 'kiln.ping';

export interface PingOutput {
  pid: number;
  host: string;
  handledAt: string;
  echo: unknown;
}

export async function registerPingJob(queue: JobQueue, now: () => Date = () => new Date()) {
  await queue.work(pingJobName, async ({ data }) => {
    const output: PingOutput = { pid: process.pid, host: hostname(), handledAt: now().toISOString(), echo: data };
    return output;
  });
}
