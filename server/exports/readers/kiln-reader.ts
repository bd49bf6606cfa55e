import { z } from 'zod';
import { conversationExportSchema } from '../../../protocol/conversation-export.ts';
import type { AnswerRecord } from '../../../protocol/turn-details.ts';
import { isRecord } from './json-values.ts';
import type { ReadConversation } from '../imported-conversation.ts';

const isoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const exportedMessage = z.object({
  id: z.string().min(1),
  parentId: z.string().nullable(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  status: z.enum(['streaming', 'complete', 'stopped', 'interrupted', 'failed']),
  createdAt: isoDate,
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number().nullable() }).nullable(),
  // A turn is Kiln's own record, written by Kiln: its shape is checked where it is shown, not field by field here.
  turn: z.looseObject({ turnId: z.string() }).nullable(),
  feedback: z.enum(['up', 'down']).nullable(),
});

const conversationExport = z.object({
  schema: z.literal(conversationExportSchema),
  conversation: z.object({
    id: z.string().min(1),
    title: z.string(),
    createdAt: isoDate,
    updatedAt: isoDate,
    activeLeafId: z.string().nullable(),
    origin: z.object({ format: z.enum(['kiln', 'chatgpt', 'claude', 'openwebui']), id: z.string().min(1) }).nullable(),
  }),
  messages: z.array(exportedMessage),
});

/**
 * Reads one `kiln.conversation.v1` export, keeping each answer's turn, usage, status and feedback. A conversation
 * that was itself imported keeps its origin's format and id, so importing its export again is a skip.
 */
export function readKilnConversation(raw: unknown): ReadConversation {
  const parsed = conversationExport.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
    const conversation = isRecord(raw) && isRecord(raw.conversation) ? raw.conversation : {};
    return {
      failed: true,
      sourceId: typeof conversation.id === 'string' ? conversation.id : null,
      title: typeof conversation.title === 'string' ? conversation.title : null,
      reason: `${field ? field.replace(/^\./, '') : 'the export'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const { conversation, messages } = parsed.data;
  const seen = new Set<string>();
  for (const message of messages) {
    if (message.parentId !== null && !seen.has(message.parentId)) {
      return {
        failed: true,
        sourceId: conversation.id,
        title: conversation.title,
        reason: `message ${message.id} answers message ${message.parentId}, which does not come before it`,
      };
    }
    seen.add(message.id);
  }
  return {
    format: conversation.origin?.format ?? 'kiln',
    sourceId: conversation.origin?.id ?? conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    messages: messages.map((message) => ({
      localId: message.id,
      parentLocalId: message.parentId,
      role: message.role,
      content: message.content,
      createdAt: message.createdAt,
      status: message.status,
      usage: message.usage,
      turn: message.turn as AnswerRecord | null,
      feedback: message.feedback,
    })),
    // A leaf that is not among the messages falls back to the newest leaf.
    activeLeaf:
      conversation.activeLeafId !== null && seen.has(conversation.activeLeafId) ? conversation.activeLeafId : null,
  };
}
