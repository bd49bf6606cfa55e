import type { Citation, Engine, ReviewFinding, TurnEvent, TurnEventOf, Usage } from './turn-events.ts';

/** One tool the agent called during a turn, with its result once it came. */
export interface ToolCallRecord {
  callId: string;
  server: string;
  tool: string;
  arguments: unknown;
  /** Null while the call runs, or when the turn ended before it answered. */
  result: { ok: boolean; summary: string } | null;
}

/**
 * What an answer shows beside its text, gathered from the turn's events: the
 * citations, the tool calls and the review findings. The persister stores it
 * on the turn when the turn ends, so a reloaded conversation shows the same as
 * the live stream did; the web client builds it from the live events with the
 * same function.
 */
export interface TurnDetails {
  citations: Citation[];
  /** Why retrieval was partial or failed, when it was. */
  retrievalNotice: string | null;
  toolCalls: ToolCallRecord[];
  review: { language: string; findings: ReviewFinding[]; summary: string } | null;
}

/** The details of a turn from its events so far (text deltas are ignored; later events of a kind win). */
export function turnDetailsOf(events: readonly TurnEvent[]): TurnDetails {
  const details: TurnDetails = { citations: [], retrievalNotice: null, toolCalls: [], review: null };
  for (const event of events) addToTurnDetails(details, event);
  return details;
}

/** Folds one event into `details` in place (the client calls it per event while a turn streams). */
export function addToTurnDetails(details: TurnDetails, event: TurnEvent): void {
  switch (event.type) {
    case 'retrieval':
      details.citations = event.citations;
      details.retrievalNotice = event.notice ?? null;
      return;
    case 'tool.call':
      details.toolCalls.push({
        callId: event.callId,
        server: event.server,
        tool: event.tool,
        arguments: event.arguments,
        result: null,
      });
      return;
    case 'tool.result': {
      const call = details.toolCalls.find((candidate) => candidate.callId === event.callId);
      if (call) call.result = { ok: event.ok, summary: event.summary };
      return;
    }
    case 'review.findings':
      details.review = { language: event.language, findings: event.findings, summary: event.summary };
      return;
    default:
      return;
  }
}

/** The routing decision as stored on the turn and sent to clients. */
export type IntentRecord = Omit<TurnEventOf<'intent'>, 'type' | 'turnId' | 'seq'>;

/**
 * The turn behind an assistant message, as the messages page serves it: enough
 * to show its intent, engine, usage, citations and tool calls after a reload.
 */
export interface AnswerRecord {
  turnId: string;
  intent: IntentRecord | null;
  engine: Engine;
  usage: Usage | null;
  latency: { firstTokenMs: number | null; totalMs: number } | null;
  error: { code: string; message: string } | null;
  /** Null for turns that ended before details were stored (or that a crash cut short). */
  details: TurnDetails | null;
}
