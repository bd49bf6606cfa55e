import type { Logger } from 'pino';
import type { LlmProvider } from '../llm/llm-provider.ts';
import type { ConversationRepository } from './conversation-repository.ts';

const instructions =
  'You name chat conversations. Reply with a title of 3 to 6 words for the conversation below: no quotes, no final punctuation, nothing else.';

/**
 * Replaces the heuristic title of a new conversation with one written by the
 * configured model, once its first answer is complete. Best effort: a failure
 * leaves the heuristic title, and a rename by the user in the meantime wins.
 */
export class ConversationTitler {
  constructor(
    private readonly provider: LlmProvider,
    private readonly conversations: ConversationRepository,
    private readonly log: Logger,
    private readonly onRetitled: (ownerId: string, conversationId: string, title: string) => void,
  ) {}

  async retitle(input: {
    ownerId: string;
    conversationId: string;
    heuristicTitle: string;
    question: string;
    answer: string;
  }) {
    try {
      let text = '';
      const parts = this.provider.stream(
        {
          system: instructions,
          messages: [
            {
              role: 'user',
              content: `User: ${input.question.slice(0, 2_000)}\n\nAssistant: ${input.answer.slice(0, 2_000)}\n\nTitle:`,
            },
          ],
          maxOutputTokens: 24,
          // Without a model there is no better title than the first message's: the offline engine says nothing.
          composed: () => '',
        },
        AbortSignal.timeout(30_000),
      );
      for await (const part of parts) if (part.type === 'text-delta') text += part.text;
      const title = cleanTitle(text);
      if (!title || title === input.heuristicTitle) return;
      if (await this.conversations.retitle(input.conversationId, input.heuristicTitle, title)) {
        this.onRetitled(input.ownerId, input.conversationId, title);
      }
    } catch (error) {
      this.log.warn(
        { err: error, conversationId: input.conversationId },
        'could not get a title from the model; keeping the first-message title',
      );
    }
  }
}

/** The first line of a model's reply, without quotes, a "Title:" prefix or final punctuation, at most 80 characters. */
export function cleanTitle(reply: string): string {
  const line = reply.trim().split('\n')[0] ?? '';
  return line
    .replace(/^title\s*:\s*/i, '')
    .replace(/^["'“”‘’*#\s]+|["'“”‘’*\s]+$/g, '')
    .replace(/[.!:;,]+$/, '')
    .slice(0, 80)
    .trim();
}
