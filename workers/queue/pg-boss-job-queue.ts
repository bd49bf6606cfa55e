import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobHandler, JobQueue, JobRecord } from './job-queue.ts';

/** `JobQueue` on pg-boss, in its own `pgboss` schema of Kiln's Postgres. */
export class PgBossJobQueue implements JobQueue {
  private readonly createdQueues = new Set<string>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly log: Logger,
    private readonly stopTimeoutMs: number,
  ) {}

  static async start(
    databaseUrl: string,
    log: Logger,
    options: { stopTimeoutMs?: number } = {},
  ): Promise<PgBossJobQueue> {
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', application_name: 'kiln-jobs', max: 4 });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    return new PgBossJobQueue(boss, log, options.stopTimeoutMs ?? 10_000);
  }

  async send(name: string, data: object): Promise<string> {
    await this.ensureQueue(name);
    const id = await this.boss.send(name, data, { retryLimit: 2, retryBackoff: true });
    if (!id) throw new Error(`the job queue did not accept a '${name}' job`);
    return id;
  }

  async work(name: string, handler: JobHandler): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work(name, { pollingIntervalSeconds: 0.5 }, async (jobs: PgBoss.Job<unknown>[]) => {
      // pg-boss 10 hands over a batch; one job at a time keeps each outcome separate.
      const outputs = [];
      for (const job of jobs) {
        this.log.debug({ job: name, id: job.id }, 'job started');
        outputs.push(await handler({ id: job.id, data: job.data }));
      }
      return outputs.length === 1 ? outputs[0] : outputs;
    });
  }

  async get(name: string, id: string): Promise<JobRecord | undefined> {
    const job = await this.boss.getJobById(name, id, { includeArchive: true });
    return job ? { id: job.id, state: job.state, output: job.output } : undefined;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: this.stopTimeoutMs });
  }

  private async ensureQueue(name: string) {
    if (this.createdQueues.has(name)) return;
    // createQueue is idempotent, and pg-boss 10 refuses jobs for queues that do not exist.
    await this.boss.createQueue(name);
    this.createdQueues.add(name);
  }
}
