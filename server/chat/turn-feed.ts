import type { TurnEvent } from '../../protocol/turn-events.ts';

/**
 * The events of turns this process does not run, as they reach it (from the other servers on the database, and
 * the final events of dead servers' turns that this one closes), for followers that are not Socket.IO sockets:
 * SSE streams and raw WebSockets. Socket.IO's rooms get the same events by themselves.
 */
export class TurnFeed {
  private readonly listeners = new Map<string, Set<(event: TurnEvent) => void>>();

  publish(event: TurnEvent): void {
    const listeners = this.listeners.get(event.turnId);
    if (listeners) for (const listener of [...listeners]) listener(event);
  }

  /** Calls `listener` with every event of `turnId` published from now on, until the returned function is called. */
  subscribe(turnId: string, listener: (event: TurnEvent) => void): () => void {
    const listeners = this.listeners.get(turnId) ?? new Set();
    listeners.add(listener);
    this.listeners.set(turnId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(turnId) === listeners) this.listeners.delete(turnId);
    };
  }
}
