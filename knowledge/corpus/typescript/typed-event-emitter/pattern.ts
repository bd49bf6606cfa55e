/** Maps each event name to the tuple of arguments its listeners receive. */
export type EventMap<Events> = { [K in keyof Events]: unknown[] };
export type Listener<Args extends unknown[]> = (...args: Args) => void;

export class TypedEmitter<Events extends EventMap<Events>> {
  // listener -> true when it should run only once
  #listeners = new Map<keyof Events, Map<Listener<never>, boolean>>();

  /** Subscribes and returns a function that unsubscribes. */
  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    return this.#add(event, listener, false);
  }

  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    return this.#add(event, listener, true);
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    this.#remove(event, listener);
  }

  /** Calls the listeners in subscription order; returns whether there were any. */
  emit<K extends keyof Events>(event: K, ...args: Events[K]): boolean {
    const listeners = this.#listeners.get(event);
    if (!listeners) return false;
    // Iterate over a snapshot so listeners can subscribe or unsubscribe while we emit.
    for (const [listener, once] of [...listeners]) {
      if (once) this.#remove(event, listener);
      (listener as Listener<Events[K]>)(...args);
    }
    return true;
  }

  listenerCount(event: keyof Events): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  #add<K extends keyof Events>(event: K, listener: Listener<Events[K]>, once: boolean): () => void {
    let listeners = this.#listeners.get(event);
    if (!listeners) this.#listeners.set(event, (listeners = new Map()));
    listeners.set(listener, once);
    return () => this.#remove(event, listener);
  }

  #remove(event: keyof Events, listener: Listener<never>): void {
    const listeners = this.#listeners.get(event);
    listeners?.delete(listener);
    if (listeners?.size === 0) this.#listeners.delete(event);
  }
}
