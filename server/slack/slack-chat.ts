import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Intent } from '../../protocol/turn-events.ts';
import type { User } from '../../protocol/user.ts';
import type { ChatService, TurnHandle } from '../chat/chat-service.ts';
import type { TurnRegistry } from '../chat/turn-registry.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import { KilnError } from '../errors/kiln-error.ts';
import type { FeedbackService } from '../feedback/feedback-service.ts';
import { intents } from '../routing/intent-router.ts';
import { postAnswer, type AnswerLinks, type AnswerTarget } from './answer-poster.ts';
import { feedbackAck, parseFeedbackValue } from './answer-blocks.ts';
import { hashLinkCode } from './link-code.ts';
import { messageTextOf } from './slack-message-text.ts';
import type { SlackIdentity, SlackRepository } from './slack-repository.ts';

/** A message for Kiln: a mention in a channel, a DM, a reply in a thread Kiln is in, or a slash command's text. */
export interface IncomingMessage {
  teamId: string;
  channel: string;
  /** `im` for a DM with Kiln. */
  channelType: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  /** The agent the slash command picked. */
  intent?: Intent;
}

export interface SlackChatDependencies {
  repository: SlackRepository;
  client: WebClient;
  /** Kiln's own Slack user (its mentions are stripped from questions). */
  botUserId: () => string | undefined;
  chat: Pick<ChatService, 'send'>;
  conversations: Pick<ConversationService, 'create'>;
  registry: Pick<TurnRegistry, 'running'>;
  feedback: Pick<FeedbackService, 'rate'>;
  /** The caller's role in a project (undefined: not a member). */
  roleOf: (projectId: string, userId: string) => Promise<string | undefined>;
  links: AnswerLinks;
  log: Logger;
  /** Between two writes to one Slack message (tests shorten it). */
  intervalMs?: number;
  /** Between two tries to start a turn while another server writes the conversation's previous answer. */
  retryMs?: number;
}

/** How long a message waits for the conversation's previous answer before it is refused (and said so). */
const previousAnswerWaitMs = 5 * 60_000;

const linkCodePattern = /^link\s+([A-Z0-9]{4}-?[A-Z0-9]{4})$/i;

export const slackHelp = [
  '*Kiln* answers coding questions from patterns proven by running them.',
  '• Mention me in a channel, or DM me; replies in the thread continue the conversation.',
  `• \`/kiln <intent> <question>\` picks the agent: ${intents.map((intent) => `\`${intent}\``).join(', ')}.`,
  '• `/kiln link CODE` (or DM `link CODE`) makes this Slack account your Kiln account, with a code from Kiln’s Slack page.',
  '• In a DM, `new` starts a fresh conversation.',
].join('\n');

/**
 * Slack's side of a chat turn: who the Slack user is in Kiln, which conversation the thread is, starting the
 * turn and streaming its answer into the thread, link codes and thumbs. One Slack thread is one Kiln
 * conversation; a DM's top-level messages continue one ongoing conversation (`new` starts another).
 * A thread belongs to whoever started it: others may continue it, but not into a project they are not in.
 */
export class SlackChat {
  private readonly answering = new Set<Promise<unknown>>();

  constructor(private readonly dependencies: SlackChatDependencies) {}

  /** Takes a message to Kiln; resolves once its turn has started (its answer streams on in the background). */
  async onMessage(message: IncomingMessage): Promise<void> {
    const { repository } = this.dependencies;
    const text = messageTextOf(message.text, this.dependencies.botUserId());
    const replyThread = message.threadTs ?? message.ts;
    const reply = (line: string) => this.say(message.channel, replyThread, line);
    const identity = { teamId: message.teamId, slackUserId: message.user };
    if (message.channelType === 'im' && linkCodePattern.test(text)) {
      return reply(await this.link(identity, linkCodePattern.exec(text)![1]!));
    }
    if (message.channelType === 'im' && !message.threadTs && /^(new|reset)$/i.test(text)) {
      const speaker = await this.speaker(identity);
      if (!speaker) return reply('Your Kiln account is disabled; ask a Kiln admin.');
      const conversation = await this.dependencies.conversations.create(speaker, {});
      await repository.bindThread(message.teamId, message.channel, '', conversation.id);
      return reply('Starting a new conversation. Ask away.');
    }
    if (!text || /^help$/i.test(text)) return reply(slackHelp);

    const speaker = await this.speaker(identity);
    if (!speaker) return reply('Your Kiln account is disabled; ask a Kiln admin.');
    // In a DM, top-level messages are one ongoing conversation (thread ''); anywhere else the thread is the key.
    const key = message.channelType === 'im' ? (message.threadTs ?? '') : replyThread;
    const mapped = await repository.conversationOf(message.teamId, message.channel, key);
    let owner = speaker;
    let conversationId: string;
    if (mapped) {
      conversationId = mapped.conversationId;
      if (mapped.ownerId !== speaker.id) {
        if (mapped.projectId && !(await this.dependencies.roleOf(mapped.projectId, speaker.id))) {
          return reply('This thread searches a Kiln project you are not a member of. Ask in a new thread.');
        }
        const found = await repository.userById(mapped.ownerId);
        if (!found) return;
        owner = found;
      }
    } else {
      conversationId = (await this.dependencies.conversations.create(speaker, {})).id;
      await repository.bindThread(message.teamId, message.channel, key, conversationId);
    }
    // A reply in the thread of a DM message continues the same conversation.
    if (key !== replyThread) await repository.bindThread(message.teamId, message.channel, replyThread, conversationId);

    const handle = await this.start(owner, conversationId, text, message.intent, reply);
    if (!handle) return;
    const target: AnswerTarget = {
      teamId: message.teamId,
      channel: message.channel,
      threadTs: replyThread,
      userId: message.user,
      messageTs: message.ts,
    };
    const posting = postAnswer(handle.log, { conversationId, answerId: handle.assistantMessageId }, target, {
      client: this.dependencies.client,
      links: this.dependencies.links,
      log: this.dependencies.log.child({ turnId: handle.turnId }),
      intervalMs: this.dependencies.intervalMs,
    }).catch((error: unknown) => this.dependencies.log.error({ err: error }, 'posting an answer to Slack failed'));
    this.answering.add(posting);
    void posting.finally(() => this.answering.delete(posting));
  }

  /** A thumb on an answer, as in the web UI; the clicker is told privately what happened. */
  async onFeedback(input: {
    teamId: string;
    user: string;
    channel: string;
    rating: 'up' | 'down';
    value: unknown;
  }): Promise<void> {
    const target = parseFeedbackValue(input.value);
    const tell = (text: string) =>
      this.dependencies.client.chat
        .postEphemeral({ channel: input.channel, user: input.user, text })
        .then(() => undefined);
    if (!target) return;
    const speaker = await this.speaker({ teamId: input.teamId, slackUserId: input.user });
    if (!speaker) return tell('Your Kiln account is disabled; ask a Kiln admin.');
    try {
      await this.dependencies.feedback.rate(speaker, target.conversationId, target.answerId, { rating: input.rating });
      await tell(feedbackAck(input.rating));
    } catch (error) {
      if (!(error instanceof KilnError) || error.status >= 500) throw error;
      await tell(
        error.status === 404
          ? 'Only the person whose Kiln conversation this is can rate this answer.'
          : `Kiln did not take that: ${error.message}`,
      );
    }
  }

  /** `/kiln link CODE` and `link CODE` in a DM: what the user is told. */
  async link(identity: SlackIdentity, code: string): Promise<string> {
    const outcome = await this.dependencies.repository.link(identity, hashLinkCode(code));
    if ('refused' in outcome) {
      return outcome.refused === 'expired-code'
        ? 'That code has expired. Make a new one on Kiln’s Slack page.'
        : 'Kiln does not know that code. Make one on Kiln’s Slack page (codes work once, for 10 minutes).';
    }
    const moved = outcome.movedConversations;
    return `Linked: Slack now uses your Kiln account ${outcome.linked.email}.${
      moved > 0 ? ` Your ${moved} earlier Slack conversation${moved === 1 ? '' : 's'} moved there too.` : ''
    }`;
  }

  /** Waits (up to `timeoutMs`) for answers still being written to Slack. */
  async idle(timeoutMs: number): Promise<void> {
    await Promise.race([
      Promise.allSettled([...this.answering]),
      new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
  }

  /** The Slack user's Kiln account (created on first contact, named from their Slack profile); undefined if disabled. */
  private async speaker(identity: SlackIdentity): Promise<User | undefined> {
    const { repository, client } = this.dependencies;
    const known = await repository.findAccount(identity);
    if (known) return known.disabled ? undefined : known.user;
    const name = await client.users
      .info({ user: identity.slackUserId })
      .then((found) => found.user?.real_name || found.user?.name || null)
      .catch(() => null);
    const account = await repository.accountOf(identity, name);
    return account.disabled ? undefined : account.user;
  }

  /**
   * Starts the turn. While the conversation's previous answer is still being written (here or on another server),
   * the message waits for it, up to five minutes; any other refusal (a quota, a message too long) is said in the
   * thread and nothing is kept.
   */
  private async start(
    owner: User,
    conversationId: string,
    text: string,
    intent: Intent | undefined,
    reply: (line: string) => Promise<void>,
    waitUntil = Date.now() + previousAnswerWaitMs,
  ): Promise<TurnHandle | undefined> {
    const send = () =>
      this.dependencies.chat.send(owner, { conversationId, content: text, ...(intent ? { intent } : {}) });
    try {
      return await send();
    } catch (error) {
      if (error instanceof KilnError && error.code === 'turn_in_progress' && Date.now() < waitUntil) {
        const running = this.dependencies.registry.running().find((log) => log.conversationId === conversationId);
        // Running here: wait for its end. Running on another server: ask again shortly.
        if (running) await running.whenFinished();
        else await new Promise((resolve) => setTimeout(resolve, this.dependencies.retryMs ?? 1_000));
        return this.start(owner, conversationId, text, intent, reply, waitUntil);
      }
      if (error instanceof KilnError && error.status < 500) {
        await reply(`Kiln could not take that message: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }

  private async say(channel: string, threadTs: string, text: string): Promise<void> {
    await this.dependencies.client.chat.postMessage({ channel, thread_ts: threadTs, text });
  }
}
