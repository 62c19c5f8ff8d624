import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confirmed story groups remembered by their texts' keys, as rejections are: `anchor` names the
 * confirmation a text belongs to (texts confirmed together share it). A group formed again from texts
 * of one confirmation — the same page re-filed with replace, new clipping ids, same texts — is
 * confirmed again instead of going back to the review queue.
 */
export class CreateStoryConfirmation1795710000000 implements MigrationInterface {
  name = 'CreateStoryConfirmation1795710000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE story_confirmation (
        text_key VARCHAR(64) PRIMARY KEY,
        anchor VARCHAR(64) NOT NULL,
        confirmed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
      )`);
    await queryRunner.query(`CREATE INDEX ix_story_confirmation_anchor ON story_confirmation (anchor)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_story_confirmation_anchor`);
    await queryRunner.query(`DROP TABLE story_confirmation`);
  }
}
