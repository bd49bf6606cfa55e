import type { Logger } from 'pino';
import type { LlmProvider } from '../llm/llm-provider.ts';
import type { ConversationRepository } from './conversation-repository.ts';

const instructions =
  'You name chat conversations. Reply with a title of 3 to 6 words for the conversation below: no quotes, no final punctuation, nothing else.';

/** A new conversation's first exchange, to name it by. */
export interface TitleRequest {
  ownerId: string;
  conversationId: string;
  /** The title derived from the first message; a conversation renamed since keeps its name. */
  heuristicTitle: string;
  question: string;
  answer: string;
}

/**
 * Replaces the heuristic title of a new conversation with one written by the
 * configured model, once its first answer is complete. Best effort: a failure
 * leaves the heuristic title, and a rename by the user in the meantime wins.
 */
export class ConversationTitler {
  constructor(
    private readonly provider: LlmProvider,
    private readonly conversations: Pick<ConversationRepository, 'retitle'>,
    private readonly log: Logger,
    private readonly onRetitled: (ownerId: string, conversationId: string, title: string) => void,
  ) {}

  /** True when the model's title replaced the first-message title. */
  async retitle(input: TitleRequest): Promise<boolean> {
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
      if (!title || title === input.heuristicTitle) return false;
      if (!(await this.conversations.retitle(input.conversationId, input.heuristicTitle, title))) return false;
      this.onRetitled(input.ownerId, input.conversationId, title);
      return true;
    } catch (error) {
      this.log.warn(
        { err: error, conversationId: input.conversationId },
        'could not get a title from the model; keeping the first-message title',
      );
      return false;
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
