import { ErrorCode, type WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { Logger } from 'pino';
import type { Citation, TurnEvent } from '../../protocol/turn-events.ts';
import type { TurnLog } from '../chat/turn-log.ts';
import { answerBlocks } from './answer-blocks.ts';
import { toSlackMrkdwn } from './slack-mrkdwn.ts';
import { splitForSlack } from './split-for-slack.ts';

/** Where an answer goes: a thread, for the Slack user who asked (streaming outside DMs needs the recipient). */
export interface AnswerTarget {
  teamId: string;
  channel: string;
  threadTs: string;
  /** The Slack user who asked. */
  userId: string;
  /** Their message: the working reaction goes on it when the thread cannot show a status. */
  messageTs: string;
}

export interface AnswerLinks {
  conversationUrl(conversationId: string): string;
  patternUrl(patternId: string): string;
}

export interface PosterOptions {
  client: WebClient;
  links: AnswerLinks;
  log: Logger;
  /** The shortest time between two writes to one message (appends or edits); Slack asks for about one a second. */
  intervalMs?: number;
  /** False: never try `chat.startStream` (post, then edit). */
  streaming?: boolean;
}

/** A section block's text is limited to 3,000 characters; edited parts stay under it. */
const editPartLimit = 2_900;
/** A streamed message is closed and another started before it nears Slack's 40,000-character message limit. */
const streamMessageLimit = 36_000;
/** `markdown_text` takes at most 12,000 characters a call. Slack joins the pieces, so plain slices do. */
const streamCallLimit = 11_000;
const workingReaction = 'hourglass_flowing_sand';
/** Slack errors that mean "this app or workspace cannot stream here": post and edit instead. */
const platformError = (error: unknown): string | undefined =>
  (error as { code?: string }).code === ErrorCode.PlatformError
    ? String((error as { data?: { error?: string } }).data?.error ?? 'unknown')
    : undefined;

/**
 * Writes one turn's answer into a Slack thread as it is produced: a streamed message (`chat.startStream`,
 * `appendStream`, `stopStream`) where Slack offers it, else one message edited at most about once a second.
 * A stream Slack no longer accepts (expired) goes on by editing the same message. Slack's 429s are waited out
 * by the Web API client (it honours Retry-After). When Slack cannot be reached, writing stops, the turn goes on
 * untouched (its answer is in Kiln), and the thread is told the answer was cut short once Slack answers again.
 * Ends with the sources, the intent and feedback buttons under the answer.
 */
export async function postAnswer(
  turn: TurnLog,
  answer: { conversationId: string; answerId: string },
  target: AnswerTarget,
  options: PosterOptions,
): Promise<void> {
  const { client, log } = options;
  const intervalMs = options.intervalMs ?? 1_000;
  let markdown = '';
  let intent = 'ask';
  let citations: Citation[] = [];
  let final: Extract<TurnEvent, { type: 'turn.end' | 'turn.error' }> | undefined;
  let wake: (() => void) | undefined;
  turn.subscribe(0, (event) => {
    if (event.type === 'text.delta') markdown += event.delta;
    else if (event.type === 'intent') intent = event.intent;
    else if (event.type === 'retrieval') citations = event.citations;
    else if (event.type === 'turn.end' || event.type === 'turn.error') final = event;
    else return;
    wake?.();
  });

  const reaction = await showWorking(client, target);
  let mode: 'stream' | 'edit' = options.streaming === false ? 'edit' : 'stream';
  /** Stream mode: the open stream, and where in `markdown` its message began. */
  let stream: { ts: string; start: number } | undefined;
  let sent = 0;
  /** Edit mode: the answer from `editStart` on, as messages (ts and the text they show). */
  let editStart = 0;
  const parts: { ts: string; text: string }[] = [];
  let broken = false;
  let lastWrite = 0;
  /** How much of `markdown` Slack has been given. */
  let written = 0;

  const streamWrite = async (text: string) => {
    for (let offset = 0; offset < text.length; offset += streamCallLimit) {
      const chunk = text.slice(offset, offset + streamCallLimit);
      if (stream && sent + chunk.length - stream.start > streamMessageLimit) {
        await client.chat.stopStream({ channel: target.channel, ts: stream.ts });
        stream = undefined;
      }
      if (!stream) {
        const started = await client.chat.startStream({
          channel: target.channel,
          thread_ts: target.threadTs,
          markdown_text: chunk,
          recipient_team_id: target.teamId,
          recipient_user_id: target.userId,
        });
        stream = { ts: String(started.ts), start: sent };
      } else {
        await client.chat.appendStream({ channel: target.channel, ts: stream.ts, markdown_text: chunk });
      }
      sent += chunk.length;
    }
  };

  const editWrite = async (blocksForLast?: KnownBlock[]) => {
    const texts = splitForSlack(toSlackMrkdwn(markdown.slice(editStart)), editPartLimit);
    for (const [index, text] of texts.entries()) {
      const last = index === texts.length - 1;
      const blocks =
        last && blocksForLast
          ? [{ type: 'section', text: { type: 'mrkdwn', text } } as KnownBlock, ...blocksForLast]
          : undefined;
      const part = parts[index];
      if (!part) {
        const posted = await client.chat.postMessage({
          channel: target.channel,
          thread_ts: target.threadTs,
          text,
          ...(blocks ? { blocks } : {}),
        });
        parts.push({ ts: String(posted.ts), text });
      } else if (part.text !== text || blocks) {
        await client.chat.update({ channel: target.channel, ts: part.ts, text, ...(blocks ? { blocks } : {}) });
        part.text = text;
      }
    }
    return texts.length > 0;
  };

  /** Writes what is new; on a platform refusal switches to editing; on an unreachable Slack stops writing. */
  const write = async () => {
    const upTo = markdown.length;
    try {
      if (mode === 'stream') {
        try {
          if (markdown.length > sent) await streamWrite(markdown.slice(sent));
        } catch (error) {
          const code = platformError(error);
          if (!code) throw error;
          log.info(
            { code },
            stream
              ? 'Slack ended the stream; editing the message instead'
              : 'Slack cannot stream here; posting and editing',
          );
          mode = 'edit';
          // An expired stream keeps its message: editing goes on in it, from where that message began.
          if (stream) {
            parts.push({ ts: stream.ts, text: '' });
            editStart = stream.start;
            stream = undefined;
          }
          await editWrite();
        }
      } else {
        await editWrite();
      }
      written = upTo;
    } catch (error) {
      broken = true;
      log.warn({ err: error }, 'Slack could not be reached while an answer was written; it stays in Kiln');
    }
    lastWrite = Date.now();
  };

  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  for (;;) {
    // Nothing new: wait for the turn. Slack unreachable: only the end matters now.
    if (!final && (broken || markdown.length === written)) {
      await changed();
      continue;
    }
    if (broken) break;
    // At most one write a second; text that arrives meanwhile goes out with it. The end too: it carries the
    // last text with the footer, in one call.
    const wait = lastWrite + intervalMs - Date.now();
    if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
    if (final) break;
    await write();
  }

  const footer = answerBlocks({
    intent,
    citations: citations.map((citation) => ({
      patternId: citation.patternId,
      title: citation.title,
      project: citation.project ?? null,
    })),
    conversationUrl: options.links.conversationUrl(answer.conversationId),
    patternUrl: (patternId) => options.links.patternUrl(patternId),
    answerId: answer.answerId,
    conversationId: answer.conversationId,
    notice: noticeOf(final!, broken),
  });
  await finish().catch((error: unknown) =>
    log.warn({ err: error }, 'Slack could not be told how the answer ended; it is complete in Kiln'),
  );
  if (reaction) {
    await client.reactions
      .remove({ channel: target.channel, timestamp: target.messageTs, name: workingReaction })
      .catch(() => undefined);
  }

  async function finish() {
    if (mode === 'stream' && stream) {
      try {
        // The rest of the text and the footer end the stream together; after an outage, only the footer (which
        // says the answer was cut short).
        let rest = broken ? '' : markdown.slice(sent);
        // What would overflow one call or the message goes out first (streamWrite starts a new message).
        if (rest.length > streamCallLimit || sent - stream.start + rest.length > streamMessageLimit) {
          await streamWrite(rest);
          rest = '';
        }
        await client.chat.stopStream({
          channel: target.channel,
          ts: stream!.ts,
          ...(rest ? { markdown_text: rest } : {}),
          blocks: footer,
        });
        sent = markdown.length;
        return;
      } catch (error) {
        if (!platformError(error) || broken) throw error;
        // The stream expired before its end: the message is finished by editing it.
        mode = 'edit';
        parts.push({ ts: stream.ts, text: '' });
        editStart = stream.start;
        stream = undefined;
      }
    }
    if (!broken && (mode === 'edit' || markdown.trim())) {
      mode = mode === 'stream' && !stream ? 'edit' : mode;
      if (await editWrite(footer)) return;
    }
    // Nothing written (an error before any text), or Slack back after an outage: the footer on its own.
    await client.chat.postMessage({
      channel: target.channel,
      thread_ts: target.threadTs,
      text: markdown.trim() ? 'Kiln answered.' : 'Kiln could not answer.',
      blocks: footer,
    });
  }
}

/** What the thread is told under the answer when it did not simply finish. */
function noticeOf(final: Extract<TurnEvent, { type: 'turn.end' | 'turn.error' }>, broken: boolean): string | undefined {
  if (broken) return 'Cut short: Slack could not be reached while this answer was written. The full answer is in Kiln.';
  if (final.type === 'turn.error') return final.message;
  if (final.finishReason === 'stopped') return 'Stopped before the answer was finished.';
  if (final.finishReason === 'length') return 'The answer reached the model’s length limit.';
  return undefined;
}

/** A status on the thread while Kiln works (Slack's assistant status), else a reaction on the question. */
async function showWorking(client: WebClient, target: AnswerTarget): Promise<boolean> {
  try {
    await client.assistant.threads.setStatus({
      channel_id: target.channel,
      thread_ts: target.threadTs,
      status: 'is working on it…',
    });
    return false;
  } catch {
    await client.reactions
      .add({ channel: target.channel, timestamp: target.messageTs, name: workingReaction })
      .catch(() => undefined);
    return true;
  }
}
