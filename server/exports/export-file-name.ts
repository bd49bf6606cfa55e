import type { ConversationExport } from '../../protocol/conversation-export.ts';

/** A file name for a conversation: its date, its title in ASCII words, and the start of its id (never a path). */
export function exportFileBase(doc: Pick<ConversationExport, 'conversation'>): string {
  const slug =
    doc.conversation.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'conversation';
  return `${doc.conversation.createdAt.slice(0, 10)}-${slug}-${doc.conversation.id.slice(0, 8)}`;
}

/** A Content-Disposition for a download: an ASCII name, and the same name for clients that read `filename*`. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
