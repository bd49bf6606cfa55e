import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/conversation.ts';
import type { AnswerRecord } from '../../protocol/turn-details.ts';
import type { User } from '../../protocol/user.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { Rating } from './feedback-repository.ts';
import { FeedbackService, type FeedbackLearning } from './feedback-service.ts';

const user: User = { id: 'u1', email: 'a@example.com', name: null, role: 'member', createdAt: new Date(0) };
const answerId = '00000000-0000-4000-8000-0000000000a1';
const answer: Message = {
  id: answerId,
  conversationId: 'c1',
  role: 'assistant',
  content: 'Use a debounce.',
  status: 'complete',
  parentId: null,
  createdAt: new Date(0),
  usage: null,
};
const turn = (patternIds: string[]): AnswerRecord => ({
  turnId: 't1',
  intent: null,
  engine: { provider: 'offline', model: 'kiln-offline' },
  usage: null,
  latency: null,
  error: null,
  details: {
    citations: patternIds.map((patternId) => ({
      patternId,
      title: patternId,
      language: 'typescript',
      score: 1,
      sources: {},
    })),
    retrievalNotice: null,
    toolCalls: [],
    review: null,
    session: null,
  },
});

/** A service over an answer citing `cited`, with ratings kept in memory and every learning call recorded. */
function serviceCiting(cited: string[], options: { learningFails?: boolean } = {}) {
  let stored: Rating | null = null;
  const learned: unknown[] = [];
  const lines: string[] = [];
  const learning: FeedbackLearning = {
    answers: { answersFor: async () => new Map([[answerId, { turn: turn(cited), feedback: stored }]]) },
    learning: {
      recordFeedback: async (ids, change) => {
        if (options.learningFails) throw new Error('the pattern store is down');
        learned.push([ids, change]);
        return ids;
      },
    },
    log: pino({ level: 'warn' }, { write: (line: string) => lines.push(line) }),
  };
  const service = new FeedbackService(
    { get: async () => ({ id: 'c1' }) as Awaited<ReturnType<ConversationService['get']>> },
    { find: async (_conversation, id) => (id === answerId ? answer : undefined) },
    {
      rate: async (_message, _owner, rating) => {
        const previous = stored;
        stored = rating;
        return previous;
      },
      clear: async () => {
        const previous = stored;
        stored = null;
        return previous;
      },
    },
    learning,
  );
  return { service, learned, lines, rating: () => stored };
}

describe('FeedbackService', () => {
  it('tells learning what changed for the cited patterns, so a changed or cleared rating is taken back', async () => {
    const { service, learned } = serviceCiting(['ts-debounce', 'ts-throttle']);
    await service.rate(user, 'c1', answerId, { rating: 'up' });
    await service.rate(user, 'c1', answerId, { rating: 'up' });
    await service.rate(user, 'c1', answerId, { rating: 'down' });
    await service.clear(user, 'c1', answerId);
    expect(learned).toEqual([
      [['ts-debounce', 'ts-throttle'], { rating: 'up', previous: null }],
      [['ts-debounce', 'ts-throttle'], { rating: 'down', previous: 'up' }],
      [['ts-debounce', 'ts-throttle'], { rating: null, previous: 'down' }],
    ]);
  });

  it('keeps the rating when learning fails, and logs why', async () => {
    const { service, lines, rating } = serviceCiting(['ts-debounce'], { learningFails: true });
    expect(await service.rate(user, 'c1', answerId, { rating: 'down' })).toEqual({
      messageId: answerId,
      rating: 'down',
    });
    expect(rating()).toBe('down');
    expect(JSON.parse(lines[0]!)).toMatchObject({ messageId: answerId, err: { message: 'the pattern store is down' } });
  });
});
