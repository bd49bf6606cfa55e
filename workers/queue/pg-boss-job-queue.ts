import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobHandler, JobQueue, JobRecord, SendOptions } from './job-queue.ts';

/** `JobQueue` on pg-boss, in its own `pgboss` schema of Kiln's Postgres. */
export class PgBossJobQueue implements JobQueue {
  private readonly createdQueues = new Set<string>();
  /** The ids of this process's pg-boss workers, by job name, to wake them when a job is sent from here. */
  private readonly workers = new Map<string, string[]>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly log: Logger,
    private readonly stopTimeoutMs: number,
  ) {}

  static async start(
    databaseUrl: string,
    log: Logger,
    options: { stopTimeoutMs?: number; maintenanceIntervalSeconds?: number } = {},
  ): Promise<PgBossJobQueue> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      application_name: 'kiln-jobs',
      max: 4,
      // Maintenance is where jobs abandoned by a dead process expire and go back to the queue (pg-boss's
      // default is every 2 minutes). One process does it per interval, under a lock.
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
    });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    return new PgBossJobQueue(boss, log, options.stopTimeoutMs ?? 10_000);
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<string> {
    await this.ensureQueue(name);
    const retries = options.retries ?? 2;
    const id = await this.boss.send(name, data, {
      retryLimit: retries,
      retryBackoff: retries > 0,
      ...(options.expireInSeconds ? { expireInSeconds: options.expireInSeconds } : {}),
    });
    if (!id) throw new Error(`the job queue did not accept a '${name}' job`);
    // pg-boss polls at most twice a second; a job sent from this process need not wait for the next poll.
    for (const worker of this.workers.get(name) ?? []) this.boss.notifyWorker(worker);
    return id;
  }

  async work(
    name: string,
    handler: JobHandler,
    options: { concurrency?: number; batchSize?: number } = {},
  ): Promise<void> {
    await this.ensureQueue(name);
    const batchSize = options.batchSize ?? 1;
    // Each pg-boss worker takes one batch at a time: `concurrency` workers run that many batches at once.
    for (let index = 0; index < (options.concurrency ?? 1); index += 1) {
      const id = await this.boss.work(
        name,
        { pollingIntervalSeconds: 0.5, batchSize },
        async (jobs: PgBoss.Job<unknown>[]) => {
          if (batchSize === 1) {
            this.log.debug({ job: name, id: jobs[0]!.id }, 'job started');
            return handler({ id: jobs[0]!.id, data: jobs[0]!.data });
          }
          // pg-boss would complete or fail a batch as one: each job's outcome is written here, on its own.
          await Promise.all(
            jobs.map(async (job) => {
              this.log.debug({ job: name, id: job.id }, 'job started');
              let output: object | void;
              try {
                output = await handler({ id: job.id, data: job.data });
              } catch (error) {
                await this.boss
                  .fail(name, job.id, { message: (error as Error).message })
                  .catch((failure: unknown) => this.log.error({ err: failure, id: job.id }, 'could not fail a job'));
                return;
              }
              await this.boss
                .complete(name, job.id, output ?? {})
                .catch((failure: unknown) => this.log.error({ err: failure, id: job.id }, 'could not complete a job'));
            }),
          );
        },
      );
      this.workers.set(name, [...(this.workers.get(name) ?? []), id]);
    }
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
