import { z } from 'zod';
import type { User } from '../../protocol/user.ts';
import type { AnswerRecord } from '../../protocol/turn-details.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { Conversation, ConversationPage, MessagePage, MessageView } from '../../protocol/conversation.ts';
import type { ConversationCursor, ConversationRepository } from './conversation-repository.ts';
import { defaultConversationTitle } from './conversation-title.ts';
import type { MessageRepository } from './message-repository.ts';

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const projectId = z.uuid({ message: 'must be a project id' });
const createSchema = z.object({ title: title.optional(), projectId: projectId.nullable().optional() }).strict();
const updateSchema = z
  .object({ title: title.optional(), projectId: projectId.nullable().optional() })
  .strict()
  .refine((body) => body.title !== undefined || body.projectId !== undefined, {
    message: 'Send a title, a projectId, or both.',
  });
const listSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().optional(),
  q: z.string().trim().max(200).optional(),
});
const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.uuid({ message: 'must be a message id' }).optional(),
});
const uuid = z.uuid({ message: 'must be an id' });

/** Finds the turns behind answers (the turn repository). */
export interface AnswerLookup {
  answersFor(
    conversationId: string,
    assistantMessageIds: string[],
  ): Promise<Map<string, { turn: AnswerRecord; feedback: 'up' | 'down' | null }>>;
}

/** Whether a user may attach a conversation to a project (they are one of its members). */
export interface ProjectMembership {
  roleOf(projectId: string, userId: string): Promise<string | undefined>;
}

/** Conversations and their message tree, for one user at a time. */
export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly answers: AnswerLookup,
    private readonly projects?: ProjectMembership,
  ) {}

  async create(user: User, input: unknown): Promise<Conversation> {
    const { title: given, projectId: project } = parseInput(createSchema, input ?? {}, 'conversation');
    if (project) await this.checkMember(user, project);
    return this.conversations.create(user.id, given ?? defaultConversationTitle, project ?? null);
  }

  /** A project the user is not a member of is as unknown to them as one that does not exist. */
  private async checkMember(user: User, project: string) {
    if (!(await this.projects?.roleOf(project, user.id)))
      throw new ValidationError('There is no project with that id among yours.', [
        { field: 'projectId', message: 'is not one of your projects' },
      ]);
  }

  async list(user: User, query: unknown): Promise<ConversationPage> {
    const { limit, cursor, q } = parseInput(listSchema, query, 'query');
    const { conversations, hasMore } = await this.conversations.listLatest(user.id, {
      after: cursor ? decodeCursor(cursor) : undefined,
      limit,
      titleContains: q || undefined,
    });
    const last = conversations.at(-1);
    return {
      conversations,
      nextCursor: hasMore && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    };
  }

  async get(user: User, id: string): Promise<Conversation> {
    const conversation = await this.conversations.findOwned(user.id, parseId(id));
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }

  /** Renames it and/or attaches it to one of the user's projects (`projectId` null detaches it). */
  async update(user: User, id: string, input: unknown): Promise<Conversation> {
    const conversationId = parseId(id);
    const changes = parseInput(updateSchema, input, 'conversation');
    if (changes.projectId) {
      await this.get(user, conversationId);
      await this.checkMember(user, changes.projectId);
    }
    const conversation = await this.conversations.update(user.id, conversationId, changes);
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }

  async delete(user: User, id: string): Promise<void> {
    if (!(await this.conversations.delete(user.id, parseId(id)))) throw new NotFoundError('Conversation');
  }

  /**
   * A page of the active branch, oldest first: the newest page without
   * `before`, older pages with `before` = the oldest message id already shown.
   */
  async messagePage(user: User, id: string, query: unknown): Promise<MessagePage> {
    const { limit, before } = parseInput(pageSchema, query, 'query');
    const conversation = await this.get(user, id);
    if (!conversation.activeLeafId) return { messages: [], hasMore: false, nextBefore: null, activeLeafId: null };
    if (before && !(await this.messages.find(conversation.id, before))) {
      throw new ValidationError('before is not a message of this conversation.', [
        { field: 'before', message: 'not found' },
      ]);
    }
    const page = await this.messages.branchPage(conversation.id, { leafId: conversation.activeLeafId, before, limit });
    const assistantIds = page.messages.filter((message) => message.role === 'assistant').map((message) => message.id);
    const [siblings, answers] = await Promise.all([
      this.messages.siblings(conversation.id, [...new Set(page.messages.map((message) => message.parentId))]),
      this.answers.answersFor(conversation.id, assistantIds),
    ]);
    const messages: MessageView[] = page.messages.map((message) => {
      const ids = siblings.get(message.parentId) ?? [message.id];
      const answer = answers.get(message.id);
      return {
        ...message,
        siblings: { index: ids.indexOf(message.id), count: ids.length, ids },
        turn: answer?.turn ?? null,
        feedback: answer?.feedback ?? null,
      };
    });
    return {
      messages,
      hasMore: page.hasMore,
      nextBefore: page.hasMore ? (messages[0]?.id ?? null) : null,
      activeLeafId: conversation.activeLeafId,
    };
  }

  /** Shows the branch through `messageId` (following the newest answers below it); returns the new active leaf. */
  async selectBranch(user: User, id: string, input: unknown): Promise<{ activeLeafId: string }> {
    const { messageId } = parseInput(z.object({ messageId: uuid }), input, 'branch');
    const conversation = await this.get(user, id);
    const leaf = await this.messages.newestLeafUnder(conversation.id, messageId);
    if (!leaf) throw new NotFoundError('Message');
    await this.conversations.setActiveLeaf(user.id, conversation.id, leaf);
    return { activeLeafId: leaf };
  }
}

function parseId(id: string) {
  const parsed = uuid.safeParse(id);
  // A malformed id cannot name anything: answer as for any id that is not yours.
  if (!parsed.success) throw new NotFoundError('Conversation');
  return parsed.data;
}

function encodeCursor(cursor: ConversationCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt.toISOString(), cursor.id])).toString('base64url');
}

function decodeCursor(text: string): ConversationCursor {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(updatedAt);
    if (!withinStoredYears(date) || !uuid.safeParse(id).success) throw new Error('bad cursor');
    return { updatedAt: date, id };
  } catch {
    throw new ValidationError('cursor is not one this API returned.', [{ field: 'cursor', message: 'invalid' }]);
  }
}

/**
 * A cursor holds a time Kiln stored, so one between the years 1 and 9999. JavaScript takes dates Postgres
 * refuses (before 4713 BC): those must be a 400 here, not a "timestamp out of range" from the query. An
 * invalid date's year is NaN, outside too.
 */
function withinStoredYears(date: Date) {
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}
