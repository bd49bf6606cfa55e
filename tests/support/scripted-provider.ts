import type { LlmProvider, LlmRequest, LlmStreamPart, LlmToolCall } from '../../server/llm/llm-provider.ts';

/** One piece of a scripted answer: text streamed as it is, or a tool call. */
export type ScriptedPart = string | { toolCall: LlmToolCall };

/** One scripted answer, streamed in order; it finishes with `tool-calls` when it holds a call, else `stop`. */
export type ScriptedReply = ScriptedPart[];

/**
 * A test double of the model port: it streams the tokens it is given, at the
 * pace it is given (`delayMs` per token; 0 yields to the event loop between
 * tokens like a fast real model), and records the requests it received (each
 * as it was when sent: later changes to the caller's message list do not show).
 * With `replies` it answers each request with its own reply instead: the nth of
 * a list (a request past its end fails the test), or whatever a function of the
 * request and its 0-based index answers.
 */
export class ScriptedProvider implements LlmProvider {
  readonly engine = { provider: 'openai' as const, model: 'scripted-model' };
  readonly requests: LlmRequest[] = [];
  tokens: string[];
  delayMs: number;
  failWith: Error | undefined;
  replies: ScriptedReply[] | ((request: LlmRequest, index: number) => ScriptedReply) | undefined;

  constructor(
    options: {
      tokens?: string[];
      delayMs?: number;
      replies?: ScriptedReply[] | ((request: LlmRequest, index: number) => ScriptedReply);
    } = {},
  ) {
    this.tokens = options.tokens ?? ['Hello', ' from', ' the', ' scripted', ' model', '.'];
    this.delayMs = options.delayMs ?? 0;
    this.replies = options.replies;
  }

  /** What it answers when asked for a conversation title (those requests are not recorded). */
  titleReply = '"Scripted Title."';

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    if (request.system.startsWith('You name chat conversations')) {
      yield { type: 'text-delta', text: this.titleReply };
      yield { type: 'finish', reason: 'stop', usage: { inputTokens: 30, outputTokens: 3 } };
      return;
    }
    const index = this.requests.length;
    this.requests.push({ ...request, messages: [...request.messages] });
    if (this.failWith) throw this.failWith;
    const parts = this.replyTo(request, index);
    for (const part of parts) {
      await new Promise((resolve) => (this.delayMs ? setTimeout(resolve, this.delayMs) : setImmediate(resolve)));
      signal.throwIfAborted();
      yield typeof part === 'string' ? { type: 'text-delta', text: part } : { type: 'tool-call', ...part.toolCall };
    }
    const calls = parts.some((part) => typeof part !== 'string');
    yield {
      type: 'finish',
      reason: calls ? 'tool-calls' : 'stop',
      usage: { inputTokens: 12, outputTokens: parts.length },
    };
  }

  private replyTo(request: LlmRequest, index: number): ScriptedPart[] {
    if (!this.replies) return this.tokens;
    if (typeof this.replies === 'function') return this.replies(request, index);
    const reply = this.replies[index];
    if (!reply) throw new Error(`The scripted provider has no reply for request ${index + 1}.`);
    return reply;
  }
}

/** `count` tokens of the form " w0", " w1", … */
export const numberedTokens = (count: number) => Array.from({ length: count }, (_, index) => ` w${index}`);
