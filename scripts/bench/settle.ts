import { existsSync } from 'node:fs';
import { cpuMs } from './chat-load.ts';

/**
 * Waits until every process of `pids` is all but idle (each under a tenth of a core for a second, at most
 * `maxSeconds`):
 * right after `Kiln is ready` a server still warms up (the type-check thread parses TypeScript's libraries for
 * seconds, the seed patterns' index is built), which on a small machine would land in the measurement. Where /proc
 * is missing, waits 10 s.
 */
export async function settle(pids: number[], maxSeconds = 30) {
  const second = () => new Promise((resolve) => setTimeout(resolve, 1000));
  if (!pids.every((pid) => existsSync(`/proc/${pid}/stat`))) {
    for (let index = 0; index < 10; index += 1) await second();
    return;
  }
  for (let index = 0; index < maxSeconds; index += 1) {
    const before = pids.map(cpuMs);
    await second();
    if (pids.every((pid, at) => cpuMs(pid) - before[at]! < 100)) return;
  }
}
