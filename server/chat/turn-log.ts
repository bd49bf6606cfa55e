import { isFinalEvent, type TurnEvent, type TurnEventBody } from '../../protocol/turn-events.ts';

export type TurnListener = (event: TurnEvent) => void;

/**
 * The events of one turn, in order, as they happened. It numbers them
 * (`seq` 1, 2, 3 …), keeps them for replay, and hands each to the listeners
 * synchronously, so "replay then listen" can never miss or repeat an event.
 */
export class TurnLog {
  readonly events: TurnEvent[] = [];
  private readonly listeners = new Set<TurnListener>();
  private readonly finishedCallbacks: (() => void)[] = [];

  constructor(
    readonly turnId: string,
    readonly conversationId: string,
    readonly ownerId: string,
    readonly controller: AbortController,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  get lastSeq(): number {
    return this.events.length;
  }

  get finished(): boolean {
    const last = this.events.at(-1);
    return last !== undefined && isFinalEvent(last);
  }

  append(body: TurnEventBody): TurnEvent {
    if (this.finished) throw new Error(`turn ${this.turnId} has already ended`);
    const event = { ...body, turnId: this.turnId, seq: this.events.length + 1 } as TurnEvent;
    this.events.push(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
    if (isFinalEvent(event)) {
      this.listeners.clear();
      for (const callback of this.finishedCallbacks.splice(0)) callback();
    }
    return event;
  }

  /** Replays the events after `afterSeq` to `listener` now, then passes it every new one. Returns the unsubscribe. */
  subscribe(afterSeq: number, listener: TurnListener): () => void {
    for (const event of this.events.slice(Math.max(0, afterSeq))) listener(event);
    if (this.finished) return () => {};
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The events after `afterSeq` as an async iterable that ends with the turn (for SSE). */
  async *iterate(afterSeq: number, signal?: AbortSignal): AsyncGenerator<TurnEvent> {
    const queue: TurnEvent[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = this.subscribe(afterSeq, (event) => {
      queue.push(event);
      wake?.();
    });
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    try {
      for (;;) {
        while (queue.length) {
          const event = queue.shift()!;
          yield event;
          if (isFinalEvent(event)) return;
        }
        if (signal?.aborted) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Resolves when the final event has been appended. */
  whenFinished(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.finishedCallbacks.push(resolve));
  }
}
