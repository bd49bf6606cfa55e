import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { findFreePort } from './free-port.ts';
import { isProcessAlive, processIdentity, terminateProcess, type ProcessIdentity } from './process-identity.ts';
import { tailOfFile } from './tail-of-file.ts';

/**
 * The Chroma server shipped in the `chromadb` npm package (`chroma run`, a Rust
 * server in its native bindings), run detached with its data under the data
 * dir. Like the embedded Postgres it outlives the process that started it, so
 * other Kiln processes attach to it; the run file records which process and
 * port it is. Callers hold the data directory lock around `ensure` and `stop`.
 */
export interface EmbeddedChromaInstance {
  url: string;
  port: number;
  pid: number;
  startedHere: boolean;
}

interface RunFile extends ProcessIdentity {
  port: number;
}

export class EmbeddedChroma {
  private readonly runFilePath: string;
  private readonly logPath: string;
  private readonly storagePath: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.runFilePath = path.join(dataDir, 'run', 'chroma.json');
    this.logPath = path.join(dataDir, 'logs', 'chroma.log');
    this.storagePath = path.join(dataDir, 'chroma');
  }

  async ensure(): Promise<EmbeddedChromaInstance> {
    const previous = await this.readRunFile();
    if (previous && isProcessAlive(previous)) {
      const url = urlFor(previous.port);
      if (await waitForHeartbeat(url, previous, 15_000)) {
        this.log.info({ port: previous.port, serverPid: previous.pid }, 'attached to the running embedded Chroma');
        return { url, port: previous.port, pid: previous.pid, startedHere: false };
      }
      this.log.warn({ serverPid: previous.pid }, 'the embedded Chroma process does not answer; replacing it');
      await this.stop();
    }
    const port = await findFreePort(previous?.port);
    const identity = await this.spawnServer(port);
    await this.writeRunFile({ ...identity, port });
    const url = urlFor(port);
    if (!(await waitForHeartbeat(url, identity, 60_000))) {
      const reason = isProcessAlive(identity) ? 'did not answer its heartbeat within 60 s' : 'exited during start-up';
      throw new Error(
        `embedded Chroma ${reason}. Last lines of ${this.logPath}:\n${await tailOfFile(this.logPath, 15)}`,
      );
    }
    this.log.info({ port, serverPid: identity.pid, path: this.storagePath }, 'started embedded Chroma');
    return { url, port, pid: identity.pid, startedHere: true };
  }

  async stop(): Promise<void> {
    const running = await this.readRunFile();
    if (running && isProcessAlive(running)) {
      await terminateProcess(running, [
        ['SIGTERM', 10_000],
        ['SIGKILL', 5_000],
      ]);
      this.log.info({ serverPid: running.pid }, 'stopped embedded Chroma');
    }
    // The run file stays: its port is tried first next time, so the URL is stable across restarts.
  }

  private async spawnServer(port: number): Promise<ProcessIdentity> {
    await mkdir(path.dirname(this.logPath), { recursive: true });
    await mkdir(this.storagePath, { recursive: true });
    const logFd = openSync(this.logPath, 'a');
    try {
      const child = spawn(
        process.execPath,
        [chromaCliPath(), 'run', '--path', this.storagePath, '--host', '127.0.0.1', '--port', String(port)],
        // An empty environment: no secret of Kiln's reaches Chroma, and its telemetry has nothing to configure it.
        { detached: true, stdio: ['ignore', logFd, logFd], env: { ANONYMIZED_TELEMETRY: 'False' } },
      );
      child.unref();
      if (!child.pid) throw new Error('could not start the embedded Chroma server');
      return processIdentity(child.pid);
    } finally {
      closeSync(logFd);
    }
  }

  private async readRunFile(): Promise<RunFile | undefined> {
    try {
      return JSON.parse(await readFile(this.runFilePath, 'utf8')) as RunFile;
    } catch {
      return undefined;
    }
  }

  private async writeRunFile(runFile: RunFile) {
    await mkdir(path.dirname(this.runFilePath), { recursive: true });
    await writeFile(this.runFilePath, JSON.stringify(runFile));
  }
}

const urlFor = (port: number) => `http://127.0.0.1:${port}`;

/** The `chroma` CLI of the installed `chromadb` package (its `bin`, next to its main module). */
function chromaCliPath(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.resolve('chromadb'))), 'cli.mjs');
}

/** True once Chroma answers its heartbeat; false on timeout or when the process is gone. */
export async function waitForHeartbeat(url: string, identity: ProcessIdentity | undefined, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (identity && !isProcessAlive(identity)) return false;
    try {
      const response = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  return false;
}
