import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { isProcessAlive, processIdentity } from '../../platform/infrastructure/process-identity.ts';
import type { TurnRepository } from './turn-repository.ts';

/** This process as recorded on the turns it runs: `host pid starttime`. */
export function runnerIdentity(): string {
  const identity = processIdentity(process.pid);
  return [hostname(), identity.pid, identity.startTime ?? '-'].join(' ');
}

/** Whether the process a turn was recorded with is gone; unknown (another host) counts as alive. */
function runnerIsDeadHere(runner: string): boolean {
  const [host, pid, startTime] = runner.split(' ');
  if (host !== hostname() || !pid) return false;
  return !isProcessAlive({ pid: Number(pid), startTime: startTime === '-' ? undefined : startTime });
}

/**
 * Turns left `running` by a server that died are closed as `interrupted`, with
 * the text saved so far. At start-up: every turn whose runner on this host is
 * gone. Periodically: turns of other hosts that have written nothing for
 * `silentMs` (their server presumably died).
 */
export class TurnRecovery {
  constructor(
    private readonly turns: TurnRepository,
    private readonly log: Logger,
    private readonly silentMs = 5 * 60_000,
  ) {}

  async recoverAfterCrash(): Promise<number> {
    const running = await this.turns.running();
    const dead = running.filter((turn) => runnerIsDeadHere(turn.runner)).map((turn) => turn.turnId);
    const count = await this.turns.markInterrupted(dead);
    if (count > 0) this.log.warn({ count }, 'marked turns left open by a crash as interrupted');
    return count;
  }

  async sweepSilent(isRunningHere: (turnId: string) => boolean): Promise<number> {
    const silent = (await this.turns.silentSince(this.silentMs)).filter((turnId) => !isRunningHere(turnId));
    const count = await this.turns.markInterrupted(silent);
    if (count > 0) this.log.warn({ count }, 'marked turns silent for too long as interrupted');
    return count;
  }

  /** Runs the silent sweep every `intervalMs` until the returned function is called. */
  startSweeping(isRunningHere: (turnId: string) => boolean, intervalMs = 60_000): () => void {
    const timer = setInterval(() => {
      this.sweepSilent(isRunningHere).catch((error: unknown) => this.log.warn({ err: error }, 'turn sweep failed'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
