import { conversationExportSchema, type ImportFormat } from '../../../protocol/conversation-export.ts';

/**
 * Which export format a conversation comes from, judged from the shape of one conversation object (the first of a
 * file's list, or a Kiln export object); undefined when it looks like none of them.
 */
export function detectFormat(sample: unknown): ImportFormat | undefined {
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) return undefined;
  const fields = sample as Record<string, unknown>;
  if (fields.schema === conversationExportSchema) return 'kiln';
  if (isObject(fields.mapping) && 'current_node' in fields) return 'chatgpt';
  if (Array.isArray(fields.chat_messages)) return 'claude';
  const chat = fields.chat;
  if (isObject(chat) && (isObject(chat.history) || (Array.isArray(chat.messages) && 'user_id' in fields))) {
    return 'openwebui';
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
