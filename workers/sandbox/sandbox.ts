/**
 * The sandbox port: one prepared execution in, a stream of output chunks and exactly one exit out.
 *
 * Contract for every driver (bubblewrap, Docker Engine API):
 * - The execution's `files` are written into a fresh, private work dir (the only writable place besides a
 *   private /tmp), `command` is run there with `environment` as the whole environment (nothing of the host's),
 *   as an unprivileged user, with no network.
 * - `output` events come in the order the process wrote them per stream; once a stream has sent
 *   `limits.outputBytes`, the run is killed and the exit says `truncated`.
 * - The last event is always one `exit`; after it, no process of the run is alive. Aborting `signal` kills
 *   the run and still ends with an `exit`.
 * - A driver that cannot start the run at all throws `SandboxUnavailableError` before yielding anything.
 */
export interface Sandbox {
  /** Which driver this is, for readiness and logs. */
  readonly driver: SandboxDriverName;
  run(execution: SandboxExecution, signal?: AbortSignal): AsyncIterable<SandboxEvent>;
}

export type SandboxDriverName = 'bubblewrap' | 'docker';

/** What a run needs of the host: which runtime's files are made visible inside the sandbox. */
export type SandboxRuntime = 'node' | 'python' | 'shell';

export interface SandboxLimits {
  /** Wall-clock limit; the run is killed and marked `timedOut` past it. */
  wallMs: number;
  /** Memory for the run's processes together where the driver can (Docker), per process otherwise (rlimits). */
  memoryBytes: number;
  /** Processes (threads count too, as the kernel counts them). */
  processes: number;
  /** Per stream (stdout, stderr); past it the run is killed and marked `truncated`. */
  outputBytes: number;
  /** Largest file a run may write. */
  fileSizeBytes: number;
  openFiles: number;
  cpuSeconds: number;
}

export interface SandboxExecution {
  runtime: SandboxRuntime;
  /** Relative path inside the work dir → content. Paths never escape the work dir (the driver checks). */
  files: Record<string, string>;
  /** argv; `command[0]` is a program name resolved inside the sandbox (`node`, `python3`, `sh`). */
  command: string[];
  /** The whole environment of the run; drivers add nothing but PATH and HOME if absent. */
  environment?: Record<string, string>;
  stdin?: string;
  limits: SandboxLimits;
}

export type SandboxEvent =
  { type: 'output'; stream: 'stdout' | 'stderr'; chunk: string } | { type: 'exit'; exit: SandboxExit };

export interface SandboxExit {
  /** null when the process was killed by a signal. */
  exitCode: number | null;
  /** The signal that ended it, if any (SIGKILL for a timeout, OOM or truncation). */
  signal: string | null;
  timedOut: boolean;
  oom: boolean;
  truncated: boolean;
  durationMs: number;
}

/** No sandbox can run code here (driver missing, API down). Code is never run on the host instead. */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const defaultSandboxLimits: SandboxLimits = {
  wallMs: 10_000,
  memoryBytes: 256 * 1024 * 1024,
  processes: 64,
  outputBytes: 1024 * 1024,
  fileSizeBytes: 16 * 1024 * 1024,
  openFiles: 256,
  cpuSeconds: 30,
};
