import type {
  Citation,
  Engine,
  ReviewFinding,
  SandboxResultBody,
  SessionAttemptBody,
  SessionOutcomeBody,
  TurnEvent,
  TurnEventOf,
  Usage,
} from './turn-events.ts';

/** One tool the agent called during a turn, with its result once it came. */
export interface ToolCallRecord {
  callId: string;
  server: string;
  tool: string;
  arguments: unknown;
  /** Null while the call runs, or when the turn ended before it answered. */
  result: { ok: boolean; summary: string } | null;
  /**
   * For a tool that may write: `pending` until the user answers, `timeout` when nobody did in time (not run);
   * null for calls that needed no confirmation.
   */
  confirmation: 'pending' | 'approved' | 'refused' | 'timeout' | null;
}

/** Output kept per attempt in the stored details (the run itself keeps the rest, up to the sandbox's limit). */
export const sessionOutputLimit = 64 * 1024;

/** One attempt of a code session: the code it ran, its output (capped) and its verdict. */
export interface SessionAttemptRecord extends Omit<SessionAttemptBody, 'type'> {
  output: string;
  /** The output passed `sessionOutputLimit` here. */
  outputCut: boolean;
  result: Omit<SandboxResultBody, 'type'> | null;
}

/** A user's decision on a validated code session (`POST …/messages/:messageId/approval`). */
export interface ApprovalRecord {
  decision: 'approve' | 'reject';
  note: string | null;
  /** The user who decided. */
  by: string;
  at: string;
  /** The learned pattern an approval saved (or the stored pattern it duplicated). */
  patternId: string | null;
  /** The code was already in the store: no new pattern, `patternId` is the existing one. */
  duplicate: boolean;
}

/** A code session's attempts and how it ended. */
export interface SessionRecord {
  phase: TurnEventOf<'session.phase'>['phase'] | null;
  attempts: SessionAttemptRecord[];
  outcome: Omit<SessionOutcomeBody, 'type'> | null;
  /** Filled by the server from the stored decision, never from events. */
  approval: ApprovalRecord | null;
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
  /** Null for turns that were not code sessions. */
  session: SessionRecord | null;
}

/** The details of a turn from its events so far (text deltas are ignored; later events of a kind win). */
export function turnDetailsOf(events: readonly TurnEvent[]): TurnDetails {
  const details: TurnDetails = { citations: [], retrievalNotice: null, toolCalls: [], review: null, session: null };
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
        confirmation: event.needsConfirmation ? 'pending' : null,
      });
      return;
    case 'tool.confirmation': {
      const call = details.toolCalls.find((candidate) => candidate.callId === event.callId);
      if (call) call.confirmation = event.approved ? 'approved' : event.by === 'timeout' ? 'timeout' : 'refused';
      return;
    }
    case 'tool.result': {
      const call = details.toolCalls.find((candidate) => candidate.callId === event.callId);
      if (call) call.result = { ok: event.ok, summary: event.summary };
      return;
    }
    case 'review.findings':
      details.review = { language: event.language, findings: event.findings, summary: event.summary };
      return;
    case 'session.phase':
      sessionOf(details).phase = event.phase;
      return;
    case 'session.attempt': {
      const { type: _type, turnId: _turnId, seq: _seq, ...attempt } = event;
      sessionOf(details).attempts.push({ ...attempt, output: '', outputCut: false, result: null });
      return;
    }
    case 'sandbox.output': {
      const attempt = details.session?.attempts.at(-1);
      if (!attempt || attempt.outputCut) return;
      const room = sessionOutputLimit - attempt.output.length;
      attempt.output += event.chunk.slice(0, room);
      attempt.outputCut = event.chunk.length > room;
      return;
    }
    case 'sandbox.result': {
      const attempt = details.session?.attempts.at(-1);
      const { type: _type, turnId: _turnId, seq: _seq, ...result } = event;
      if (attempt) attempt.result = result;
      return;
    }
    case 'session.outcome': {
      const { type: _type, turnId: _turnId, seq: _seq, ...outcome } = event;
      sessionOf(details).outcome = outcome;
      return;
    }
    default:
      return;
  }
}

function sessionOf(details: TurnDetails): SessionRecord {
  details.session ??= { phase: null, attempts: [], outcome: null, approval: null };
  return details.session;
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
