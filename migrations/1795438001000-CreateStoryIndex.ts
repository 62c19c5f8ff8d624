import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The persisted same-story index: per clipping its shingle count and the clipping version it was
 * computed from, and its LSH band keys (looked up by key to find candidate copies of a wire story).
 */
export class CreateStoryIndex1795438001000 implements MigrationInterface {
  name = 'CreateStoryIndex1795438001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clipping_story (
        clipping_id INTEGER PRIMARY KEY REFERENCES clipping (id) ON DELETE CASCADE,
        shingle_count INTEGER NOT NULL,
        clipping_version INTEGER NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE clipping_story_band (
        clipping_id INTEGER NOT NULL REFERENCES clipping (id) ON DELETE CASCADE,
        band_key BIGINT NOT NULL,
        PRIMARY KEY (clipping_id, band_key)
      )`);
    await queryRunner.query(`CREATE INDEX ix_clipping_story_band_band_key ON clipping_story_band (band_key)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_story_band_band_key`);
    await queryRunner.query(`DROP TABLE clipping_story_band`);
    await queryRunner.query(`DROP TABLE clipping_story`);
  }
}
