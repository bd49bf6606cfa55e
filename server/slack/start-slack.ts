import { App, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SlackSettings } from '../../platform/config/config.ts';
import type { ReadinessCheck } from '../../platform/infrastructure/readiness.ts';
import type { Intent } from '../../protocol/turn-events.ts';
import { intents } from '../routing/intent-router.ts';
import { HonoSlackReceiver } from './hono-slack-receiver.ts';
import { SlackChat, slackHelp, type IncomingMessage, type SlackChatDependencies } from './slack-chat.ts';
import { slackLogger } from './slack-logger.ts';
import type { SlackRepository } from './slack-repository.ts';
import { SocketModeReceiver } from './socket-mode-receiver.ts';
import { isSlackId, isSlackTs } from './slack-id.ts';
import { registerSlackMessageJob, takeSlackMessage } from './slack-message-job.ts';
import type { JobQueue } from '../../workers/queue/job-queue.ts';

/** Event ids are kept this long; Slack retries an event within minutes. */
const eventRetentionMs = 24 * 60 * 60_000;
const reverifyMs = 30_000;

export interface SlackAdapter {
  /** The Events API receiver (`POST /slack/events`); undefined in Socket Mode. */
  events: HonoSlackReceiver | undefined;
  readiness: ReadinessCheck;
  chat: SlackChat;
  /** Stops taking events (Socket Mode disconnects). */
  stop(): Promise<void>;
  /** Waits, up to `timeoutMs`, for answers still being written to Slack. */
  idle(timeoutMs: number): Promise<void>;
}

type SlackEvent = {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
};

/**
 * The Slack adapter on Slack's own SDK (Bolt with the Web API client): the Events API through Kiln's HTTP server
 * or Socket Mode, by configuration. Every event id is taken once across retries, restarts and Kiln instances
 * (Postgres), and so is every message (a DM mention arrives as two events). Its own and other bots' messages,
 * edits and deletions are ignored. When Slack is unreachable at start, Kiln starts anyway and keeps trying.
 */
export async function startSlack(
  settings: SlackSettings,
  dependencies: Omit<SlackChatDependencies, 'client' | 'botUserId'> & {
    repository: SlackRepository;
    /** Where messages go after the ack, to be answered by whichever server takes them (absent: answered here). */
    queue?: JobQueue;
  },
  log: Logger,
): Promise<SlackAdapter> {
  const slackLog = log.child({ component: 'slack' });
  const client = new WebClient(settings.botToken, {
    slackApiUrl: settings.apiUrl,
    logger: slackLogger(log),
    // A few quick retries for a dropped connection; 429s are waited out per Retry-After by the client itself.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    timeout: 10_000,
  });
  let identity: { botUserId: string; botId: string | undefined; teamId: string; name: string } | undefined;
  let identityError: string | undefined;
  const verify = async () => {
    try {
      const answer = await client.auth.test();
      identity = {
        botUserId: String(answer.user_id),
        botId: answer.bot_id ? String(answer.bot_id) : undefined,
        teamId: String(answer.team_id),
        name: String(answer.user ?? 'kiln'),
      };
      identityError = undefined;
    } catch (error) {
      identityError = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      slackLog.warn({ reason: identityError }, 'Slack did not confirm the bot token (auth.test); retrying');
    }
    return identity;
  };
  // An unreachable Slack holds up Kiln's start by 3 s at most; the check goes on, and the first event asks again.
  await Promise.race([verify(), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
  const retry = setInterval(() => void (identity ? undefined : verify()), reverifyMs);
  retry.unref();

  const { queue, ...chatDependencies } = dependencies;
  const chat = new SlackChat({ ...chatDependencies, client, botUserId: () => identity?.botUserId });
  if (queue) await registerSlackMessageJob(queue, chat);
  const take = (message: IncomingMessage) => takeSlackMessage(queue, chat, message, slackLog);
  const receiver: Receiver & { start(): Promise<unknown> } =
    settings.mode === 'events'
      ? new HonoSlackReceiver(settings.signingSecret!, slackLog)
      : new SocketModeReceiver({ appToken: settings.appToken!, apiUrl: settings.apiUrl, log });
  let socketState = 'connecting';
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (socketState = 'connected'));
    receiver.client.on('reconnecting', () => (socketState = 'reconnecting'));
    receiver.client.on('disconnected', () => (socketState = 'disconnected'));
  }
  const app = new App({
    receiver,
    logger: slackLogger(log),
    convoStore: false,
    clientOptions: { slackApiUrl: settings.apiUrl },
    authorize: async () => {
      const known = identity ?? (await verify());
      if (!known) throw new Error(`Slack did not confirm the bot token: ${identityError}`);
      return { botToken: settings.botToken, botUserId: known.botUserId, botId: known.botId, teamId: known.teamId };
    },
  });
  app.error(async (error) => {
    slackLog.error({ err: error }, 'a Slack listener failed');
  });

  // Once per event id, whichever instance or retry brings it.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const first = await dependencies.repository.claimEvent(eventId).catch((error: unknown) => {
        slackLog.error({ err: error, eventId }, 'could not record a Slack event; dropped');
        return false;
      });
      if (!first) return;
    }
    await next();
  });

  const takeMessage = async (event: SlackEvent, teamId: string, kind: 'mention' | 'message') => {
    if (event.subtype || event.bot_id || typeof event.text !== 'string' || !isSlackTs(event.ts)) return;
    if (!isSlackId(event.user) || !isSlackId(event.channel) || !isSlackId(teamId)) return;
    if (event.thread_ts !== undefined && !isSlackTs(event.thread_ts)) return;
    if (event.user === identity?.botUserId) return;
    const channelType = event.channel_type ?? (event.channel.startsWith('D') ? 'im' : 'channel');
    // A message in a channel reaches Kiln only in a thread it is already part of (or by a mention).
    if (kind === 'message' && channelType !== 'im') {
      if (!event.thread_ts) return;
      if (!(await dependencies.repository.conversationOf(teamId, event.channel, event.thread_ts))) return;
    }
    if (!(await dependencies.repository.claimEvent(`message:${teamId}:${event.channel}:${event.ts}`))) return;
    await take({
      teamId,
      channel: event.channel,
      channelType,
      user: event.user,
      text: event.text,
      ts: event.ts,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
    });
  };
  app.event('app_mention', async ({ event, body }) =>
    takeMessage(event as SlackEvent, String((body as { team_id?: string }).team_id ?? ''), 'mention'),
  );
  app.event('message', async ({ event, body }) =>
    takeMessage(event as SlackEvent, String((body as { team_id?: string }).team_id ?? ''), 'message'),
  );

  app.command('/kiln', async ({ command, ack }) => {
    if (![command.team_id, command.user_id, command.channel_id].every(isSlackId)) return ack();
    const text = String(command.text ?? '').trim();
    if (!text || /^help$/i.test(text)) return ack({ response_type: 'ephemeral', text: slackHelp });
    const link = /^link\s+(\S+)$/i.exec(text);
    if (link) {
      const reply = await chat.link({ teamId: command.team_id, slackUserId: command.user_id }, link[1]!);
      return ack({ response_type: 'ephemeral', text: reply });
    }
    const [first = '', ...rest] = text.split(/\s+/);
    const intent = intents.find((candidate) => candidate === first.toLowerCase()) as Intent | undefined;
    const question = intent ? rest.join(' ') : text;
    if (!question) {
      return ack({
        response_type: 'ephemeral',
        text: `Add your question after \`${intent}\`: \`/kiln ${intent} <question>\``,
      });
    }
    await ack();
    let ts: string;
    try {
      const posted = await client.chat.postMessage({
        channel: command.channel_id,
        text: `<@${command.user_id}> asked Kiln${intent ? ` (${intent})` : ''}: ${escapeMrkdwn(question)}`,
      });
      ts = String(posted.ts);
    } catch (error) {
      slackLog.warn({ err: error }, 'could not post a slash command question');
      await client.chat
        .postEphemeral({
          channel: command.channel_id,
          user: command.user_id,
          text: 'Kiln cannot post in this channel. Invite it with `/invite @Kiln`, or DM it.',
        })
        .catch(() => undefined);
      return;
    }
    await take({
      teamId: command.team_id,
      channel: command.channel_id,
      channelType: 'channel',
      user: command.user_id,
      text: question,
      ts,
      ...(intent ? { intent } : {}),
    });
  });

  app.action(/^kiln_feedback_(up|down)$/, async ({ ack, body, action }) => {
    await ack();
    const interaction = body as {
      team?: { id?: string };
      user?: { id?: string; team_id?: string };
      channel?: { id?: string };
    };
    const { action_id: actionId, value } = action as { action_id: string; value?: string };
    const teamId = interaction.team?.id ?? interaction.user?.team_id;
    if (!isSlackId(interaction.user?.id) || !isSlackId(interaction.channel?.id) || !isSlackId(teamId)) return;
    await chat.onFeedback({
      teamId,
      user: interaction.user.id,
      channel: interaction.channel.id,
      rating: actionId.endsWith('up') ? 'up' : 'down',
      value,
    });
  });

  const sweep = setInterval(
    () =>
      void dependencies.repository
        .forgetEvents(new Date(Date.now() - eventRetentionMs))
        .catch((error: unknown) => slackLog.warn({ err: error }, 'sweeping old Slack event ids failed')),
    60 * 60_000,
  );
  sweep.unref();
  if (receiver instanceof SocketModeReceiver) {
    // Connecting is retried by the client; a refusal now (a bad app token) is reported by /ready, not fatal.
    await app.start().catch((error: unknown) => {
      socketState = `not connected: ${(error as { data?: { error?: string } }).data?.error ?? (error as Error).message}`;
      slackLog.error({ err: error }, 'Socket Mode could not connect to Slack');
    });
  }

  return {
    events: receiver instanceof HonoSlackReceiver ? receiver : undefined,
    chat,
    readiness: {
      name: 'slack',
      required: false,
      run: async () => {
        if (!identity)
          return { ok: false, detail: `bot token not confirmed by Slack: ${identityError ?? 'no answer'}` };
        const as = `as @${identity.name} in ${identity.teamId}`;
        if (settings.mode === 'events') return { ok: true, detail: `Events API at /slack/events, ${as}` };
        return { ok: socketState === 'connected', detail: `Socket Mode ${socketState}, ${as}` };
      },
    },
    async stop() {
      clearInterval(retry);
      clearInterval(sweep);
      await app.stop().catch(() => undefined);
    },
    idle: (timeoutMs) => chat.idle(timeoutMs),
  };
}

/** `&`, `<` and `>` are Slack's markup characters; a user's text shown back must not become a mention or link. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
