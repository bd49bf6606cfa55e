import type { LlmProvider, LlmRequest, LlmStreamPart } from '../../server/llm/llm-provider.ts';

/**
 * The model of `npm run eval:learning`: it answers each request with the next reply the script queued (`queue`),
 * streamed in a few pieces, and names conversations with a fixed title. A request with nothing queued is
 * answered with a sentence and counted in `unexpected`, so a session that asked more than the script planned
 * shows in the report instead of hanging.
 */
export class ScriptedModel implements LlmProvider {
  readonly engine = { provider: 'openai' as const, model: 'scripted' };
  unexpected = 0;
  private readonly replies: string[] = [];

  /** Replies for the next requests, in order. */
  queue(...replies: string[]) {
    this.replies.push(...replies);
  }

  /** Forgets replies a session that ended early left over, so the next one starts from its own. */
  clear() {
    this.replies.length = 0;
  }

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    const reply = request.system.startsWith('You name chat conversations') ? 'Learning evaluation' : this.next();
    for (const piece of reply.match(/[\s\S]{1,200}/g) ?? []) {
      await new Promise((resolve) => setImmediate(resolve));
      signal.throwIfAborted();
      yield { type: 'text-delta', text: piece };
    }
    yield { type: 'finish', reason: 'stop', usage: { inputTokens: 100, outputTokens: Math.ceil(reply.length / 4) } };
  }

  private next(): string {
    const reply = this.replies.shift();
    if (reply !== undefined) return reply;
    this.unexpected += 1;
    return 'I have nothing more to add.';
  }
}
