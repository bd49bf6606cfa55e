import { isFinalEvent, type Engine, type TurnEvent, type TurnEventOf, type Usage } from '../../protocol/turn-events.ts';

/**
 * What Postgres keeps of a turn's event stream so any instance can replay it with the seqs the owner used: every
 * event but the text deltas whole, and each delta as its seq and where it ends in the answer's saved text. The
 * text itself is the assistant message's content, so it is not stored twice.
 */
export interface TurnReplay {
  events: TurnEvent[];
  /** `[seq, end]`: the delta with this seq is `content.slice(previous end, end)`. */
  deltas: [number, number][];
}

/** The replay of `events`, whose deltas add up to the text saved beside it. */
export function replayOf(events: readonly TurnEvent[]): TurnReplay {
  const replay: TurnReplay = { events: [], deltas: [] };
  let end = 0;
  for (const event of events) {
    if (event.type === 'text.delta') {
      end += event.delta.length;
      replay.deltas.push([event.seq, end]);
    } else {
      replay.events.push(event);
    }
  }
  return replay;
}

/** The events after `afterSeq`, rebuilt from a replay and the text saved with it, in seq order. */
export function eventsOfReplay(replay: TurnReplay, content: string, turnId: string, afterSeq: number): TurnEvent[] {
  const rebuilt: TurnEvent[] = [...replay.events];
  let start = 0;
  for (const [seq, end] of replay.deltas) {
    const delta: TurnEventOf<'text.delta'> = { type: 'text.delta', delta: content.slice(start, end), turnId, seq };
    rebuilt.push(delta);
    start = end;
  }
  return rebuilt.filter((event) => event.seq > afterSeq).sort((a, b) => a.seq - b.seq);
}

/** The seq the next event of this replay would take. */
export function nextSeqOf(replay: TurnReplay): number {
  const last = Math.max(0, ...replay.events.map((event) => event.seq), ...replay.deltas.map(([seq]) => seq));
  return last + 1;
}

/** A turn as Postgres keeps it: enough to replay it on any instance. */
export interface StoredTurn {
  turnId: string;
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  status: 'running' | 'complete' | 'stopped' | 'interrupted' | 'failed';
  engine: Engine;
  /** Null for turns saved before replays were kept, and for a turn that has saved nothing yet. */
  replay: TurnReplay | null;
  /** The answer as saved (while it runs: up to the last save, at most about a second old). */
  content: string;
  usage: Usage | null;
  latency: { firstTokenMs: number | null; totalMs: number } | null;
  error: { code: string; message: string } | null;
}

/**
 * A stored turn's events after `afterSeq`. A turn that ended without a final event of its own (its server died,
 * and a survivor closed it) ends with an `interrupted` error numbered after its last saved event; every instance
 * numbers it the same. A turn saved before replays were kept is rebuilt as its start, its text and its end.
 */
export function storedTurnEvents(turn: StoredTurn, afterSeq: number): TurnEvent[] {
  const replay = turn.replay ?? {
    events: [
      {
        type: 'turn.start',
        conversationId: turn.conversationId,
        userMessageId: turn.userMessageId,
        assistantMessageId: turn.assistantMessageId,
        engine: turn.engine,
        turnId: turn.turnId,
        seq: 1,
      },
    ],
    deltas: turn.content ? [[2, turn.content.length]] : [],
  };
  const events = eventsOfReplay(replay, turn.content, turn.turnId, 0);
  const last = events.at(-1);
  if (turn.status !== 'running' && !(last && isFinalEvent(last))) {
    events.push(closingEventOf(turn, nextSeqOf(replay)));
  }
  return events.filter((event) => event.seq > afterSeq);
}

function closingEventOf(turn: StoredTurn, seq: number): TurnEvent {
  const base = { turnId: turn.turnId, seq };
  if (turn.status === 'complete' || turn.status === 'stopped') {
    return {
      ...base,
      type: 'turn.end',
      finishReason: turn.status === 'stopped' ? 'stopped' : 'stop',
      usage: turn.usage ?? { inputTokens: 0, outputTokens: 0, costUsd: null },
      latency: turn.latency ?? { firstTokenMs: null, totalMs: 0 },
    };
  }
  const error = turn.error ?? {
    code: turn.status === 'interrupted' ? 'interrupted' : 'internal_error',
    message: 'This answer ended early; the part written so far is kept.',
  };
  return { ...base, type: 'turn.error', code: error.code, message: error.message, retryable: true };
}
