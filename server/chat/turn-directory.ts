import { isFinalEvent, type TurnEvent } from '../../protocol/turn-events.ts';
import { z } from 'zod';
import type { TurnFeed } from './turn-feed.ts';
import type { TurnPeers } from './turn-peers.ts';
import type { TurnRegistry } from './turn-registry.ts';
import { storedTurnEvents } from './turn-replay.ts';
import type { TurnRepository } from './turn-repository.ts';

/** Turn ids are UUIDs; anything else names no turn (and must not reach Postgres, which would refuse the cast). */
const turnIdSchema = z.uuid();

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
      /** Other servers' turn events as they reach this one. */
      feed: TurnFeed;
    },
  ) {}

  /** Stops the owner's running turn wherever it runs; false when no server runs it. */
  async stop(ownerId: string, turnId: string): Promise<boolean> {
    const { registry, turns } = this.dependencies;
    const peers = this.dependencies.peers();
    if (registry.stop(turnId, ownerId)) return true;
    if (!peers || !turnIdSchema.safeParse(turnId).success) return false;
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
    if (!turnIdSchema.safeParse(turnId).success) return undefined;
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

  /**
   * Streams the owner's turn to `listener` from after `afterSeq` to its final event, wherever it runs: from this
   * process's registry, else what was streamed so far (from the server running it, or Postgres) then the rest as
   * it reaches this server, each seq once and in order. Undefined for no such turn of this owner. `ended`: the
   * turn is over and everything after `afterSeq` has been given (nothing more will come).
   */
  async follow(
    ownerId: string,
    turnId: string,
    afterSeq: number,
    listener: (event: TurnEvent) => void,
  ): Promise<{ stop: () => void; ended: boolean } | undefined> {
    const local = this.dependencies.registry.find(turnId, ownerId);
    if (local) {
      const stop = local.subscribe(afterSeq, listener);
      return { stop, ended: local.finished && (local.events.at(-1)?.seq ?? 0) <= afterSeq };
    }
    let last = afterSeq;
    let ended = false;
    let early: TurnEvent[] | undefined = [];
    const give = (event: TurnEvent) => {
      // A final event numbered at or before what was given still ends the turn: a survivor closing a dead
      // server's turn numbers its end after the last event saved, which may be earlier than the last streamed.
      if (ended || (event.seq <= last && !isFinalEvent(event))) return;
      last = Math.max(last, event.seq);
      if (isFinalEvent(event)) {
        ended = true;
        unsubscribe();
      }
      listener(event);
    };
    // Listening before asking: what arrives meanwhile waits, and what the answer also holds is dropped by seq.
    const unsubscribe = this.dependencies.feed.subscribe(turnId, (event) => (early ? early.push(event) : give(event)));
    const replayed = await this.replay(ownerId, turnId, afterSeq, () => undefined).catch((error: unknown) => {
      unsubscribe();
      throw error;
    });
    if (!replayed) {
      unsubscribe();
      return undefined;
    }
    const arrived = early;
    early = undefined;
    for (const event of [...replayed.events, ...arrived].sort((x, y) => x.seq - y.seq)) give(event);
    if (replayed.finished && !ended) {
      ended = true;
      unsubscribe();
    }
    return {
      stop: () => {
        ended = true;
        unsubscribe();
      },
      get ended() {
        return ended;
      },
    };
  }
}
