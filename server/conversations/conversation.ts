import type { Usage } from '../chat/turn-events.ts';

export interface Conversation {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  /** The leaf of the branch shown; null while the conversation is empty. */
  activeLeafId: string | null;
}

export type MessageRole = 'user' | 'assistant' | 'system';
export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'failed';

export interface Message {
  id: string;
  conversationId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  parentId: string | null;
  createdAt: Date;
  usage: Usage | null;
}

/** Where a message sits among the alternatives of its parent (edits, regenerations): `index` of `count`, oldest first. */
export interface SiblingInfo {
  index: number;
  count: number;
  ids: string[];
}
