import type { Logger } from 'pino';
import { z } from 'zod';
import type { PatternLearning } from '../../knowledge/learning/pattern-learning.ts';
import type { Message } from '../../protocol/conversation.ts';
import type { User } from '../../protocol/user.ts';
import type { TurnRepository } from '../chat/turn-repository.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { MessageRepository } from '../conversations/message-repository.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { FeedbackRepository, Rating } from './feedback-repository.ts';

const rateSchema = z.object({ rating: z.enum(['up', 'down'], { message: 'must be "up" or "down"' }) }).strict();
const messageId = z.uuid();

/** Where a rating teaches the patterns the answer cited. */
export interface FeedbackLearning {
  /** The rated answer's turn, whose stored details name the patterns it cited. */
  answers: Pick<TurnRepository, 'answersFor'>;
  learning: Pick<PatternLearning, 'recordFeedback'>;
  log: Logger;
}

/**
 * A user's thumbs up or down on Kiln's answers in their own conversations. Each change also counts for (or,
 * when a rating is changed or taken back, stops counting for) the patterns the answer cited; a failure to
 * learn from it is logged and never loses the rating.
 */
export class FeedbackService {
  constructor(
    private readonly conversations: Pick<ConversationService, 'get'>,
    private readonly messages: Pick<MessageRepository, 'find'>,
    private readonly feedback: Pick<FeedbackRepository, 'rate' | 'clear'>,
    private readonly learning?: FeedbackLearning,
  ) {}

  async rate(
    user: User,
    conversationId: string,
    answerId: string,
    input: unknown,
  ): Promise<{ messageId: string; rating: Rating }> {
    const { rating } = parseInput(rateSchema, input, 'feedback');
    const answer = await this.answer(user, conversationId, answerId);
    const previous = await this.feedback.rate(answer.id, user.id, rating);
    await this.learn(answer, { rating, previous });
    return { messageId: answer.id, rating };
  }

  async clear(user: User, conversationId: string, answerId: string): Promise<void> {
    const answer = await this.answer(user, conversationId, answerId);
    const previous = await this.feedback.clear(answer.id, user.id);
    await this.learn(answer, { rating: null, previous });
  }

  private async learn(answer: Message, change: { rating: Rating | null; previous: Rating | null }): Promise<void> {
    if (!this.learning || change.rating === change.previous) return;
    try {
      const answers = await this.learning.answers.answersFor(answer.conversationId, [answer.id]);
      const cited = answers.get(answer.id)?.turn.details?.citations.map((citation) => citation.patternId) ?? [];
      await this.learning.learning.recordFeedback(cited, change);
    } catch (error) {
      this.learning.log.warn(
        { err: error, messageId: answer.id },
        'a rating was saved but the patterns did not learn from it',
      );
    }
  }

  /** The answer, once it is known to be an assistant message in a conversation of this user. */
  private async answer(user: User, conversationId: string, answerId: string): Promise<Message> {
    const conversation = await this.conversations.get(user, conversationId);
    const message = messageId.safeParse(answerId).success
      ? await this.messages.find(conversation.id, answerId)
      : undefined;
    if (!message) throw new NotFoundError('Message');
    if (message.role !== 'assistant')
      throw new ValidationError('Only answers can be rated.', [{ field: 'messageId', message: 'must be an answer' }]);
    return message;
  }
}
