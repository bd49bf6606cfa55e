import type { ContainerCreateOptions } from 'dockerode';
import type { SandboxExecution } from '../sandbox.ts';
import { launchCommand, workDirectory } from './launch-script.ts';

/** Every container of a run carries this label, so leftovers can be found (and tests can prove there are none). */
export const sandboxLabel = 'kiln.sandbox';

/** The user a run is: nobody, which owns nothing in the image. */
export const sandboxUser = '65534:65534';

/**
 * RLIMIT_NPROC counts every process of the user on the host, so it is a ceiling for all runs together; each run's
 * own cap is PidsLimit. It must be set: Podman otherwise raises it to the host's maximum, which fails when the
 * engine lacks CAP_SYS_RESOURCE (as in some CI sandboxes) and every run fails to start.
 */
const allRunsProcesses = 1024;

/** An empty read-only tmpfs, to keep a place from being writable. */
const closed = 'ro,nosuid,nodev,noexec,size=4k';

const defaultEnvironment = { PATH: '/usr/bin:/bin', HOME: '/tmp', LANG: 'C.UTF-8' };

/**
 * The create options of a run's container: no network, a read-only root with tmpfs /work and /tmp, no
 * capabilities or privilege gain, nobody as the user, memory without swap, a process cap, one CPU and rlimits.
 * tmpfs pages count against the memory limit, so each tmpfs may hold up to the run's memory and no more.
 * The soft CPU rlimit is one second below the hard one, so running out of CPU time ends with SIGXCPU and is not
 * mistaken for the SIGKILL of an out-of-memory kill.
 */
export function containerOptions(execution: SandboxExecution, image: string): ContainerCreateOptions {
  const { limits } = execution;
  const environment = { ...execution.environment };
  for (const [name, value] of Object.entries(defaultEnvironment)) environment[name] ??= value;
  for (const name of Object.keys(environment)) {
    if (!name || name.includes('=') || name.includes('\0')) {
      throw new Error(`invalid environment variable name ${JSON.stringify(name)}`);
    }
  }
  const tmpfs = (options: string) => `rw,nosuid,nodev,${options},size=${limits.memoryBytes},mode=1777`;
  return {
    Image: image,
    Entrypoint: [],
    Cmd: launchCommand(execution),
    Env: Object.entries(environment).map(([name, value]) => `${name}=${value}`),
    User: sandboxUser,
    WorkingDir: workDirectory,
    Hostname: 'sandbox',
    Labels: { [sandboxLabel]: 'run' },
    NetworkDisabled: true,
    // Output comes through attach, demultiplexed: no TTY. stdin stays open until the files and input are sent.
    Tty: false,
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true,
    HostConfig: {
      NetworkMode: 'none',
      Memory: limits.memoryBytes,
      MemorySwap: limits.memoryBytes,
      PidsLimit: limits.processes,
      NanoCpus: 1_000_000_000,
      ReadonlyRootfs: true,
      // Podman adds writable tmpfs at /run and /var/tmp to read-only containers unless something is mounted there.
      Tmpfs: { [workDirectory]: tmpfs('exec'), '/tmp': tmpfs('noexec'), '/run': closed, '/var/tmp': closed },
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      IpcMode: 'private',
      Ulimits: [
        { Name: 'nofile', Soft: limits.openFiles, Hard: limits.openFiles },
        { Name: 'fsize', Soft: limits.fileSizeBytes, Hard: limits.fileSizeBytes },
        { Name: 'cpu', Soft: limits.cpuSeconds, Hard: limits.cpuSeconds + 1 },
        { Name: 'nproc', Soft: allRunsProcesses, Hard: allRunsProcesses },
      ],
      // Removed by the driver after reading the exit and the OOM flag, which auto-remove would race with.
      AutoRemove: false,
      LogConfig: { Type: 'none', Config: {} },
    },
  };
}
