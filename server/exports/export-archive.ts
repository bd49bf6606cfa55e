import type { Readable } from 'node:stream';
import type { ConversationExport, ExportManifest } from '../../protocol/conversation-export.ts';
import { conversationExportSchema } from '../../protocol/conversation-export.ts';
import { exportFileBase } from './export-file-name.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { ZipWriter } from './zip-writer.ts';

/**
 * A ZIP of conversations streamed as it is built: `manifest.json`, and per conversation its JSON, Markdown and
 * HTML under `conversations/`. Conversations are read one at a time, and the next only once the previous one's
 * files are in the output and the client has taken enough of it: memory stays flat however many there are, but
 * for what the end of a ZIP must list (its directory, about 120 bytes a file) and the manifest's list: about
 * 0.6 KB a conversation in all.
 */
export function exportArchive(
  conversations: AsyncIterable<ConversationExport>,
  header: { kilnVersion: string; scope: ExportManifest['scope'] },
): Readable {
  const zip = new ZipWriter();
  const manifest: ExportManifest = {
    schema: 'kiln.export.v1',
    conversationSchema: conversationExportSchema,
    kilnVersion: header.kilnVersion,
    exportedAt: new Date().toISOString(),
    scope: header.scope,
    counts: { conversations: 0, messages: 0 },
    conversations: [],
  };
  /** The manifest's list, kept small until the end: each conversation's id, title and file name base. */
  const listed: [id: string, title: string, base: string][] = [];
  void (async () => {
    const used = new Set<string>();
    for await (const doc of conversations) {
      let base = `conversations/${exportFileBase(doc)}`;
      while (used.has(base)) base += '-';
      used.add(base);
      const date = new Date(doc.conversation.updatedAt);
      const files = filesOf(base);
      await zip.add(files.json, `${JSON.stringify(doc, null, 2)}\n`, date);
      await zip.add(files.markdown, renderMarkdown(doc), date);
      await zip.add(files.html, renderHtml(doc), date);
      manifest.counts.conversations += 1;
      manifest.counts.messages += doc.messages.length;
      listed.push([doc.conversation.id, doc.conversation.title, base]);
    }
    manifest.conversations = listed.map(([id, title, base]) => ({ id, title, files: filesOf(base) }));
    await zip.add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, new Date(manifest.exportedAt));
    await zip.finish();
  })().catch((error: unknown) => {
    if (!zip.output.destroyed) zip.output.destroy(error as Error);
  });
  return zip.output;
}

const filesOf = (base: string) => ({ json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` });
