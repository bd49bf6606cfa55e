import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { ConversationExport, ExportManifest } from '../../protocol/conversation-export.ts';
import { conversationExportSchema } from '../../protocol/conversation-export.ts';
import { exportFileBase } from './export-file-name.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';

/** Past this much ZIP output not yet taken by the client, the next conversation waits. */
const bufferedBytes = 4 * 1024 * 1024;

/**
 * A ZIP of conversations streamed as it is built (yazl): `manifest.json`, and per conversation its JSON, Markdown
 * and HTML under `conversations/`. Conversations are read one at a time, and the next only once the client has
 * taken what was written, so memory stays flat however many there are (the manifest keeps one line each).
 */
export function exportArchive(
  conversations: AsyncIterable<ConversationExport>,
  header: { kilnVersion: string; scope: ExportManifest['scope'] },
): Readable {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  const manifest: ExportManifest = {
    schema: 'kiln.export.v1',
    conversationSchema: conversationExportSchema,
    kilnVersion: header.kilnVersion,
    exportedAt: new Date().toISOString(),
    scope: header.scope,
    counts: { conversations: 0, messages: 0 },
    conversations: [],
  };
  const roomInOutput = () =>
    new Promise<void>((resolve) => {
      if (output.readableLength < bufferedBytes || output.destroyed) return resolve();
      const done = () => {
        output.off('data', done);
        output.off('close', done);
        resolve();
      };
      output.on('data', done);
      output.on('close', done);
    });
  void (async () => {
    const used = new Set<string>();
    for await (const doc of conversations) {
      if (output.destroyed) return;
      let base = `conversations/${exportFileBase(doc)}`;
      while (used.has(base)) base += '-';
      used.add(base);
      const mtime = new Date(doc.conversation.updatedAt);
      const files = { json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` };
      zip.addBuffer(Buffer.from(`${JSON.stringify(doc, null, 2)}\n`), files.json, { mtime });
      zip.addBuffer(Buffer.from(renderMarkdown(doc)), files.markdown, { mtime });
      zip.addBuffer(Buffer.from(renderHtml(doc)), files.html, { mtime });
      manifest.counts.conversations += 1;
      manifest.counts.messages += doc.messages.length;
      manifest.conversations.push({ id: doc.conversation.id, title: doc.conversation.title, files });
      await roomInOutput();
    }
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
    zip.end();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
