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
   * Set when the pattern store was searched for this turn and nothing in it is relevant enough to cite: a model is
   * told so instead of being handed weak matches; the offline engine says so plainly, with `storeCovers` (a sentence
   * on what the store does hold).
   */
  nothingRelevant?: { storeCovers?: string };
  /**
   * The no-model strategy: what Kiln itself says in place of a generated answer, composed from the same grounding
   * (an agent's diagnosis, plan or verified code; '' for nothing). The offline engine streams it; a model ignores
   * it. Agents pass it instead of asking which engine they have. Without it the offline engine lists the grounding.
   */
  composed?: () => string;
  /**
   * Tools the model may call (native tool calling: Anthropic `tool_use`, OpenAI `tools`). A model that calls
   * some streams one `tool-call` part per call and finishes with reason `tool-calls`; the caller runs them and
   * asks again with the calls (`assistant` message's `toolCalls`) and their results (`tool` messages) appended.
   * The offline engine never calls tools.
   */
  tools?: LlmTool[];
}

export interface LlmTool {
  /** Letters, digits, `_` and `-`, at most 64 characters (the strictest vendor's rule). */
  name: string;
  description: string;
  /** A JSON Schema object for the arguments. */
  inputSchema: { type: 'object'; properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };
}

export interface LlmToolCall {
  /** The vendor's id for the call, echoed back with its result. */
  id: string;
  name: string;
  /** The parsed arguments (`{}` when the model sent none; a string the model sent that is not JSON stays a string). */
  arguments: unknown;
}

export type LlmMessage =
  | { role: 'user'; content: string }
  /** `toolCalls`: the calls the model made in this message (its text may be empty). */
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  /** The result of one tool call, sent back to the model. */
  | { role: 'tool'; toolCallId: string; content: string; isError?: boolean };

export interface GroundingPattern {
  id: string;
  title: string;
  language: string;
  summary: string;
  code: string;
  source: string;
}

export type LlmStreamPart =
  | { type: 'text-delta'; text: string }
  /** One complete tool call (adapters assemble streamed argument fragments before yielding it). */
  | ({ type: 'tool-call' } & LlmToolCall)
  | { type: 'finish'; reason: 'stop' | 'length' | 'tool-calls'; usage: TokenUsage };

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}
