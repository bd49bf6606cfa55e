import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A process named by its pid *and* its start time, so a pid the kernel has
 * reused for an unrelated process is not mistaken for ours. On systems without
 * /proc the start time is unknown and only the pid is compared.
 */
export interface ProcessIdentity {
  pid: number;
  startTime: string | undefined;
}

export function processIdentity(pid: number): ProcessIdentity {
  return { pid, startTime: readStartTime(pid) };
}

export function isProcessAlive(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (e.g. postgres run as its own user).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (identity.startTime === undefined) return true;
  return readStartTime(identity.pid) === identity.startTime;
}

/** The command line of a live process, or undefined where /proc cannot tell. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

function readStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may contain spaces, so count after its closing parenthesis.
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return afterName[19];
  } catch {
    return undefined;
  }
}

/**
 * Stops a process by escalating signals: each is sent, then the process gets its wait to exit before the
 * next one. Resolves true once it is gone (or was already), false if even the last signal did not stop it.
 */
export async function terminateProcess(
  identity: ProcessIdentity,
  steps: readonly (readonly [NodeJS.Signals, number])[],
  onEscalate: (signal: NodeJS.Signals) => void = () => {},
): Promise<boolean> {
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(identity.pid, signal);
    } catch {
      return true;
    }
    const deadline = Date.now() + waitMs;
    while (isProcessAlive(identity) && Date.now() < deadline) await delay(50);
    if (!isProcessAlive(identity)) return true;
    onEscalate(signal);
  }
  return false;
}
