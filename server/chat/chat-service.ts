import type { PatternProject } from '../../protocol/project.ts';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Agent } from '../agents/agent.ts';
import type { User } from '../../protocol/user.ts';
import type { Message } from '../../protocol/conversation.ts';
import { defaultConversationTitle, titleFromMessage } from '../conversations/conversation-title.ts';
import type { ConversationRepository } from '../conversations/conversation-repository.ts';
import type { UserQuotas } from '../quotas/user-quotas.ts';
import type { TitleRequest } from '../conversations/conversation-titler.ts';
import type { MessageRepository } from '../conversations/message-repository.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import type { LlmMessage } from '../llm/llm-provider.ts';
import type { Intent, Engine } from '../../protocol/turn-events.ts';
import { intents, type IntentRouter } from '../routing/intent-router.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { TurnLog } from './turn-log.ts';
import type { TurnRegistry } from './turn-registry.ts';
import type { TurnRepository } from './turn-repository.ts';
import { runTurn } from './turn-runner.ts';

export const maxMessageLength = 32_000;
/** How many earlier messages of the branch an agent sees. */
const historyLimit = 40;

/** The agent the user picked, overruling the router. */
const intentSchema = z.enum(intents as [Intent, ...Intent[]], { message: `must be one of ${intents.join(', ')}` });

const sendSchema = z.object({
  conversationId: z.uuid({ message: 'must be a conversation id' }),
  content: z
    .string({ message: 'is required' })
    .refine((text) => text.trim().length > 0, 'must not be empty')
    .refine(
      (text) => text.length <= maxMessageLength,
      `must be at most ${maxMessageLength.toLocaleString('en')} characters`,
    ),
  parentId: z.uuid({ message: 'must be a message id' }).nullish(),
  intent: intentSchema.optional(),
});

const regenerateSchema = z.object({
  conversationId: z.uuid({ message: 'must be a conversation id' }),
  messageId: z.uuid({ message: 'must be a message id' }),
  intent: intentSchema.optional(),
});

export interface TurnHandle {
  turnId: string;
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  log: TurnLog;
}

export interface ChatServiceDependencies {
  conversations: ConversationRepository;
  messages: MessageRepository;
  turns: TurnRepository;
  registry: TurnRegistry;
  router: IntentRouter;
  agentFor(intent: Intent): Agent;
  engine: Engine;
  localModel: boolean;
  /** This process, as recorded on its turns (see `runnerIdentity`). */
  runner: string;
  log: Logger;
  newId?: () => string;
  /** Called with the derived title when a conversation's first message names it. */
  onConversationTitled?: (ownerId: string, conversationId: string, title: string) => void;
  /**
   * Asks for a better title from the model once a new conversation's first answer is complete (absent: no model
   * to ask). A failure to ask is only logged: the first-message title stays.
   */
  requestTitle?: (request: TitleRequest) => Promise<void>;
  /** Per-user limits on running turns and the day's tokens (absent: none). */
  quotas?: Pick<UserQuotas, 'admitTurn' | 'turnEnded'>;
  /** The project a conversation is attached to, if the user is (still) one of its members. */
  projectOf?: (userId: string, projectId: string) => Promise<PatternProject | undefined>;
}

/**
 * The chat turn: validate, commit the user's message before anything else,
 * route, run the agent, and expose everything as one event stream (the turn's
 * log) that every sink consumes.
 */
export class ChatService {
  private readonly newId: () => string;

  constructor(private readonly dependencies: ChatServiceDependencies) {
    this.newId = dependencies.newId ?? randomUUID;
  }

  /** A new user message (a reply on the active branch, or under `parentId` to edit into a new branch), then its answer. */
  async send(user: User, input: unknown): Promise<TurnHandle> {
    const { conversationId, content, parentId, intent } = parseInput(sendSchema, input, 'message');
    const conversation = await this.dependencies.conversations.findOwned(user.id, conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const parent = parentId === undefined ? conversation.activeLeafId : parentId;
    if (parent) await this.checkParent(conversationId, parent);
    return this.begin(user, conversationId, {
      message: { content, parentId: parent },
      answering: content,
      historyFrom: parent,
      projectId: conversation.projectId,
      titleFromMessage: conversation.title === defaultConversationTitle ? titleFromMessage(content) : undefined,
      intent,
    });
  }

  /** Another answer to an existing user message, as a new branch beside the earlier answers. */
  async regenerate(user: User, input: unknown): Promise<TurnHandle> {
    const { conversationId, messageId, intent } = parseInput(regenerateSchema, input, 'regeneration');
    const conversation = await this.dependencies.conversations.findOwned(user.id, conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const message = await this.dependencies.messages.find(conversationId, messageId);
    if (!message) throw new NotFoundError('Message');
    // Regenerating an answer means answering its question again.
    const question =
      message.role === 'assistant' && message.parentId
        ? await this.dependencies.messages.find(conversationId, message.parentId)
        : message;
    if (!question || question.role !== 'user') {
      throw new ValidationError('Only a user message, or an answer to one, can be regenerated.');
    }
    return this.begin(user, conversationId, {
      message: { regenerateFor: question.id },
      answering: question.content,
      historyFrom: question.parentId,
      projectId: conversation.projectId,
      titleFromMessage: undefined,
      intent,
    });
  }

  private async checkParent(conversationId: string, parentId: string) {
    const parent = await this.dependencies.messages.find(conversationId, parentId);
    if (!parent)
      throw new ValidationError('parentId is not a message of this conversation.', [
        { field: 'parentId', message: 'not found in this conversation' },
      ]);
    if (parent.role !== 'assistant') {
      throw new ValidationError('A new message must follow an answer (or start the conversation).', [
        { field: 'parentId', message: 'must be an assistant message' },
      ]);
    }
    if (parent.status === 'streaming') {
      throw new ConflictError(
        'turn_in_progress',
        'The previous answer is still being written; wait for it or stop it first.',
      );
    }
  }

  private async begin(
    user: User,
    conversationId: string,
    plan: {
      message: { content: string; parentId: string | null } | { regenerateFor: string };
      answering: string;
      historyFrom: string | null;
      /** The conversation's project: retrieval searches it first. */
      projectId: string | null;
      titleFromMessage: string | undefined;
      /** The agent the user picked, if any. */
      intent?: Intent;
    },
  ): Promise<TurnHandle> {
    const { dependencies } = this;
    // Before anything is written: over a quota, the message is refused whole (the client keeps what was typed).
    await dependencies.quotas?.admitTurn(user.id);
    // Route before anything is written: a router failure must not leave a turn behind.
    const routed = await dependencies.router.route(plan.answering, plan.intent);
    const history = plan.historyFrom ? await this.history(conversationId, plan.historyFrom) : [];
    // Membership is checked at each turn: a member removed from the project no longer searches it.
    const project = plan.projectId ? await dependencies.projectOf?.(user.id, plan.projectId) : undefined;
    const turnId = this.newId();
    const began = await dependencies.turns.begin({
      turnId,
      ownerId: user.id,
      conversationId,
      message: plan.message,
      engine: dependencies.engine,
      runner: dependencies.runner,
      titleFromMessage: plan.titleFromMessage,
      intent: routed.decision,
    });
    // Deleted since `send` or `regenerate` found it: the statement wrote nothing.
    if (!began) throw new NotFoundError('Conversation');
    if (began.title) dependencies.onConversationTitled?.(user.id, conversationId, began.title);

    const log = dependencies.registry.create(turnId, conversationId, user.id);
    const handle: TurnHandle = {
      turnId,
      conversationId,
      userMessageId: began.userMessageId,
      assistantMessageId: began.assistantMessageId,
      log,
    };
    void runTurn(
      {
        log,
        agent: dependencies.agentFor(routed.decision.intent),
        context: { turnId, conversationId, user, message: routed.text, history, ...(project ? { project } : {}) },
        intent: routed.decision,
        engine: dependencies.engine,
        userMessageId: began.userMessageId,
        assistantMessageId: began.assistantMessageId,
        localModel: dependencies.localModel,
      },
      (final) => dependencies.registry.finish(log, final),
      dependencies.log,
    ).then(() => {
      const end = log.events.at(-1);
      const usage = end?.type === 'turn.end' ? end.usage : undefined;
      dependencies.quotas?.turnEnded(user.id, usage ? usage.inputTokens + usage.outputTokens : 0);
      if (!began.title || !dependencies.requestTitle || end?.type !== 'turn.end' || end.finishReason === 'stopped')
        return;
      const answer = log.events.map((event) => (event.type === 'text.delta' ? event.delta : '')).join('');
      return dependencies
        .requestTitle({
          ownerId: user.id,
          conversationId,
          heuristicTitle: began.title,
          question: plan.answering,
          answer,
        })
        .catch((error: unknown) =>
          dependencies.log.warn(
            { err: error, conversationId },
            'could not ask for a title; keeping the first-message title',
          ),
        );
    });
    return handle;
  }

  /** The branch up to and including `leafId`, as model messages (unfinished and failed answers left out). */
  private async history(conversationId: string, leafId: string): Promise<LlmMessage[]> {
    const { messages } = await this.dependencies.messages.branchPage(conversationId, { leafId, limit: historyLimit });
    return messages
      .filter(usableInHistory)
      .map((message) => ({ role: message.role as 'user' | 'assistant', content: message.content }));
  }
}

function usableInHistory(message: Message) {
  return (
    (message.role === 'user' || message.role === 'assistant') &&
    message.content.trim() !== '' &&
    message.status !== 'failed'
  );
}
