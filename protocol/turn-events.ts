import type { PatternProject } from './project.ts';
/**
 * The turn-event protocol: everything one turn does, as one ordered stream of
 * typed events. The server produces it; Socket.IO, SSE, the raw WebSocket and
 * the persister consume the same stream; the web client imports this file.
 *
 * Contract: every event carries its `turnId` and a `seq` that starts at 1 and
 * grows by exactly 1, so a client that reconnects asks for the events after
 * the last `seq` it has and gets the rest with no gap and no duplicate.
 * `turn.start` is always first; `turn.end` or `turn.error` is always last.
 */

export type Intent = 'ask' | 'generate' | 'review' | 'debug' | 'migrate' | 'tool' | 'smalltalk';

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** US dollars, from the price table; 0 for local and offline engines, null when the model's price is unknown. */
  costUsd: number | null;
}

export interface Engine {
  /** `offline` is Kiln's own engine, which needs no model. */
  provider: 'offline' | 'anthropic' | 'openai';
  model: string;
}

export interface Citation {
  patternId: string;
  title: string;
  language: string;
  score: number;
  /** Roughly the probability that the pattern answers the question (0–1); absent on turns stored before it existed. */
  relevance?: number;
  sources: { vector?: number; text?: number; graph?: number };
  /** The project the pattern belongs to, when it came from one. */
  project?: PatternProject;
  /** The file the pattern was ingested from (repository-relative), when it came from one. */
  path?: string;
}

/** One problem the review agent found in the code it was given. */
export interface ReviewFinding {
  severity: 'error' | 'warning' | 'info';
  /** 1-based line in the reviewed code. */
  line: number;
  category: 'correctness' | 'security' | 'performance' | 'readability';
  message: string;
  suggestion: string;
  /** What found it, e.g. `typescript` (a compiler diagnostic) or the rule's id. */
  rule: string;
}

/** Output of code running in the sandbox, as it comes (a code session's validate phase, or a run). */
export interface SandboxOutputBody {
  type: 'sandbox.output';
  stream: 'stdout' | 'stderr';
  chunk: string;
}

/** The verdict of one sandboxed execution. */
export interface SandboxResultBody {
  type: 'sandbox.result';
  /** The process's exit code; 128 + the signal's number when a signal ended it (137: SIGKILL). */
  exitCode: number;
  /** Exit 0, every test passed, and no limit was hit. */
  passed: boolean;
  durationMs: number;
  timedOut: boolean;
  oom: boolean;
  /** The output passed its limit: the run was stopped and the output cut there. */
  truncated?: boolean;
  /** When the run carried tests: how many passed and failed, and why each failure failed. */
  tests?: TestOutcome;
}

export type SessionPhase = 'plan' | 'generate' | 'validate' | 'repair' | 'await-approval' | 'done';

/**
 * The code one attempt of a code session runs (sent at the start of its `validate` phase; the `sandbox.output`
 * and `sandbox.result` events that follow belong to it). `runId` is the sandbox run's id, null when nothing ran.
 */
export interface SessionAttemptBody {
  type: 'session.attempt';
  attempt: number;
  language: string;
  code: string;
  tests: string | null;
  runId: string | null;
  /** The stored patterns the code was built on (credited or blamed by the result). */
  patternIds: string[];
  /** For a repair: the error it repairs, as its normalised signature. */
  repairs?: { signatureId: string; message: string };
}

/**
 * How a code session ended. `passed`: the last attempt ran and passed (the answer may be approved);
 * `failed`: still failing after the last repair (or a failure the offline engine cannot repair);
 * `not-run`: nothing ran (no sandbox, a language the sandbox does not run, no code), with the reason.
 */
export interface SessionOutcomeBody {
  type: 'session.outcome';
  status: 'passed' | 'failed' | 'not-run';
  attempts: number;
  reason: string;
  /** A user may approve the validated code as a learned pattern. */
  approvable: boolean;
}

export interface TestOutcome {
  passed: number;
  failed: number;
  failures: { name: string; message: string }[];
}

export type TurnEventBody =
  | {
      type: 'turn.start';
      conversationId: string;
      userMessageId: string;
      assistantMessageId: string;
      engine: Engine;
    }
  | { type: 'intent'; intent: Intent; confidence: number; via: 'rule' | 'classifier' | 'llm' | 'user'; reason: string }
  | { type: 'retrieval'; citations: Citation[]; notice?: string }
  | { type: 'text.delta'; delta: string }
  | { type: 'review.findings'; language: string; findings: ReviewFinding[]; summary: string }
  | {
      type: 'tool.call';
      callId: string;
      server: string;
      tool: string;
      arguments: unknown;
      /** The tool may write: it runs only once the user confirms it (a `tool.confirmation` follows). */
      needsConfirmation?: boolean;
    }
  /** The user's answer to a call that needed confirmation (`timeout`: nobody answered in time, taken as a refusal). */
  | { type: 'tool.confirmation'; callId: string; approved: boolean; by: 'user' | 'timeout' }
  | { type: 'tool.result'; callId: string; ok: boolean; summary: string }
  | {
      type: 'session.phase';
      phase: SessionPhase;
      attempt: number;
    }
  | SessionAttemptBody
  | SessionOutcomeBody
  | SandboxOutputBody
  | SandboxResultBody
  | {
      type: 'turn.end';
      /** `stopped`: the user pressed Stop; the partial answer is kept. */
      finishReason: 'stop' | 'length' | 'stopped';
      usage: Usage;
      latency: { firstTokenMs: number | null; totalMs: number };
    }
  | { type: 'turn.error'; code: string; message: string; retryable: boolean };

export type TurnEventType = TurnEventBody['type'];

export type TurnEvent = TurnEventBody & { turnId: string; seq: number };

/** The event of one type, e.g. `TurnEventOf<'text.delta'>`. */
export type TurnEventOf<T extends TurnEventType> = Extract<TurnEvent, { type: T }>;

export function isFinalEvent(
  event: TurnEventBody,
): event is Extract<TurnEventBody, { type: 'turn.end' | 'turn.error' }> {
  return event.type === 'turn.end' || event.type === 'turn.error';
}
