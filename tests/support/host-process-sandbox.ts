import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type {
  Sandbox,
  SandboxDriverName,
  SandboxEvent,
  SandboxExecution,
  SandboxExit,
} from '../../workers/sandbox/sandbox.ts';
import { temporaryDirectory } from './temporary-directory.ts';

/** Where the programs a run names are on this host. */
const programs: Record<string, string> = {
  node: process.execPath,
  python3: '/usr/bin/python3',
  python: '/usr/bin/python3',
  bash: 'bash',
  sh: 'sh',
};

/**
 * FOR TESTS ONLY, NO ISOLATION: runs an execution as a plain child process of the test, in a temporary folder
 * on the host, with the execution's environment (plus the host's PATH and the folder as HOME). It keeps the
 * port's contract otherwise: output in order per stream, the wall-clock and output limits, exactly one `exit`
 * last, and no process of the run left alive after it (the run is its own process group, killed at the end).
 */
export class HostProcessSandbox implements Sandbox {
  // Not a real driver: the port names only real ones.
  readonly driver = 'host-process (tests only)' as SandboxDriverName;

  async *run(execution: SandboxExecution, signal?: AbortSignal): AsyncIterable<SandboxEvent> {
    const folder = await temporaryDirectory('kiln-host-run');
    try {
      for (const [name, content] of Object.entries(execution.files)) {
        const file = path.resolve(folder.path, name);
        if (!file.startsWith(folder.path + path.sep)) throw new Error(`${name} is outside the work dir`);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, content);
      }
      yield* this.spawn(execution, folder.path, signal);
    } finally {
      await folder.remove();
    }
  }

  private async *spawn(execution: SandboxExecution, folder: string, signal?: AbortSignal): AsyncIterable<SandboxEvent> {
    const [program = '', ...args] = execution.command;
    const started = performance.now();
    const child = spawn(programs[program] ?? program, args, {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder, ...execution.environment },
      detached: true,
      stdio: 'pipe',
    });
    const events: SandboxEvent[] = [];
    let wake: (() => void) | undefined;
    const push = (event: SandboxEvent) => {
      events.push(event);
      wake?.();
    };
    const outcome = { timedOut: false, truncated: false };
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    for (const stream of ['stdout', 'stderr'] as const) {
      const decoder = new StringDecoder('utf8');
      let bytes = 0;
      child[stream].on('data', (data: Buffer) => {
        if (outcome.truncated) return;
        bytes += data.length;
        if (bytes > execution.limits.outputBytes) {
          outcome.truncated = true;
          killGroup();
          return;
        }
        push({ type: 'output', stream, chunk: decoder.write(data) });
      });
    }
    const timer = setTimeout(() => {
      outcome.timedOut = true;
      killGroup();
    }, execution.limits.wallMs);
    signal?.addEventListener('abort', killGroup, { once: true });
    child.stdin.on('error', () => undefined); // a program that exits without reading its stdin
    child.stdin.end(execution.stdin ?? '');
    child.on('error', (error) => push({ type: 'output', stream: 'stderr', chunk: `${error.message}\n` }));
    child.on('exit', killGroup); // background processes of the run, which would hold its pipes open
    child.on('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', killGroup);
      const exit: SandboxExit = {
        exitCode,
        signal: exitSignal,
        timedOut: outcome.timedOut,
        oom: false,
        truncated: outcome.truncated,
        durationMs: Math.round(performance.now() - started),
      };
      push({ type: 'exit', exit });
    });
    for (;;) {
      const event = events.shift();
      if (event) {
        yield event;
        if (event.type === 'exit') return;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  }
}

/** Runs an execution to its end: everything it wrote, per stream, and its exit. */
export async function runToEnd(sandbox: Sandbox, execution: SandboxExecution) {
  const output = { stdout: '', stderr: '' };
  let exit: SandboxExit | undefined;
  for await (const event of sandbox.run(execution)) {
    if (event.type === 'output') output[event.stream] += event.chunk;
    else exit = event.exit;
  }
  if (!exit) throw new Error('The run ended without an exit');
  return { ...output, exit };
}
