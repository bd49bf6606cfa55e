import type { Readable } from 'node:stream';
import { ZipArchive, type ProgressData } from 'archiver';
import type { ConversationExport, ExportManifest } from '../../protocol/conversation-export.ts';
import { conversationExportSchema } from '../../protocol/conversation-export.ts';
import { batchCentralDirectory } from './batch-central-directory.ts';
import { exportFileBase } from './export-file-name.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';

/**
 * A ZIP of conversations streamed as it is built (archiver): `manifest.json`, and per conversation its JSON,
 * Markdown and HTML under `conversations/`. Conversations are read one at a time, and the next only once the
 * previous one's files have gone into the ZIP, which waits for the client to take its output: memory stays flat
 * however many there are (the manifest keeps one line each). (yazl, tried first, keeps every file's compressed
 * bytes until the end: 270 MB more for 10,000 conversations.)
 */
export function exportArchive(
  conversations: AsyncIterable<ConversationExport>,
  header: { kilnVersion: string; scope: ExportManifest['scope'] },
): Readable {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  batchCentralDirectory(zip);
  const output: Readable = zip;
  let added = 0;
  let processed = 0;
  let wake: (() => void) | undefined;
  zip.on('progress', (progress: ProgressData) => {
    processed = progress.entries.processed;
    wake?.();
  });
  zip.on('close', () => wake?.());
  zip.on('error', () => wake?.());
  const manifest: ExportManifest = {
    schema: 'kiln.export.v1',
    conversationSchema: conversationExportSchema,
    kilnVersion: header.kilnVersion,
    exportedAt: new Date().toISOString(),
    scope: header.scope,
    counts: { conversations: 0, messages: 0 },
    conversations: [],
  };
  /** Waits until the files added so far are in the ZIP (so none are held in its queue), or it was abandoned. */
  const written = () =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (processed >= added || output.destroyed) {
          wake = undefined;
          resolve();
        }
      };
      wake = check;
      check();
    });
  void (async () => {
    const used = new Set<string>();
    for await (const doc of conversations) {
      if (output.destroyed) return;
      let base = `conversations/${exportFileBase(doc)}`;
      while (used.has(base)) base += '-';
      used.add(base);
      const date = new Date(doc.conversation.updatedAt);
      const files = { json: `${base}.json`, markdown: `${base}.md`, html: `${base}.html` };
      zip.append(`${JSON.stringify(doc, null, 2)}\n`, { name: files.json, date });
      zip.append(renderMarkdown(doc), { name: files.markdown, date });
      zip.append(renderHtml(doc), { name: files.html, date });
      added += 3;
      manifest.counts.conversations += 1;
      manifest.counts.messages += doc.messages.length;
      manifest.conversations.push({ id: doc.conversation.id, title: doc.conversation.title, files });
      await written();
    }
    zip.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: 'manifest.json' });
    await zip.finalize();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
