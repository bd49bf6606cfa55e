import type { Logger } from 'pino';
import { turnDetailsOf } from '../../protocol/turn-details.ts';
import type { TurnEvent, TurnEventBody } from '../../protocol/turn-events.ts';
import type { TurnLog } from './turn-log.ts';
import type { TurnOutcome, TurnRepository } from './turn-repository.ts';
import { replayOf } from './turn-replay.ts';

interface TurnState {
  log: TurnLog;
  assistantMessageId: string;
  content: string;
  /** The last seq saved with the text: a save with nothing new is skipped. */
  savedSeq: number;
  timer: NodeJS.Timeout | undefined;
  /** Writes of one turn run one after another, so a slow flush never lands after the final write. */
  writes: Promise<void>;
}

/**
 * The sink that writes turns to Postgres: the answer is saved as it grows, at
 * most once per `flushIntervalMs` per turn (never a write per token), and closed
 * with its outcome and usage. A crash loses at most the last interval of text.
 */
export class TurnPersister {
  private readonly states = new Map<string, TurnState>();

  constructor(
    private readonly turns: TurnRepository,
    private readonly log: Logger,
    private readonly flushIntervalMs = 1_000,
  ) {}

  handle(event: TurnEvent, turnLog: TurnLog): void {
    switch (event.type) {
      case 'turn.start':
        this.states.set(event.turnId, {
          log: turnLog,
          assistantMessageId: event.assistantMessageId,
          content: '',
          savedSeq: 0,
          timer: undefined,
          writes: Promise.resolve(),
        });
        return;
      case 'turn.end':
      case 'turn.error':
        // The final events are committed by `finalize`, before they are appended.
        return;
      default: {
        // Every other event is saved too (with the text, in the turn's replay), so another instance can replay it.
        const state = this.states.get(event.turnId);
        if (!state) return;
        if (event.type === 'text.delta') state.content += event.delta;
        state.timer ??= setTimeout(() => {
          state.timer = undefined;
          this.enqueue(event.turnId, () => this.saveProgress(state));
        }, this.flushIntervalMs);
      }
    }
  }

  /**
   * The commit barrier for a turn's final event: writes the whole answer with
   * its outcome, usage and details (citations, tool calls, findings, gathered
   * from the turn's events) and its replay (the final event included, numbered as it will be), and resolves once
   * it is saved, so a client that sees `turn.end` can rely on the message being in the database.
   */
  async finalize(turnLog: TurnLog, final: Extract<TurnEventBody, { type: 'turn.end' | 'turn.error' }>): Promise<void> {
    const details = turnDetailsOf(turnLog.events);
    const replay = replayOf([...turnLog.events, { ...final, turnId: turnLog.turnId, seq: turnLog.lastSeq + 1 }]);
    if (final.type === 'turn.end') {
      this.close(
        turnLog.turnId,
        final.finishReason === 'stopped' ? 'stopped' : 'complete',
        final.usage,
        final.latency,
        null,
        details,
        replay,
      );
    } else {
      const error = { code: final.code, message: final.message };
      const status = final.code === 'interrupted' ? 'interrupted' : 'failed';
      this.close(turnLog.turnId, status, null, null, error, details, replay);
    }
    await this.states.get(turnLog.turnId)?.writes;
  }

  /** Resolves when every write started so far has finished (graceful shutdown waits for this). */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.states.values()].map((state) => state.writes));
  }

  private close(
    turnId: string,
    status: TurnOutcome,
    usage: Parameters<TurnRepository['finish']>[0]['usage'],
    latency: Parameters<TurnRepository['finish']>[0]['latency'],
    error: Parameters<TurnRepository['finish']>[0]['error'],
    details: Parameters<TurnRepository['finish']>[0]['details'],
    replay: Parameters<TurnRepository['finish']>[0]['replay'],
  ) {
    const state = this.states.get(turnId);
    if (!state) return;
    clearTimeout(state.timer);
    state.timer = undefined;
    this.enqueue(turnId, () =>
      this.turns.finish({
        turnId,
        assistantMessageId: state.assistantMessageId,
        status,
        content: state.content,
        usage,
        latency,
        error,
        details,
        replay,
      }),
    );
    void state.writes.then(() => this.states.delete(turnId));
  }

  private async saveProgress(state: TurnState) {
    if (state.log.lastSeq === state.savedSeq) return;
    // Taken in the same tick, so the replay's offsets fit the text.
    const content = state.content;
    const replay = replayOf(state.log.events);
    await this.turns.saveProgress(state.log.turnId, state.assistantMessageId, content, replay);
    state.savedSeq = replay.events.length + replay.deltas.length;
  }

  private enqueue(turnId: string, write: () => Promise<void>) {
    const state = this.states.get(turnId);
    if (!state) return;
    state.writes = state.writes.then(write).catch((error: unknown) => {
      this.log.error({ err: error, turnId }, 'saving the turn failed; the next write will try again');
    });
  }
}
