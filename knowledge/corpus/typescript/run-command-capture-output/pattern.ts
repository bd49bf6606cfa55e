import { spawn } from 'node:child_process';

export interface CommandResult {
  stdout: string;
  stderr: string;
  /** null when the process was killed by a signal. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: CommandResult,
    readonly timedOut: boolean,
  ) {
    const why = timedOut ? 'timed out' : result.signal ? `was killed by ${result.signal}` : `exited with code ${result.exitCode}`;
    super(`${command} ${why}${result.stderr.trim() ? `: ${result.stderr.trim().slice(-500)}` : ''}`);
    this.name = 'CommandError';
  }
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, which is then closed (otherwise tools that read stdin wait forever). */
  input?: string;
  timeoutMs?: number;
  /** Resolve instead of rejecting on a non-zero exit code. */
  allowFailure?: boolean;
}

/** Runs `command` with `args` (never through a shell) and resolves with its output once it has exited. */
export function runCommand(command: string, args: readonly string[] = [], options: RunOptions = {}): Promise<CommandResult> {
  const { cwd, env, input, timeoutMs, allowFailure = false } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // EPIPE if the child exits without reading its input
    child.stdin.end(input);

    const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs);
    // 'error' fires instead of 'close' when the program cannot be started at all (ENOENT, EACCES).
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    // 'close' (not 'exit') waits until stdout and stderr are fully read.
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const result = { stdout, stderr, exitCode, signal };
      if (timedOut || (exitCode !== 0 && !allowFailure)) reject(new CommandError([command, ...args].join(' '), result, timedOut));
      else resolve(result);
    });
  });
}
