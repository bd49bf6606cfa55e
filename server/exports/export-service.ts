import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { User } from '../../protocol/user.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { ForbiddenError } from '../errors/forbidden-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { parseInput } from '../validation/parse-input.ts';
import type { ExportManifest } from '../../protocol/conversation-export.ts';
import type { ConversationExporter } from './conversation-exporter.ts';
import { attachment, exportFileBase } from './export-file-name.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';

const oneSchema = z.object({
  format: z.enum(['json', 'md', 'html'], { message: 'must be json, md or html' }).default('json'),
  branches: z.enum(['active', 'all'], { message: 'must be active or all' }).default('active'),
});

const allSchema = z.object({
  all: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
});

/**
 * Whose conversations an export of everything holds, from its `?all=true|false`: the caller's, or (admins only;
 * a 403 for anyone else) everyone's. Shared by the streamed export and the one prepared in the background.
 */
export function exportScope(user: User, query: unknown): ExportManifest['scope'] {
  const all = parseInput(allSchema, query, 'query').all === 'true';
  if (all && user.role !== 'admin') throw new ForbiddenError('Only an admin may export every user’s conversations.');
  return all ? 'all' : 'own';
}

/** The ZIP's file name: `kiln-export-[all-]YYYY-MM-DD.zip`. */
export function archiveFileName(scope: ExportManifest['scope']): string {
  return `kiln-export-${scope === 'all' ? 'all-' : ''}${new Date().toISOString().slice(0, 10)}.zip`;
}

const types = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/** A file to download. */
export interface Download {
  body: string | Readable;
  contentType: string;
  disposition: string;
  /** Its size in bytes, when known before it is sent. */
  length?: number;
}

/** The ZIP of every conversation of `ownerId` (everyone's when undefined), streamed as it is built. */
export type ArchiveOf = (
  ownerId: string | undefined,
  header: { kilnVersion: string; scope: ExportManifest['scope'] },
) => Readable;

/** Export of one conversation (JSON, Markdown, HTML) and of all a user's (or, for an admin, everyone's) as a ZIP. */
export class ExportService {
  constructor(
    private readonly exporter: Pick<ConversationExporter, 'export'>,
    private readonly archiveOf: ArchiveOf,
    private readonly audit: Pick<AuditLog, 'record'>,
    private readonly kilnVersion: string,
  ) {}

  /** The caller's own conversation only: anyone else's is a 404, as one that does not exist. */
  async one(user: User, conversationId: string, query: unknown): Promise<Download> {
    const { format, branches } = parseInput(oneSchema, query, 'query');
    const doc = z.uuid().safeParse(conversationId).success
      ? await this.exporter.export(user.id, conversationId)
      : undefined;
    if (!doc) throw new NotFoundError('Conversation');
    const body =
      format === 'json'
        ? `${JSON.stringify(doc, null, 2)}\n`
        : format === 'md'
          ? renderMarkdown(doc, { branches })
          : renderHtml(doc, { branches });
    return { body, contentType: types[format], disposition: attachment(`${exportFileBase(doc)}.${format}`) };
  }

  /** A ZIP streamed as it is built; `all=true` (admins only) exports every user's conversations. */
  async archive(user: User, query: unknown, address: string | null): Promise<Download> {
    const scope = exportScope(user, query);
    if (scope === 'all') await this.audit.record({ action: 'export-all', actorId: user.id, address });
    return {
      body: this.archiveOf(scope === 'all' ? undefined : user.id, { kilnVersion: this.kilnVersion, scope }),
      contentType: 'application/zip',
      disposition: attachment(archiveFileName(scope)),
    };
  }
}
