import path from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/config.ts';
import { openDataSource, type DatabaseSchema } from '../database/open-data-source.ts';
import { withDirectoryLock } from './directory-lock.ts';
import { EmbeddedChroma } from './embedded-chroma.ts';
import { EmbeddedPostgres } from './embedded-postgres.ts';
import type { ReadinessCheck } from './readiness.ts';
import { ServiceLeases } from './service-leases.ts';

/**
 * The services every Kiln process stands on, started the same way by the server, the worker, the CLIs and the
 * tests: Postgres (DATABASE_URL or embedded) with the given schema brought up to date, and a Chroma server
 * (CHROMA_URL or embedded) for the knowledge layer to connect to. Embedded services are shared: a second
 * process attaches to the ones already running for the same data dir, and the last process to stop shuts them
 * down.
 */
export interface Infrastructure {
  dataSource: DataSource;
  databaseUrl: string;
  chromaUrl: string;
  /** postgres, required for readiness. */
  readinessChecks: ReadinessCheck[];
  /** What runs where, for the start-up log line and the tests. */
  summary: {
    postgres: { embedded: boolean; port?: number; pid?: number; startedHere?: boolean };
    chroma: { embedded: boolean; port?: number; pid?: number; startedHere?: boolean };
  };
  stop(): Promise<void>;
}

export type InfrastructureConfig = Pick<Config, 'dataDir' | 'databaseUrl' | 'chromaUrl'>;

/**
 * `schema`: the entities and ordered migrations to bring up; a worker, which only needs the job queue's own
 * tables (pg-boss makes them), passes none and leaves migrating to the server.
 */
export async function startInfrastructure(
  config: InfrastructureConfig,
  log: Logger,
  options: { poolSize?: number; schema?: DatabaseSchema } = {},
): Promise<Infrastructure> {
  const embedded = new EmbeddedServices(config, log);
  let dataSource: DataSource | undefined;
  try {
    const services = await embedded.acquire();
    dataSource = await openDataSource(services.databaseUrl, options.schema ?? { entities: [], migrations: [] }, {
      poolSize: options.poolSize,
    });
    const openedDataSource = dataSource;
    const readinessChecks: ReadinessCheck[] = [
      {
        name: 'postgres',
        required: true,
        run: async () => {
          const [row] = (await openedDataSource.query('SHOW server_version')) as { server_version: string }[];
          const where = services.summary.postgres.embedded ? 'embedded' : 'DATABASE_URL';
          return { ok: true, detail: `PostgreSQL ${row?.server_version} (${where})` };
        },
      },
    ];
    return {
      dataSource,
      databaseUrl: services.databaseUrl,
      chromaUrl: services.chromaUrl,
      readinessChecks,
      summary: services.summary,
      async stop() {
        await openedDataSource.destroy().catch((error: unknown) => log.warn({ err: error }, 'closing Postgres failed'));
        await embedded.release();
      },
    };
  } catch (error) {
    await dataSource?.destroy().catch(() => undefined);
    await embedded.release().catch(() => undefined);
    throw error;
  }
}

/** The embedded Postgres and Chroma of one data dir, started or attached to under its lock, with a lease held. */
class EmbeddedServices {
  private readonly lockPath: string;
  private readonly leases: ServiceLeases;
  private readonly postgres: EmbeddedPostgres | undefined;
  private readonly chroma: EmbeddedChroma | undefined;
  private holdsLease = false;

  constructor(
    private readonly config: InfrastructureConfig,
    private readonly log: Logger,
  ) {
    this.lockPath = path.join(config.dataDir, 'run', 'services.lock');
    this.leases = new ServiceLeases(path.join(config.dataDir, 'run', 'clients'));
    this.postgres = config.databaseUrl
      ? undefined
      : new EmbeddedPostgres(config.dataDir, log.child({ service: 'postgres' }));
    this.chroma = config.chromaUrl ? undefined : new EmbeddedChroma(config.dataDir, log.child({ service: 'chroma' }));
  }

  async acquire() {
    const { postgres, chroma } = this;
    if (!postgres && !chroma) {
      return {
        databaseUrl: this.config.databaseUrl!,
        chromaUrl: this.config.chromaUrl!,
        summary: { postgres: { embedded: false }, chroma: { embedded: false } },
      };
    }
    return this.locked(async () => {
      // Take the lease first: if start-up fails half-way, release() still knows to clean up.
      await this.leases.take();
      this.holdsLease = true;
      const [postgresInstance, chromaInstance] = await Promise.all([postgres?.ensure(), chroma?.ensure()]);
      const describe = (instance: typeof postgresInstance | typeof chromaInstance) =>
        instance
          ? { embedded: true, port: instance.port, pid: instance.pid, startedHere: instance.startedHere }
          : { embedded: false };
      return {
        databaseUrl: postgresInstance?.url ?? this.config.databaseUrl!,
        chromaUrl: chromaInstance?.url ?? this.config.chromaUrl!,
        summary: { postgres: describe(postgresInstance), chroma: describe(chromaInstance) },
      };
    });
  }

  /** Drops this process's lease; stops the embedded services when no other live process holds one. */
  async release() {
    if (!this.holdsLease) return;
    await this.locked(async () => {
      await this.leases.release();
      this.holdsLease = false;
      const others = await this.leases.otherLiveHolders();
      if (others.length > 0) {
        this.log.info(
          { pids: others.map((holder) => holder.pid) },
          'embedded services stay up for other Kiln processes',
        );
        return;
      }
      await Promise.all([this.postgres?.stop(), this.chroma?.stop()]);
    });
  }

  private locked<T>(work: () => Promise<T>) {
    return withDirectoryLock(this.lockPath, work, {
      onWait: (holder) =>
        this.log.info(
          { holderPid: holder?.pid },
          'waiting for another Kiln process to finish starting or stopping the embedded services',
        ),
    });
  }
}
