/**
 * A ZIP of every conversation prepared in the background (`POST /api/v1/exports/archives`): built by whichever
 * server takes the job, kept in Postgres until `expiresAt`, downloaded from any server. Sent to the owner's open
 * tabs as it changes (`export:archive`).
 */
export interface ExportArchive {
  id: string;
  /** The caller's conversations, or (an admin's) everyone's. */
  scope: 'own' | 'all';
  status: 'queued' | 'building' | 'ready' | 'failed';
  /** Size of the ZIP so far (building) or in all (ready). */
  bytes: number;
  /** Why it failed. */
  error: string | null;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  /** When the ZIP is deleted (a day after it was asked for). */
  expiresAt: string;
  /** Where to download it, once ready. */
  downloadUrl: string | null;
}
