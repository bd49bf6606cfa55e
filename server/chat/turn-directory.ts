import type { TurnEvent } from '../../protocol/turn-events.ts';
import type { TurnPeers } from './turn-peers.ts';
import type { TurnRegistry } from './turn-registry.ts';
import { storedTurnEvents } from './turn-replay.ts';
import type { TurnRepository } from './turn-repository.ts';

/**
 * Finds a turn wherever it runs: in this process (its registry), on another server on the same database (its
 * peers, when servers share one), or only in Postgres (it ended, or its server died). Owners only: anyone else's
 * turn is as good as missing.
 */
export class TurnDirectory {
  constructor(
    private readonly dependencies: {
      registry: TurnRegistry;
      turns: Pick<TurnRepository, 'stored'>;
      /** Undefined when this server runs alone. */
      peers: () => TurnPeers | undefined;
    },
  ) {}

  /** Stops the owner's running turn wherever it runs; false when no server runs it. */
  async stop(ownerId: string, turnId: string): Promise<boolean> {
    const { registry, turns } = this.dependencies;
    const peers = this.dependencies.peers();
    if (registry.stop(turnId, ownerId)) return true;
    if (!peers) return false;
    const stored = await turns.stored(turnId, ownerId);
    return stored?.status === 'running' ? peers.stop(turnId, ownerId) : false;
  }

  /**
   * The events after `afterSeq` of a turn this process does not hold, with its conversation; undefined for no
   * such turn of this owner. `watch` runs with the conversation before any event is fetched, so a socket joining
   * the conversation's room there misses nothing (what it sees twice, it drops by `seq`). From the server
   * running the turn while it runs; otherwise from Postgres, as saved (a running turn's up to its last save).
   */
  async replay(
    ownerId: string,
    turnId: string,
    afterSeq: number,
    watch: (conversationId: string) => void,
  ): Promise<{ conversationId: string; events: TurnEvent[]; finished: boolean } | undefined> {
    const { turns } = this.dependencies;
    const peers = this.dependencies.peers();
    const stored = await turns.stored(turnId, ownerId);
    if (!stored) return undefined;
    watch(stored.conversationId);
    if (stored.status === 'running' && peers) {
      const remote = await peers.events(turnId, ownerId, afterSeq);
      if (remote) return { conversationId: stored.conversationId, ...remote };
    }
    const events = storedTurnEvents(stored, afterSeq);
    return { conversationId: stored.conversationId, events, finished: stored.status !== 'running' };
  }
}
