import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

interface ProcessStatus {
  pid: number;
  realUid: number;
  threads: number;
  zombie: boolean;
}

/**
 * Every process of the host from /proc/<pid>/status, which anyone may read. Its real uid is used rather than the
 * owner of /proc/<pid>, which turns to root when a process makes itself non-dumpable.
 */
async function hostProcesses(): Promise<ProcessStatus[]> {
  const entries = await readdir('/proc');
  const statuses = await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const text = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => undefined);
        if (text === undefined) return undefined; // ended meanwhile
        const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
        return {
          pid: Number(entry),
          realUid: Number(field('Uid')),
          threads: Number(field('Threads')),
          zombie: field('State') === 'Z',
        };
      }),
  );
  return statuses.filter((status) => status !== undefined);
}

/** Processes and threads of host uid `uid` (what RLIMIT_NPROC counts for it, zombies included). */
export async function tasksOfUser(uid: number): Promise<number> {
  const processes = await hostProcesses();
  return processes
    .filter((process) => process.realUid === uid)
    .reduce((sum, process) => sum + Math.max(1, process.threads), 0);
}

/**
 * SIGKILLs every live process of host uid `uid` until none is left. Resolves false when some still live after
 * `timeoutMs` (stuck in the kernel): the uid must then not be lent to another run.
 */
export async function killProcessesOfUser(uid: number, timeoutMs = 2_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const alive = (await hostProcesses()).filter((process) => process.realUid === uid && !process.zombie);
    if (alive.length === 0) return true;
    if (Date.now() > deadline) return false;
    for (const { pid } of alive) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // ended meanwhile
      }
    }
    await delay(10);
  }
}

/** The start time of process `pid` (field 22 of /proc/<pid>/stat), to tell it from a later process with its pid. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
