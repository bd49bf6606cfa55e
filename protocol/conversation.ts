import type { AnswerRecord } from './turn-details.ts';
import type { Usage } from './turn-events.ts';

export interface Conversation {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  /** The leaf of the branch shown; null while the conversation is empty. */
  activeLeafId: string | null;
  /** The project it is attached to: its retrieval searches that project first. */
  projectId: string | null;
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

/** A message as the messages page serves it (the web client reads this shape). */
export interface MessageView extends Message {
  /** The alternatives at this point of the tree (edits, regenerations) and this message's place among them. */
  siblings: SiblingInfo;
  /** For an answer: the turn that wrote it (intent, engine, usage, citations, tool calls); null for questions. */
  turn: AnswerRecord | null;
  /** The owner's thumbs up or down on an answer. */
  feedback: 'up' | 'down' | null;
}

/** A page of a conversation's active branch, oldest first; `nextBefore` asks for the page before it. */
export interface MessagePage {
  messages: MessageView[];
  hasMore: boolean;
  nextBefore: string | null;
  activeLeafId: string | null;
}

/** A page of a user's conversations, newest activity first; `nextCursor` asks for the next one. */
export interface ConversationPage {
  conversations: Conversation[];
  nextCursor: string | null;
}
