import { randomUUID } from 'node:crypto';
import type { Sql } from '../../platform/database/sql-query.ts';
import type { MessageStatus } from '../../protocol/conversation.ts';
import type { ImportedConversation } from './imported-conversation.ts';

export type WriteOutcome =
  { status: 'imported'; conversationId: string; messages: number } | { status: 'skipped'; conversationId: string };

/** Postgres cannot store NUL in text; an exported file may hold one. */
const storable = (text: string) => text.replaceAll('\u0000', '');

/** An imported title, as a conversation title may be (one line, at most 200 characters). */
const titleOf = (title: string) => storable(title).replace(/\s+/g, ' ').trim().slice(0, 200) || 'Imported conversation';

/** A message that was still being written when exported cannot go on being written here. */
const settled = (status: MessageStatus | undefined): MessageStatus =>
  status === undefined ? 'complete' : status === 'streaming' ? 'interrupted' : status;

/**
 * Writes one imported conversation for its importer, in one transaction: the conversation (with where it came
 * from), its messages as the same tree under new ids, each answer's turn and the owner's thumbs (Kiln exports),
 * and the active leaf. A conversation this owner already imported from the same source is skipped, untouched.
 */
export class ImportWriter {
  constructor(private readonly sql: Sql) {}

  async write(ownerId: string, conversation: ImportedConversation): Promise<WriteOutcome> {
    return this.sql.transaction(async (query) => {
      await query(`SELECT pg_advisory_xact_lock(hashtext('kiln.import:' || $1 || ':' || $2 || ':' || $3))`, [
        ownerId,
        conversation.format,
        conversation.sourceId,
      ]);
      const [existing] = (await query(
        `SELECT id FROM conversations WHERE owner_id = $1 AND origin_format = $2 AND origin_id = $3`,
        [ownerId, conversation.format, conversation.sourceId],
      )) as { id: string }[];
      if (existing) return { status: 'skipped' as const, conversationId: existing.id };

      const createdAt = conversation.createdAt ?? conversation.messages[0]?.createdAt ?? new Date();
      const updatedAt = conversation.updatedAt ?? conversation.messages.at(-1)?.createdAt ?? createdAt;
      const conversationId = randomUUID();
      await query(
        `INSERT INTO conversations (id, owner_id, title, created_at, updated_at, origin_format, origin_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          conversationId,
          ownerId,
          titleOf(conversation.title),
          createdAt,
          updatedAt,
          conversation.format,
          conversation.sourceId,
        ],
      );

      const ids = new Map<string, string>();
      for (const message of conversation.messages) ids.set(message.localId, randomUUID());
      // Messages without a time keep their order: each is placed a millisecond after the one before.
      let previous = createdAt.getTime() - 1;
      const rows = conversation.messages.map((message) => {
        const time = Math.max(message.createdAt?.getTime() ?? previous + 1, previous + 1);
        previous = time;
        return {
          id: ids.get(message.localId)!,
          parentId: message.parentLocalId === null ? null : (ids.get(message.parentLocalId) ?? null),
          role: message.role,
          content: storable(message.content),
          status: settled(message.status),
          createdAt: new Date(time),
          usage: message.usage ?? null,
        };
      });
      if (rows.length > 0) {
        await query(
          `INSERT INTO messages (id, conversation_id, owner_id, parent_id, role, content, status, created_at, usage)
           SELECT id, $1, $2, parent_id, role, content, status, created_at, usage
             FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::jsonb[])
                  AS m (id, parent_id, role, content, status, created_at, usage)`,
          [
            conversationId,
            ownerId,
            rows.map((row) => row.id),
            rows.map((row) => row.parentId),
            rows.map((row) => row.role),
            rows.map((row) => row.content),
            rows.map((row) => row.status),
            rows.map((row) => row.createdAt),
            rows.map((row) => (row.usage ? JSON.stringify(row.usage) : null)),
          ],
        );
      }

      // Answers exported by Kiln bring their turn; it needs the question it answered.
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const message of conversation.messages) {
        const row = byId.get(ids.get(message.localId)!)!;
        const question = row.parentId ? byId.get(row.parentId) : undefined;
        if (message.turn && row.role === 'assistant' && question?.role === 'user') {
          const { turn } = message;
          await query(
            `INSERT INTO turns (id, conversation_id, owner_id, user_message_id, assistant_message_id, status, intent,
                                engine, usage, latency, error, details, runner, started_at, ended_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'import', $13, $13)`,
            [
              randomUUID(),
              conversationId,
              ownerId,
              question.id,
              row.id,
              row.status,
              turn.intent ? JSON.stringify(turn.intent) : null,
              JSON.stringify(turn.engine),
              turn.usage ? JSON.stringify(turn.usage) : null,
              turn.latency ? JSON.stringify(turn.latency) : null,
              turn.error ? JSON.stringify(turn.error) : null,
              turn.details ? JSON.stringify(turn.details) : null,
              row.createdAt,
            ],
          );
        }
        if (message.feedback && row.role === 'assistant') {
          await query(`INSERT INTO message_feedback (message_id, owner_id, rating) VALUES ($1, $2, $3)`, [
            row.id,
            ownerId,
            message.feedback,
          ]);
        }
      }

      const leaf = conversation.activeLeaf !== null ? ids.get(conversation.activeLeaf) : undefined;
      await query(
        `UPDATE conversations SET active_leaf_id = COALESCE($2::uuid, (
           SELECT m.id FROM messages m WHERE m.conversation_id = $1
              AND NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = m.id)
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1))
         WHERE id = $1`,
        [conversationId, leaf ?? null],
      );
      return { status: 'imported' as const, conversationId, messages: rows.length };
    });
  }
}
