import { constants } from 'node:os';

const signalNames = new Map<number, string>();
for (const [name, number] of Object.entries(constants.signals)) {
  if (!signalNames.has(number)) signalNames.set(number, name);
}

/**
 * The program's exit from bwrap's. bwrap exits with the program's code, or 128 + N when the program was killed by
 * signal N (as shells report it), so a program that itself exits with 128 + N reads as killed by signal N: the
 * two cannot be told apart from outside. When bwrap itself was killed (`signal`), so was the program.
 */
export function programExit(
  code: number | null,
  signal: NodeJS.Signals | null,
): { exitCode: number | null; signal: string | null } {
  if (signal !== null || code === null) return { exitCode: null, signal: signal ?? 'SIGKILL' };
  const killedBy = code > 128 ? signalNames.get(code - 128) : undefined;
  return killedBy ? { exitCode: null, signal: killedBy } : { exitCode: code, signal: null };
}
