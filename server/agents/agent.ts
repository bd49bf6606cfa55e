import type { PatternProject } from '../../protocol/project.ts';
import type { User } from '../../protocol/user.ts';
import type { TurnEventBody } from '../../protocol/turn-events.ts';
import type { LlmMessage, TokenUsage } from '../llm/llm-provider.ts';

/** What an agent may emit: everything but the framing events, which the turn runner writes itself. */
export type AgentEvent = Exclude<TurnEventBody, { type: 'turn.start' | 'turn.end' | 'turn.error' | 'intent' }>;

export interface AgentContext {
  turnId: string;
  conversationId: string;
  user: User;
  /** The message being answered. */
  message: string;
  /** The earlier messages of the branch, oldest first. */
  history: LlmMessage[];
  signal: AbortSignal;
  /** The project the conversation is attached to (the user is a member): retrieval searches it first. */
  project?: PatternProject;
}

export interface AgentResult {
  finishReason: 'stop' | 'length';
  usage: TokenUsage;
}

/**
 * One kind of work (ask, generate, review, …). `run` streams the turn's events
 * and returns how it finished; it throws on failure and stops when the signal
 * aborts. Agents never write to the database or to a socket.
 */
export interface Agent {
  run(context: AgentContext): AsyncGenerator<AgentEvent, AgentResult>;
}
