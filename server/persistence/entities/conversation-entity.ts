import { EntitySchema } from 'typeorm';

/** A row of `conversations` (see the migrations for indexes and foreign keys). */
export interface ConversationRow {
  id: string;
  ownerId: string;
  title: string;
  /** The leaf of the branch the conversation shows; null while it is empty. */
  activeLeafId: string | null;
  /** The project whose patterns its retrieval searches first; null when none. */
  projectId: string | null;
  createdAt: Date;
  /** Bumped by every new message: "latest conversations" orders by it. */
  updatedAt: Date;
}

export const ConversationEntity = new EntitySchema<ConversationRow>({
  name: 'Conversation',
  tableName: 'conversations',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    ownerId: { name: 'owner_id', type: 'uuid' },
    title: { type: 'text' },
    activeLeafId: { name: 'active_leaf_id', type: 'uuid', nullable: true },
    projectId: { name: 'project_id', type: 'uuid', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
