import type { TurnEventBody } from '../../protocol/turn-events.ts';

export interface Timers {
  now(): number;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Batches `text.delta`s into windows (~16 ms, one display frame) so a fast
 * model does not cost one event, one socket frame and one seq per token.
 * The first delta after a quiet window goes out at once, so batching never
 * delays the first token; any other event flushes the pending text first, so
 * order is kept.
 */
export class DeltaCoalescer {
  private pending = '';
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private timer: unknown;

  constructor(
    private readonly emit: (body: TurnEventBody) => void,
    private readonly windowMs = 16,
    private readonly timers: Timers = realTimers,
  ) {}

  push(body: TurnEventBody): void {
    if (body.type !== 'text.delta') {
      this.flush();
      this.emit(body);
      return;
    }
    if (!body.delta) return;
    this.pending += body.delta;
    const sinceLast = this.timers.now() - this.lastEmitAt;
    if (sinceLast >= this.windowMs && this.timer === undefined) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.windowMs - sinceLast);
    }
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.pending) return;
    const delta = this.pending;
    this.pending = '';
    this.lastEmitAt = this.timers.now();
    this.emit({ type: 'text.delta', delta });
  }
}
