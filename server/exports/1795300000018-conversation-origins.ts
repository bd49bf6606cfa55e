import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an imported conversation came from (`origin_format` kiln|chatgpt|claude|openwebui and its id there), so a
 * second import of the same file skips it: unique per owner.
 */
export class ConversationOrigins1795300000018 implements MigrationInterface {
  name = 'ConversationOrigins1795300000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE conversations ADD COLUMN origin_format text, ADD COLUMN origin_id text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX conversations_origin ON conversations (owner_id, origin_format, origin_id)
       WHERE origin_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX conversations_origin`);
    await queryRunner.query(`ALTER TABLE conversations DROP COLUMN origin_id, DROP COLUMN origin_format`);
  }
}
