import { spawn, type SpawnOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { SandboxEvent, SandboxExecution, SandboxExit } from '../sandbox.ts';
import { programStderrDescriptor, statusDescriptor } from './bubblewrap-arguments.ts';
import { EventQueue } from './event-queue.ts';
import { processStartTime } from './host-processes.ts';
import type { HostUser } from './host-users.ts';
import { OutOfMemoryWatch } from './out-of-memory-watch.ts';
import { OutputLimiter } from './output-limiter.ts';
import { programExit } from './program-exit.ts';

export interface BubblewrapInvocation {
  /** prlimit, which sets the run's rlimits and execs bwrap. */
  file: string;
  args: string[];
  cwd: string;
  user: HostUser;
}

export interface SupervisedRun {
  exit: SandboxExit;
  /** bwrap could not set up the sandbox (the program never ran); `bubblewrapMessages` says why. */
  setupFailed: boolean;
  bubblewrapMessages: string;
  /** prlimit or bwrap could not be started at all. */
  spawnError: Error | undefined;
}

type KillReason = 'timedOut' | 'truncated' | 'aborted';
type Item =
  { type: 'event'; event: SandboxEvent } | { type: 'closed'; code: number | null; signal: NodeJS.Signals | null };

/** How long the program's namespace gets to die and bwrap to exit on its own after the program is killed. */
const killGraceMs = 1_000;

/**
 * Runs one bwrap invocation: yields the program's output as it comes and returns how it ended. Kills it at the
 * wall clock, past the output limit, on abort, and when the consumer stops early; returns only once bwrap has
 * exited and every stream of the run is closed, which with the program as pid 1 of its namespace means no
 * process of the run is left.
 */
export async function* superviseBubblewrap(
  invocation: BubblewrapInvocation,
  execution: SandboxExecution,
  signal?: AbortSignal,
): AsyncGenerator<SandboxEvent, SupervisedRun> {
  const { limits } = execution;
  const startedAt = performance.now();
  const options: SpawnOptions = {
    cwd: invocation.cwd,
    // Nothing of Kiln's environment, not even in bwrap's own memory.
    env: {},
    // Its own process group (bwrap and the prlimit it was), so that killing it never reaches Kiln.
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    ...(invocation.user.dedicated ? { uid: invocation.user.uid, gid: invocation.user.gid } : {}),
  };
  const child = spawn(invocation.file, invocation.args, options);
  const [stdin, stdout, bubblewrapStderr] = [child.stdin!, child.stdout!, child.stderr!];
  const programStderr = child.stdio[programStderrDescriptor] as Readable;
  const status = child.stdio[statusDescriptor] as Readable;

  const queue = new EventQueue<Item>();
  const limiters = { stdout: new OutputLimiter(limits.outputBytes), stderr: new OutputLimiter(limits.outputBytes) };
  const memory = new OutOfMemoryWatch();
  let killedFor: KillReason | undefined;
  let program: { pid: number; startTime: string | undefined } | undefined;
  let programRan = false;
  let bubblewrapMessages = '';
  let spawnError: Error | undefined;
  let exitedAt: number | undefined;
  let closed = false;
  const timers: NodeJS.Timeout[] = [];

  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const kill = (reason: KillReason) => {
    if (killedFor || closed) return;
    killedFor = reason;
    // The program first: the kernel ends its namespace with it, and bwrap reaps it and exits on its own. Killing
    // bwrap first would leave the program to die without a parent: a zombie on hosts whose init does not reap.
    if (program && processStartTime(program.pid) === program.startTime) {
      try {
        process.kill(program.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      timers.push(setTimeout(killGroup, killGraceMs));
    } else {
      killGroup();
    }
  };
  const onAbort = () => kill('aborted');

  const onOutput = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const { text, overflowed } = limiters[stream].write(chunk);
    if (text) {
      if (stream === 'stderr') memory.observe(text);
      queue.push({ type: 'event', event: { type: 'output', stream, chunk: text } });
    }
    if (overflowed) kill('truncated');
  };
  stdout.on('data', onOutput('stdout'));
  programStderr.on('data', onOutput('stderr'));
  bubblewrapStderr.setEncoding('utf8');
  bubblewrapStderr.on('data', (text: string) => (bubblewrapMessages = (bubblewrapMessages + text).slice(0, 4_096)));
  let statusText = '';
  status.setEncoding('utf8');
  status.on('data', (text: string) => {
    statusText += text;
    const lines = statusText.split('\n');
    statusText = lines.pop()!;
    for (const line of lines) {
      const report = parseStatus(line);
      // The pid bwrap reports is the program's (--as-pid-1): bwrap's child sets up the sandbox and execs it.
      if (typeof report['child-pid'] === 'number') {
        program = { pid: report['child-pid'], startTime: processStartTime(report['child-pid']) };
      }
      // Only written when the program was executed, not when bwrap failed to set up the sandbox.
      if (typeof report['exit-code'] === 'number') programRan = true;
    }
  });
  stdin.on('error', () => {}); // the program may exit without reading it
  stdin.end(execution.stdin ?? '');

  let resolveClosed = () => {};
  const whenClosed = new Promise<void>((resolve) => (resolveClosed = resolve));
  const finish = (code: number | null, exitSignal: NodeJS.Signals | null) => {
    if (closed) return;
    closed = true;
    exitedAt ??= performance.now();
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = limiters[stream].end();
      if (rest) queue.push({ type: 'event', event: { type: 'output', stream, chunk: rest } });
    }
    queue.push({ type: 'closed', code, signal: exitSignal });
    resolveClosed();
  };
  child.on('error', (error) => {
    spawnError = error;
    if (child.pid === undefined) finish(null, null);
  });
  child.on('exit', () => {
    exitedAt = performance.now();
    // Every process of the run is gone once bwrap exits, so its streams close; never wait on them forever.
    const streams = [stdout, programStderr, bubblewrapStderr, status];
    timers.push(setTimeout(() => streams.forEach((stream) => stream.destroy()), 2_000));
  });
  child.on('close', finish);

  timers.push(setTimeout(() => kill('timedOut'), limits.wallMs));
  if (signal?.aborted) kill('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    for (;;) {
      const item = await queue.next();
      if (item.type === 'event') {
        yield item.event;
        continue;
      }
      const ended = programExit(item.code, item.signal);
      return {
        exit: {
          ...ended,
          timedOut: killedFor === 'timedOut',
          oom: memory.verdict(ended, killedFor !== undefined),
          truncated: killedFor === 'truncated',
          durationMs: Math.round((exitedAt ?? performance.now()) - startedAt),
        },
        // bwrap did not report the program's exit, yet ended on its own: it (or prlimit) failed before the program.
        setupFailed: !programRan && killedFor === undefined && item.signal === null,
        bubblewrapMessages: bubblewrapMessages.trim(),
        spawnError,
      };
    }
  } finally {
    // The consumer stopped early: the run must not outlive the iteration.
    if (!closed) {
      kill('aborted');
      await whenClosed;
    }
    for (const timer of timers) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function parseStatus(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
}
