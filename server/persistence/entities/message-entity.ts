import { EntitySchema } from 'typeorm';
import type { Usage } from '../../../protocol/turn-events.ts';
import type { MessageRole, MessageStatus } from '../../../protocol/conversation.ts';

/** A row of `messages`: the tree of a conversation (an edit or a regeneration is a sibling under the same parent). */
export interface MessageRow {
  id: string;
  conversationId: string;
  ownerId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  usage: Usage | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MessageEntity = new EntitySchema<MessageRow>({
  name: 'Message',
  tableName: 'messages',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    conversationId: { name: 'conversation_id', type: 'uuid' },
    ownerId: { name: 'owner_id', type: 'uuid' },
    parentId: { name: 'parent_id', type: 'uuid', nullable: true },
    role: { type: 'text' },
    content: { type: 'text' },
    status: { type: 'text' },
    usage: { type: 'jsonb', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },
  },
});
