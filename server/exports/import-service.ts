import { mkdir, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { ImportSettings } from '../../platform/config/config.ts';
import type { ImportFormat, ImportOutcome, ImportProgress, ImportReport } from '../../protocol/conversation-export.ts';
import type { User } from '../../protocol/user.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { receiveUpload } from '../projects/sources/receive-upload.ts';
import type { ReadConversation } from './imported-conversation.ts';
import { knownImportFormats, openImportSource, type ImportSource } from './import-source.ts';
import type { ImportWriter } from './import-writer.ts';
import { MalformedImportError, openConversationStream, UnknownFormatError } from './readers/read-conversations.ts';

/**
 * `POST /api/v1/imports`: a file (multipart field `file`, JSON or ZIP, at most KILN_IMPORT_MAX_MB) streamed to disk,
 * read twice as a stream: a check of the whole file first (its format, that it is well-formed JSON, valid UTF-8 and
 * within the limits), so a bad file is refused with nothing imported; then the import, one conversation per
 * transaction. A conversation that cannot be read or written is reported and the rest go on; one imported before
 * (same source) is skipped. Imported conversations are the importer's alone.
 */
export class ImportService {
  constructor(
    private readonly writer: Pick<ImportWriter, 'write'>,
    private readonly settings: ImportSettings,
    private readonly log: Logger,
    private readonly progress: (userId: string, progress: ImportProgress) => void = () => {},
  ) {}

  async import(user: User, request: Request): Promise<ImportReport> {
    await mkdir(this.settings.directory, { recursive: true });
    const upload = await receiveUpload(request, {
      field: 'file',
      maxBytes: this.settings.maxBytes,
      directory: this.settings.directory,
    });
    try {
      const source = await openImportSource(upload.path, {
        maxUnzippedBytes: this.settings.maxBytes * 4,
        maxEntries: 100_000,
      });
      const total = await this.check(user, source);
      return await this.write(user, source, total);
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /** Reads the whole file without writing; returns how many conversations it holds. */
  private async check(user: User, source: ImportSource): Promise<{ format: ImportFormat; count: number }> {
    let format: ImportFormat | undefined;
    let count = 0;
    for await (const conversation of this.read(source, (found) => (format ??= found))) {
      void conversation;
      count += 1;
      if (count % 500 === 0) this.progress(user.id, { phase: 'checking', done: count, total: null });
    }
    if (!format) throw new ValidationError(`The file holds no conversations. Kiln imports ${knownImportFormats}.`);
    return { format, count };
  }

  private async write(
    user: User,
    source: ImportSource,
    total: { format: ImportFormat; count: number },
  ): Promise<ImportReport> {
    const outcomes: ImportOutcome[] = [];
    let done = 0;
    for await (const conversation of this.read(source, () => {})) {
      outcomes.push(await this.writeOne(user, conversation));
      done += 1;
      if (done % 25 === 0 || done === total.count) {
        this.progress(user.id, { phase: 'importing', done, total: total.count });
      }
    }
    this.progress(user.id, { phase: 'done', done, total: total.count });
    const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
    return {
      format: total.format,
      imported: count('imported'),
      skipped: count('skipped'),
      failed: count('failed'),
      conversations: outcomes,
    };
  }

  private async writeOne(user: User, conversation: ReadConversation): Promise<ImportOutcome> {
    if ('failed' in conversation) {
      return {
        status: 'failed',
        sourceId: conversation.sourceId,
        title: conversation.title,
        reason: conversation.reason,
      };
    }
    try {
      const written = await this.writer.write(user.id, conversation);
      return written.status === 'imported'
        ? {
            status: 'imported',
            sourceId: conversation.sourceId,
            title: conversation.title,
            conversationId: written.conversationId,
            messages: written.messages,
          }
        : {
            status: 'skipped',
            sourceId: conversation.sourceId,
            title: conversation.title,
            conversationId: written.conversationId,
          };
    } catch (error) {
      this.log.warn({ err: error, sourceId: conversation.sourceId }, 'an imported conversation could not be written');
      return {
        status: 'failed',
        sourceId: conversation.sourceId,
        title: conversation.title,
        reason: 'Kiln could not store this conversation.',
      };
    }
  }

  /** Every conversation of the source's streams; a file Kiln cannot read is a 400 naming what it reads. */
  private async *read(
    source: ImportSource,
    onFormat: (format: ImportFormat) => void,
  ): AsyncGenerator<ReadConversation> {
    try {
      for await (const stream of source.streams()) {
        const opened = await openConversationStream(stream);
        onFormat(opened.format);
        yield* opened.conversations;
      }
    } catch (error) {
      // Both are 400s: the first names the formats Kiln reads; after the second, the import pass never starts.
      if (error instanceof UnknownFormatError) throw error;
      if (error instanceof MalformedImportError) {
        throw new ValidationError(`${error.message} Nothing was imported.`, [], { cause: error });
      }
      throw error;
    }
  }
}
