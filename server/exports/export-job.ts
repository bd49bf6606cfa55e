import type { ExportManifest } from '../../protocol/conversation-export.ts';

/** How the export's worker reaches Postgres: the server's own connection settings (no secrets beyond them). */
export interface ExportDatabase {
  connectionString?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  ssl?: boolean | Record<string, unknown>;
}

/** What the export's worker is asked to do. */
export interface ExportJob {
  database: ExportDatabase;
  /** Null: everyone's conversations (an admin's export). */
  ownerId: string | null;
  kilnVersion: string;
  scope: ExportManifest['scope'];
}

/** The worker's answer to each request for more: the next chunk of the ZIP, its end, or why it failed. */
export type ExportWorkerMessage = { chunk: Uint8Array } | { end: true } | { error: string };
