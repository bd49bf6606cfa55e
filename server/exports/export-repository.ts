import type { Sql } from '../../platform/database/sql-query.ts';
import type { MessageRole, MessageStatus } from '../../protocol/conversation.ts';
import type { ConversationOrigin, ImportFormat } from '../../protocol/conversation-export.ts';
import type { Usage } from '../../protocol/turn-events.ts';

export interface ExportedConversationRow {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  activeLeafId: string | null;
  /** The project, named only while the owner is still one of its members. */
  project: { id: string; name: string } | null;
  origin: ConversationOrigin | null;
}

export interface ExportedMessageRow {
  id: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  createdAt: Date;
  usage: Usage | null;
}

/** Reads conversations whole for export: the owner's only, every message of the tree. */
export class ExportRepository {
  constructor(private readonly sql: Pick<Sql, 'query'>) {}

  async conversation(ownerId: string, conversationId: string): Promise<ExportedConversationRow | undefined> {
    const [row] = (await this.sql.query(
      `SELECT c.id, c.title, c.created_at, c.updated_at, c.active_leaf_id, c.origin_format, c.origin_id,
              p.id AS project_id, p.name AS project_name
         FROM conversations c
         LEFT JOIN project_members m ON m.project_id = c.project_id AND m.user_id = c.owner_id
         LEFT JOIN projects p ON p.id = m.project_id
        WHERE c.owner_id = $1 AND c.id = $2`,
      [ownerId, conversationId],
    )) as {
      id: string;
      title: string;
      created_at: Date;
      updated_at: Date;
      active_leaf_id: string | null;
      origin_format: ImportFormat | null;
      origin_id: string | null;
      project_id: string | null;
      project_name: string | null;
    }[];
    if (!row) return undefined;
    return {
      id: row.id,
      title: row.title,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      activeLeafId: row.active_leaf_id,
      project: row.project_id ? { id: row.project_id, name: row.project_name ?? '' } : null,
      origin: row.origin_format && row.origin_id ? { format: row.origin_format, id: row.origin_id } : null,
    };
  }

  /** Every message of a conversation, oldest first. */
  async messages(conversationId: string): Promise<ExportedMessageRow[]> {
    const rows = (await this.sql.query(
      `SELECT id, parent_id, role, content, status, created_at, usage FROM messages
        WHERE conversation_id = $1 ORDER BY created_at, id`,
      [conversationId],
    )) as {
      id: string;
      parent_id: string | null;
      role: MessageRole;
      content: string;
      status: MessageStatus;
      created_at: Date;
      usage: Usage | null;
    }[];
    return rows.map((row) => ({
      id: row.id,
      parentId: row.parent_id,
      role: row.role,
      content: row.content,
      status: row.status,
      createdAt: row.created_at,
      usage: row.usage,
    }));
  }

  /**
   * A page of conversation ids in creation order, after `after` (keyset paging: an export of 10,000 conversations
   * never holds more than a page). The cursor's time travels as Postgres's own text: a JavaScript Date would lose
   * its microseconds and bring the row back. `ownerId` undefined: everyone's.
   */
  async conversationIds(
    ownerId: string | undefined,
    after: ConversationCursor | undefined,
    limit: number,
  ): Promise<(ConversationCursor & { ownerId: string })[]> {
    const rows = (await this.sql.query(
      `SELECT id, owner_id, created_at::text AS created_at FROM conversations
        WHERE ($1::uuid IS NULL OR owner_id = $1)
          AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
        ORDER BY created_at, id LIMIT $4`,
      [ownerId ?? null, after?.createdAt ?? null, after?.id ?? null, limit],
    )) as { id: string; owner_id: string; created_at: string }[];
    return rows.map((row) => ({ id: row.id, ownerId: row.owner_id, createdAt: row.created_at }));
  }
}

/** Where a page of conversations ends: its last row's creation time (as Postgres writes it) and id. */
export interface ConversationCursor {
  createdAt: string;
  id: string;
}
