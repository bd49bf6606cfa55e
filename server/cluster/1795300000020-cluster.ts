import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What several Kiln instances on one database share:
 * - `kiln_instances`: each server's lease, renewed by its heartbeat; a turn whose runner's lease lapsed is closed
 *   as `interrupted` by a survivor;
 * - `turns.replay`: the turn's events as its owner numbered them (text as offsets into the saved answer), so any
 *   instance can replay a turn that runs, or ran, elsewhere;
 * - `socket_io_attachments`: the Socket.IO Postgres adapter's table for packets over NOTIFY's 8,000-byte limit.
 */
export class Cluster1795300000020 implements MigrationInterface {
  name = 'Cluster1795300000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE kiln_instances (
         id text PRIMARY KEY,
         started_at timestamptz NOT NULL DEFAULT now(),
         heartbeat_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await queryRunner.query(`ALTER TABLE turns ADD COLUMN replay jsonb`);
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS socket_io_attachments (
         id bigserial UNIQUE,
         created_at timestamptz DEFAULT now(),
         payload bytea
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE socket_io_attachments`);
    await queryRunner.query(`ALTER TABLE turns DROP COLUMN replay`);
    await queryRunner.query(`DROP TABLE kiln_instances`);
  }
}
