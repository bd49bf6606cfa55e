import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's API requests and socket events per 10-second bucket, added to by every server (the per-minute quota). */
export class RequestCounts1795300000021 implements MigrationInterface {
  name = 'RequestCounts1795300000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE request_counts (
         user_id uuid NOT NULL,
         bucket bigint NOT NULL,
         count integer NOT NULL,
         PRIMARY KEY (user_id, bucket)
       )`,
    );
    await queryRunner.query(`CREATE INDEX request_counts_bucket ON request_counts (bucket)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE request_counts`);
  }
}
