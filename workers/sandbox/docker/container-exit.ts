import os from 'node:os';
import type { SandboxExit } from '../sandbox.ts';

/** Why the driver killed a run, if it did. */
export type KillReason = 'timeout' | 'truncated' | 'aborted';

/** Signal number → name; the first name wins where two share a number (SIGABRT, not SIGIOT). */
const signalNames = new Map<number, string>();
for (const [name, number] of Object.entries(os.constants.signals)) {
  if (!signalNames.has(number)) signalNames.set(number, name);
}

/**
 * A container's end as the port's exit. The engine only knows an exit status, in which a process killed by
 * signal N shows as 128 + N (the shell's convention), so such statuses are read as signals: a program that
 * really exits with 137 is indistinguishable from one killed. SIGKILL that the driver did not send means the
 * kernel's OOM killer, whether or not the engine noticed (`OOMKilled` is not reported by every engine).
 */
export function containerExit(ending: {
  statusCode: number;
  oomKilled?: boolean;
  killedFor?: KillReason;
  durationMs: number;
}): SandboxExit {
  const signal = ending.statusCode > 128 ? signalNames.get(ending.statusCode - 128) : undefined;
  const oom = ending.oomKilled === true || (signal === 'SIGKILL' && ending.killedFor === undefined);
  return {
    exitCode: signal ? null : ending.statusCode,
    signal: signal ?? null,
    timedOut: ending.killedFor === 'timeout',
    oom,
    truncated: ending.killedFor === 'truncated',
    durationMs: ending.durationMs,
  };
}
