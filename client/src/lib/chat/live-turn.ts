import { addToTurnDetails, type AnswerRecord, type IntentRecord, type TurnDetails } from '$protocol/turn-details.ts';
import type { Engine, TurnEvent, Usage } from '$protocol/turn-events.ts';
import type { MessageStatus } from '$protocol/conversation.ts';
import type { MessageJson } from '../api/api-types.ts';

/** A turn as this tab has seen it so far, built event by event (`seq` by `seq`). */
export interface LiveTurn {
  turnId: string;
  /** The last `seq` applied; a reconnecting tab asks for the events after it. */
  lastSeq: number;
  text: string;
  engine: Engine | null;
  intent: IntentRecord | null;
  details: TurnDetails;
  usage: Usage | null;
  latency: AnswerRecord['latency'];
  finishReason: 'stop' | 'length' | 'stopped' | null;
  error: { code: string; message: string; retryable: boolean } | null;
  finished: boolean;
}

/** `gap`: an event after a missing one (it is not applied; ask for the rest with `turn:resume`). */
export type Applied = 'applied' | 'duplicate' | 'gap';

export function newLiveTurn(turnId: string): LiveTurn {
  return {
    turnId,
    lastSeq: 0,
    text: '',
    engine: null,
    intent: null,
    details: { citations: [], retrievalNotice: null, toolCalls: [], review: null, session: null },
    usage: null,
    latency: null,
    finishReason: null,
    error: null,
    finished: false,
  };
}

/**
 * Applies the next event of the turn in place; a repeat is ignored and an event past a gap is refused. One
 * exception: a turn whose server died is closed by another server, which numbers the closing `interrupted` error
 * after the last event saved, and this tab may have seen later ones. That error still ends the turn here.
 */
export function applyTurnEvent(turn: LiveTurn, event: TurnEvent): Applied {
  const closedElsewhere = event.type === 'turn.error' && event.code === 'interrupted' && !turn.finished;
  if (event.seq <= turn.lastSeq && !closedElsewhere) return 'duplicate';
  if (event.seq > turn.lastSeq + 1) return 'gap';
  turn.lastSeq = Math.max(turn.lastSeq, event.seq);
  switch (event.type) {
    case 'turn.start':
      turn.engine = event.engine;
      break;
    case 'intent': {
      const { type: _type, turnId: _turnId, seq: _seq, ...intent } = event;
      turn.intent = intent;
      break;
    }
    case 'text.delta':
      turn.text += event.delta;
      break;
    case 'turn.end':
      turn.finishReason = event.finishReason;
      turn.usage = event.usage;
      turn.latency = event.latency;
      turn.finished = true;
      break;
    case 'turn.error':
      turn.error = { code: event.code, message: event.message, retryable: event.retryable };
      turn.finished = true;
      break;
    default:
      addToTurnDetails(turn.details, event);
  }
  return 'applied';
}

/** Everything an answer shows, from the live stream or from the messages page (after a reload). */
export interface AnswerView {
  turnId: string | null;
  text: string;
  status: MessageStatus;
  engine: Engine | null;
  intent: IntentRecord | null;
  details: TurnDetails | null;
  usage: Usage | null;
  latency: AnswerRecord['latency'];
  error: { code: string; message: string; retryable?: boolean } | null;
}

export function answerFromLive(turn: LiveTurn): AnswerView {
  const status: MessageStatus = !turn.finished
    ? 'streaming'
    : turn.error
      ? turn.error.code === 'interrupted'
        ? 'interrupted'
        : 'failed'
      : turn.finishReason === 'stopped'
        ? 'stopped'
        : 'complete';
  const { turnId, text, engine, intent, details, usage, latency, error } = turn;
  return { turnId, text, status, engine, intent, details, usage, latency, error };
}

export function answerFromMessage(message: MessageJson): AnswerView {
  const turn = message.turn;
  return {
    turnId: turn?.turnId ?? null,
    text: message.content,
    status: message.status,
    engine: turn?.engine ?? null,
    intent: turn?.intent ?? null,
    details: turn?.details ?? null,
    usage: turn?.usage ?? message.usage,
    latency: turn?.latency ?? null,
    error: turn?.error ?? null,
  };
}
