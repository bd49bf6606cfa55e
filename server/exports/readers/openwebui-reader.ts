import type { ImportedMessage, ReadConversation } from '../imported-conversation.ts';
import { isRecord, text } from './json-values.ts';
import { messageTree, type MessageTree } from './message-tree.ts';

/** Old exports: a straight line of messages, whose last is the one shown. */
type LineTree = MessageTree & { last?: string };

/**
 * Reads one chat of Open WebUI's export (Settings → Chats → Export, a list of chats). The tree comes from each
 * message's `parentId` in `chat.history.messages`, siblings in the order their parent's `childrenIds` lists them;
 * `chat.history.currentId` is the active leaf. Older exports have only `chat.messages`, a list read as one line
 * (each message answers the one before, the last is the active leaf). System messages and empty ones are dropped,
 * their children re-parented to the nearest kept ancestor. Times are unix seconds (a value past the year 33658 is
 * taken as milliseconds, which some clients wrote).
 */
export function readOpenWebUiConversation(raw: unknown): ReadConversation {
  if (!isRecord(raw)) return { failed: true, sourceId: null, title: null, reason: 'a chat is not a JSON object' };
  const chat = isRecord(raw.chat) ? raw.chat : {};
  const sourceId = text(raw.id) ?? text(chat.id) ?? null;
  const title = text(raw.title)?.trim() || text(chat.title)?.trim() || 'Untitled conversation';
  if (!sourceId) return { failed: true, sourceId, title, reason: 'the chat has no id' };
  const history = isRecord(chat.history) && isRecord(chat.history.messages) ? chat.history : undefined;
  const tree = history
    ? messageTree(history.messages as Record<string, unknown>, { parentKey: 'parentId', childrenKey: 'childrenIds' })
    : lineTree(chat.messages);
  if (typeof tree === 'string') return { failed: true, sourceId, title, reason: tree };

  const messages: ImportedMessage[] = [];
  const keptAs = new Map<string, string | null>();
  const visit = (id: string, keptAncestor: string | null): void => {
    const message = toImportedMessage(id, tree.nodes.get(id) ?? {}, keptAncestor);
    if (message) messages.push(message);
    keptAs.set(id, message ? id : keptAncestor);
    for (const child of tree.children.get(id) ?? []) visit(child, message ? id : keptAncestor);
  };
  for (const root of tree.roots) visit(root, null);
  const currentId = history ? text(history.currentId) : (tree as LineTree).last;
  return {
    format: 'openwebui',
    sourceId,
    title,
    createdAt: fromUnixTime(raw.created_at),
    updatedAt: fromUnixTime(raw.updated_at),
    messages,
    activeLeaf: currentId ? (keptAs.get(currentId) ?? null) : null,
  };
}

function lineTree(messages: unknown): LineTree | string {
  const list = messages ?? [];
  if (!Array.isArray(list)) return 'chat.messages is not a list';
  const nodes = new Map<string, Record<string, unknown>>();
  const children = new Map<string, string[]>();
  let previous: string | undefined;
  for (const [index, message] of list.entries()) {
    if (!isRecord(message)) return `message ${index + 1} is not a JSON object`;
    const id = text(message.id) && !nodes.has(message.id as string) ? (message.id as string) : `message-${index + 1}`;
    nodes.set(id, message);
    if (previous) children.set(previous, [id]);
    previous = id;
  }
  const first = nodes.keys().next().value;
  return { nodes, roots: first === undefined ? [] : [first], children, last: previous };
}

function toImportedMessage(
  id: string,
  message: Record<string, unknown>,
  parent: string | null,
): ImportedMessage | null {
  if (message.role !== 'user' && message.role !== 'assistant') return null;
  const content = text(message.content)?.trim();
  if (!content) return null;
  return {
    localId: id,
    parentLocalId: parent,
    role: message.role,
    content,
    createdAt: fromUnixTime(message.timestamp),
  };
}

function fromUnixTime(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return new Date(value > 1e12 ? value : value * 1000);
}
