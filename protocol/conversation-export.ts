import type { MessageRole, MessageStatus } from './conversation.ts';
import type { AnswerRecord } from './turn-details.ts';
import type { Usage } from './turn-events.ts';

/** The version of Kiln's lossless conversation format; `docs/schemas/kiln.conversation.v1.schema.json` describes it. */
export const conversationExportSchema = 'kiln.conversation.v1';

/** Where a conversation came from, when it was imported: a re-import of the same one is skipped. */
export interface ConversationOrigin {
  format: ImportFormat;
  /** The conversation's id in that format (ChatGPT's `id`, Claude's `uuid`, Open WebUI's `id`, Kiln's `id`). */
  id: string;
}

export type ImportFormat = 'kiln' | 'chatgpt' | 'claude' | 'openwebui';

/**
 * One conversation, whole and lossless: every message of its tree (every branch), the active leaf, each answer's
 * turn (intent, engine, usage and cost, citations, tool calls, review findings, code-session runs with their
 * code, results and capped output, the approval), feedback, times, and the project it was attached to. Dates are
 * ISO 8601 strings. Importing it gives the same conversation (new ids, same tree).
 */
export interface ConversationExport {
  schema: typeof conversationExportSchema;
  exportedAt: string;
  kilnVersion: string;
  conversation: {
    id: string;
    title: string;
    createdAt: string;
    updatedAt: string;
    /** The leaf of the branch shown; null when the conversation is empty. */
    activeLeafId: string | null;
    /** The project it was attached to (only its name travels; an import attaches none). */
    project: { id: string; name: string } | null;
    /** Set when the conversation was itself imported. */
    origin: ConversationOrigin | null;
  };
  /** Every message of the tree, each after its parent (oldest first within siblings). */
  messages: ExportedMessage[];
}

export interface ExportedMessage {
  id: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  createdAt: string;
  usage: Usage | null;
  /** For an answer: the turn that wrote it; null for questions (and answers imported without one). */
  turn: AnswerRecord | null;
  /** The owner's thumbs on an answer. */
  feedback: 'up' | 'down' | null;
}

/** `manifest.json` of an export ZIP. */
export interface ExportManifest {
  schema: 'kiln.export.v1';
  conversationSchema: typeof conversationExportSchema;
  kilnVersion: string;
  exportedAt: string;
  /** Whose conversations: the caller's, or (an admin's `?all=true`) everyone's. */
  scope: 'own' | 'all';
  counts: { conversations: number; messages: number };
  /** Each conversation's files in the ZIP, by its id. */
  conversations: { id: string; title: string; files: { json: string; markdown: string; html: string } }[];
}

/** How an import is going, for the importer's open tabs (`import:progress`). */
export interface ImportProgress {
  phase: 'checking' | 'importing' | 'done';
  /** Conversations read so far (checking) or written so far (importing). */
  done: number;
  /** Known once the check has read the whole file. */
  total: number | null;
}

/** What happened to each conversation of an import. */
export interface ImportReport {
  format: ImportFormat;
  imported: number;
  skipped: number;
  failed: number;
  conversations: ImportOutcome[];
}

export type ImportOutcome =
  | { status: 'imported'; sourceId: string; title: string; conversationId: string; messages: number }
  /** Imported before (same format and source id): nothing written. */
  | { status: 'skipped'; sourceId: string; title: string; conversationId: string }
  | { status: 'failed'; sourceId: string | null; title: string | null; reason: string };
