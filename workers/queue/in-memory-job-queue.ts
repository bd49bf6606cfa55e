import { randomUUID } from 'node:crypto';
import type { JobHandler, JobQueue, JobRecord } from './job-queue.ts';

/** The in-memory twin of `JobQueue` for unit tests: jobs run on the next tick, in order, one at a time per queue. */
export class InMemoryJobQueue implements JobQueue {
  private readonly jobs = new Map<string, JobRecord & { name: string; data: unknown }>();
  private readonly handlers = new Map<string, JobHandler>();
  private readonly pending: Promise<void>[] = [];
  private stopped = false;

  async send(name: string, data: object): Promise<string> {
    if (this.stopped) throw new Error('the job queue is stopped');
    const id = randomUUID();
    this.jobs.set(id, { id, name, data, state: 'created', output: null });
    this.schedule(id);
    return id;
  }

  async work(name: string, handler: JobHandler): Promise<void> {
    this.handlers.set(name, handler);
    for (const job of this.jobs.values()) if (job.name === name && job.state === 'created') this.schedule(job.id);
  }

  async get(name: string, id: string): Promise<JobRecord | undefined> {
    const job = this.jobs.get(id);
    return job && job.name === name ? { id: job.id, state: job.state, output: job.output } : undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.pending);
  }

  /** Resolves when every job sent so far has been handled (tests await this instead of sleeping). */
  async drain(): Promise<void> {
    while (this.pending.length) await this.pending.shift();
  }

  private schedule(id: string) {
    const run = async () => {
      await Promise.resolve();
      const job = this.jobs.get(id);
      const handler = job && this.handlers.get(job.name);
      if (!job || !handler || job.state !== 'created' || this.stopped) return;
      job.state = 'active';
      try {
        job.output = (await handler({ id, data: job.data })) ?? null;
        job.state = 'completed';
      } catch (error) {
        job.output = { message: (error as Error).message };
        job.state = 'failed';
      }
    };
    this.pending.push(run());
  }
}
