import { fenced } from '../fenced.ts';
import type { ImportedMessage, ReadConversation } from '../imported-conversation.ts';
import { isRecord, text } from './json-values.ts';
import { messageTree } from './message-tree.ts';

/**
 * Reads one conversation of ChatGPT's `conversations.json` (the data export). The `mapping` tree becomes the
 * message tree and `current_node` the active leaf. What is dropped, and why:
 * - system messages, hidden ones (`is_visually_hidden_from_conversation`), custom instructions
 *   (`user_editable_context`) and the model's reasoning (`thoughts`, `reasoning_recap`): ChatGPT does not show them
 *   as part of the conversation either;
 * - tool messages (`author.role: 'tool'`: search results, quoted pages, file contents, notes to the model), which
 *   are the model's input, except code output (`execution_output`) and generated images, which the user saw;
 * - messages left empty.
 * A dropped message's children are re-parented to its nearest kept ancestor, so branches survive. Code becomes a
 * fenced block; code output an `Output:` fenced block. An assistant message that is its parent assistant message's
 * only kept child (a tool-call chain: code, its output, the answer) is merged into that parent, so one answer
 * reads as one message. Images and unknown content become placeholders (`[image]`, `[unsupported content: x]`).
 */
export function readChatGptConversation(raw: unknown): ReadConversation {
  if (!isRecord(raw)) return failed(null, null, 'a conversation is not a JSON object');
  const sourceId = text(raw.id) ?? text(raw.conversation_id);
  const title = text(raw.title)?.trim() || 'Untitled conversation';
  if (!sourceId) return failed(null, title, 'the conversation has no id');
  if (!isRecord(raw.mapping)) return failed(sourceId, title, 'the conversation has no message mapping');
  const tree = messageTree(raw.mapping, { parentKey: 'parent', childrenKey: 'children' });
  if (typeof tree === 'string') return failed(sourceId, title, tree);

  const messages: ImportedMessage[] = [];
  /** Each source node's id → the kept message that stands for it (itself, its kept ancestor, or what it merged into). */
  const keptAs = new Map<string, string | null>();
  const childCount = new Map<string, number>();
  const visit = (nodeId: string, keptAncestor: string | null): void => {
    const node = tree.nodes.get(nodeId);
    const message = node ? toImportedMessage(nodeId, node.message, keptAncestor) : null;
    if (message) {
      messages.push(message);
      if (keptAncestor) childCount.set(keptAncestor, (childCount.get(keptAncestor) ?? 0) + 1);
    }
    keptAs.set(nodeId, message ? message.localId : keptAncestor);
    for (const child of tree.children.get(nodeId) ?? []) visit(child, message ? message.localId : keptAncestor);
  };
  for (const root of tree.roots) visit(root, null);

  const merged = mergeToolChains(messages, childCount);
  const currentNode = text(raw.current_node);
  const keptLeaf = currentNode ? (keptAs.get(currentNode) ?? null) : null;
  const activeLeaf = keptLeaf === null ? null : (merged.get(keptLeaf) ?? keptLeaf);
  return {
    format: 'chatgpt',
    sourceId,
    title,
    createdAt: fromUnixSeconds(raw.create_time),
    updatedAt: fromUnixSeconds(raw.update_time),
    messages: messages.filter((message) => !merged.has(message.localId)),
    activeLeaf,
  };
}

function toImportedMessage(id: string, message: unknown, parent: string | null): ImportedMessage | null {
  if (!isRecord(message)) return null;
  const metadata = isRecord(message.metadata) ? message.metadata : {};
  if (metadata.is_visually_hidden_from_conversation === true) return null;
  const author = isRecord(message.author) ? text(message.author.role) : undefined;
  if (author !== 'user' && author !== 'assistant' && author !== 'tool') return null;
  const content = isRecord(message.content) ? message.content : {};
  const type = text(content.content_type) ?? 'unknown';
  if (author === 'tool' && type !== 'execution_output' && !hasImage(content)) return null;
  const body = contentText(type, content)?.trim();
  if (!body) return null;
  return {
    localId: id,
    parentLocalId: parent,
    role: author === 'user' ? 'user' : 'assistant',
    content: body,
    createdAt: fromUnixSeconds(message.create_time),
  };
}

/** The text a content shows, or undefined for content ChatGPT does not show in the conversation. */
function contentText(type: string, content: Record<string, unknown>): string | undefined {
  switch (type) {
    case 'text':
      return parts(content)
        .filter((part) => typeof part === 'string')
        .join('\n');
    case 'code':
      return fenced(text(content.text) ?? '', codeLanguage(text(content.language)));
    case 'execution_output':
      return `Output:\n${fenced(text(content.text) ?? '', 'text')}`;
    case 'multimodal_text':
      return parts(content).map(partText).join('\n');
    case 'thoughts':
    case 'reasoning_recap':
    case 'user_editable_context':
      return undefined;
    default:
      return `[unsupported content: ${type}]`;
  }
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  const type = isRecord(part) ? text(part.content_type) : undefined;
  if (type === 'image_asset_pointer') return '[image]';
  if (type === 'audio_transcription' && isRecord(part)) return text(part.text) ?? '';
  if (type === 'audio_asset_pointer' || type === 'real_time_user_audio_video_asset_pointer') return '[audio]';
  return `[unsupported content: ${type ?? 'unknown'}]`;
}

function hasImage(content: Record<string, unknown>): boolean {
  return parts(content).some((part) => isRecord(part) && part.content_type === 'image_asset_pointer');
}

/**
 * Merges, in place, each assistant message that is its parent's only kept child into the assistant message above it
 * (content joined by a blank line); returns merged id → the id it now lives in. `messages` is parents first.
 */
function mergeToolChains(messages: ImportedMessage[], childCount: Map<string, number>): Map<string, string> {
  const byId = new Map(messages.map((message) => [message.localId, message]));
  const merged = new Map<string, string>();
  for (const message of messages) {
    const parentId = message.parentLocalId;
    if (parentId === null) continue;
    const host = byId.get(merged.get(parentId) ?? parentId) as ImportedMessage;
    message.parentLocalId = host.localId;
    if (message.role !== 'assistant' || host.role !== 'assistant' || childCount.get(parentId) !== 1) continue;
    host.content = `${host.content}\n\n${message.content}`;
    merged.set(message.localId, host.localId);
  }
  return merged;
}

/** ChatGPT writes `unknown` where it does not know the language. */
function codeLanguage(language: string | undefined): string {
  return language && language !== 'unknown' ? language : '';
}

function parts(content: Record<string, unknown>): unknown[] {
  return Array.isArray(content.parts) ? content.parts : [];
}

function fromUnixSeconds(value: unknown): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(Math.round(value * 1000)) : null;
}

function failed(sourceId: string | null, title: string | null, reason: string): ReadConversation {
  return { failed: true, sourceId, title, reason };
}
