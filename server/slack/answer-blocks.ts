// The Block Kit blocks that end an answer in Slack: a notice if it was cut short, its sources, who answered and a link
// to the conversation in Kiln, and 👍/👎 buttons. Slack refuses the whole message if a limit is broken, so texts are
// kept under a mrkdwn element's 3,000 characters and a button value under 2,000.
import type { ActionsBlock, Button, ContextBlock, KnownBlock } from '@slack/types';

export interface AnswerFooter {
  /** The router's intent for the turn, e.g. 'ask', 'generate', 'review', 'debug', 'migrate', 'tool', 'smalltalk'. */
  intent: string;
  citations: Array<{ patternId: string; title: string; project?: { id: string; name: string } | null }>;
  /** The conversation in Kiln's web UI. */
  conversationUrl: string;
  patternUrl: (patternId: string) => string;
  /** The assistant message id, carried in the feedback buttons' value. */
  answerId: string;
  conversationId: string;
  /** Why the answer is incomplete, e.g. 'Stopped.'; shown first, with :warning:. */
  notice?: string;
}

/** The action_id of each feedback button, for the handler of their clicks. */
export const feedbackActionIds = { up: 'kiln_feedback_up', down: 'kiln_feedback_down' } as const;

const listedSources = 8;
const titleLength = 150;
const textLength = 3_000;
const valueLength = 2_000;

export function answerBlocks(details: AnswerFooter): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (details.notice) blocks.push(context(`:warning: ${escapeMrkdwn(shorten(details.notice, 2_900))}`));
  if (details.citations.length > 0) blocks.push(context(sourcesText(details)));
  const answeredBy = `Answered by Kiln · intent: ${escapeMrkdwn(shorten(details.intent, 100))}`;
  blocks.push(context(`${answeredBy} · <${safeUrl(details.conversationUrl)}|Open in Kiln>`));
  const feedback = feedbackButtons(details);
  if (feedback) blocks.push(feedback);
  return blocks;
}

/** The ephemeral reply to a click on a feedback button. */
export function feedbackAck(rating: 'up' | 'down'): string {
  return rating === 'up' ? 'Thanks — noted as helpful.' : 'Thanks — noted as not helpful.';
}

/** The answer a feedback button's value points at; undefined for anything but a value `answerBlocks` wrote. */
export function parseFeedbackValue(value: unknown): { conversationId: string; answerId: string } | undefined {
  if (typeof value !== 'string' || value.length > valueLength) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { c: conversationId, m: answerId } = parsed as Record<string, unknown>;
  if (typeof conversationId !== 'string' || typeof answerId !== 'string') return undefined;
  if (conversationId === '' || answerId === '') return undefined;
  return { conversationId, answerId };
}

/** "Sources: <url|title>, <url|title> (project) and N more", within one mrkdwn element's limit. */
function sourcesText(details: AnswerFooter): string {
  const links: string[] = [];
  let length = 'Sources: '.length + ' and 9999 more'.length;
  for (const citation of details.citations.slice(0, listedSources)) {
    const title = escapeMrkdwn(shorten(citation.title, titleLength) || citation.patternId);
    const project = citation.project ? ` (${escapeMrkdwn(shorten(citation.project.name, 60))})` : '';
    const link = `<${safeUrl(details.patternUrl(citation.patternId))}|${title}>${project}`;
    if (length + link.length + 2 > textLength) break;
    links.push(link);
    length += link.length + 2;
  }
  const more = details.citations.length - links.length;
  return `Sources: ${links.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function feedbackButtons(details: AnswerFooter): ActionsBlock | undefined {
  const value = JSON.stringify({ c: details.conversationId, m: details.answerId });
  // Kiln's ids are short; ids long enough to break Slack's limit would make it refuse the whole message.
  if (value.length > valueLength) return undefined;
  const button = (rating: 'up' | 'down', emoji: string, label: string): Button => ({
    type: 'button',
    action_id: feedbackActionIds[rating],
    text: { type: 'plain_text', text: emoji, emoji: true },
    accessibility_label: label,
    value,
  });
  return {
    type: 'actions',
    elements: [button('up', '👍', 'Helpful answer'), button('down', '👎', 'Unhelpful answer')],
  };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Slack's three control characters, escaped as its mrkdwn requires. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL that cannot end a `<url|text>` link early. */
function safeUrl(url: string): string {
  return url.replace(/[<>| ]/g, (character) => encodeURIComponent(character));
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
