import type { ImportReport } from '$protocol/conversation-export.ts';
import type { ExportArchive } from '$protocol/export-archive.ts';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { csrfHeaderName, csrfToken } from './csrf-token.ts';
import type { JsonRequest, UploadProgressOptions } from './projects-api.ts';
import { uploadWithProgress } from './upload-with-progress.ts';

export type ConversationExportFormat = 'json' | 'md' | 'html';
/** Markdown and HTML: the branch shown (the server's default) or every branch. JSON always holds every branch. */
export type ExportedBranches = 'active' | 'all';

/**
 * The download link of one conversation. Downloads are plain links: the browser sends the session cookie itself,
 * saves under the server's file name and streams to disk, however big the file.
 */
export function conversationExportUrl(
  conversationId: string,
  format: ConversationExportFormat,
  branches?: ExportedBranches,
): string {
  const search = new URLSearchParams({ format, ...(branches ? { branches } : {}) });
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/export?${search}`;
}

/** The download link of a ZIP of the caller's conversations, or (admins only: 403 otherwise) everyone's. */
export function exportArchiveUrl(scope: 'own' | 'all' = 'own'): string {
  return scope === 'all' ? '/api/v1/exports?all=true' : '/api/v1/exports';
}

/**
 * Imports conversations (`/api/v1/imports`) and exports prepared in the background (`/api/v1/exports/archives`);
 * the direct exports are the download links above.
 */
export class ExportsApi {
  constructor(
    private readonly request: JsonRequest,
    private readonly onUnauthenticated: () => void,
  ) {}

  /**
   * Asks the server to build the ZIP in the background (everyone's: admins only). While one is being built, the
   * server answers with that one.
   */
  async prepareArchive(scope: 'own' | 'all' = 'own'): Promise<ExportArchive> {
    const path = scope === 'all' ? '/exports/archives?all=true' : '/exports/archives';
    return (await this.request<{ archive: ExportArchive }>('POST', path)).archive;
  }

  /** The signed-in user's prepared exports not yet expired, newest first. */
  async archives(): Promise<ExportArchive[]> {
    return (await this.request<{ archives: ExportArchive[] }>('GET', '/exports/archives')).archives;
  }

  removeArchive(id: string) {
    return this.request<void>('DELETE', `/exports/archives/${encodeURIComponent(id)}`);
  }

  /**
   * Uploads a Kiln, ChatGPT, Claude or Open WebUI export (.json or .zip) and resolves, once the server has imported
   * it, with what happened to each conversation. A file Kiln cannot read is an ApiError (400) naming what it reads.
   */
  async importFile(file: File, options: UploadProgressOptions = {}): Promise<ImportReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    const csrf = csrfToken();
    let answer;
    try {
      answer = await uploadWithProgress('/api/v1/imports', form, {
        headers: { accept: 'application/json', ...(csrf ? { [csrfHeaderName]: csrf } : {}) },
        ...options,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, 'network_error', 'The upload was cut off; check your connection and try again.');
    }
    if (answer.status >= 200 && answer.status < 300) return answer.json as ImportReport;
    if (answer.status === 401) this.onUnauthenticated();
    // A proxy in front of Kiln may refuse a big body with its own page instead of Kiln's JSON.
    const tooLarge = answer.status === 413 ? 'The file is larger than Kiln accepts.' : undefined;
    throw apiErrorFrom(answer.status, answer.json, tooLarge);
  }
}
