import type { LlmProvider, LlmRequest, LlmStreamPart } from '../../server/llm/llm-provider.ts';

/**
 * A test double of the model port: it streams the tokens it is given, at the
 * pace it is given (`delayMs` per token; 0 yields to the event loop between
 * tokens like a fast real model), and records the requests it received.
 */
export class ScriptedProvider implements LlmProvider {
  readonly engine = { provider: 'openai' as const, model: 'scripted-model' };
  readonly requests: LlmRequest[] = [];
  tokens: string[];
  delayMs: number;
  failWith: Error | undefined;

  constructor(options: { tokens?: string[]; delayMs?: number } = {}) {
    this.tokens = options.tokens ?? ['Hello', ' from', ' the', ' scripted', ' model', '.'];
    this.delayMs = options.delayMs ?? 0;
  }

  /** What it answers when asked for a conversation title (those requests are not recorded). */
  titleReply = '"Scripted Title."';

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    if (request.system.startsWith('You name chat conversations')) {
      yield { type: 'text-delta', text: this.titleReply };
      yield { type: 'finish', reason: 'stop', usage: { inputTokens: 30, outputTokens: 3 } };
      return;
    }
    this.requests.push(request);
    if (this.failWith) throw this.failWith;
    for (const token of this.tokens) {
      await new Promise((resolve) => (this.delayMs ? setTimeout(resolve, this.delayMs) : setImmediate(resolve)));
      signal.throwIfAborted();
      yield { type: 'text-delta', text: token };
    }
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: 12, outputTokens: this.tokens.length } };
  }
}

/** `count` tokens of the form " w0", " w1", … */
export const numberedTokens = (count: number) => Array.from({ length: count }, (_, index) => ` w${index}`);
