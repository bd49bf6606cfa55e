import type { Engine } from '../../protocol/turn-events.ts';
import { configureModelHint, offlineBanner } from './offline-notice.ts';
import type { LlmProvider, LlmRequest, LlmStreamPart } from './llm-provider.ts';

/**
 * Kiln's own engine, used when no model is configured. It does not pretend to
 * be a model: it composes the answer from the patterns retrieved for the turn
 * (title, when to use it, code, source), says plainly that it is the offline
 * engine, and says how to configure a provider. It never calls a tool, whatever
 * `tools` the request offers.
 */
export class OfflineEngine implements LlmProvider {
  readonly engine: Engine = { provider: 'offline', model: 'kiln-offline' };

  async *stream(request: LlmRequest, signal: AbortSignal): AsyncGenerator<LlmStreamPart> {
    const answer = request.composed ? request.composed() : composeOfflineAnswer(request);
    for (const piece of splitIntoPieces(answer)) {
      signal.throwIfAborted();
      yield { type: 'text-delta', text: piece };
      // Let the event loop breathe between pieces, so Stop and other turns are served while a long answer streams.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const promptCharacters =
      request.system.length + request.messages.reduce((sum, message) => sum + message.content.length, 0);
    yield {
      type: 'finish',
      reason: 'stop',
      usage: { inputTokens: Math.ceil(promptCharacters / 4), outputTokens: Math.ceil(answer.length / 4) },
    };
  }
}

const configureHint = configureModelHint('To get generated answers');

/** The whole offline answer for a request (pure, so it is tested directly). */
export function composeOfflineAnswer(request: LlmRequest): string {
  // The user's last message, not a tool result after it.
  const question = request.messages.findLast((message) => message.role === 'user')?.content.trim() ?? '';
  const patterns = request.grounding ?? [];
  const lines: string[] = [offlineBanner("Kiln's pattern store"), ''];
  if (patterns.length === 0 && request.nothingRelevant) {
    lines.push(
      `Kiln's pattern store has nothing on this: no stored pattern answers “${abbreviate(question, 120)}”, so none is cited, and without a model I cannot write a new answer.`,
      ...(request.nothingRelevant.storeCovers ? ['', request.nothingRelevant.storeCovers] : []),
    );
  } else if (patterns.length === 0) {
    lines.push(
      `I have no stored pattern that matches “${abbreviate(question, 120)}”, and without a model I cannot write a new answer.`,
      '',
      'Try naming the task more concretely, for example “debounce a function in TypeScript” or “retry with exponential backoff”.',
    );
  } else {
    lines.push(
      `Here ${patterns.length === 1 ? 'is the stored pattern' : `are the ${patterns.length} stored patterns`} that match your question:`,
      '',
    );
    patterns.forEach((pattern, index) => {
      lines.push(
        `### [${index + 1}] ${pattern.title}`,
        '',
        pattern.summary,
        '',
        `\`\`\`${pattern.language}`,
        pattern.code.trimEnd(),
        '```',
        '',
        `Source: ${pattern.source}`,
        '',
      );
    });
  }
  lines.push('', configureHint);
  return lines.join('\n');
}

function abbreviate(text: string, length: number) {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`;
}

/** Word-sized pieces (a word and the space after it), the way a model streams tokens. */
function splitIntoPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
