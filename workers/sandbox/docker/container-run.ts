import { setTimeout as delay } from 'node:timers/promises';
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { SandboxUnavailableError, type SandboxEvent, type SandboxExit, type SandboxLimits } from '../sandbox.ts';
import { containerExit, type KillReason } from './container-exit.ts';
import { EventQueue } from './event-queue.ts';
import { LimitedOutput } from './limited-output.ts';

/** How long output may trail the container's exit (the engine flushes it after reporting the exit). */
const outputGraceMs = 2_000;

export interface ContainerRunSettings {
  docker: Dockerode;
  /** Created and started, with `output` and `stdin` attached to it. */
  container: Dockerode.Container;
  output: Duplex;
  stdin: Duplex;
  /** Written to stdin, which is then closed. */
  input: Buffer;
  limits: SandboxLimits;
  signal?: AbortSignal;
  now: () => number;
}

/**
 * One started container, supervised: its output as events, killed past the wall clock, past the output limit
 * or on abort, then its exit read, the container removed (even when it was killed) and exactly one exit event.
 * `finished` settles once the container is gone.
 */
export class ContainerRun {
  readonly events = new EventQueue<SandboxEvent>();
  readonly finished: Promise<void>;
  private killedFor: KillReason | undefined;
  private ended = false;

  constructor(private readonly settings: ContainerRunSettings) {
    // supervise reports its own failures as events; this catches a bug in it, so the reader is never left waiting.
    this.finished = this.supervise().catch((error: unknown) => this.events.fail(error));
  }

  /** Kills the run unless it already ended; the first reason is the one reported. */
  kill(reason: KillReason) {
    if (this.ended || this.killedFor) return;
    this.killedFor = reason;
    this.settings.container.kill({ signal: 'SIGKILL' }).catch(() => {
      // Already exited: its exit is on its way.
    });
  }

  /**
   * The container's exit status. Podman answers `wait` up to a second after the exit, so once the attached
   * output ends (which it does when the process exits) the state is read directly; `wait` covers a process
   * that closed its output and kept running.
   */
  private async ending(outputEnded: Promise<void>): Promise<{ statusCode: number; oomKilled?: boolean }> {
    const { container } = this.settings;
    const waited = container.wait().then((result: { StatusCode: number }) => ({ statusCode: result.StatusCode }));
    const afterOutput = outputEnded.then(async () => {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const { State: state } = await container.inspect();
        const exited = !state.Running && state.Status !== 'created';
        if (exited) return { statusCode: state.ExitCode, oomKilled: state.OOMKilled };
        await delay(50);
      }
      return waited;
    });
    // Whichever loses may fail once the container is removed.
    waited.catch(() => {});
    afterOutput.catch(() => {});
    return Promise.race([waited, afterOutput]);
  }

  private async supervise() {
    const { container, output: connection, stdin, limits, signal, now } = this.settings;
    const startedAt = now();
    const output = new LimitedOutput(limits.outputBytes, (stream, chunk) => {
      this.events.push({ type: 'output', stream, chunk });
    });
    output.onLimit = () => this.kill('truncated');
    const outputEnded = new Promise<void>((resolve) => {
      connection.on('end', resolve).on('close', resolve).on('error', resolve);
    });
    this.settings.docker.modem.demuxStream(connection, output.sink('stdout'), output.sink('stderr'));
    // A program may exit without reading all its input; the engine then closes stdin's connection (EPIPE).
    stdin.on('error', () => {});
    // Podman sends the output on a stdin-only attach as well; unread, it fills the socket and stalls the
    // container's monitor, which then cannot even be killed. Docker sends nothing. Either way it is discarded.
    stdin.resume();
    stdin.end(this.settings.input);

    const timer = setTimeout(() => this.kill('timeout'), limits.wallMs);
    const onAbort = () => this.kill('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    let exit: SandboxExit | undefined;
    let failure: unknown;
    try {
      const ending = await this.ending(outputEnded);
      const durationMs = now() - startedAt;
      this.ended = true;
      await settledWithin(outputEnded, outputGraceMs);
      const oomKilled =
        ending.oomKilled ??
        (await container.inspect().then(
          (info) => info.State.OOMKilled,
          () => undefined,
        ));
      exit = containerExit({ statusCode: ending.statusCode, oomKilled, killedFor: this.killedFor, durationMs });
    } catch (error) {
      failure = error;
      this.kill('aborted');
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      connection.destroy();
      stdin.destroy();
      output.end();
      await container.remove({ force: true }).catch(() => {
        // Gone already, or the engine is gone; nothing left to do here.
      });
    }
    if (exit) {
      this.events.push({ type: 'exit', exit });
      this.events.end();
    } else this.events.fail(new SandboxUnavailableError('lost the Docker API during the run', { cause: failure }));
  }
}

/** Waits for `promise`, but no longer than `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
