import type { DataSource, Repository } from 'typeorm';
import { ConversationEntity, type ConversationRow } from '../persistence/entities/conversation-entity.ts';
import type { Conversation } from '../../protocol/conversation.ts';

interface ConversationRecord {
  id: string;
  title: string;
  created_at: Date;
  updated_at: Date;
  active_leaf_id: string | null;
  project_id: string | null;
}

const columns = 'id, title, created_at, updated_at, active_leaf_id, project_id';
const fromRow = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  activeLeafId: row.activeLeafId,
  projectId: row.projectId ?? null,
});

const toConversation = (row: ConversationRecord): Conversation => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  activeLeafId: row.active_leaf_id,
  projectId: row.project_id,
});

/** A position in "latest conversations first": the last row of the previous page. */
export interface ConversationCursor {
  updatedAt: Date;
  id: string;
}

/** Conversations, always scoped to their owner: another user's id simply finds nothing. */
export class ConversationRepository {
  private readonly rows: Repository<ConversationRow>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(ConversationEntity);
  }

  /** Inserted with the database's clock, like every later activity time, so "newest first" never mixes clocks. */
  async create(ownerId: string, title: string, projectId: string | null = null): Promise<Conversation> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO conversations (owner_id, title, project_id) VALUES ($1, $2, $3) RETURNING ${columns}`,
      [ownerId, title, projectId],
    )) as ConversationRecord[];
    return toConversation(row!);
  }

  async findOwned(ownerId: string, id: string): Promise<Conversation | undefined> {
    const row = await this.rows.findOneBy({ id, ownerId });
    return row ? fromRow(row) : undefined;
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

  /** Renames it, attaches it to a project or detaches it (`projectId` null); fields left undefined stay. */
  async update(
    ownerId: string,
    id: string,
    changes: { title?: string; projectId?: string | null },
  ): Promise<Conversation | undefined> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return this.findOwned(ownerId, id);
    const { affected } = await this.rows.update({ id, ownerId }, set);
    return affected ? this.findOwned(ownerId, id) : undefined;
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    const { affected } = await this.rows.delete({ id, ownerId });
    return Boolean(affected);
  }

  async setActiveLeaf(ownerId: string, id: string, leafId: string): Promise<void> {
    await this.rows.update({ id, ownerId }, { activeLeafId: leafId });
  }

  /** Sets the title only if it is still the one given (a user's rename in the meantime wins). */
  async retitle(id: string, from: string, to: string): Promise<boolean> {
    const { affected } = await this.rows.update({ id, title: from }, { title: to });
    return Boolean(affected);
  }
}
