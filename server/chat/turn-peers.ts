import type { TurnEvent } from '../../protocol/turn-events.ts';

/** The other Kiln servers on this database, as far as turns go: each answers only for the turns it runs. */
export interface TurnPeers {
  /** Asks every other server to stop this owner's turn; true when the one running it did. */
  stop(turnId: string, ownerId: string): Promise<boolean>;
  /** The events after `afterSeq` from the server that runs (or recently ran) the turn; undefined when none does. */
  events(
    turnId: string,
    ownerId: string,
    afterSeq: number,
  ): Promise<{ events: TurnEvent[]; finished: boolean } | undefined>;
}
