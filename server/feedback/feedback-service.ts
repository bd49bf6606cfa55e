import { z } from 'zod';
import type { User } from '../../protocol/user.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { MessageRepository } from '../conversations/message-repository.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { FeedbackRepository, Rating } from './feedback-repository.ts';

const rateSchema = z.object({ rating: z.enum(['up', 'down'], { message: 'must be "up" or "down"' }) }).strict();
const messageId = z.uuid();

/** A user's thumbs up or down on Kiln's answers in their own conversations (stored to feed learning later). */
export class FeedbackService {
  constructor(
    private readonly conversations: Pick<ConversationService, 'get'>,
    private readonly messages: Pick<MessageRepository, 'find'>,
    private readonly feedback: FeedbackRepository,
  ) {}

  async rate(
    user: User,
    conversationId: string,
    answerId: string,
    input: unknown,
  ): Promise<{ messageId: string; rating: Rating }> {
    const { rating } = parseInput(rateSchema, input, 'feedback');
    const answer = await this.answer(user, conversationId, answerId);
    await this.feedback.rate(answer, user.id, rating);
    return { messageId: answer, rating };
  }

  async clear(user: User, conversationId: string, answerId: string): Promise<void> {
    await this.feedback.clear(await this.answer(user, conversationId, answerId), user.id);
  }

  /** The answer's id, once it is known to be an assistant message in a conversation of this user. */
  private async answer(user: User, conversationId: string, answerId: string): Promise<string> {
    const conversation = await this.conversations.get(user, conversationId);
    const message = messageId.safeParse(answerId).success
      ? await this.messages.find(conversation.id, answerId)
      : undefined;
    if (!message) throw new NotFoundError('Message');
    if (message.role !== 'assistant')
      throw new ValidationError('Only answers can be rated.', [{ field: 'messageId', message: 'must be an answer' }]);
    return message.id;
  }
}
