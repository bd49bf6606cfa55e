import type { Logger } from 'pino';
import { z } from 'zod';
import type { JobQueue } from '../../workers/queue/job-queue.ts';
import { intents } from '../routing/intent-router.ts';
import type { IncomingMessage, SlackChat } from './slack-chat.ts';
import { isSlackId, isSlackTs } from './slack-id.ts';

export const slackMessageJobName = 'kiln.slack-message';

/**
 * How long a message's job may stay with one server before it counts as abandoned. Handling it ends once its
 * turn has started, which waits at most `SlackChat`'s five minutes for the conversation's previous answer.
 */
const expireInSeconds = 10 * 60;

const slackId = z.string().refine(isSlackId, 'must be a Slack id');
const slackTs = z.string().refine(isSlackTs, 'must be a Slack timestamp');

const jobSchema: z.ZodType<IncomingMessage> = z.object({
  teamId: slackId,
  channel: slackId,
  channelType: z.string().max(20),
  user: slackId,
  text: z.string(),
  ts: slackTs,
  threadTs: slackTs.optional(),
  intent: z.enum(intents).optional(),
});

/**
 * Hands a message Slack delivered (and Kiln acknowledged) to whichever server takes it from the queue: it starts
 * the turn there and streams the answer into the thread. Retried once if that server dies before the turn has
 * started; once started, the job is done, so a crash mid-answer never posts a second answer (the survivor marks
 * the first interrupted). Without a queue, or when the queue refuses it, the message is handled here and now:
 * nothing a user typed is dropped.
 */
export async function takeSlackMessage(
  queue: JobQueue | undefined,
  chat: Pick<SlackChat, 'onMessage'>,
  message: IncomingMessage,
  log: Logger,
): Promise<void> {
  if (queue) {
    try {
      await queue.send(slackMessageJobName, message, { retries: 1, expireInSeconds });
      return;
    } catch (error) {
      log.warn({ err: error }, 'the job queue refused a Slack message; answering it in this server');
    }
  }
  await chat.onMessage(message);
}

/**
 * Answers Slack messages from the queue in this server: two workers, each taking up to 25 at once (a job lasts
 * until its turn has started, tens of ms, and a busy workspace sends many).
 */
export async function registerSlackMessageJob(queue: JobQueue, chat: Pick<SlackChat, 'onMessage'>) {
  await queue.work(
    slackMessageJobName,
    async ({ data }) => {
      const message = jobSchema.parse(data);
      await chat.onMessage(message);
      return { channel: message.channel, ts: message.ts, started: true };
    },
    { concurrency: 2, batchSize: 25 },
  );
}
