import type { LlmProvider, LlmRequest, LlmStreamPart } from '../../../server/llm/llm-provider.ts';
import { OfflineEngine } from '../../../server/llm/offline-engine.ts';

/**
 * Kiln's real offline engine, streamed at the pace of a hosted model
 * (`delayMs` per word) so a browser can watch an answer arrive, stop it or
 * lose the network in the middle of it. `nextAnswer`, when set, replaces the
 * engine's text for one turn: what a hostile or careless model might write.
 */
export class PacedOfflineEngine implements LlmProvider {
  private readonly offline = new OfflineEngine();
  readonly engine = this.offline.engine;
  delayMs = 0;
  nextAnswer: string | undefined;

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    const scripted = this.nextAnswer;
    this.nextAnswer = undefined;
    const parts = scripted === undefined ? this.offline.stream(request, signal) : words(scripted);
    for await (const part of parts) {
      if (part.type === 'text-delta' && this.delayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      signal.throwIfAborted();
      yield part;
    }
  }
}

async function* words(text: string): AsyncGenerator<LlmStreamPart> {
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) yield { type: 'text-delta', text: piece };
  yield { type: 'finish', reason: 'stop', usage: { inputTokens: 10, outputTokens: Math.ceil(text.length / 4) } };
}
