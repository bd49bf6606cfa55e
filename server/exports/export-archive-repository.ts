import type { Sql } from '../../platform/database/sql-query.ts';
import type { ExportArchive } from '../../protocol/export-archive.ts';

/** An archive as stored: the view's fields, its owner and the build attempt under way. */
export interface StoredArchive extends Omit<ExportArchive, 'downloadUrl' | 'createdAt' | 'finishedAt' | 'expiresAt'> {
  ownerId: string;
  attempt: number;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
}

const columns = 'id, owner_id, scope, status, attempt, bytes, error, file_name, created_at, finished_at, expires_at';

type Row = Record<string, unknown>;

function toArchive(row: Row): StoredArchive {
  return {
    id: String(row.id),
    ownerId: String(row.owner_id),
    scope: row.scope as StoredArchive['scope'],
    status: row.status as StoredArchive['status'],
    attempt: Number(row.attempt),
    bytes: Number(row.bytes),
    error: (row.error as string | null) ?? null,
    fileName: String(row.file_name),
    createdAt: row.created_at as Date,
    finishedAt: (row.finished_at as Date | null) ?? null,
    expiresAt: row.expires_at as Date,
  };
}

/** Background exports and their ZIPs, in chunks (see migration 1795300000023). */
export class ExportArchiveRepository {
  constructor(private readonly sql: Sql) {}

  async create(archive: { ownerId: string; scope: 'own' | 'all'; fileName: string; keepFor: number }) {
    const [row] = await this.sql.query(
      `INSERT INTO export_archives (owner_id, scope, file_name, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING ${columns}`,
      [archive.ownerId, archive.scope, archive.fileName, archive.keepFor / 1000],
    );
    return toArchive(row!);
  }

  /**
   * Deletes the owner's finished archives (ready or failed) beyond the newest `keep` of all theirs: each can be
   * tens of MB, and an archive is kept a day. Returns how many went.
   */
  async prune(ownerId: string, keep: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM export_archives WHERE id IN (
         SELECT id FROM export_archives WHERE owner_id = $1
          ORDER BY created_at DESC OFFSET $2)
       AND status IN ('ready', 'failed') RETURNING id`,
      [ownerId, keep],
    );
    return rows.length;
  }

  /**
   * The owner's archive of `scope` still queued or being built, if any (asking again returns it). One asked for more
   * than an hour ago does not count: its job (30 minutes, retried once) is over, whatever its row says.
   */
  async pending(ownerId: string, scope: 'own' | 'all'): Promise<StoredArchive | undefined> {
    const [row] = await this.sql.query(
      `SELECT ${columns} FROM export_archives
        WHERE owner_id = $1 AND scope = $2 AND status IN ('queued', 'building')
          AND created_at > now() - interval '1 hour' AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1`,
      [ownerId, scope],
    );
    return row ? toArchive(row) : undefined;
  }

  async find(id: string): Promise<StoredArchive | undefined> {
    const [row] = await this.sql.query(`SELECT ${columns} FROM export_archives WHERE id = $1 AND expires_at > now()`, [
      id,
    ]);
    return row ? toArchive(row) : undefined;
  }

  /** The owner's archives not yet expired, newest first. */
  async list(ownerId: string, limit = 20): Promise<StoredArchive[]> {
    const rows = await this.sql.query(
      `SELECT ${columns} FROM export_archives WHERE owner_id = $1 AND expires_at > now()
        ORDER BY created_at DESC LIMIT $2`,
      [ownerId, limit],
    );
    return rows.map(toArchive);
  }

  /**
   * Starts a build: the next attempt, with nothing written yet. Undefined when the archive is gone or finished
   * (a retried job whose first run did finish).
   */
  async start(id: string): Promise<StoredArchive | undefined> {
    const [row] = await this.sql.query(
      `UPDATE export_archives SET status = 'building', attempt = attempt + 1, bytes = 0, error = NULL
        WHERE id = $1 AND status IN ('queued', 'building') AND expires_at > now() RETURNING ${columns}`,
      [id],
    );
    return row ? toArchive(row) : undefined;
  }

  /** Adds the next chunk of an attempt's ZIP; false when that attempt is no longer the archive's current one. */
  async append(id: string, attempt: number, seq: number, data: Uint8Array): Promise<boolean> {
    const rows = await this.sql.query(
      `WITH current AS (
         UPDATE export_archives SET bytes = bytes + length($4::bytea)
          WHERE id = $1 AND attempt = $2 AND status = 'building' RETURNING id)
       INSERT INTO export_archive_chunks (archive_id, attempt, seq, data)
       SELECT id, $2, $3, $4 FROM current RETURNING seq`,
      [id, attempt, seq, data],
    );
    return rows.length === 1;
  }

  /**
   * Ends an attempt as ready or failed, dropping other attempts' chunks (and, failed, its own); undefined when it is
   * not the current attempt.
   */
  async finish(
    id: string,
    attempt: number,
    outcome: { status: 'ready' } | { status: 'failed'; error: string },
  ): Promise<StoredArchive | undefined> {
    const [row] = await this.sql.query(
      `WITH done AS (
         UPDATE export_archives SET status = $3, finished_at = now(), error = $4
          WHERE id = $1 AND attempt = $2 AND status = 'building' RETURNING ${columns}),
       dropped AS (
         DELETE FROM export_archive_chunks c USING done
          WHERE c.archive_id = done.id AND (c.attempt <> $2 OR $3 = 'failed'))
       SELECT * FROM done`,
      [id, attempt, outcome.status, outcome.status === 'failed' ? outcome.error : null],
    );
    return row ? toArchive(row) : undefined;
  }

  /** The chunk of a ready archive after `seq` (-1 for the first), or undefined at the end. */
  async chunkAfter(id: string, attempt: number, seq: number): Promise<{ seq: number; data: Buffer } | undefined> {
    const [row] = await this.sql.query(
      `SELECT seq, data FROM export_archive_chunks WHERE archive_id = $1 AND attempt = $2 AND seq > $3
        ORDER BY seq LIMIT 1`,
      [id, attempt, seq],
      { prepared: true },
    );
    return row ? { seq: Number(row.seq), data: row.data as Buffer } : undefined;
  }

  /** Deletes an owner's archive (its chunks go with it); false when there is none. */
  async remove(id: string, ownerId: string): Promise<boolean> {
    const rows = await this.sql.query(`DELETE FROM export_archives WHERE id = $1 AND owner_id = $2 RETURNING id`, [
      id,
      ownerId,
    ]);
    return rows.length === 1;
  }

  /** Deletes archives past their expiry; returns how many. */
  async removeExpired(): Promise<number> {
    const rows = await this.sql.query(`DELETE FROM export_archives WHERE expires_at <= now() RETURNING id`);
    return rows.length;
  }
}
