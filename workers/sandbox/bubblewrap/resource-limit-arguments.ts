import type { SandboxLimits } from '../sandbox.ts';

/**
 * Address space allowed above the memory limit. Node (V8) reserves about 730 MB of address space at start-up
 * that it never touches (code range, heap reservations): under RLIMIT_AS = 256 MB, and even 700 MB, it dies
 * with "Failed to reserve virtual memory for CodeRange" (measured with Node 20 on Debian 12). The memory limit
 * proper is RLIMIT_DATA; RLIMIT_AS is only a backstop for memory RLIMIT_DATA does not count (shared
 * anonymous mappings), so it gets this headroom.
 */
export const addressSpaceHeadroomBytes = 1024 ** 3;

/** bwrap's monitor process runs under the run's host uid too (the program is pid 1 of its namespace). */
export const bubblewrapOwnProcesses = 1;

/**
 * prlimit options for a run. prlimit sets them on itself and then execs bwrap, so they hold before the first
 * instruction of the sandboxed program and every process it starts inherits them (bubblewrap has no cgroups).
 * All are per process except RLIMIT_NPROC, which the kernel counts per host uid, threads included.
 *
 * `tasksAlreadyRunning`: processes and threads the host uid has before the run, which RLIMIT_NPROC counts
 * too (0 when the run has a host uid to itself).
 */
export function resourceLimitArguments(limits: SandboxLimits, tasksAlreadyRunning = 0): string[] {
  const whole = (value: number) => Math.max(1, Math.floor(value));
  return [
    // RLIMIT_DATA counts every private writable mapping: brk and mmap heaps, malloc arenas, thread stacks. Past
    // it Node fails with "JavaScript heap out of memory" or "Array buffer allocation failed", Python with
    // MemoryError, while Node still starts under it (it needs about 48 MB).
    `--data=${whole(limits.memoryBytes)}`,
    `--as=${whole(limits.memoryBytes + addressSpaceHeadroomBytes)}`,
    `--nproc=${whole(limits.processes + bubblewrapOwnProcesses + tasksAlreadyRunning)}`,
    `--fsize=${whole(limits.fileSizeBytes)}`,
    `--nofile=${whole(limits.openFiles)}`,
    `--cpu=${whole(Math.ceil(limits.cpuSeconds))}`,
    // A core dump of a 256 MB process would be written into the work dir, or handed to the host's core handler.
    '--core=0',
  ];
}
