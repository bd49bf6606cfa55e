import type { DataSource } from 'typeorm';
import type { Conversation } from './conversation.ts';

interface ConversationRecord {
  id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
  active_leaf_id: string | null;
}

const columns = 'id, title, created_at, updated_at, active_leaf_id';
const toConversation = (row: ConversationRecord): Conversation => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  activeLeafId: row.active_leaf_id,
});

/** A position in "latest conversations first": the last row of the previous page. */
export interface ConversationCursor {
  updatedAt: Date;
  id: string;
}

/** Conversations, always scoped to their owner: another user's id simply finds nothing. */
export class ConversationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(ownerId: string, title: string): Promise<Conversation> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO conversations (owner_id, title) VALUES ($1, $2) RETURNING ${columns}`,
      [ownerId, title],
    )) as ConversationRecord[];
    return toConversation(row!);
  }

  async findOwned(ownerId: string, id: string): Promise<Conversation | undefined> {
    const [row] = (await this.dataSource.query(`SELECT ${columns} FROM conversations WHERE id = $1 AND owner_id = $2`, [
      id,
      ownerId,
    ])) as ConversationRecord[];
    return row ? toConversation(row) : undefined;
  }

  /** Newest activity first, keyset-paginated (served by the conversations_owner_latest index). */
  async listLatest(ownerId: string, options: { after?: ConversationCursor; limit: number; titleContains?: string }) {
    const parameters: unknown[] = [ownerId, options.limit + 1];
    let where = 'owner_id = $1';
    if (options.after) {
      parameters.push(options.after.updatedAt, options.after.id);
      where += ` AND (updated_at, id) < ($${parameters.length - 1}, $${parameters.length})`;
    }
    if (options.titleContains) {
      parameters.push(`%${options.titleContains.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
      where += ` AND title ILIKE $${parameters.length}`;
    }
    const rows = (await this.dataSource.query(
      `SELECT ${columns} FROM conversations WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT $2`,
      parameters,
    )) as ConversationRecord[];
    return { conversations: rows.slice(0, options.limit).map(toConversation), hasMore: rows.length > options.limit };
  }

  async rename(ownerId: string, id: string, title: string): Promise<Conversation | undefined> {
    // UPDATE and DELETE come back from TypeORM's query() as [rows, affected count].
    const [rows] = (await this.dataSource.query(
      `UPDATE conversations SET title = $3 WHERE id = $1 AND owner_id = $2 RETURNING ${columns}`,
      [id, ownerId, title],
    )) as [ConversationRecord[], number];
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`DELETE FROM conversations WHERE id = $1 AND owner_id = $2`, [
      id,
      ownerId,
    ])) as [unknown, number];
    return count > 0;
  }

  async setActiveLeaf(ownerId: string, id: string, leafId: string): Promise<void> {
    await this.dataSource.query(`UPDATE conversations SET active_leaf_id = $3 WHERE id = $1 AND owner_id = $2`, [
      id,
      ownerId,
      leafId,
    ]);
  }

  /** Sets the title only if it is still the one given (a user's rename in the meantime wins). */
  async retitle(id: string, from: string, to: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`UPDATE conversations SET title = $3 WHERE id = $1 AND title = $2`, [
      id,
      from,
      to,
    ])) as [unknown, number];
    return count > 0;
  }
}
