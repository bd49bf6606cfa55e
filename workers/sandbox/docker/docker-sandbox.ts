import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { SandboxUnavailableError, type Sandbox, type SandboxEvent, type SandboxExecution } from '../sandbox.ts';
import { attachContainer, type ModemAddress } from './attach-container.ts';
import { connectDocker, describeDocker } from './connect-docker.ts';
import { containerOptions } from './container-options.ts';
import { ContainerRun } from './container-run.ts';
import { launchInput } from './launch-script.ts';
import { defaultSandboxImage } from './sandbox-image.ts';

export { connectDocker } from './connect-docker.ts';

export interface DockerSandboxOptions {
  /** A dockerode client, or a DOCKER_HOST value (`unix:///path`, `tcp://host:port`) to connect to. */
  docker: Dockerode | string;
  /** The runner image (see ensureSandboxImage). */
  image?: string;
  now?: () => number;
}

/**
 * The sandbox port on a Docker Engine API (Docker, or Podman's compatible service): one throwaway container per
 * run, configured by containerOptions, fed its files and stdin through an attached stdin (see launch-script),
 * supervised by ContainerRun and removed after it, whatever way it ended.
 */
export class DockerSandbox implements Sandbox {
  readonly driver = 'docker';
  private readonly docker: Dockerode;
  private readonly image: string;
  private readonly now: () => number;

  constructor(options: DockerSandboxOptions) {
    this.docker = typeof options.docker === 'string' ? connectDocker(options.docker) : options.docker;
    this.image = options.image ?? defaultSandboxImage;
    this.now = options.now ?? Date.now;
  }

  async *run(execution: SandboxExecution, signal?: AbortSignal): AsyncIterable<SandboxEvent> {
    const options = containerOptions(execution, this.image);
    const input = launchInput(execution);
    if (signal?.aborted) {
      yield { type: 'exit', exit: abortedBeforeStart };
      return;
    }
    const container = await this.docker.createContainer(options).catch((error: unknown) => {
      throw this.unavailable(error, 'create the container');
    });
    const connections: { output?: Duplex; stdin?: Duplex } = {};
    try {
      const modem = this.docker.modem as ModemAddress;
      connections.output = await attachContainer(modem, container.id, 'output');
      connections.stdin = await attachContainer(modem, container.id, 'stdin');
      await container.start();
    } catch (error) {
      connections.output?.destroy();
      connections.stdin?.destroy();
      await container.remove({ force: true }).catch(() => {});
      throw this.unavailable(error, 'start the container');
    }
    const run = new ContainerRun({
      docker: this.docker,
      container,
      output: connections.output,
      stdin: connections.stdin,
      input,
      limits: execution.limits,
      signal,
      now: this.now,
    });
    try {
      yield* run.events;
    } finally {
      // The reader may stop early: the run must not outlive it.
      run.kill('aborted');
      await run.finished;
    }
  }

  private unavailable(error: unknown, doing: string) {
    const where = describeDocker(this.docker);
    const message = error instanceof Error ? error.message : String(error);
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode === undefined) {
      return new SandboxUnavailableError(`the Docker API at ${where} does not answer (${message})`, { cause: error });
    }
    if (statusCode === 404 && /image/i.test(message)) {
      return new SandboxUnavailableError(
        `image ${this.image} not found at ${where}: run npm run sandbox:image (with DOCKER_HOST=${where})`,
        { cause: error },
      );
    }
    return new SandboxUnavailableError(`the Docker API at ${where} could not ${doing}: ${message}`, { cause: error });
  }
}

const abortedBeforeStart = {
  exitCode: null,
  signal: 'SIGKILL',
  timedOut: false,
  oom: false,
  truncated: false,
  durationMs: 0,
} as const;
