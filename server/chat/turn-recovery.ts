import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { isProcessAlive, processIdentity } from '../../platform/infrastructure/process-identity.ts';
import type { TurnEvent } from '../../protocol/turn-events.ts';
import { storedTurnEvents, type StoredTurn } from './turn-replay.ts';
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
 * Turns left `running` by a server that died are closed as `interrupted`, with the text saved so far. At
 * start-up: every turn whose runner on this host is gone (at once, before any lease lapses). Servers elsewhere,
 * or on this host while it runs: `closeLapsed` closes the turns of servers whose lease lapsed (`InstanceLease`
 * calls it at each heartbeat). Either way each closed turn's final event goes to `tell`, for its watchers on the
 * servers still up.
 */
export class TurnRecovery {
  constructor(
    private readonly turns: Pick<TurnRepository, 'running' | 'markInterrupted' | 'interruptLapsed'>,
    private readonly log: Logger,
    private readonly tell: (conversationId: string, final: TurnEvent) => void = () => {},
  ) {}

  async recoverAfterCrash(): Promise<number> {
    const running = await this.turns.running();
    const dead = running.filter((turn) => runnerIsDeadHere(turn.runner)).map((turn) => turn.turnId);
    const count = this.announce(await this.turns.markInterrupted(dead));
    if (count > 0) this.log.warn({ count }, 'marked turns left open by a crash as interrupted');
    return count;
  }

  async closeLapsed(lapseMs: number): Promise<number> {
    const closed = await this.turns.interruptLapsed(lapseMs);
    if (closed.length > 0) {
      this.log.warn(
        { count: closed.length, turnIds: closed.map((turn) => turn.turnId) },
        'marked turns of a server whose lease lapsed as interrupted',
      );
    }
    return this.announce(closed);
  }

  /** Tells each closed turn's watchers (on any server) how it ended; the number closed. */
  private announce(closed: StoredTurn[]): number {
    for (const turn of closed) {
      const final = storedTurnEvents(turn, 0).at(-1);
      if (final) this.tell(turn.conversationId, final);
    }
    return closed.length;
  }
}
