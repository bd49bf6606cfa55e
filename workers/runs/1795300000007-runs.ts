import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs: code a user asked Kiln to execute in the sandbox, its verdict and capped output, and every event it
 * streamed (`run_events`, replayed after a `seq` to clients that reconnect). `dispatched_at` marks the runs
 * handed to the job queue; a user's other runs wait here, so one user never holds more than their share.
 */
export class Runs1795300000007 implements MigrationInterface {
  name = 'Runs1795300000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE runs (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('typescript', 'javascript', 'python', 'shell')),
        code text NOT NULL,
        tests text,
        stdin text,
        timeout_ms integer NOT NULL,
        pattern_ids text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'passed', 'failed', 'error')),
        result jsonb,
        error jsonb,
        diagnostics jsonb NOT NULL DEFAULT '[]',
        stdout text NOT NULL DEFAULT '',
        stderr text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX runs_owner_created ON runs (owner_id, created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX runs_owner_unfinished ON runs (owner_id, created_at) WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(`
      CREATE TABLE run_events (
        run_id uuid NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (run_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE run_events`);
    await queryRunner.query(`DROP TABLE runs`);
  }
}
