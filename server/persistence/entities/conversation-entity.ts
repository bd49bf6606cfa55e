import { EntitySchema } from 'typeorm';

export interface ConversationRow {
  id: string;
  ownerId: string;
  title: string;
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
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});
