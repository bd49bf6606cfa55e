import { TurnLog } from './turn-log.ts';
import type { TurnEvent, TurnEventBody } from '../../protocol/turn-events.ts';

export type RegistryListener = (event: TurnEvent, log: TurnLog) => void;

/** Runs before a turn's final event is appended; the event is held until it resolves (the persister's commit). */
export type FinalBarrier = (
  log: TurnLog,
  final: Extract<TurnEventBody, { type: 'turn.end' | 'turn.error' }>,
) => Promise<void>;

/** Why a turn's AbortController fired: the user pressed Stop, or the server is shutting down. */
export class TurnAbort extends Error {
  constructor(readonly reason: 'stopped' | 'shutdown') {
    super(reason === 'stopped' ? 'stopped by the user' : 'the server is shutting down');
    this.name = 'TurnAbort';
  }
}

/**
 * The turns this process runs, and those that ended recently (kept for
 * `turn:resume`). Sinks that want every turn (the persister, the Socket.IO
 * rooms) listen here; a sink for one turn subscribes to its log.
 */
export class TurnRegistry {
  private readonly turns = new Map<string, TurnLog>();
  private readonly listeners = new Set<RegistryListener>();
  private readonly barriers: FinalBarrier[] = [];

  constructor(
    private readonly options: { retentionMs: number; onListenerError: (error: unknown) => void } = {
      retentionMs: 10 * 60_000,
      onListenerError: () => {},
    },
  ) {}

  create(turnId: string, conversationId: string, ownerId: string): TurnLog {
    const log = new TurnLog(turnId, conversationId, ownerId, new AbortController(), this.options.onListenerError);
    this.turns.set(turnId, log);
    log.subscribe(0, (event) => {
      for (const listener of this.listeners) {
        try {
          listener(event, log);
        } catch (error) {
          this.options.onListenerError(error);
        }
      }
    });
    void log.whenFinished().then(() => {
      setTimeout(() => this.turns.delete(turnId), this.options.retentionMs).unref();
    });
    return log;
  }

  /** A turn of this owner, running or recently ended; undefined for anyone else's. */
  find(turnId: string, ownerId: string): TurnLog | undefined {
    const log = this.turns.get(turnId);
    return log && log.ownerId === ownerId ? log : undefined;
  }

  /** Registers work that must finish before any turn's final event is seen (so "ended" means "saved"). */
  beforeFinal(barrier: FinalBarrier): void {
    this.barriers.push(barrier);
  }

  /** Appends a turn's final event once every barrier has run; a failing barrier is reported, never blocks the end. */
  async finish(log: TurnLog, final: Extract<TurnEventBody, { type: 'turn.end' | 'turn.error' }>): Promise<void> {
    for (const barrier of this.barriers) {
      await barrier(log, final).catch((error: unknown) => this.options.onListenerError(error));
    }
    log.append(final);
  }

  onEvent(listener: RegistryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops a running turn of this owner; false if there is none. */
  stop(turnId: string, ownerId: string): boolean {
    const log = this.find(turnId, ownerId);
    if (!log || log.finished) return false;
    log.controller.abort(new TurnAbort('stopped'));
    return true;
  }

  running(): TurnLog[] {
    return [...this.turns.values()].filter((log) => !log.finished);
  }

  /** On shutdown: aborts every running turn and waits until each has written its final event. */
  async abortAll(): Promise<void> {
    const running = this.running();
    for (const log of running) log.controller.abort(new TurnAbort('shutdown'));
    await Promise.all(running.map((log) => log.whenFinished()));
  }
}
