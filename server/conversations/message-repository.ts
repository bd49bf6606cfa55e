import type { DataSource, Repository } from 'typeorm';
import { MessageEntity, type MessageRow } from '../persistence/entities/message-entity.ts';
import type { Usage } from '../../protocol/turn-events.ts';
import type { Message, MessageRole, MessageStatus, SiblingInfo } from '../../protocol/conversation.ts';

interface MessageRecord {
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  parent_id: string | null;
  created_at: Date;
  usage: Usage | null;
}

const columns = 'id, conversation_id, role, content, status, parent_id, created_at, usage';
const toMessage = (row: MessageRecord): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  role: row.role,
  content: row.content,
  status: row.status,
  parentId: row.parent_id,
  createdAt: row.created_at,
  usage: row.usage,
});

/**
 * The message tree of conversations. Callers have already checked that the
 * conversation belongs to the user; every query is also scoped to it.
 */
export class MessageRepository {
  private readonly rows: Repository<MessageRow>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(MessageEntity);
  }

  async find(conversationId: string, messageId: string): Promise<Message | undefined> {
    const row = await this.rows.findOneBy({ id: messageId, conversationId });
    if (!row) return undefined;
    const { id, role, content, status, parentId, createdAt, usage } = row;
    return { id, conversationId, role, content, status, parentId, createdAt, usage };
  }

  /**
   * Up to `limit` messages of the branch ending at `leafId`, walking up from
   * `leafId` itself (or from the parent of `before`, for the previous page),
   * returned oldest first. Each step is a primary-key look-up, so a page costs
   * the same in a 10-message and a 10,000-message conversation.
   */
  async branchPage(conversationId: string, options: { leafId: string; before?: string; limit: number }) {
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE branch AS (
         SELECT ${columns}, 1 AS depth FROM messages
         WHERE conversation_id = $1 AND id = CASE WHEN $2::uuid IS NULL THEN $3::uuid
               ELSE (SELECT parent_id FROM messages WHERE id = $2::uuid AND conversation_id = $1) END
         UNION ALL
         SELECT m.id, m.conversation_id, m.role, m.content, m.status, m.parent_id, m.created_at, m.usage, b.depth + 1
         FROM messages m JOIN branch b ON m.id = b.parent_id
         WHERE b.depth <= $4
       )
       SELECT ${columns} FROM branch ORDER BY depth DESC`,
      [conversationId, options.before ?? null, options.leafId, options.limit],
    )) as MessageRecord[];
    const hasMore = rows.length > options.limit;
    return { messages: (hasMore ? rows.slice(1) : rows).map(toMessage), hasMore };
  }

  /** For each parent (null: the conversation's first messages), its children's ids oldest first. */
  async siblings(
    conversationId: string,
    parentIds: (string | null)[],
  ): Promise<Map<string | null, SiblingInfo['ids']>> {
    const ids = parentIds.filter((id): id is string => id !== null);
    const rows = (await this.dataSource.query(
      `SELECT parent_id, array_agg(id ORDER BY created_at, id) AS ids FROM messages
       WHERE conversation_id = $1 AND (parent_id = ANY($2::uuid[]) OR ($3 AND parent_id IS NULL))
       GROUP BY parent_id`,
      [conversationId, ids, parentIds.includes(null)],
    )) as { parent_id: string | null; ids: string[] }[];
    return new Map(rows.map((row) => [row.parent_id, row.ids]));
  }

  /** The leaf reached from `messageId` by always following the newest child: what "show this branch" opens. */
  async newestLeafUnder(conversationId: string, messageId: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `WITH RECURSIVE walk AS (
         SELECT id, 1 AS depth FROM messages WHERE id = $2 AND conversation_id = $1
         UNION ALL
         SELECT child.id, walk.depth + 1 FROM walk
         CROSS JOIN LATERAL (
           SELECT id FROM messages WHERE parent_id = walk.id ORDER BY created_at DESC, id DESC LIMIT 1
         ) child
       )
       SELECT id FROM walk ORDER BY depth DESC LIMIT 1`,
      [conversationId, messageId],
    )) as { id: string }[];
    return row?.id;
  }
}
