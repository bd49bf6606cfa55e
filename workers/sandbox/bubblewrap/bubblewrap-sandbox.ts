import os from 'node:os';
import path from 'node:path';
import {
  SandboxUnavailableError,
  type Sandbox,
  type SandboxEvent,
  type SandboxExecution,
  type SandboxRuntime,
} from '../sandbox.ts';
import { bubblewrapArguments, workDirectory } from './bubblewrap-arguments.ts';
import { findBubblewrap } from './find-bubblewrap.ts';
import { killProcessesOfUser, tasksOfUser } from './host-processes.ts';
import { sharedHostUsers, type HostUsers } from './host-users.ts';
import { resourceLimitArguments } from './resource-limit-arguments.ts';
import { createRunDirectory } from './run-directory.ts';
import { superviseBubblewrap } from './supervise-bubblewrap.ts';
import { hostSystemPaths, type SystemPath } from './system-paths.ts';

export interface BubblewrapSandboxOptions {
  /** The bwrap to use; by default the first found where distribution packages install it. */
  bwrapPath?: string;
  /** prlimit (util-linux, always in Debian), which sets a run's rlimits before bwrap starts. */
  prlimitPath?: string;
  /** Host folder for the per-run folders; the run uids must be able to reach it. Default: the system temp dir. */
  workRoot?: string;
  /** Host uids lent one per concurrent run when Kiln runs as root (see HostUsers). Default: 61000 to 61063. */
  uids?: { first: number; count: number };
  /** Size of each private tmpfs of a run: the work dir, /tmp and /dev/shm. Default: 64 MiB. */
  scratchBytes?: number;
  /** Node for runs of runtime `node` when it is not under /usr (bound read-only, last on PATH). Default: Kiln's own. */
  nodePath?: string;
}

const basePath = '/usr/local/bin:/usr/bin:/bin';
const unprivilegedNamespacesHint =
  'bubblewrap needs unprivileged user namespaces (Debian: sysctl kernel.unprivileged_userns_clone=1; in a container, ' +
  'a seccomp profile that allows them)';

/**
 * The Sandbox port on bubblewrap. Each run: fresh user, PID, IPC, UTS, network, mount and cgroup namespaces;
 * nobody inside; /usr and a few /etc files read-only; its files copied into a private, sized tmpfs work dir
 * (bubblewrapArguments). Kiln starts `prlimit <limits> -- bwrap ...` (resourceLimitArguments: bubblewrap has no
 * cgroups, so limits are rlimits set before bwrap starts, memory per process as RLIMIT_DATA), as a host uid of
 * the run's own when Kiln is root (HostUsers). The program is pid 1 of its namespace, so every process of the run
 * dies with it (superviseBubblewrap). Out of memory is judged from the runtime's message (OutOfMemoryWatch).
 *
 * Besides the execution's environment a run gets PATH, HOME (the work dir) and LANG=C.UTF-8 when it does not set
 * them. Needs bubblewrap, util-linux's prlimit and unprivileged user namespaces.
 */
export class BubblewrapSandbox implements Sandbox {
  readonly driver = 'bubblewrap';
  private readonly users: HostUsers;
  private readonly systemPaths: SystemPath[] = hostSystemPaths();
  private readonly nodeDirectory: string | undefined;

  constructor(private readonly options: BubblewrapSandboxOptions = {}) {
    this.users = sharedHostUsers(options.uids ?? { first: 61_000, count: 64 });
    const nodeDirectory = path.dirname(options.nodePath ?? process.execPath);
    if (!nodeDirectory.startsWith('/usr/')) this.nodeDirectory = nodeDirectory;
  }

  async *run(execution: SandboxExecution, signal?: AbortSignal): AsyncIterable<SandboxEvent> {
    const bwrapPath = await this.bubblewrap();
    const environment = this.environment(execution.runtime, execution.environment);
    const user = await this.users.lend();
    // Processes a crashed Kiln left under this uid would count against the run's process limit. Later runs
    // find it clean: every run ends by making sure of it.
    let reusable = !user.firstLend || (await killProcessesOfUser(user.uid));
    let swept = false;
    try {
      if (!reusable) throw new SandboxUnavailableError(`processes of host uid ${user.uid} cannot be killed`);
      const directory = await createRunDirectory(this.options.workRoot ?? os.tmpdir(), execution.files, user);
      try {
        const bwrapArguments = bubblewrapArguments({
          runDirectory: directory.path,
          hasFiles: directory.hasFiles,
          environment,
          command: execution.command,
          scratchBytes: this.options.scratchBytes ?? 64 * 1024 * 1024,
          systemPaths: this.systemPaths,
          readOnlyPaths: execution.runtime === 'node' && this.nodeDirectory ? [this.nodeDirectory] : [],
        });
        const tasksAlreadyRunning = user.dedicated ? 0 : await tasksOfUser(user.uid);
        const prlimitPath = this.options.prlimitPath ?? '/usr/bin/prlimit';
        const args = [
          ...resourceLimitArguments(execution.limits, tasksAlreadyRunning),
          '--',
          bwrapPath,
          ...bwrapArguments,
        ];
        const run = yield* superviseBubblewrap(
          { file: prlimitPath, args, cwd: directory.path, user },
          execution,
          signal,
        );
        // Nothing of the run may be left when its exit is told. When the program ended by itself, the kernel saw to
        // it: the exit of a PID namespace's init kills every process in the namespace and waits for them all before
        // bwrap, its parent, can see it end. A run that was killed (limit, abort) or never set up is swept by hand,
        // with a uid of its own (a scan of every host process: about 20 ms, too much for every run).
        const endedByItself =
          !run.spawnError && !run.setupFailed && !run.exit.timedOut && !run.exit.truncated && !signal?.aborted;
        if (user.dedicated && !endedByItself) reusable = await killProcessesOfUser(user.uid);
        swept = true;
        if (run.spawnError) {
          throw new SandboxUnavailableError(`cannot start ${prlimitPath} (util-linux): ${run.spawnError.message}`, {
            cause: run.spawnError,
          });
        }
        if (run.setupFailed) {
          const hint = /namespace|uid map|setting up uid/i.test(run.bubblewrapMessages)
            ? `; ${unprivilegedNamespacesHint}`
            : '';
          throw new SandboxUnavailableError(
            `bubblewrap could not set up the sandbox: ${run.bubblewrapMessages}${hint}`,
          );
        }
        yield { type: 'exit', exit: run.exit };
      } finally {
        await directory.remove();
      }
    } finally {
      // Runs the consumer stopped early are checked here.
      if (user.dedicated && reusable && !swept) reusable = await killProcessesOfUser(user.uid);
      this.users.giveBack(user, reusable);
    }
  }

  private async bubblewrap() {
    const found = await findBubblewrap(this.options.bwrapPath ? [this.options.bwrapPath] : undefined);
    if (!found) {
      throw new SandboxUnavailableError(
        this.options.bwrapPath
          ? `bubblewrap is not at ${this.options.bwrapPath}`
          : 'bubblewrap is not installed (apt-get install bubblewrap)',
      );
    }
    return found;
  }

  private environment(runtime: SandboxRuntime, given: Record<string, string> = {}) {
    for (const name of Object.keys(given)) {
      if (name === '' || name.includes('=') || name.includes('\0')) {
        throw new Error(`${JSON.stringify(name)} is not an environment variable name`);
      }
    }
    const extraPath = runtime === 'node' && this.nodeDirectory ? `:${this.nodeDirectory}` : '';
    return { PATH: basePath + extraPath, HOME: workDirectory, LANG: 'C.UTF-8', ...given };
  }
}
