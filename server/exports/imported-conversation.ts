import type { MessageRole, MessageStatus } from '../../protocol/conversation.ts';
import type { ImportFormat } from '../../protocol/conversation-export.ts';
import type { AnswerRecord } from '../../protocol/turn-details.ts';
import type { Usage } from '../../protocol/turn-events.ts';

/**
 * A conversation read from an export file, in any format, before it is written: its messages as a tree with the
 * source's own ids, parents before children. Every reader (Kiln, ChatGPT, Claude, Open WebUI) produces this.
 */
export interface ImportedConversation {
  format: ImportFormat;
  /** The conversation's id in its format; with `format`, what makes a re-import a skip. */
  sourceId: string;
  title: string;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** Parents before children. Messages whose content is empty and that have no children may be left out. */
  messages: ImportedMessage[];
  /** The `localId` of the leaf of the branch shown; null: the newest leaf. */
  activeLeaf: string | null;
}

export interface ImportedMessage {
  /** The source's id of the message (or one made up, unique within the conversation). */
  localId: string;
  parentLocalId: string | null;
  role: MessageRole;
  content: string;
  createdAt: Date | null;
  /** Default `complete`. */
  status?: MessageStatus;
  usage?: Usage | null;
  /** Kiln exports only: the answer's turn. */
  turn?: AnswerRecord | null;
  feedback?: 'up' | 'down' | null;
}

/** A conversation a reader could not make sense of; the others go on. */
export interface UnreadableConversation {
  failed: true;
  sourceId: string | null;
  title: string | null;
  reason: string;
}

export type ReadConversation = ImportedConversation | UnreadableConversation;
