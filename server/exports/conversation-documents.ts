import type { ConversationExport } from '../../protocol/conversation-export.ts';
import type { ConversationExporter } from './conversation-exporter.ts';
import type { ConversationCursor, ExportRepository } from './export-repository.ts';

const pageSize = 100;

/** Every conversation of `ownerId` (everyone's when undefined) as an export document, oldest first, a page at a time. */
export async function* conversationDocuments(
  repository: Pick<ExportRepository, 'conversationIds'>,
  exporter: Pick<ConversationExporter, 'export'>,
  ownerId: string | undefined,
): AsyncGenerator<ConversationExport> {
  let after: ConversationCursor | undefined;
  for (;;) {
    const page = await repository.conversationIds(ownerId, after, pageSize);
    for (const entry of page) {
      const doc = await exporter.export(entry.ownerId, entry.id);
      if (doc) yield doc;
    }
    if (page.length < pageSize) return;
    after = page.at(-1)!;
  }
}
