import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/**
 * A Kiln process (`npm start` or `npm run worker`, run the way npm runs them)
 * with its JSON log lines collected, for tests that treat Kiln as a black box.
 */
export class KilnProcess {
  readonly lines: LogLine[] = [];
  readonly output: string[] = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    let buffer = '';
    const collect = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        this.output.push(line);
        try {
          this.lines.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line (npm's banner, a stack trace)
        }
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** `user` runs it as another account (tests running as root use it to check the non-root path). */
  static start(entry: 'server' | 'worker', environment: Record<string, string>, user?: { uid: number; gid: number }) {
    const script = entry === 'server' ? 'server/main.ts' : 'workers/main.ts';
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: repositoryRoot,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'info',
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    return new KilnProcess(child);
  }

  get pid() {
    return this.child.pid!;
  }

  /** Resolves with the first log line matching, or rejects with the process output when it exits first or time runs out. */
  async waitForLog(matches: (line: LogLine) => boolean, timeoutMs = 60_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.lines.find(matches);
      if (found) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `process exited (${this.child.exitCode ?? this.child.signalCode}) before the awaited log line:\n${this.output.join('\n')}`,
        );
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for a log line:\n${this.output.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The server's URL once it listens (PORT=0 picks a free port). */
  async url(): Promise<string> {
    const line = await this.waitForLog((entry) => entry.msg === 'listening; starting dependencies');
    return line.url as string;
  }

  exit() {
    return this.exited;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Polls `url` until it answers `status`, returning the body and how long it took from `since`. */
export async function waitForStatus(url: string, status: number, options: { timeoutMs?: number; since?: number } = {}) {
  const since = options.since ?? Date.now();
  const deadline = since + (options.timeoutMs ?? 60_000);
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === status) return { body: JSON.parse(body) as unknown, elapsedMs: Date.now() - since };
      last = `${response.status} ${body}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status} in time; last answer: ${last}`);
}
