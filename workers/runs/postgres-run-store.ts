import type { Sql } from '../../platform/database/sql-query.ts';
import type { RunEvent, RunEventBody, RunView } from '../../protocol/runs.ts';
import { runEventsChannel, type RunJournal, type RunOutcome, type RunRepository, type RunSpec } from './run-store.ts';

/** Runs in Kiln's Postgres (`runs`, `run_events`). */
export class PostgresRunStore implements RunRepository, RunJournal {
  /** Next seq per run this process is writing (a run is written by one worker at a time). */
  private readonly nextSeq = new Map<string, number>();

  constructor(private readonly sql: Sql) {}

  async create(spec: RunSpec): Promise<void> {
    const queued: RunEventBody = { type: 'run.status', status: 'queued' };
    await this.sql.query(
      `WITH run AS (
         INSERT INTO runs (id, owner_id, language, code, tests, stdin, timeout_ms, pattern_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
       )
       INSERT INTO run_events (run_id, seq, body) SELECT id, 1, $9::jsonb FROM run`,
      [
        spec.id,
        spec.ownerId,
        spec.language,
        spec.code,
        spec.tests,
        spec.stdin,
        spec.timeoutMs,
        spec.patternIds,
        JSON.stringify(queued),
      ],
    );
  }

  async find(id: string, ownerId: string): Promise<RunView | undefined> {
    const [row] = await this.sql.query(
      `SELECT id, status, language, result, error, diagnostics, stdout, stderr, pattern_ids, created_at, finished_at
       FROM runs WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    );
    if (!row) return undefined;
    return {
      id: row.id as string,
      status: row.status as RunView['status'],
      language: row.language as RunView['language'],
      result: (row.result as RunView['result']) ?? null,
      error: (row.error as RunView['error']) ?? null,
      diagnostics: row.diagnostics as RunView['diagnostics'],
      stdout: row.stdout as string,
      stderr: row.stderr as string,
      patternIds: row.pattern_ids as string[],
      createdAt: row.created_at as Date,
      finishedAt: (row.finished_at as Date | null) ?? null,
    };
  }

  async eventsAfter(id: string, afterSeq: number): Promise<RunEvent[]> {
    const rows = await this.sql.query(
      `SELECT seq, body FROM run_events WHERE run_id = $1 AND seq > $2 ORDER BY seq`,
      [id, afterSeq],
      { prepared: true },
    );
    return rows.map((row) => ({ ...(row.body as RunEventBody), runId: id, seq: row.seq as number }));
  }

  dispatchable(ownerId: string, perUser: number): Promise<string[]> {
    return this.sql.transaction(async (query) => {
      // One owner's dispatching at a time, across processes: the count and the pick below see each other's work.
      await query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`kiln-runs:${ownerId}`]);
      const [busy] = await query(
        `SELECT count(*)::int AS count FROM runs
         WHERE owner_id = $1 AND status IN ('queued', 'running') AND dispatched_at IS NOT NULL`,
        [ownerId],
      );
      const free = perUser - Number(busy?.count ?? 0);
      if (free <= 0) return [];
      // A CTE, so the statement is a SELECT: TypeORM's transaction query answers an UPDATE with [rows, count].
      const picked = await query(
        `WITH picked AS (
           UPDATE runs SET dispatched_at = now()
           WHERE id IN (SELECT id FROM runs WHERE owner_id = $1 AND status = 'queued' AND dispatched_at IS NULL
                        ORDER BY created_at, id LIMIT $2)
           RETURNING id, created_at
         )
         SELECT id FROM picked ORDER BY created_at, id`,
        [ownerId, free],
      );
      return picked.map((row) => row.id as string);
    });
  }

  async abandon(olderThanMs: number): Promise<string[]> {
    const error = {
      code: 'interrupted',
      message: 'The run was interrupted: the process running it stopped. Run it again.',
    };
    const rows = await this.sql.query(
      `WITH abandoned AS (
         UPDATE runs SET status = 'error', error = $2::jsonb, finished_at = now()
         WHERE (status = 'running' AND started_at < now() - make_interval(secs => $1 / 1000.0))
            OR (status = 'queued' AND dispatched_at < now() - make_interval(secs => $1 / 1000.0))
         RETURNING id, owner_id
       ), told AS (
         INSERT INTO run_events (run_id, seq, body)
         SELECT id, (SELECT coalesce(max(seq), 0) + 1 FROM run_events WHERE run_id = abandoned.id),
                jsonb_build_object('type', 'run.error') || $2::jsonb
         FROM abandoned
         RETURNING run_id, seq
       )
       SELECT DISTINCT abandoned.owner_id, pg_notify($3, told.run_id || ':' || told.seq) IS NULL AS notified
       FROM abandoned JOIN told ON told.run_id = abandoned.id`,
      [olderThanMs, JSON.stringify(error), runEventsChannel],
    );
    return [...new Set(rows.map((row) => row.owner_id as string))];
  }

  async start(id: string): Promise<RunSpec | undefined> {
    const [row] = await this.sql.query(
      `UPDATE runs SET status = 'running', started_at = now() WHERE id = $1 AND status = 'queued'
       RETURNING id, owner_id, language, code, tests, stdin, timeout_ms, pattern_ids`,
      [id],
    );
    if (!row) return undefined;
    this.nextSeq.set(id, (await this.lastSeq(id)) + 1);
    return {
      id: row.id as string,
      ownerId: row.owner_id as string,
      language: row.language as RunSpec['language'],
      code: row.code as string,
      tests: (row.tests as string | null) ?? null,
      stdin: (row.stdin as string | null) ?? null,
      timeoutMs: row.timeout_ms as number,
      patternIds: row.pattern_ids as string[],
    };
  }

  async append(id: string, events: RunEventBody[]): Promise<void> {
    if (events.length === 0) return;
    const first = this.nextSeq.get(id) ?? (await this.lastSeq(id)) + 1;
    this.nextSeq.set(id, first + events.length);
    const last = first + events.length - 1;
    await this.sql.query(
      `WITH written AS (
         INSERT INTO run_events (run_id, seq, body)
         SELECT $1, $2::int + ordinality::int - 1, body FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(body)
       )
       SELECT pg_notify($4, $5)`,
      [id, first, JSON.stringify(events), runEventsChannel, `${id}:${last}`],
    );
  }

  async finish(id: string, outcome: RunOutcome): Promise<void> {
    this.nextSeq.delete(id);
    await this.sql.query(
      `UPDATE runs SET status = $2, result = $3, error = $4, diagnostics = $5, stdout = $6, stderr = $7,
         finished_at = now()
       WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.result ? JSON.stringify(outcome.result) : null,
        outcome.error ? JSON.stringify(outcome.error) : null,
        JSON.stringify(outcome.diagnostics),
        outcome.stdout,
        outcome.stderr,
      ],
    );
  }

  private async lastSeq(id: string): Promise<number> {
    const [row] = await this.sql.query(`SELECT coalesce(max(seq), 0) AS seq FROM run_events WHERE run_id = $1`, [id]);
    return Number(row?.seq ?? 0);
  }
}
