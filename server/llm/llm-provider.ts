import type { Engine } from '../../protocol/turn-events.ts';

/**
 * The model seam. `stream` yields text as it arrives and ends with exactly one
 * `finish` part; it throws `LlmError` on failure and stops (throwing the
 * abort reason) when `signal` aborts. Adapters are pure mapping plus one call:
 * no retries (see `resilientProvider`), no persistence, no HTTP request of ours.
 */
export interface LlmProvider {
  readonly engine: Engine;
  stream(request: LlmRequest, signal: AbortSignal): AsyncIterable<LlmStreamPart>;
}

export interface LlmRequest {
  system: string;
  /** Oldest first; the last one is the user's message being answered. */
  messages: LlmMessage[];
  maxOutputTokens: number;
  /** Patterns retrieved for this turn: the offline engine composes from them, models get them as context. */
  grounding?: GroundingPattern[];
  /**
   * The no-model strategy: what Kiln itself says in place of a generated answer, composed from the same grounding
   * (an agent's diagnosis, plan or verified code; '' for nothing). The offline engine streams it; a model ignores
   * it. Agents pass it instead of asking which engine they have. Without it the offline engine lists the grounding.
   */
  composed?: () => string;
}

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface GroundingPattern {
  id: string;
  title: string;
  language: string;
  summary: string;
  code: string;
  source: string;
}

export type LlmStreamPart =
  { type: 'text-delta'; text: string } | { type: 'finish'; reason: 'stop' | 'length'; usage: TokenUsage };

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}
