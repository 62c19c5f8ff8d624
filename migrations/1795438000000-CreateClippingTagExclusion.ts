import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rule links a person removed: a tag rule never re-adds a tag to a clipping listed here. */
export class CreateClippingTagExclusion1795438000000 implements MigrationInterface {
  name = 'CreateClippingTagExclusion1795438000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clipping_tag_exclusion (
        clipping_id INTEGER NOT NULL REFERENCES clipping (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
        PRIMARY KEY (clipping_id, tag_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ix_clipping_tag_exclusion_tag_id ON clipping_tag_exclusion (tag_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_clipping_tag_exclusion_tag_id`);
    await queryRunner.query(`DROP TABLE clipping_tag_exclusion`);
  }
}
