import {
  conversationExportSchema,
  type ConversationExport,
  type ExportedMessage,
} from '../../protocol/conversation-export.ts';
import type { TurnRepository } from '../chat/turn-repository.ts';
import type { ExportedMessageRow, ExportRepository } from './export-repository.ts';

/** Builds `kiln.conversation.v1` documents from what is stored. */
export class ConversationExporter {
  constructor(
    private readonly repository: Pick<ExportRepository, 'conversation' | 'messages'>,
    private readonly answers: Pick<TurnRepository, 'answersFor'>,
    private readonly kilnVersion: string,
  ) {}

  /** The owner's conversation, whole; undefined for anyone else's (or none). */
  async export(ownerId: string, conversationId: string): Promise<ConversationExport | undefined> {
    const conversation = await this.repository.conversation(ownerId, conversationId);
    if (!conversation) return undefined;
    const rows = parentsFirst(await this.repository.messages(conversation.id));
    const answers = await this.answers.answersFor(
      conversation.id,
      rows.filter((row) => row.role === 'assistant').map((row) => row.id),
    );
    const messages: ExportedMessage[] = rows.map((row) => {
      const answer = answers.get(row.id);
      return {
        id: row.id,
        parentId: row.parentId,
        role: row.role,
        content: row.content,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        usage: row.usage,
        turn: answer?.turn ?? null,
        feedback: answer?.feedback ?? null,
      };
    });
    return {
      schema: conversationExportSchema,
      exportedAt: new Date().toISOString(),
      kilnVersion: this.kilnVersion,
      conversation: {
        id: conversation.id,
        title: conversation.title,
        createdAt: conversation.createdAt.toISOString(),
        updatedAt: conversation.updatedAt.toISOString(),
        activeLeafId: conversation.activeLeafId,
        project: conversation.project,
        origin: conversation.origin,
      },
      messages,
    };
  }
}

/**
 * Orders messages so each comes after its parent (siblings oldest first). Stored times already do, except for
 * messages written in one statement (a question and its answer share `now()`), which ids then order at random.
 */
export function parentsFirst(rows: ExportedMessageRow[]): ExportedMessageRow[] {
  const children = new Map<string | null, ExportedMessageRow[]>();
  const ids = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: ExportedMessageRow[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop()!;
    ordered.push(row);
    stack.push(...[...(children.get(row.id) ?? [])].reverse());
  }
  return ordered;
}
