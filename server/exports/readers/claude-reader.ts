import { fenced } from '../fenced.ts';
import type { ImportedMessage, ReadConversation } from '../imported-conversation.ts';
import { isRecord, text } from './json-values.ts';

/**
 * Reads one conversation of Claude's `conversations.json` (the data export). Claude's export is linear: each
 * message answers the one before, and the last is the active leaf. A message's text is its `content` text blocks
 * when it has any (tool use and tool results are the model's own traffic and are left out), else its `text`; each
 * attachment's extracted content follows as a fenced block titled with the file name, and a file without extracted
 * content as `[file: name]`. Messages left empty are dropped; a conversation without messages is read with none.
 */
export function readClaudeConversation(raw: unknown): ReadConversation {
  if (!isRecord(raw))
    return { failed: true, sourceId: null, title: null, reason: 'a conversation is not a JSON object' };
  const sourceId = text(raw.uuid) ?? null;
  const title = text(raw.name)?.trim() || 'Untitled conversation';
  if (!sourceId) return { failed: true, sourceId, title, reason: 'the conversation has no uuid' };
  const chatMessages = raw.chat_messages ?? [];
  if (!Array.isArray(chatMessages)) {
    return { failed: true, sourceId, title, reason: 'chat_messages is not a list' };
  }

  const messages: ImportedMessage[] = [];
  for (const [index, message] of chatMessages.entries()) {
    if (!isRecord(message))
      return { failed: true, sourceId, title, reason: `message ${index + 1} is not a JSON object` };
    if (message.sender !== 'human' && message.sender !== 'assistant') {
      return { failed: true, sourceId, title, reason: `message ${index + 1} has an unknown sender` };
    }
    const content = messageText(message).trim();
    if (!content) continue;
    messages.push({
      localId: text(message.uuid) ?? `message-${index + 1}`,
      parentLocalId: messages.at(-1)?.localId ?? null,
      role: message.sender === 'human' ? 'user' : 'assistant',
      content,
      createdAt: fromIso(message.created_at),
    });
  }
  return {
    format: 'claude',
    sourceId,
    title,
    createdAt: fromIso(raw.created_at),
    updatedAt: fromIso(raw.updated_at),
    messages,
    activeLeaf: messages.at(-1)?.localId ?? null,
  };
}

function messageText(message: Record<string, unknown>): string {
  const blocks = Array.isArray(message.content) ? message.content.filter(isRecord) : [];
  const textBlocks = blocks.filter((block) => block.type === 'text' && typeof block.text === 'string');
  const body = textBlocks.length > 0 ? textBlocks.map((block) => block.text).join('\n\n') : (text(message.text) ?? '');
  const attachments = (Array.isArray(message.attachments) ? message.attachments : []).filter(isRecord);
  const withContent = attachments.filter((attachment) => text(attachment.extracted_content));
  const files = [...attachments, ...(Array.isArray(message.files) ? message.files : []).filter(isRecord)];
  const named = new Set(withContent.map((attachment) => text(attachment.file_name)));
  return [
    body,
    ...withContent.map(
      (attachment) =>
        `${text(attachment.file_name) ?? 'attachment'}:\n${fenced(text(attachment.extracted_content) ?? '')}`,
    ),
    ...files
      .map((file) => text(file.file_name))
      .filter((name, index, names) => !named.has(name) && names.indexOf(name) === index)
      .map((name) => `[file: ${name ?? 'unnamed'}]`),
  ]
    .filter((part) => part.trim())
    .join('\n\n');
}

function fromIso(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
